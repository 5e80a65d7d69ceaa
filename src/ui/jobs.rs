//! Work that leaves the window: exports written on a background thread, and the picture for
//! Copy image. Both go through the same [`ExportRequest`] as the command line.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::export::{self, ExportRequest};
use crate::model::Model;

/// The outcome of an export: a message for the user, or an error.
type Outcome = Result<String, String>;

/// An export running on its own thread.
pub struct ExportJob {
    slot: Arc<Mutex<Option<Outcome>>>,
}

impl ExportJob {
    /// Starts rendering and writing; `wake` asks for a frame when it is done.
    pub fn start(
        model: Model,
        request: ExportRequest,
        path: PathBuf,
        wake: egui::Context,
    ) -> ExportJob {
        let slot = Arc::new(Mutex::new(None));
        let out = slot.clone();
        std::thread::spawn(move || {
            let result = export::render(&model, &request)
                .and_then(|bytes| export::write_atomic(&path, &bytes).map(|_| bytes.len()))
                .map(|n| {
                    // The full path, so that the user knows which folder it went to.
                    let full = std::fs::canonicalize(&path).unwrap_or(path.clone());
                    format!("Wrote {} ({n} bytes)", full.display())
                })
                .map_err(|e| e.to_string());
            if let Ok(mut slot) = out.lock() {
                *slot = Some(result);
            }
            wake.request_repaint();
        });
        ExportJob { slot }
    }

    /// The outcome, once the export has finished.
    pub fn poll(&self) -> Option<Outcome> {
        self.slot.lock().ok().and_then(|mut r| r.take())
    }
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
