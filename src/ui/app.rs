//! The app: the state, the chart, the panels, and [`AtlasApp::apply`], the one place where what the
//! user asked for changes the state.

use crate::tr;
use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

use egui::{Key, Modifiers};

use crate::export::{Area, ExportRequest};
use crate::model::{self, BodyIdx, Date, Model};
use crate::scene::{Marks, Scene};
use crate::view::{Filters, Visible};

use super::action::{Action, ExportChoice};
use super::chart::ChartView;
use super::hover::{hover_card, relation_summary};
use super::jobs::{self, ExportJob};
use super::panels::Panels;
use super::settings::{save_settings, LeftTab, Settings};
use super::shortcuts::{self, Command};
use super::state::{AppState, Notice};
use super::watch::FileWatch;

/// A `--screenshot` run: where to write the window's picture, and whether that failed.
pub struct Screenshot {
    pub path: PathBuf,
    /// Read by [`super::run`] after the window closes, for the exit status.
    pub failed: Rc<Cell<bool>>,
    sent: bool,
}

impl Screenshot {
    pub fn new(path: PathBuf, failed: Rc<Cell<bool>>) -> Screenshot {
        Screenshot {
            path,
            failed,
            sent: false,
        }
    }
}

/// The whole window.
pub struct AtlasApp {
    state: AppState,
    chart: ChartView,
    panels: Panels,
    watch: Option<FileWatch>,
    job: Option<ExportJob>,
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

    /// What the window shows, as an export: the same filters, orientation, theme and marks.
    fn export_request(&self, choice: &ExportChoice) -> ExportRequest {
        let s = &self.state;
        ExportRequest {
            filters: s.settings.filters.clone(),
            orientation: s.settings.orientation,
            layout: s.settings.layout,
            theme: choice.theme,
            marks: s.marks(),
            area: if choice.whole {
                Area::Whole
            } else {
                Area::Region(self.chart.visible_region())
            },
            legend: choice.legend,
            caption: choice.legend,
            highlights: choice.highlights,
            transparent: choice.transparent,
            text_as_paths: choice.text_as_paths,
            scale: choice.scale,
            page: choice.page,
            ..ExportRequest::new(choice.format)
        }
    }

    fn start_export(&mut self, choice: ExportChoice) {
        let wake = self.ctx.clone();
        #[cfg(not(target_arch = "wasm32"))]
        if choice.book {
            let paper = match choice.page.paper {
                crate::export::Paper::Letter => crate::book::BookPaper::Letter,
                _ => crate::book::BookPaper::A4,
            };
            let (model, filters) = (
                self.state.model.clone(),
                self.state.settings.filters.clone(),
            );
            self.job = Some(ExportJob::book(model, filters, paper, choice.path, wake));
            self.state.exporting = true;
            return;
        }
        let request = self.export_request(&choice);
        self.job = Some(ExportJob::start(
            self.state.model.clone(),
            request,
            choice.path,
            wake,
        ));
        self.state.exporting = true;
    }

    /// Copies a citation of the view and the command line that reopens it.
    fn cite_view(&mut self) {
        let s = &mut self.state;
        let citation = crate::export::cite(
            &s.model,
            &s.view_spec(),
            s.source.as_deref().map(|p| (p, &s.import)),
            crate::model::Date::today(),
            s.cite_style(),
        );
        self.ctx.copy_text(citation.both());
        s.status = Some(tr!(
            s.lang(),
            "status-citation-copied",
            citation = citation.text.as_str()
        ));
    }

    fn copy_image(&mut self) {
        let choice = ExportChoice {
            path: PathBuf::new(),
            format: crate::export::Format::Png,
            scale: 1.0,
            whole: true,
            legend: true,
            highlights: false,
            transparent: false,
            text_as_paths: false,
            // The clipboard gets what the window shows.
            theme: self.state.theme,
            page: Default::default(),
            book: false,
        };
        let request = self.export_request(&choice);
        match jobs::clipboard_image(&self.state.model, &request) {
            Ok(image) => {
                let [w, h] = image.size;
                self.state.status = Some(tr!(
                    self.state.lang(),
                    "status-chart-copied",
                    width = crate::export::thousands(w as u32),
                    height = crate::export::thousands(h as u32)
                ));
                self.clipboard = Some(image);
            }
            Err(e) => {
                let text = tr!(
                    self.state.lang(),
                    "notice-copy-failed",
                    error = e.to_string()
                );
                self.state.notice = Some(Notice::error(text));
            }
        }
    }

    /// Opens a file chosen by the user: a spreadsheet whose id or name column is not found
    /// opens the import dialog instead of an error.
    fn open_file(&mut self, path: PathBuf) {
        let key = path.display().to_string();
        if crate::model::sheet::is_sheet(&key) {
            let import = (self.state.settings.imports.get(&key).cloned()).unwrap_or_default();
            if let Ok(bytes) = std::fs::read(&path) {
                // The header alone says whether the id and name are found: the whole sheet is
                // read once, by the dialog or by the load below.
                let roles = crate::model::column_roles(&bytes, &key, &import);
                let found = |r: &str| roles.as_ref().is_ok_and(|v| v.contains(&Some(r)));
                if roles.is_ok() && !(found("id") && found("name")) {
                    self.panels.import.show(path, bytes, import);
                    return;
                }
            }
        }
        self.load_atlas(path, false);
    }

    /// Loads an atlas file. A reload (the same file, changed on disk) keeps the view, the
    /// selection, the search and the filters wherever they still apply; a file that does not
    /// load leaves the atlas on screen as it was.
    fn load_atlas(&mut self, path: PathBuf, reload: bool) {
        // A reload reads the file as before; another file as it was last read, if ever.
        if !reload {
            let key = path.display().to_string();
            self.state.import =
                (self.state.settings.imports.get(&key).cloned()).unwrap_or_default();
        }
        match model::load_file_with(&path, &self.state.import) {
            Ok(m) => self.install_atlas(m, path.display().to_string(), Some(path), reload),
            Err(e) => self.state.notice = Some(could_not(self.state.lang(), reload, &e)),
        }
    }

    /// Puts a loaded atlas on screen; `source` is its file, watched for changes (none for one
    /// picked in a browser).
    fn install_atlas(&mut self, m: Model, origin: String, source: Option<PathBuf>, reload: bool) {
        let s = &mut self.state;
        let selected = s.selected.map(|b| s.model.body(b).id.clone());
        s.model = m;
        s.change_dates = crate::history::change_dates(&s.model);
        s.event_marks = super::state::event_marks(&s.model);
        s.revision += 1;
        s.origin = origin;
        if !reload {
            s.fresh_atlas = true;
            s.search.clear();
            s.settings.filters.focus = None;
            s.settings.filters.folded.clear();
            s.settings.filters.expand = None;
            s.fold_if_big();
        }
        s.forget_missing_focus();
        s.hits = crate::search::search(&s.model, &s.search);
        if let Some((doc, number)) = &s.article {
            if s.model.article(doc, number).is_none() {
                s.article = None;
            }
        }
        s.selected = selected.and_then(|id| s.model.index_of(&id));
        s.source = source;
        let (origin, count) = (s.origin.clone(), s.model.len());
        let (noun, word) = s.model.atlas.meta.noun();
        let word = word.to_owned();
        s.status = Some(if reload {
            tr!(
                s.lang(),
                "status-reloaded",
                origin = origin,
                count = count,
                noun = noun,
                word = word
            )
        } else {
            tr!(
                s.lang(),
                "status-opened",
                origin = origin,
                count = count,
                noun = noun,
                word = word
            )
        });
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
            // Ubuntu Light has no arrows (→ in "2003 → 2025", ←/→ in hints): Hack, already
            // loaded for monospace, draws them rather than a missing-glyph box.
            let mut fonts = egui::FontDefinitions::default();
            if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
                family.push("Hack".to_owned());
            }
            ctx.set_fonts(fonts);
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

    fn screenshot_ui(&mut self, ctx: &egui::Context) {
        let Some(shot) = &mut self.screenshot else {
            return;
        };
        // The scene is built before the first frame, so the first frame already shows the chart.
        if !shot.sent && self.frames >= 1 {
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(Default::default()));
            shot.sent = true;
        }
        ctx.request_repaint();
        let image = ctx.input(|i| {
            i.raw.events.iter().find_map(|e| match e {
                egui::Event::Screenshot { image, .. } => Some(image.clone()),
                _ => None,
            })
        });
        if let Some(image) = image {
            if let Err(e) = save_screenshot(&image, &shot.path) {
                eprintln!("error: {e}");
                shot.failed.set(true);
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

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
        let ctx = ui.ctx().clone();
        self.screenshot_ui(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            save_settings(&self.settings_to_save(), storage);
        }
    }
}

/// The notice for an atlas that did not load: the one on screen stays.
fn could_not(l: crate::i18n::Lang, reload: bool, e: &model::LoadError) -> Notice {
    let error = e.to_string();
    Notice::error(if reload {
        tr!(l, "notice-could-not-reload", error = error)
    } else {
        tr!(l, "notice-could-not-open", error = error)
    })
}
