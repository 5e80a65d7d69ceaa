//! The "Open atlas" dialog: a path field, a file chooser, Open and Cancel.
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

/// What the dialog opens, as it tells the user.
const WHAT: &str = "An atlas file (.ron) in the format of the built-in one, or a spreadsheet \
                    (.csv) with id, name, parent and kind columns.";

fn window() -> egui::Window<'static> {
    egui::Window::new("Open atlas")
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
        let Some(path) = &mut self.path else {
            return;
        };
        let mut keep = true;
        let mut submit = false;
        window().show(ui.ctx(), |ui| {
            ui.label(WHAT);
            ui.horizontal(|ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(path)
                        .hint_text("path/to/atlas.ron or .csv")
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
                if ui.button("Browse…").clicked() {
                    if let Some(p) = rfd::FileDialog::new()
                        .add_filter("Atlas or spreadsheet", &["ron", "csv", "CSV"])
                        .add_filter("Atlas", &["ron"])
                        .add_filter("Spreadsheet (CSV)", &["csv", "CSV"])
                        .pick_file()
                    {
                        *path = p.display().to_string();
                    }
                }
            });
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!path.trim().is_empty(), egui::Button::new("Open"))
                    .clicked()
                    || (submit && !path.trim().is_empty())
                {
                    actions.push(Action::Open(std::path::PathBuf::from(path.trim())));
                    keep = false;
                }
                if ui.button("Cancel").clicked() {
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
        if let Some((name, bytes)) = self.picked.borrow_mut().take() {
            actions.push(Action::OpenBytes { name, bytes });
            self.path = None;
        }
        if self.path.is_none() {
            return;
        }
        let mut keep = true;
        window().show(ui.ctx(), |ui| {
            ui.label(format!("{WHAT} From this computer."));
            ui.horizontal(|ui| {
                if ui.button("Choose a file…").clicked() {
                    let slot = self.picked.clone();
                    let ctx = ui.ctx().clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let file = rfd::AsyncFileDialog::new()
                            .add_filter("Atlas or spreadsheet", &["ron", "csv"])
                            .pick_file()
                            .await;
                        if let Some(file) = file {
                            let bytes = file.read().await;
                            *slot.borrow_mut() = Some((file.file_name(), bytes));
                            ctx.request_repaint();
                        }
                    });
                }
                if ui.button("Cancel").clicked() {
                    keep = false;
                }
            });
        });
        if !keep {
            self.path = None;
        }
    }
}
