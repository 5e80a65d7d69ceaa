//! The Open atlas dialog: a path field, a file chooser, Open and Cancel.
use super::widgets::lang;
use crate::tr;
use egui::Ui;

use crate::ui::action::Action;
use crate::ui::state::AppState;

/// The open dialog; `path` is `Some` while it is shown.
#[derive(Default)]
pub struct OpenDialog {
    pub path: Option<String>,
    /// In a browser: the file the user picked (name and contents), once it has been read.
    #[cfg(target_arch = "wasm32")]
    picked: std::rc::Rc<std::cell::RefCell<Option<(String, Vec<u8>)>>>,
}

fn window(l: crate::i18n::Lang) -> egui::Window<'static> {
    egui::Window::new(tr!(l, "open-title"))
        .collapsible(false)
        .resizable(false)
}

impl OpenDialog {
    pub fn show(&mut self) {
        self.path.get_or_insert_with(String::new);
    }

    pub fn ui(&mut self, ui: &mut Ui, _state: &AppState, actions: &mut Vec<Action>) {
        #[cfg(target_arch = "wasm32")]
        self.web_ui(ui, actions);
        #[cfg(not(target_arch = "wasm32"))]
        self.native_ui(ui, actions);
    }

    /// On the desktop: a path field, the system's file chooser, Open and Cancel.
    #[cfg(not(target_arch = "wasm32"))]
    fn native_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let l = lang(ui);
        let Some(path) = &mut self.path else {
            return;
        };
        let mut keep = true;
        let mut submit = false;
        window(l).show(ui.ctx(), |ui| {
            ui.label(tr!(l, "open-what"));
            ui.horizontal(|ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(path)
                        .hint_text(tr!(l, "open-path-hint"))
                        .desired_width(280.0),
                );
                // Enter in the field opens, as in any file dialog; Esc cancels.
                if field.lost_focus() {
                    let (enter, escape) = ui.input(|i| {
                        (
                            i.key_pressed(egui::Key::Enter),
                            i.key_pressed(egui::Key::Escape),
                        )
                    });
                    submit = enter;
                    keep &= !escape;
                }
                if ui.button(tr!(l, "open-browse")).clicked() {
                    if let Some(p) = rfd::FileDialog::new()
                        .add_filter(
                            tr!(l, "open-filter-any"),
                            &[
                                "ron", "csv", "CSV", "tsv", "txt", "json", "xlsx", "xlsm", "xls",
                                "xlsb", "ods",
                            ],
                        )
                        .add_filter(tr!(l, "open-filter-atlas"), &["ron"])
                        .add_filter(
                            tr!(l, "open-filter-csv"),
                            &[
                                "csv", "CSV", "tsv", "txt", "json", "xlsx", "xlsm", "xls", "xlsb",
                                "ods",
                            ],
                        )
                        .pick_file()
                    {
                        *path = p.display().to_string();
                    }
                }
            });
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        !path.trim().is_empty(),
                        egui::Button::new(tr!(l, "open-open")),
                    )
                    .clicked()
                    || (submit && !path.trim().is_empty())
                {
                    actions.push(Action::Open(std::path::PathBuf::from(path.trim())));
                    keep = false;
                }
                if ui.button(tr!(l, "open-cancel")).clicked() {
                    keep = false;
                }
            });
        });
        if !keep {
            self.path = None;
        }
    }

    /// In a browser: the page's own file picker; the file is read, then opened.
    #[cfg(target_arch = "wasm32")]
    fn web_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let l = lang(ui);
        if let Some((name, bytes)) = self.picked.borrow_mut().take() {
            actions.push(Action::OpenBytes { name, bytes });
            self.path = None;
        }
        if self.path.is_none() {
            return;
        }
        let mut keep = true;
        window(l).show(ui.ctx(), |ui| {
            ui.label(tr!(l, "open-what-web"));
            ui.horizontal(|ui| {
                if ui.button(tr!(l, "open-choose")).clicked() {
                    let slot = self.picked.clone();
                    let ctx = ui.ctx().clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let file = rfd::AsyncFileDialog::new()
                            .add_filter(
                                tr!(l, "open-filter-any"),
                                &[
                                    "ron", "csv", "tsv", "txt", "json", "xlsx", "xlsm", "xls",
                                    "xlsb", "ods",
                                ],
                            )
                            .pick_file()
                            .await;
                        if let Some(file) = file {
                            let bytes = file.read().await;
                            *slot.borrow_mut() = Some((file.file_name(), bytes));
                            ctx.request_repaint();
                        }
                    });
                }
                if ui.button(tr!(l, "open-cancel")).clicked() {
                    keep = false;
                }
            });
        });
        if !keep {
            self.path = None;
        }
    }
}
