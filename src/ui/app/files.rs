//! Files in and out of the window: exports, the clipboard, opening and reloading atlases.

use crate::tr;
use std::path::PathBuf;

use crate::export::{Area, ExportRequest};
use crate::model::{self, Model};

use super::super::action::{Action, ExportChoice};
use super::super::jobs::{self, ExportJob};
use super::super::state::Notice;
use super::AtlasApp;

impl AtlasApp {
    /// What the window shows, as an export: the same filters, orientation, theme and marks.
    pub(super) fn export_request(&self, choice: &ExportChoice) -> ExportRequest {
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

    pub(super) fn start_export(&mut self, choice: ExportChoice) {
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
    pub(super) fn cite_view(&mut self) {
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

    pub(super) fn copy_image(&mut self) {
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
    pub(super) fn open_file(&mut self, path: PathBuf) {
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
    pub(super) fn load_atlas(&mut self, path: PathBuf, reload: bool) {
        // A reload reads the file as before; another file as it was last read, if ever.
        if !reload {
            let key = path.display().to_string();
            self.state.import =
                (self.state.settings.imports.get(&key).cloned()).unwrap_or_default();
        }
        // A large file is read on its own thread, with a spinner: the window stays live. A small
        // one (nearly every atlas) is read at once, which is quicker than a frame.
        #[cfg(not(target_arch = "wasm32"))]
        if std::fs::metadata(&path).is_ok_and(|m| m.len() >= LOAD_IN_BACKGROUND_FROM) {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            self.state.loading = Some(name);
            let import = self.state.import.clone();
            let job = jobs::LoadJob::start(path, import, reload, self.ctx.clone());
            self.loading = Some(job);
            return;
        }
        let result = model::load_file_with(&path, &self.state.import);
        self.finish_load(path, reload, result);
    }

    /// Puts what a load read on screen, or says why it could not be read.
    fn finish_load(
        &mut self,
        path: PathBuf,
        reload: bool,
        result: Result<Model, model::LoadError>,
    ) {
        self.state.loading = None;
        match result {
            Ok(m) => self.install_atlas(m, path.display().to_string(), Some(path), reload),
            Err(e) => self.state.notice = Some(could_not(self.state.lang(), reload, &e)),
        }
    }

    /// Asks for a background load's result once it is ready; until then, looks again soon.
    pub(super) fn poll_load(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        match &self.loading {
            Some(job) if job.done() => actions.push(Action::TakeLoaded),
            Some(_) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            None => {}
        }
    }

    /// Puts a background load's result on screen ([`Action::TakeLoaded`]).
    pub(super) fn take_loaded(&mut self) {
        let Some(job) = self.loading.take() else {
            return;
        };
        match job.poll() {
            Some(result) => self.finish_load(job.path, job.reload, result),
            None => self.loading = Some(job),
        }
    }

    /// Puts a loaded atlas on screen; `source` is its file, watched for changes (none for one
    /// picked in a browser).
    pub(super) fn install_atlas(
        &mut self,
        m: Model,
        origin: String,
        source: Option<PathBuf>,
        reload: bool,
    ) {
        let s = &mut self.state;
        let selected = s.selected.map(|b| s.model.body(b).id.clone());
        s.model = m;
        s.change_dates = crate::history::change_dates(&s.model);
        s.event_marks = super::super::state::event_marks(&s.model);
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
}

/// Atlas files from this size on are read in the background (a 4 MB RON file holds about
/// 3,000 bodies and takes a few hundred milliseconds to read and check).
#[cfg(not(target_arch = "wasm32"))]
const LOAD_IN_BACKGROUND_FROM: u64 = 4 * 1024 * 1024;

/// The notice for an atlas that did not load: the one on screen stays.
pub(super) fn could_not(l: crate::i18n::Lang, reload: bool, e: &model::LoadError) -> Notice {
    let error = e.to_string();
    Notice::error(if reload {
        tr!(l, "notice-could-not-reload", error = error)
    } else {
        tr!(l, "notice-could-not-open", error = error)
    })
}
