//! The app: state, menus, keyboard, and the flow from filters to the chart.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use super::chart::ChartView;
use super::panels::{self, ExportDialog, LeftTab};
use crate::layout::Orientation;
use crate::model::{self, Model};
use crate::scene::{self, Marks, Theme};
use crate::view::{self, Filters, Visible};

/// Set when a `--screenshot` could not be written, so that the process exits 1.
pub static SCREENSHOT_FAILED: AtomicBool = AtomicBool::new(false);

const STORAGE_KEY: &str = "csto-atlas-settings";

/// The user's theme choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system (default).
    #[default]
    System,
    Light,
    Dark,
}

/// What the window remembers between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Default: no filter.
    pub filters: Filters,
    /// Default: top-down.
    pub orientation: Orientation,
    /// Default: follow the system.
    pub theme: ThemeChoice,
    /// The selected body's id. Default: none.
    pub selected: Option<String>,
    /// Zoom and the chart point at the centre of the view. Default: the opening view.
    pub view: Option<(f32, [f32; 2])>,
    /// Default: the outline.
    pub left_tab: LeftTab,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            filters: Filters::default(),
            orientation: Orientation::TopDown,
            theme: ThemeChoice::System,
            selected: None,
            view: None,
            left_tab: LeftTab::Outline,
        }
    }
}

/// Reads saved settings; a corrupt entry is ignored with a warning.
pub fn load_settings(storage: &dyn eframe::Storage) -> Settings {
    let Some(text) = storage.get_string(STORAGE_KEY) else {
        return Settings::default();
    };
    match ron::from_str(&text) {
        Ok(s) => s,
        Err(e) => {
            log::warn!("ignoring the saved window state, which cannot be read: {e}");
            Settings::default()
        }
    }
}

/// Where a background export leaves its outcome: a message for the user, or an error.
pub type ExportSlot = Arc<Mutex<Option<Result<String, String>>>>;

/// A message for the user, shown until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// The whole window's state.
pub struct AtlasApp {
    pub model: Model,
    /// Where the atlas came from, for messages and reload.
    pub origin: String,
    pub settings: Settings,
    pub chart: ChartView,
    pub selected: Option<usize>,
    pub search: String,
    pub matches: Vec<usize>,
    /// A chosen article: (document id, number).
    pub article: Option<(String, String)>,
    pub notice: Option<Notice>,
    pub export: ExportDialog,
    /// Path typed into the "Open atlas" dialog; `Some` while the dialog is open.
    pub open_path: Option<String>,
    pub playing: bool,
    /// A short message in the header: what just happened.
    pub status: Option<String>,
    /// The atlas file to watch for changes (none for the embedded atlas).
    pub watch_path: Option<PathBuf>,
    watch: Option<super::watch::FileWatch>,
    /// The body under the pointer last frame.
    pub hovered: Option<usize>,
    pub screenshot: Option<PathBuf>,
    frames: u64,
    screenshot_sent: bool,
    visible: Option<Visible>,
    built_orientation: Option<Orientation>,
    built_filters: Option<Filters>,
    styled: Option<(Theme, Marks)>,
    pub(super) focus_search: bool,
    pub(super) pending_export: Option<ExportSlot>,
}

impl AtlasApp {
    pub fn new(model: Model, origin: String, settings: Settings) -> AtlasApp {
        let selected = settings
            .selected
            .as_deref()
            .and_then(|id| model.index_of(id));
        let mut app = AtlasApp {
            model,
            origin,
            settings,
            chart: ChartView::default(),
            selected,
            search: String::new(),
            matches: Vec::new(),
            article: None,
            notice: None,
            export: ExportDialog::default(),
            open_path: None,
            playing: false,
            status: None,
            watch_path: None,
            watch: None,
            hovered: None,
            screenshot: None,
            frames: 0,
            screenshot_sent: false,
            visible: None,
            built_orientation: None,
            built_filters: None,
            styled: None,
            focus_search: false,
            pending_export: None,
        };
        // Forget a focus or date that does not fit this atlas.
        if let Some(f) = &app.settings.filters.focus {
            if app.model.index_of(f).is_none() {
                app.settings.filters.focus = None;
            }
        }
        app.refresh();
        if let Some((zoom, centre)) = app.settings.view {
            app.chart
                .restore_view(zoom, egui::pos2(centre[0], centre[1]));
        }
        app
    }

    /// The chart theme in force.
    pub fn theme(&self, ctx: &egui::Context) -> Theme {
        match ctx.theme() {
            egui::Theme::Dark => Theme::Dark,
            egui::Theme::Light => Theme::Light,
        }
    }

    /// Recomputes the visible set and, when it or the orientation changed, the layout.
    pub fn refresh(&mut self) {
        // Filters and orientation as last applied: most frames change neither.
        if self.visible.is_some()
            && self.built_filters.as_ref() == Some(&self.settings.filters)
            && self.built_orientation == Some(self.settings.orientation)
        {
            return;
        }
        self.built_filters = Some(self.settings.filters.clone());
        let visible = view::visible(&self.model, &self.settings.filters);
        let changed = self.visible.as_ref() != Some(&visible)
            || self.built_orientation != Some(self.settings.orientation);
        if changed {
            let scene = scene::build(&self.model, &visible, self.settings.orientation);
            let reset = self.built_orientation != Some(self.settings.orientation);
            self.chart.set_scene(scene, reset);
            self.visible = Some(visible);
            self.built_orientation = Some(self.settings.orientation);
            self.styled = None;
        }
    }

    pub fn visible(&self) -> &Visible {
        // `refresh` runs in `new`, so the visible set is always there.
        self.visible.as_ref().expect("refresh ran in new")
    }

    /// The marks: selection, its path to the apex, search matches and bodies citing an article.
    pub fn marks(&self) -> Marks {
        let mut highlighted = self.matches.clone();
        if let Some((doc, number)) = &self.article {
            highlighted.extend(self.model.citing(doc, number));
        }
        Marks {
            selected: self.selected,
            highlighted,
            path: self
                .selected
                .map(|s| self.model.path_to_root(s))
                .unwrap_or_default(),
            hovered: None,
        }
    }

    /// Export options for what the window shows: theme, marks and, with the legend, a caption.
    pub fn svg_options(
        &self,
        ctx: &egui::Context,
        region: Option<egui::Rect>,
        legend: bool,
    ) -> crate::export::SvgOptions {
        let shown = self.visible().shown_count();
        crate::export::SvgOptions {
            theme: self.theme(ctx),
            marks: self.marks(),
            region,
            legend,
            caption: legend
                .then(|| crate::cli::caption(&self.model, &self.settings.filters, shown)),
        }
    }

    /// Selects a body (or nothing); `reveal` brings it into view.
    pub fn select(&mut self, body: Option<usize>, reveal: bool) {
        self.selected = body;
        self.settings.selected = body.map(|b| self.model.body(b).id.clone());
        if let (Some(b), true) = (body, reveal) {
            self.chart.reveal(b);
        }
    }

    /// Selects by id; false when there is no such body.
    pub fn select_id(&mut self, id: &str, centre: bool) -> bool {
        match self.model.index_of(id) {
            Some(i) => {
                self.select(Some(i), centre);
                true
            }
            None => false,
        }
    }

    pub fn set_search(&mut self, query: String) {
        self.matches = view::search(&self.model, &query);
        self.search = query;
    }

    /// Replaces the atlas; the old one stays when the new one does not load.
    pub fn open_atlas(&mut self, path: PathBuf) {
        self.load_atlas(path, false);
    }

    /// Loads an atlas file. A reload (the same file, changed on disk) keeps the view, the
    /// selection, the search and the filters wherever they still apply.
    fn load_atlas(&mut self, path: PathBuf, reload: bool) {
        match model::load_file(&path) {
            Ok(m) => {
                let selected = self.selected.map(|s| self.model.body(s).id.clone());
                self.model = m;
                self.origin = path.display().to_string();
                self.visible = None;
                if !reload {
                    self.built_orientation = None;
                    self.search.clear();
                }
                self.set_search(self.search.clone());
                if let Some((doc, number)) = &self.article {
                    if self.model.article(doc, number).is_none() {
                        self.article = None;
                    }
                }
                let focus = self.settings.filters.focus.take();
                self.settings.filters.focus =
                    focus.filter(|f| reload && self.model.index_of(f).is_some());
                self.selected = selected.and_then(|id| self.model.index_of(&id));
                self.refresh();
                self.watch_path = Some(path);
                self.status = Some(format!(
                    "{} {} ({} bodies)",
                    if reload { "Reloaded" } else { "Opened" },
                    self.origin,
                    self.model.len()
                ));
            }
            Err(e) => {
                let what = if reload { "reload" } else { "open" };
                self.notice = Some(Notice {
                    text: format!("Could not {what} the atlas; the one on screen stays.\n\n{e}"),
                    is_error: true,
                });
            }
        }
    }

    /// Starts watching the atlas file, and reloads it when it changes.
    fn watch_ui(&mut self, ctx: &egui::Context) {
        let wanted = self.watch_path.clone();
        let current = self.watch.as_ref().map(|w| w.path.clone());
        if let Some(path) = wanted {
            let same = current.is_some_and(|c| Some(c) == path.canonicalize().ok());
            if !same {
                match super::watch::FileWatch::new(&path, ctx) {
                    Ok(w) => self.watch = Some(w),
                    Err(e) => {
                        log::warn!("cannot watch {} for changes: {e}", path.display());
                        self.watch_path = None;
                    }
                }
            }
        }
        let changed = self.watch.as_mut().is_some_and(|w| w.changed(ctx));
        if changed {
            if let Some(path) = self.watch.as_ref().map(|w| w.path.clone()) {
                self.load_atlas(path, true);
            }
        }
    }

    /// Moves the selection by keyboard: Tab order, parent, first child, siblings.
    pub fn navigate(&mut self, key: Key, shift: bool) {
        let drawn: Vec<usize> = self.chart.scene.nodes.iter().map(|n| n.body).collect();
        if drawn.is_empty() {
            return;
        }
        let is_drawn = |i: usize| self.visible().is_drawn(i);
        let Some(sel) = self.selected.filter(|&s| is_drawn(s)) else {
            if matches!(key, Key::Tab | Key::ArrowDown | Key::ArrowUp) {
                self.select(Some(drawn[0]), true);
            }
            return;
        };
        let drawn_parent = |i: usize| self.visible().drawn_parent(&self.model, i);
        let next = match key {
            Key::Tab => {
                let pos = drawn.iter().position(|&b| b == sel).unwrap_or(0);
                let n = drawn.len();
                Some(
                    drawn[if shift {
                        (pos + n - 1) % n
                    } else {
                        (pos + 1) % n
                    }],
                )
            }
            Key::ArrowUp => drawn_parent(sel),
            Key::ArrowDown => drawn
                .iter()
                .copied()
                .find(|&b| drawn_parent(b) == Some(sel)),
            Key::ArrowLeft | Key::ArrowRight => {
                let parent = drawn_parent(sel);
                let siblings: Vec<usize> = drawn
                    .iter()
                    .copied()
                    .filter(|&b| drawn_parent(b) == parent)
                    .collect();
                let pos = siblings.iter().position(|&b| b == sel).unwrap_or(0);
                if key == Key::ArrowLeft {
                    pos.checked_sub(1).map(|p| siblings[p])
                } else {
                    siblings.get(pos + 1).copied()
                }
            }
            _ => None,
        };
        if let Some(next) = next {
            self.select(Some(next), true);
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context) {
        let ctrl = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        if ctx.input_mut(|i| i.consume_shortcut(&ctrl(Key::F))) {
            self.focus_search = true;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&ctrl(Key::E))) {
            self.export.open = true;
        }
        if ctx.input_mut(|i| i.consume_shortcut(&ctrl(Key::O))) {
            self.open_path = Some(String::new());
        }
        let copy = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
        if ctx.input_mut(|i| i.consume_shortcut(&copy)) {
            panels::copy_image(self, ctx);
        }
        if ctx.text_edit_focused() {
            return;
        }
        let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if pressed(Key::F) {
            self.chart.fit_all();
        }
        if pressed(Key::C) {
            if let Some(s) = self.selected {
                self.chart.centre_on(s);
            }
        }
        if pressed(Key::Plus) || pressed(Key::Equals) {
            self.chart.zoom_by(1.25, None);
        }
        if pressed(Key::Minus) {
            self.chart.zoom_by(0.8, None);
        }
        if pressed(Key::Num0) {
            self.chart.reset_view();
        }
        if pressed(Key::O) {
            self.toggle_orientation();
        }
        if pressed(Key::Enter) {
            if let Some(s) = self.selected {
                self.chart.centre_on(s);
            }
        }
        if pressed(Key::Escape) {
            self.select(None, false);
        }
        let shift_tab = ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::Tab));
        let mut moved = false;
        if shift_tab {
            self.navigate(Key::Tab, true);
            moved = true;
        }
        for key in [
            Key::Tab,
            Key::ArrowUp,
            Key::ArrowDown,
            Key::ArrowLeft,
            Key::ArrowRight,
        ] {
            if pressed(key) {
                self.navigate(key, false);
                moved = true;
            }
        }
        if moved {
            // These keys walk the chart; egui must not also move focus between widgets.
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
    }

    pub fn toggle_orientation(&mut self) {
        self.settings.orientation = match self.settings.orientation {
            Orientation::TopDown => Orientation::LeftRight,
            Orientation::LeftRight => Orientation::TopDown,
        };
        self.refresh();
    }

    /// Builds the whole window inside `ui`. The eframe app and the tests both call this.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        if self.frames == 0 {
            // egui's dark text is dim for long reading; the side panel is mostly prose.
            ctx.style_mut_of(egui::Theme::Dark, |s| {
                s.visuals.widgets.noninteractive.fg_stroke.color = egui::Color32::from_gray(212);
            });
        }
        self.keyboard(&ctx);
        self.watch_ui(&ctx);
        panels::menu_bar_ui(self, ui);
        panels::filter_header_ui(self, ui);
        panels::legend_bar_ui(self, ui);
        panels::left_panel_ui(self, ui);
        if self.selected.is_some() {
            panels::details_panel_ui(self, ui);
        }
        self.play_step(&ctx);
        self.refresh();
        let theme = self.theme(&ctx);
        let mut marks = self.marks();
        marks.hovered = self.hovered;
        if self.styled.as_ref() != Some(&(theme, marks.clone())) {
            self.chart.restyle(theme, &marks);
            self.styled = Some((theme, marks));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let response = self.chart.ui(ui, theme);
                if response.hovered != self.hovered {
                    self.hovered = response.hovered;
                    ui.ctx().request_repaint();
                }
                if let Some(body) = response.clicked {
                    self.select(Some(body), false);
                } else if response.clicked_background {
                    self.select(None, false);
                }
                if let (Some(body), Some(r)) = (response.hovered, &response.response) {
                    let b = self.model.body(body);
                    let mandate = b
                        .mandate
                        .as_ref()
                        .map(|m| first_sentence(&m.text))
                        .unwrap_or_default();
                    let kind = b.kind.label();
                    let name = b.name.clone();
                    r.clone().on_hover_ui_at_pointer(|ui| {
                        ui.set_max_width(320.0);
                        ui.strong(name);
                        ui.label(kind);
                        ui.label(mandate);
                    });
                }
            });
        panels::dialogs_ui(self, &ctx);
        self.settings.view = Some((
            self.chart.zoom(),
            self.chart.visible_region().center().into(),
        ));
        self.frames += 1;
    }

    fn play_step(&mut self, ctx: &egui::Context) {
        if !self.playing {
            return;
        }
        let (start, end) = self.model.date_range();
        let current = self
            .settings
            .filters
            .as_of
            .as_deref()
            .and_then(model::Date::parse)
            .unwrap_or(start);
        // About two years a second.
        let dt = ctx.input(|i| i.stable_dt).min(0.1);
        let step = (730.0 * dt).max(1.0) as i64;
        let next = current.day_number() + step;
        if next >= end.day_number() {
            self.settings.filters.as_of = Some(end.to_string());
            self.playing = false;
        } else {
            self.settings.filters.as_of = Some(model::Date::from_day_number(next).to_string());
            ctx.request_repaint();
        }
    }

    fn screenshot_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.screenshot.clone() else {
            return;
        };
        // The scene is built before the first frame, so the first frame already shows the chart.
        if !self.screenshot_sent && self.frames >= 1 {
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(Default::default()));
            self.screenshot_sent = true;
        }
        ctx.request_repaint();
        let image = ctx.input(|i| {
            i.raw.events.iter().find_map(|e| match e {
                egui::Event::Screenshot { image, .. } => Some(image.clone()),
                _ => None,
            })
        });
        if let Some(image) = image {
            if let Err(e) = save_screenshot(&image, &path) {
                eprintln!("error: {e}");
                SCREENSHOT_FAILED.store(true, Ordering::SeqCst);
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn save_screenshot(image: &egui::ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let png = crate::export::encode_png(&rgba, w as u32, h as u32).map_err(|e| e.to_string())?;
    crate::export::write_atomic(path, &png).map_err(|e| e.to_string())
}

/// The first sentence of a text, for one-line tooltips.
pub fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(end) => text[..=end].to_owned(),
        None => text.to_owned(),
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
        let ctx = ui.ctx().clone();
        self.screenshot_ui(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return;
        }
        match ron::to_string(&self.settings) {
            Ok(text) => storage.set_string(STORAGE_KEY, text),
            Err(e) => log::warn!("could not save the window state: {e}"),
        }
    }
}
