//! Work that leaves the window: exports written on a background thread, and the picture for
//! Copy image. Both go through the same [`ExportRequest`] as the command line.

use crate::tr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::export::{self, ExportRequest};
use crate::model::Model;

/// The outcome of an export: the file written, or an error.
type Outcome = Result<Written, String>;

/// A file an export wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    /// The full path, so that the user knows which folder it went to.
    pub path: PathBuf,
    pub bytes: usize,
    /// Such as "scaled to 0.23× to fit 16,384 px".
    pub note: Option<String>,
}

impl Written {
    /// "Wrote /home/me/CSTO-2025-12-03.png (123,456 bytes)", and the note on a line of its own.
    pub fn message(&self, l: crate::i18n::Lang) -> String {
        let path = self.path.display().to_string();
        let bytes = export::thousands(self.bytes.try_into().unwrap_or(u32::MAX));
        let mut text = if cfg!(target_arch = "wasm32") {
            tr!(l, "notice-downloaded", path = path, bytes = bytes)
        } else {
            tr!(l, "notice-wrote", path = path, bytes = bytes)
        };
        if let Some(note) = &self.note {
            text.push_str(&format!("\n{}", capitalized(note)));
        }
        text
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Work running on its own thread (in a browser, which has no threads to spare, done at once),
/// and its result once it is done.
struct Background<T> {
    slot: Arc<Mutex<Option<T>>>,
}

impl<T: Send + 'static> Background<T> {
    /// Starts `work`; `wake` asks for a frame when it is done.
    fn start(work: impl FnOnce() -> T + Send + 'static, wake: egui::Context) -> Background<T> {
        let slot = Arc::new(Mutex::new(None));
        let out = slot.clone();
        let run = move || {
            let result = work();
            if let Ok(mut slot) = out.lock() {
                *slot = Some(result);
            }
            wake.request_repaint();
        };
        #[cfg(target_arch = "wasm32")]
        run();
        #[cfg(not(target_arch = "wasm32"))]
        std::thread::spawn(run);
        Background { slot }
    }

    fn done(&self) -> bool {
        self.slot.lock().is_ok_and(|s| s.is_some())
    }

    fn poll(&self) -> Option<T> {
        self.slot.lock().ok().and_then(|mut r| r.take())
    }
}

/// An export running on its own thread.
pub struct ExportJob(Background<Outcome>);

impl ExportJob {
    /// Starts rendering and writing; `wake` asks for a frame when it is done.
    pub fn start(
        model: Model,
        request: ExportRequest,
        path: PathBuf,
        wake: egui::Context,
    ) -> ExportJob {
        let render = move || {
            export::render_noted(&model, &request)
                .map(|r| (r.bytes, r.note))
                .map_err(|e| e.to_string())
        };
        ExportJob::run(render, path, wake)
    }

    /// Starts typesetting the view as a book (PDF) and writing it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn book(
        model: Model,
        filters: crate::view::Filters,
        paper: crate::book::BookPaper,
        path: PathBuf,
        wake: egui::Context,
    ) -> ExportJob {
        let render = move || {
            let today = crate::model::Date::today();
            crate::book::book_pdf(&model, &filters, paper, today).map(|bytes| (bytes, None))
        };
        ExportJob::run(render, path, wake)
    }

    /// Runs `render` and writes what it makes to `path`.
    fn run(
        render: impl FnOnce() -> Result<(Vec<u8>, Option<String>), String> + Send + 'static,
        path: PathBuf,
        wake: egui::Context,
    ) -> ExportJob {
        // In a browser the page renders, then downloads.
        let work = move || {
            render().and_then(|(bytes, note)| {
                let path = deliver(&path, &bytes).map_err(|e| e.to_string())?;
                Ok(Written {
                    path,
                    bytes: bytes.len(),
                    note,
                })
            })
        };
        ExportJob(Background::start(work, wake))
    }

    /// The outcome, once the export has finished.
    pub fn poll(&self) -> Option<Outcome> {
        self.0.poll()
    }
}

/// An atlas file being read and checked on its own thread.
pub struct LoadJob {
    job: Background<Result<Model, crate::model::LoadError>>,
    /// The file, and whether it is the open one changed on disk.
    pub path: PathBuf,
    pub reload: bool,
}

impl LoadJob {
    /// Starts reading `path` as `import` says; `wake` asks for a frame when it is done.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn start(
        path: PathBuf,
        import: crate::model::import::Import,
        reload: bool,
        wake: egui::Context,
    ) -> LoadJob {
        let file = path.clone();
        let job = Background::start(move || crate::model::load_file_with(&file, &import), wake);
        LoadJob { job, path, reload }
    }

    /// True once the file is read.
    pub fn done(&self) -> bool {
        self.job.done()
    }

    /// The model or the error, once the file is read.
    pub fn poll(&self) -> Option<Result<Model, crate::model::LoadError>> {
        self.job.poll()
    }
}

/// Writes an export's bytes where they go: the file (atomically), whose full path it returns.
#[cfg(not(target_arch = "wasm32"))]
fn deliver(path: &std::path::Path, bytes: &[u8]) -> Result<PathBuf, export::ExportError> {
    export::write_atomic(path, bytes)?;
    Ok(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
}

/// In a browser there are no files: the bytes are downloaded under the file's name.
#[cfg(target_arch = "wasm32")]
fn deliver(path: &std::path::Path, bytes: &[u8]) -> Result<PathBuf, export::ExportError> {
    let name = path.file_name().map_or_else(
        || "csto-atlas".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    super::web::download(&name, bytes)?;
    Ok(PathBuf::from(name))
}

/// The picture Copy image puts on the clipboard, at one pixel per point.
pub fn clipboard_image(model: &Model, request: &ExportRequest) -> Result<egui::ColorImage, String> {
    let (visible, scene) = request.scene(model);
    let svg = export::svg(model, &scene, &request.svg_options(model, &visible, &scene));
    let (rgba, w, h) = export::render_rgba(&svg, 1.0).map_err(|e| e.to_string())?;
    Ok(egui::ColorImage::from_rgba_unmultiplied(
        [w as usize, h as usize],
        &rgba,
    ))
}
