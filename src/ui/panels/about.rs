//! Help → About: the program's version and licence, and how current the open atlas is.

use super::widgets::lang;
use crate::tr;
use egui::{RichText, Ui};

use crate::ui::state::AppState;

/// The About window; shown while `open`.
#[derive(Default)]
pub struct AboutWindow {
    pub open: bool,
}

/// The program's licence, as `Cargo.toml` gives it.
pub const LICENCE: &str = env!("CARGO_PKG_LICENSE");

impl AboutWindow {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState) {
        let l = lang(ui);
        if !self.open {
            return;
        }
        let meta = &state.model.atlas.meta;
        let mut open = self.open;
        let mut close = false;
        egui::Window::new(tr!(l, "about-title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                ui.heading(format!("CSTO Atlas {}", env!("CARGO_PKG_VERSION")));
                ui.label(tr!(l, "about-description"));
                ui.separator();
                egui::Grid::new("about").num_columns(2).show(ui, |ui| {
                    ui.label(tr!(l, "about-atlas"));
                    ui.label(&meta.title);
                    ui.end_row();
                    ui.label(tr!(l, "about-edition"));
                    ui.label(meta.edition_text());
                    ui.end_row();
                    ui.label(tr!(l, "about-checked"));
                    ui.label(
                        meta.checked
                            .as_deref()
                            .map_or_else(|| tr!(l, "about-not-stated"), str::to_owned),
                    );
                    ui.end_row();
                    ui.label(tr!(l, "about-file"));
                    if state.origin == crate::model::EMBEDDED_NAME {
                        ui.label(tr!(l, "about-embedded"));
                    } else {
                        ui.label(&state.origin);
                    }
                    ui.end_row();
                    ui.label(tr!(l, "about-licence"));
                    ui.label(LICENCE);
                    ui.end_row();
                });
                ui.label(RichText::new(tr!(l, "about-honesty")).weak());
                if ui.button(tr!(l, "about-close")).clicked() {
                    close = true;
                }
            });
        self.open = open && !close;
    }
}
