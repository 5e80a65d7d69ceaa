//! Messages for the user: a spinner while an export runs, then tr!(l, "notice-done") or tr!(l, "notice-problem").

use super::widgets::lang;
use crate::tr;
use egui::Ui;

use crate::ui::action::Action;
use crate::ui::state::AppState;

/// The notice window.
#[derive(Default)]
pub struct NoticeWindow;

impl NoticeWindow {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let l = lang(ui);
        let ctx = ui.ctx().clone();
        if state.exporting {
            egui::Window::new(tr!(l, "notice-exporting"))
                .collapsible(false)
                .show(&ctx, |ui| {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tr!(l, "notice-writing"));
                    });
                });
        }
        if let Some(file) = &state.loading {
            egui::Window::new(tr!(l, "notice-opening"))
                .collapsible(false)
                .show(&ctx, |ui| {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tr!(l, "notice-reading", file = file.as_str()));
                    });
                });
        }
        let Some(notice) = &state.notice else { return };
        let mut open = true;
        let title = if notice.is_error {
            tr!(l, "notice-problem")
        } else {
            tr!(l, "notice-done")
        };
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
                    if ui.button(tr!(l, "notice-ok")).clicked() {
                        actions.push(Action::DismissNotice);
                    }
                    // A browser downloads: there is no folder to show.
                    #[cfg(not(target_arch = "wasm32"))]
                    if let Some(path) = &notice.path {
                        if ui
                            .button(tr!(l, "notice-open-folder"))
                            .on_hover_text(tr!(l, "notice-open-folder-hint"))
                            .clicked()
                        {
                            if let Err(e) = opener::reveal(path) {
                                actions.push(Action::Notify(crate::ui::state::Notice::error(tr!(
                                    l,
                                    "notice-folder-failed",
                                    path = path.display().to_string(),
                                    error = e.to_string()
                                ))));
                            }
                        }
                        if ui
                            .button(tr!(l, "notice-copy-path"))
                            .on_hover_text(tr!(l, "notice-copy-path-hint"))
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
