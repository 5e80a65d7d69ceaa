//! File → Import settings: how a spreadsheet is read. The first rows of the sheet, each column
//! with the role it plays (ID, Parent, Name, Second line, Kind, Date, Field, Ignore), pre-filled
//! from the headers, and what reading it so would find wrong; Open reads it that way and the
//! window remembers it for the file. Shown by itself when a sheet's id or name is not found.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::widgets::lang;
use crate::i18n::Lang;
use crate::model::import::{Import, Preview};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::state::AppState;

/// The rows of the sheet shown.
const ROWS: usize = 20;

/// The roles a column can be given here, with their interface keys.
const CHOICES: [(Option<&str>, &str); 8] = [
    (Some("id"), "import-role-id"),
    (Some("parent"), "import-role-parent"),
    (Some("name"), "import-role-name"),
    (Some("label2"), "import-role-label2"),
    (Some("kind"), "import-role-kind"),
    (Some("established"), "import-role-date"),
    (None, "import-role-field"),
    (Some("-"), "import-role-ignore"),
];

/// The file being set up: its path and contents, the reading so far and its preview.
struct Setup {
    path: PathBuf,
    bytes: Vec<u8>,
    import: Import,
    preview: Result<Preview, String>,
}

/// The import dialog; shown while it holds a file.
#[derive(Default)]
pub struct ImportDialog {
    setup: Option<Setup>,
}

impl ImportDialog {
    /// Shows the dialog for `path` (its contents `bytes`), read as `import` to begin with.
    pub fn show(&mut self, path: PathBuf, bytes: Vec<u8>, import: Import) {
        let mut setup = Setup {
            path,
            bytes,
            import,
            preview: Err(String::new()),
        };
        setup.refresh();
        self.setup = Some(setup);
    }

    pub fn ui(&mut self, ui: &mut Ui, _state: &AppState, actions: &mut Vec<Action>) {
        let l = lang(ui);
        let Some(setup) = &mut self.setup else {
            return;
        };
        let mut open = true;
        let mut done = false;
        let title = tr!(l, "import-title", file = file_name(&setup.path));
        egui::Window::new(title)
            .id(egui::Id::new("import-dialog"))
            .open(&mut open)
            .collapsible(false)
            .default_width(760.0)
            .show(ui.ctx(), |ui| {
                ui.label(tr!(l, "import-what"));
                let changed = setup.sheet_ui(ui, l) | setup.roles_ui(ui, l);
                if changed {
                    setup.refresh();
                }
                setup.rows_ui(ui);
                setup.problems_ui(ui, l);
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button(tr!(l, "import-open")).clicked() {
                        actions.push(Action::OpenWith {
                            path: setup.path.clone(),
                            import: setup.import.clone(),
                        });
                        done = true;
                    }
                    if ui.button(tr!(l, "import-cancel")).clicked() {
                        done = true;
                    }
                    ui.weak(tr!(
                        l,
                        "import-as-args",
                        args = setup.import.args().join(" ")
                    ));
                });
            });
        if !open || done {
            self.setup = None;
        }
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into(),
    )
}

impl Setup {
    fn refresh(&mut self) {
        let name = self.path.display().to_string();
        self.preview = crate::model::preview(&self.bytes, &name, &self.import, ROWS)
            .map_err(|e| e.to_string());
    }

    /// A workbook's sheets, to choose from.
    fn sheet_ui(&mut self, ui: &mut Ui, l: Lang) -> bool {
        let sheets = match &self.preview {
            Ok(p) if p.sheets.len() > 1 => p.sheets.clone(),
            _ => return false,
        };
        let mut changed = false;
        ui.horizontal(|ui| {
            let label = ui.label(tr!(l, "import-sheet"));
            let current = self
                .import
                .sheet
                .clone()
                .unwrap_or_else(|| sheets[0].clone());
            egui::ComboBox::from_id_salt("import-sheet")
                .selected_text(&current)
                .show_ui(ui, |ui| {
                    for s in &sheets {
                        if ui.selectable_label(*s == current, s).clicked() {
                            self.import.sheet = Some(s.clone());
                            changed = true;
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        changed
    }

    /// Each column: its header, the role it plays (a choice), and its first values.
    fn roles_ui(&mut self, ui: &mut Ui, l: Lang) -> bool {
        let Ok(p) = &self.preview else {
            return false;
        };
        let (header, roles) = (p.header.clone(), p.roles.clone());
        let samples: Vec<String> = (0..header.len())
            .map(|i| {
                let values: Vec<&str> = (p.rows.iter())
                    .filter_map(|r| r.get(i).map(String::as_str))
                    .filter(|v| !v.is_empty())
                    .take(3)
                    .collect();
                values.join(", ")
            })
            .collect();
        let mut change: Option<(usize, Option<&'static str>)> = None;
        egui::Grid::new("import-roles")
            .num_columns(3)
            .striped(true)
            .show(ui, |ui| {
                ui.strong(tr!(l, "import-column"));
                ui.strong(tr!(l, "import-role"));
                ui.strong(tr!(l, "import-sample"));
                ui.end_row();
                for (i, h) in header.iter().enumerate() {
                    let label = ui.label(h);
                    let current = roles.get(i).copied().flatten();
                    egui::ComboBox::from_id_salt(("import-role", i))
                        .selected_text(role_text(l, current))
                        .show_ui(ui, |ui| {
                            for (role, key) in CHOICES {
                                let chosen = current == role;
                                if ui.selectable_label(chosen, tr_key(l, key)).clicked() && !chosen
                                {
                                    change = Some((i, role.map(static_role)));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.weak(&samples[i]);
                    ui.end_row();
                }
            });
        let Some((i, role)) = change else {
            return false;
        };
        let current = roles.get(i).copied().flatten();
        set_role(&mut self.import, &header[i], current, role);
        true
    }

    /// The first rows, as the sheet has them.
    fn rows_ui(&self, ui: &mut Ui) {
        let Ok(p) = &self.preview else {
            return;
        };
        egui::ScrollArea::both()
            .id_salt("import-rows")
            .max_height(220.0)
            .show(ui, |ui| {
                egui::Grid::new("import-rows-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for h in &p.header {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for row in &p.rows {
                            for cell in row.iter().take(p.header.len()) {
                                ui.label(cell);
                            }
                            ui.end_row();
                        }
                    });
            });
    }

    /// What reading it so finds wrong, by row; or why it cannot be read at all.
    fn problems_ui(&self, ui: &mut Ui, l: Lang) {
        let error = ui.visuals().error_fg_color;
        match &self.preview {
            Err(e) => {
                ui.colored_label(error, e);
            }
            Ok(p) if p.problems.is_empty() => {
                ui.label(RichText::new(tr!(l, "import-no-problems")).strong());
            }
            Ok(p) => {
                ui.colored_label(error, tr!(l, "import-problems", count = p.problems.len()));
                egui::ScrollArea::vertical()
                    .id_salt("import-problems")
                    .max_height(120.0)
                    .show(ui, |ui| {
                        for (line, message) in p.problems.iter().take(50) {
                            ui.label(tr!(
                                l,
                                "import-problem",
                                line = *line as usize,
                                message = message.as_str()
                            ));
                        }
                    });
            }
        }
    }
}

/// The role as the choice names it; an automatic role the choices lack ("seat") by its key.
fn role_text(l: Lang, role: Option<&str>) -> String {
    match CHOICES.iter().find(|(r, _)| *r == role) {
        Some((_, key)) => tr_key(l, key),
        None => role.unwrap_or("").to_owned(),
    }
}

fn tr_key(l: Lang, key: &str) -> String {
    crate::i18n::t(l, key)
}

fn static_role(role: &str) -> &'static str {
    CHOICES
        .iter()
        .filter_map(|(r, _)| *r)
        .find(|r| *r == role)
        .unwrap_or("-")
}

/// Gives the column `column` the role `role` (`None`: a plain field; `Some("-")`: left out);
/// `current` is the role it plays now, which another column or nothing then takes.
pub fn set_role(
    import: &mut Import,
    column: &str,
    current: Option<&str>,
    role: Option<&'static str>,
) {
    // The column leaves whatever it was mapped to, and the list of ignored ones.
    import.map.retain(|r, c| r == "ignore" || c != column);
    let ignored: Vec<String> = (import.ignored().into_iter())
        .filter(|c| *c != column)
        .map(str::to_owned)
        .collect();
    import.map.remove("ignore");
    if !ignored.is_empty() {
        import.map.insert("ignore".into(), ignored.join(";"));
    }
    // A role it played by its header is played by no column now, unless another is given it.
    if let Some(old) = current.filter(|r| *r != "-" && Some(*r) != role) {
        import
            .map
            .entry(old.to_owned())
            .or_insert_with(|| "-".into());
    }
    match role {
        None => {}
        Some("-") => {
            let mut list = import.ignored().join(";");
            if !list.is_empty() {
                list.push(';');
            }
            list.push_str(column);
            import.map.insert("ignore".into(), list);
        }
        Some(r) => {
            import.map.insert(r.to_owned(), column.to_owned());
        }
    }
}
