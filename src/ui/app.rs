//! The app: the state, the chart, the panels, and [`AtlasApp::apply`], the one place where what the
//! user asked for changes the state.

use crate::tr;
use std::path::PathBuf;

use egui::{Key, Modifiers};

use crate::model::{self, BodyIdx, Date, Model};
use crate::scene::{Marks, Scene};
use crate::view::{Filters, Visible};

use super::action::Action;
use super::chart::ChartView;
use super::hover::{hover_card, relation_summary};
use super::jobs::ExportJob;
use super::panels::Panels;
use super::settings::{save_settings, LeftTab, Settings};
use super::shortcuts::{self, Command};
use super::state::{AppState, Notice};
use super::watch::FileWatch;

mod files;
use files::could_not;
mod screenshot;

pub use screenshot::Screenshot;

/// The whole window.
pub struct AtlasApp {
    state: AppState,
    chart: ChartView,
    panels: Panels,
    watch: Option<FileWatch>,
    job: Option<ExportJob>,
    /// A large atlas file being read on its own thread.
    loading: Option<super::jobs::LoadJob>,
    screenshot: Option<Screenshot>,
    /// A picture waiting to go to the clipboard (the context is at hand only in a frame).
    clipboard: Option<egui::ColorImage>,
    quit: bool,
    /// The window's context as of the last frame, so a background export can wake it.
    ctx: egui::Context,
    frames: u64,
    /// A text field had the keyboard at the end of the last frame.
    typing: bool,
    /// The body just folded or unfolded: it keeps its place on screen.
    fold_anchor: Option<BodyIdx>,
    /// A body to bring into view once the scene is rebuilt (it may have been folded away).
    reveal_after: Option<BodyIdx>,
}

impl AtlasApp {
    /// A window on `model`; `source` is the atlas file (watched), `None` for the embedded atlas.
    pub fn new(model: Model, source: Option<PathBuf>, settings: Settings) -> AtlasApp {
        let saved_view = settings.view;
        let state = AppState::new(model, source, settings);
        let mut chart = ChartView::default();
        chart.set_scene(state.scene(), true, false, None);
        if let Some(view) = saved_view {
            chart.restore_view(view);
        }
        AtlasApp {
            state,
            chart,
            panels: Panels::default(),
            watch: None,
            job: None,
            loading: None,
            screenshot: None,
            clipboard: None,
            quit: false,
            ctx: egui::Context::default(),
            frames: 0,
            typing: false,
            fold_anchor: None,
            reveal_after: None,
        }
    }

    /// Saves a picture of the window once the chart is painted, then closes it.
    pub fn take_screenshot(&mut self, screenshot: Screenshot) {
        self.screenshot = Some(screenshot);
    }

    pub fn model(&self) -> &Model {
        &self.state.model
    }

    pub fn selected(&self) -> Option<BodyIdx> {
        self.state.selected
    }

    pub fn settings(&self) -> &Settings {
        &self.state.settings
    }

    /// The settings as they would be saved now, with the current view.
    pub fn settings_to_save(&self) -> Settings {
        Settings {
            view: Some(self.chart.saved_view()),
            ..self.state.settings.clone()
        }
    }

    pub fn visible(&self) -> &Visible {
        self.state.visible()
    }

    pub fn scene(&self) -> &Scene {
        self.state.scene()
    }

    pub fn marks(&self) -> Marks {
        self.state.marks()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.state.notice.as_ref()
    }

    /// The part of the chart on screen, in chart coordinates.
    pub fn visible_region(&self) -> egui::Rect {
        self.chart.visible_region()
    }

    /// Where a drawn body's box is on screen (for tests that click the chart).
    pub fn screen_rect_of(&self, body: BodyIdx) -> Option<egui::Rect> {
        let r = self.state.scene().node_for(body)?.rect;
        Some(self.chart.screen_rect(r))
    }

    /// The free rectangle the panels leave to the chart, on screen.
    pub fn chart_area(&self) -> egui::Rect {
        self.chart.viewport()
    }

    /// Where a chart point is on screen.
    pub fn screen_pos(&self, p: egui::Pos2) -> egui::Pos2 {
        self.chart.screen_rect(egui::Rect::from_min_max(p, p)).min
    }

    /// The chosen relation (index in the atlas), if any.
    pub fn selected_relation(&self) -> Option<usize> {
        self.state.relation
    }

    /// Carries out one action, then brings the derived state (and the chart) up to date.
    pub fn apply(&mut self, action: Action) {
        let s = &mut self.state;
        match action {
            Action::Run(command) => self.run(command),
            Action::Select { body, reveal } => {
                s.relation = None;
                s.selected = body;
                s.settings.selected = body.map(|b| s.model.body(b).id.clone());
                if let (Some(b), true) = (body, reveal) {
                    // A body folded away is brought out: its ancestors open.
                    s.unfold_to(b);
                    self.reveal_after = Some(b);
                }
            }
            Action::Hover(body) => s.hovered = body,
            Action::SelectRelation(relation) => {
                s.relation = relation;
                if relation.is_some() {
                    s.selected = None;
                    s.settings.selected = None;
                }
            }
            Action::HoverRelation(relation) => s.hovered_relation = relation,
            Action::Centre(body) => self.chart.centre_on(body),
            Action::SetSearch(query) => {
                s.hits = crate::search::search(&s.model, &query);
                s.search = query;
            }
            Action::ChooseArticle(article) => {
                if article.is_some() {
                    s.settings.left_tab = LeftTab::Articles;
                }
                s.article = article;
            }
            Action::SetFilters(filters) => s.settings.filters = filters,
            Action::ToggleFold(body) => {
                s.toggle_fold(body);
                self.fold_anchor = Some(body);
            }
            Action::SetMinimap(on) => s.settings.minimap = Some(on),
            Action::CopyText { text, what } => {
                self.ctx.copy_text(text);
                s.status = Some(tr!(s.lang(), "copied", what = what));
            }
            Action::SetCiteStyle(style) => s.settings.cite_style = style,
            Action::ExpandTo(level) => s.expand_to(level),
            Action::ClearFilters => {
                s.settings.filters = Filters {
                    showcase: s.settings.filters.showcase,
                    ..Default::default()
                };
                s.playing = false;
            }
            Action::SetTheme(theme) => s.settings.theme = theme,
            Action::SetLeftTab(tab) => s.settings.left_tab = tab,
            Action::SetOutlineMode(mode) => s.settings.outline = mode,
            Action::TogglePlay => {
                let (start, end) = s.model.date_range();
                if !s.playing && s.date() >= end {
                    s.settings.filters.as_of = Some(start);
                }
                s.playing = !s.playing;
            }
            Action::Open(path) => self.open_file(path),
            Action::OpenWith { path, import } => {
                let key = path.display().to_string();
                match import.is_default() {
                    true => s.settings.imports.remove(&key),
                    false => s.settings.imports.insert(key, import),
                };
                self.load_atlas(path, false);
            }
            Action::ImportSettings => {
                if let Some(path) = s.source.clone() {
                    match std::fs::read(&path) {
                        Ok(bytes) => self.panels.import.show(path, bytes, s.import.clone()),
                        Err(e) => s.notice = Some(Notice::error(e.to_string())),
                    }
                }
            }
            Action::OpenBytes { name, bytes } => match model::load_bytes(&bytes, &name) {
                Ok(m) => self.install_atlas(m, name, None, false),
                Err(e) => self.state.notice = Some(could_not(self.state.lang(), false, &e)),
            },
            Action::Reload => {
                if let Some(path) = s.source.clone() {
                    self.load_atlas(path, true);
                }
            }
            Action::Export(choice) => self.start_export(choice),
            Action::ExportDone(result) => {
                s.exporting = false;
                s.notice = Some(match result {
                    Ok(written) => {
                        s.settings.export_folder = written.path.parent().map(Into::into);
                        Notice {
                            text: written.message(s.lang()),
                            is_error: false,
                            path: Some(written.path),
                        }
                    }
                    Err(text) => Notice::error(tr!(s.lang(), "notice-export-failed", error = text)),
                });
            }
            Action::Notify(notice) => s.notice = Some(notice),
            Action::DismissNotice => s.notice = None,
            Action::TakeLoaded => self.take_loaded(),
        }
        if let Some(rebuilt) = self.state.refresh() {
            let animate = !rebuilt.new_atlas && self.frames > 0;
            let anchor = self.fold_anchor.take();
            self.chart
                .set_scene(self.state.scene(), rebuilt.reset_view, animate, anchor);
        }
        self.fold_anchor = None;
        // A body chosen inside a fold is shown once the scene has it.
        if let Some(body) = self.reveal_after.take() {
            self.chart.reveal(body);
        }
    }

    fn run(&mut self, command: Command) {
        let s = &mut self.state;
        match command {
            Command::Search => self.panels.left.focus_search = true,
            Command::GoToDate => {
                s.settings.left_tab = LeftTab::Filters;
                self.panels.left.focus_date = true;
            }
            Command::Export => self.panels.export.open = true,
            Command::Open => self.panels.open.show(),
            Command::About => self.panels.about.open = true,
            Command::CopyImage => self.copy_image(),
            Command::CiteView => self.cite_view(),
            Command::ToggleFold => {
                if let Some(b) = s.selected {
                    s.toggle_fold(b);
                    self.fold_anchor = Some(b);
                }
            }
            Command::FitAll => self.chart.fit_all(),
            Command::CentreSelection => {
                if let Some(b) = s.selected {
                    self.chart.centre_on(b);
                }
            }
            Command::ZoomIn => self.chart.zoom_by(1.25, None),
            Command::ZoomOut => self.chart.zoom_by(0.8, None),
            Command::ResetView => self.chart.reset_view(),
            Command::ToggleOrientation => s.settings.orientation = s.settings.orientation.flipped(),
            // The first Esc clears the search and its marks; the next, the selection.
            Command::ClearSelection if !s.search.is_empty() => {
                s.search.clear();
                s.hits.clear();
            }
            Command::ClearSelection => {
                s.selected = None;
                s.settings.selected = None;
                s.relation = None;
            }
            Command::Quit => self.quit = true,
        }
    }

    /// The arrow keys walk the chart (Tab is egui's: it moves the focus, the chart included).
    fn navigation_keys(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let mut moves = Vec::new();
        for key in [
            Key::ArrowUp,
            Key::ArrowDown,
            Key::ArrowLeft,
            Key::ArrowRight,
        ] {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                moves.push(key);
            }
        }
        if moves.is_empty() {
            return;
        }
        // These keys walk the chart; egui must not also move focus between widgets.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        let mut at = self.state.selected;
        for key in moves {
            if let Some(next) = self.state.navigate_from(at, key) {
                at = Some(next);
                actions.push(Action::Select {
                    body: Some(next),
                    reveal: true,
                });
            }
        }
    }

    /// Starts watching the atlas file, and asks for a reload when it changes.
    fn watch_file(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if let Some(path) = &self.state.source {
            let watched = self.watch.as_ref().map(|w| w.path.as_path());
            if watched != path.canonicalize().ok().as_deref() {
                self.watch = FileWatch::new(path, ctx)
                    .map_err(|e| log::warn!("cannot watch {} for changes: {e}", path.display()))
                    .ok();
            }
        }
        if self.watch.as_mut().is_some_and(|w| w.changed(ctx)) {
            actions.push(Action::Reload);
        }
    }

    /// ▶ Play: about two years a second, stopping at the edition.
    fn play_step(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let s = &self.state;
        if !s.playing {
            return;
        }
        let (start, end) = s.model.date_range();
        let current = s.settings.filters.as_of.unwrap_or(start);
        let dt = ctx.input(|i| i.stable_dt).min(0.1);
        let step = (730.0 * dt).max(1.0) as i64;
        let next = current.day_number() + step;
        let mut filters = s.settings.filters.clone();
        if next >= end.day_number() {
            filters.as_of = Some(end);
            actions.push(Action::TogglePlay);
        } else {
            filters.as_of = Some(Date::from_day_number(next));
            ctx.request_repaint();
        }
        actions.push(Action::SetFilters(filters));
    }

    fn apply_all(&mut self, actions: Vec<Action>) {
        for action in actions {
            self.apply(action);
        }
    }

    /// Builds the whole window inside `ui`. The eframe app and the tests both call this.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(self.state.settings.theme);
        // The interface language, where every panel's widgets read it (panels::widgets::lang).
        ctx.data_mut(|d| d.insert_temp(super::panels::widgets::LANG_ID.into(), self.state.lang()));
        if self.frames == 0 {
            // egui's dark text is dim for long reading; the side panel is mostly prose.
            ctx.style_mut_of(egui::Theme::Dark, |s| {
                s.visuals.widgets.noninteractive.fg_stroke.color = egui::Color32::from_gray(212);
            });
            ctx.set_fonts(crate::fonts::definitions());
        }
        self.state.theme = ctx.theme();
        self.ctx = ctx.clone();

        // A key that a text field had (Esc leaves it, and egui has already dropped its focus)
        // is not the chart's too.
        let chart_keys = self.chart.has_keys(&ctx) && !self.typing;
        let mut actions: Vec<Action> = shortcuts::pressed(&ctx, chart_keys)
            .into_iter()
            .map(Action::Run)
            .collect();
        if chart_keys {
            self.navigation_keys(&ctx, &mut actions);
        }
        self.watch_file(&ctx, &mut actions);
        actions.extend(super::drop::dropped(&ctx));
        self.poll_load(&ctx, &mut actions);
        super::drop::veil(&ctx, self.state.lang());
        if let Some(done) = self.job.as_ref().and_then(ExportJob::poll) {
            self.job = None;
            actions.push(Action::ExportDone(done));
        } else if self.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.apply_all(std::mem::take(&mut actions));

        self.panels.sides_ui(ui, &self.state, &mut actions);
        self.play_step(&ctx, &mut actions);
        self.apply_all(std::mem::take(&mut actions));

        let marks = self.state.marks();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let shown = self.state.settings.filters.relations;
                self.chart.minimap = self.state.minimap_shown();
                let response = self.chart.ui(ui, self.state.theme, &marks, shown);
                if response.hovered != self.state.hovered {
                    actions.push(Action::Hover(response.hovered));
                    ui.ctx().request_repaint();
                }
                if response.hovered_relation != self.state.hovered_relation {
                    actions.push(Action::HoverRelation(response.hovered_relation));
                    ui.ctx().request_repaint();
                }
                if let Some(r) = response.clicked_relation {
                    actions.push(Action::SelectRelation(Some(r)));
                }
                if let Some(body) = response.toggled {
                    actions.push(Action::ToggleFold(body));
                } else if let Some(body) = response.clicked {
                    // Reveal only pans when the body is partly out of view (or the side panel
                    // that opens covers it).
                    actions.push(Action::Select {
                        body: Some(body),
                        reveal: true,
                    });
                } else if response.clicked_background {
                    actions.push(Action::Select {
                        body: None,
                        reveal: false,
                    });
                }
                if let (Some(body), Some(r)) = (response.hovered, &response.response) {
                    let lang = self.state.settings.filters.lang.clone();
                    hover_card(
                        &self.state.model,
                        body,
                        self.state.date(),
                        lang.as_deref(),
                        r,
                    );
                } else if let (Some(rel), Some(r)) = (response.hovered_relation, &response.response)
                {
                    let lang = self.state.settings.filters.lang.as_deref();
                    let text = relation_summary(&self.state.model, rel, lang);
                    r.clone().on_hover_text_at_pointer(text);
                }
            });
        self.panels.windows_ui(ui, &self.state, &mut actions);
        self.apply_all(actions);
        // In a browser the address follows the view, so that a link reopens it.
        #[cfg(target_arch = "wasm32")]
        super::web::sync_link(&ctx, &self.state);

        if let Some(image) = self.clipboard.take() {
            ctx.copy_image(image);
        }
        if self.quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.typing = ctx.text_edit_focused();
        self.frames += 1;
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
        let ctx = ui.ctx().clone();
        self.screenshot_ui(&ctx);
        // The second frame begins once the first is on the screen.
        #[cfg(target_arch = "wasm32")]
        if self.frames == 2 {
            super::web::mark_painted();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            save_settings(&self.settings_to_save(), storage);
        }
    }
}
