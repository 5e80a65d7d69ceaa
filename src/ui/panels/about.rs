//! Help → About: the program's version and licence, and how current the open atlas is.

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
        if !self.open {
            return;
        }
        let meta = &state.model.atlas.meta;
        let mut open = self.open;
        let mut close = false;
        egui::Window::new("About CSTO Atlas")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                ui.heading(format!("CSTO Atlas {}", env!("CARGO_PKG_VERSION")));
                ui.label(env!("CARGO_PKG_DESCRIPTION"));
                ui.separator();
                egui::Grid::new("about").num_columns(2).show(ui, |ui| {
                    ui.label("Atlas");
                    ui.label(&meta.title);
                    ui.end_row();
                    ui.label("Data edition");
                    ui.label(meta.edition_text());
                    ui.end_row();
                    ui.label("Sources checked to");
                    ui.label(meta.checked.as_deref().unwrap_or("not stated"));
                    ui.end_row();
                    ui.label("File");
                    ui.label(&state.origin);
                    ui.end_row();
                    ui.label("Licence");
                    ui.label(LICENCE);
                    ui.end_row();
                });
                ui.label(
                    RichText::new(
                        "Every fact in the atlas carries its sources and a status; \
                         unverified claims are shown as such, never as fact.",
                    )
                    .weak(),
                );
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        self.open = open && !close;
    }
}
