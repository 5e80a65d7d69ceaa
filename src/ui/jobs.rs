//! Work that leaves the window: exports written on a background thread, and the picture for
//! Copy image. Both go through the same [`ExportRequest`] as the command line.

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
    pub fn message(&self) -> String {
        let verb = if cfg!(target_arch = "wasm32") {
            "Downloaded"
        } else {
            "Wrote"
        };
        let mut text = format!(
            "{verb} {} ({} bytes)",
            self.path.display(),
            export::thousands(self.bytes.try_into().unwrap_or(u32::MAX))
        );
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
        // A browser has no threads to spare and no files: the page renders, then downloads.
        #[cfg(target_arch = "wasm32")]
        {
            let result = export::render_noted(&model, &request)
                .and_then(|out| {
                    let name = path.file_name().map_or_else(
                        || "csto-atlas".to_owned(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    super::web::download(&name, &out.bytes)?;
                    Ok(Written {
                        path: PathBuf::from(name),
                        bytes: out.bytes.len(),
                        note: out.note,
                    })
                })
                .map_err(|e| e.to_string());
            if let Ok(mut slot) = out.lock() {
                *slot = Some(result);
            }
            wake.request_repaint();
        }
        #[cfg(not(target_arch = "wasm32"))]
        std::thread::spawn(move || {
            let result = export::render_noted(&model, &request)
                .and_then(|out| {
                    export::write_atomic(&path, &out.bytes)?;
                    Ok(Written {
                        path: std::fs::canonicalize(&path).unwrap_or(path.clone()),
                        bytes: out.bytes.len(),
                        note: out.note,
                    })
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
