//! `--screenshot`: the window's first painted frame written as a PNG, then the window closed.

use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

use super::AtlasApp;

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

impl AtlasApp {
    pub(super) fn screenshot_ui(&mut self, ctx: &egui::Context) {
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
