//! The export dialog: format, scale, area, legend and file. Its fields are its own; "Export"
//! pushes one action with the choice.

use std::path::PathBuf;

use egui::Ui;

use crate::export::Format;
use crate::style::Theme;
use crate::ui::action::{Action, ExportChoice};
use crate::ui::state::{AppState, Notice};

/// The export dialog's choices.
#[derive(Clone, Debug)]
pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    pub scale: f32,
    pub whole: bool,
    pub legend: bool,
    pub theme: Theme,
    pub path: String,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            format: Format::Png,
            scale: 2.0,
            whole: true,
            legend: true,
            theme: Theme::Light,
            path: "csto-atlas.png".to_owned(),
        }
    }
}

impl ExportDialog {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        if state.exporting || !self.open {
            return;
        }
        let ctx = ui.ctx().clone();
        let mut open = true;
        let mut go = false;
        egui::Window::new("Export")
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .show(&ctx, |ui| {
                egui::Grid::new("export-grid")
                    .num_columns(2)
                    .show(ui, |ui| self.fields(ui));
                go = ui.button("Export").clicked();
            });
        self.open = open;
        if go {
            self.submit(actions);
        }
    }

    fn fields(&mut self, ui: &mut Ui) {
        ui.label("Format");
        ui.horizontal(|ui| {
            for &f in Format::ALL {
                if ui
                    .radio_value(&mut self.format, f, f.extension().to_uppercase())
                    .on_hover_text(f.label())
                    .changed()
                {
                    let stem = self
                        .path
                        .rsplit_once('.')
                        .map_or(self.path.clone(), |(s, _)| s.to_owned());
                    self.path = format!("{stem}.{}", f.extension());
                }
            }
        });
        ui.end_row();
        if self.format == Format::Png {
            ui.label("Scale");
            ui.add(
                egui::Slider::new(&mut self.scale, 1.0..=4.0)
                    .step_by(0.5)
                    .suffix("×"),
            );
            ui.end_row();
        }
        if self.format.is_picture() {
            ui.label("Area");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.whole, true, "Whole chart");
                ui.radio_value(&mut self.whole, false, "Current view");
            });
            ui.end_row();
            ui.label("Legend");
            ui.checkbox(&mut self.legend, "Include the legend and caption");
            ui.end_row();
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.theme, Theme::Light, "Light")
                    .on_hover_text("For paper and slides (the default)");
                ui.radio_value(&mut self.theme, Theme::Dark, "Dark");
            });
            ui.end_row();
        }
        ui.label("File");
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(240.0));
            if ui.button("Choose…").clicked() {
                if let Some(p) = rfd::FileDialog::new().set_file_name(&self.path).save_file() {
                    self.path = p.display().to_string();
                }
            }
        });
        ui.end_row();
    }

    fn submit(&mut self, actions: &mut Vec<Action>) {
        let path = PathBuf::from(self.path.trim());
        let Some(format) = Format::from_path(&path) else {
            actions.push(Action::Notify(Notice {
                text: format!(
                    "{}: the file name must end in one of {}",
                    path.display(),
                    Format::extension_list()
                ),
                is_error: true,
            }));
            return;
        };
        self.open = false;
        actions.push(Action::Export(ExportChoice {
            path,
            format,
            scale: self.scale,
            whole: self.whole,
            legend: self.legend,
            theme: self.theme,
        }));
    }
}
