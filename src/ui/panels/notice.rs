//! Messages for the user: a spinner while an export runs, then "Done" or "Problem".

use egui::Ui;

use crate::ui::action::Action;
use crate::ui::state::AppState;

/// The notice window.
#[derive(Default)]
pub struct NoticeWindow;

impl NoticeWindow {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let ctx = ui.ctx().clone();
        if state.exporting {
            egui::Window::new("Exporting")
                .collapsible(false)
                .show(&ctx, |ui| {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Writing the file…");
                    });
                });
        }
        let Some(notice) = &state.notice else { return };
        let mut open = true;
        let title = if notice.is_error { "Problem" } else { "Done" };
        egui::Window::new(title)
            .collapsible(false)
            .open(&mut open)
            .show(&ctx, |ui| {
                ui.set_max_width(520.0);
                if notice.is_error {
                    ui.colored_label(ui.visuals().error_fg_color, &notice.text);
                } else {
                    ui.label(&notice.text);
                }
                ui.horizontal(|ui| {
                    if ui.button("OK").clicked() {
                        actions.push(Action::DismissNotice);
                    }
                    // A browser downloads: there is no folder to show.
                    #[cfg(not(target_arch = "wasm32"))]
                    if let Some(path) = &notice.path {
                        if ui
                            .button("Open folder")
                            .on_hover_text("Show the file in the file manager")
                            .clicked()
                        {
                            if let Err(e) = opener::reveal(path) {
                                actions.push(Action::Notify(crate::ui::state::Notice::error(
                                    format!("Could not open the folder of {}: {e}", path.display()),
                                )));
                            }
                        }
                        if ui
                            .button("Copy path")
                            .on_hover_text("Put the file's full path on the clipboard")
                            .clicked()
                        {
                            ui.ctx().copy_text(path.display().to_string());
                        }
                    }
                });
            });
        if !open {
            actions.push(Action::DismissNotice);
        }
    }
}
