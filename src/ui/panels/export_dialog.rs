//! The export dialog: format, scale, area, legend, theme, paper and file. Its fields are its
//! own; tr!(l, "export-title") pushes one action with the choice.

use super::widgets::lang;
use crate::tr;
use std::path::{Path, PathBuf};

use egui::Ui;

use crate::export::{Format, PageSetup, Paper, PaperOrientation, Tiles};
use crate::style::Theme;
use crate::ui::action::{Action, ExportChoice};
use crate::ui::state::{AppState, Notice};

/// The export dialog's choices.
#[derive(Clone, Debug)]
pub struct ExportDialog {
    pub open: bool,
    /// A PDF typeset as a book rather than one picture.
    pub book: bool,
    pub format: Format,
    pub scale: f32,
    pub whole: bool,
    pub legend: bool,
    pub highlights: bool,
    pub transparent: bool,
    pub text_as_paths: bool,
    pub theme: Theme,
    pub page: PageSetup,
    pub path: String,
    /// Whether the dialog was open last frame: on opening, it proposes a file name.
    was_open: bool,
    /// Why the file chooser could not be shown, until the path is typed.
    chooser_problem: Option<String>,
    /// Give the path field the keyboard on the next frame.
    focus_path: bool,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            book: false,
            format: Format::Png,
            scale: 2.0,
            whole: true,
            legend: true,
            highlights: false,
            transparent: false,
            text_as_paths: true,
            theme: Theme::Light,
            page: PageSetup::default(),
            path: "csto-atlas.png".to_owned(),
            was_open: false,
            chooser_problem: None,
            focus_path: false,
        }
    }
}

impl ExportDialog {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let l = lang(ui);
        if state.exporting || !self.open {
            self.was_open = self.open;
            return;
        }
        if !self.was_open {
            self.path = proposed_path(state, self.format).display().to_string();
            self.chooser_problem = None;
            self.was_open = true;
        }
        let ctx = ui.ctx().clone();
        let mut open = true;
        let mut go = false;
        // Placed by its top left corner (a centre pivot would move the dialog whenever a row
        // changed its size), roughly centred.
        egui::Window::new(tr!(l, "export-title"))
            .default_pos(ctx.content_rect().center() - egui::vec2(280.0, 220.0))
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .show(&ctx, |ui| {
                egui::Grid::new("export-grid")
                    .num_columns(2)
                    .show(ui, |ui| {
                        self.fields(ui, state.model.kinds());
                        self.small_print(ui, state);
                    });
                if self.chooser_problem.is_some() {
                    ui.colored_label(ui.visuals().warn_fg_color, tr!(l, "export-no-chooser"));
                }
                go = ui.button(tr!(l, "export-title")).clicked();
            });
        self.open = open;
        if go {
            self.submit(actions);
        }
    }

    /// A row that warns, before the export, when one page would print the names too small to
    /// read; always there (empty otherwise), so that the rows below keep their places.
    fn small_print(&self, ui: &mut Ui, state: &AppState) {
        let l = lang(ui);
        ui.label("");
        let one_page = self.format == Format::Pdf
            && !self.book
            && self.page.paper != Paper::Fit
            && self.page.tiles == Tiles::One;
        // The chart's bounds, with room for the caption above and the legend below it.
        let b = state.scene().bounds;
        let pt = crate::export::name_size_pt(b.width() + 40.0, b.height() + 200.0, self.page);
        if one_page && pt < crate::export::READABLE_PT {
            let pt = format!("{pt:.1}");
            let pt = match l {
                crate::i18n::Lang::Ru => pt.replace('.', ","),
                _ => pt,
            };
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr!(l, "export-small-print", pt = pt.as_str()),
            )
            .on_hover_text(tr!(l, "export-small-print-hint"));
        } else {
            ui.label("");
        }
        ui.end_row();
    }

    fn fields(&mut self, ui: &mut Ui, kinds: &crate::model::Kinds) {
        let l = lang(ui);
        ui.label(tr!(l, "export-format"));
        ui.horizontal(|ui| {
            for &f in Format::ALL {
                if ui
                    .radio_value(&mut self.format, f, f.extension().to_uppercase())
                    .on_hover_text(crate::i18n::t(l, &format!("format-{}", f.extension())))
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
        // Every row is always there, greyed out where the format has no use for it, so that
        // the dialog keeps its size and a click lands where it was aimed.
        let format = self.format;
        let picture = format.is_picture();
        ui.label(tr!(l, "export-scale"));
        ui.add_enabled(
            format == Format::Png,
            egui::Slider::new(&mut self.scale, 1.0..=4.0)
                .step_by(0.5)
                .suffix("×"),
        )
        .on_disabled_hover_text("PNG only: pixels per point");
        ui.end_row();
        ui.label(tr!(l, "export-area"));
        ui.add_enabled_ui(picture, |ui| {
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.whole, true, tr!(l, "export-whole"));
                ui.radio_value(&mut self.whole, false, tr!(l, "export-view"))
                    .on_hover_text(tr!(l, "export-view-hint"));
            });
        });
        ui.end_row();
        ui.label(tr!(l, "export-include"));
        ui.add_enabled_ui(picture, |ui| {
            ui.horizontal(|ui| {
                ui.checkbox(&mut self.legend, tr!(l, "export-legend"));
                ui.checkbox(&mut self.highlights, tr!(l, "export-highlights"))
                    .on_hover_text(tr!(l, "export-highlights-hint"));
            });
        });
        ui.end_row();
        ui.label(tr!(l, "export-theme"));
        ui.add_enabled_ui(picture, |ui| {
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.theme, Theme::Light, tr!(l, "export-light"))
                    .on_hover_text(tr!(l, "export-light-hint"));
                ui.radio_value(&mut self.theme, Theme::Dark, tr!(l, "export-dark"));
                theme_preview(ui, self.theme, kinds);
            });
        });
        ui.end_row();
        ui.label(tr!(l, "export-background"));
        ui.add_enabled_ui(matches!(format, Format::Png | Format::Svg), |ui| {
            ui.checkbox(&mut self.transparent, tr!(l, "export-transparent"))
                .on_hover_text(tr!(l, "export-transparent-hint"));
        });
        ui.end_row();
        ui.label(tr!(l, "export-text"));
        ui.add_enabled_ui(format == Format::Svg, |ui| {
            ui.checkbox(&mut self.text_as_paths, tr!(l, "export-outlines"))
                .on_hover_text(tr!(l, "export-outlines-hint"));
        });
        ui.end_row();
        self.paper_fields(ui);
        self.file_field(ui);
    }

    /// PDF only: the paper, a book, the page's orientation, a poster.
    fn paper_fields(&mut self, ui: &mut Ui) {
        let (l, format) = (lang(ui), self.format);
        ui.label(tr!(l, "export-paper"));
        ui.add_enabled_ui(format == Format::Pdf, |ui| {
            ui.horizontal(|ui| {
                for &paper in Paper::ALL {
                    let label = match paper {
                        Paper::Fit => tr!(l, "export-paper-fit"),
                        _ => paper.label().to_owned(),
                    };
                    ui.radio_value(&mut self.page.paper, paper, label);
                }
            });
        });
        ui.end_row();
        ui.label(tr!(l, "export-book"));
        ui.add_enabled_ui(
            format == Format::Pdf && cfg!(not(target_arch = "wasm32")),
            |ui| {
                ui.checkbox(&mut self.book, tr!(l, "export-as-book"))
                    .on_hover_text(tr!(l, "export-as-book-hint"))
                    .on_disabled_hover_text(if cfg!(target_arch = "wasm32") {
                        tr!(l, "export-as-book-web")
                    } else {
                        tr!(l, "export-as-book-pdf-only")
                    });
            },
        );
        ui.end_row();
        ui.label(tr!(l, "export-page"));
        ui.add_enabled_ui(
            format == Format::Pdf && self.page.paper != Paper::Fit,
            |ui| {
                ui.horizontal(|ui| {
                    let o = &mut self.page.orientation;
                    ui.radio_value(o, PaperOrientation::Auto, tr!(l, "export-by-shape"));
                    ui.radio_value(o, PaperOrientation::Portrait, tr!(l, "export-portrait"));
                    ui.radio_value(o, PaperOrientation::Landscape, tr!(l, "export-landscape"));
                });
            },
        );
        ui.end_row();
        ui.label(tr!(l, "export-sheets"));
        ui.add_enabled_ui(
            format == Format::Pdf && self.page.paper != Paper::Fit && !self.book,
            |ui| {
                let mut poster = self.page.tiles != Tiles::One;
                if ui
                    .checkbox(&mut poster, tr!(l, "export-as-poster"))
                    .on_hover_text(tr!(l, "export-as-poster-hint"))
                    .changed()
                {
                    self.page.tiles = if poster { Tiles::Auto } else { Tiles::One };
                }
            },
        );
        ui.end_row();
    }

    fn file_field(&mut self, ui: &mut Ui) {
        let l = lang(ui);
        ui.label(tr!(l, "export-file"));
        ui.horizontal(|ui| {
            let field = ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(360.0));
            if std::mem::take(&mut self.focus_path) {
                field.request_focus();
            }
            if field.changed() {
                self.chooser_problem = None;
            }
            // In a browser the file is downloaded under this name: there is no folder to choose.
            if cfg!(not(target_arch = "wasm32"))
                && ui
                    .button(tr!(l, "export-choose"))
                    .on_hover_text(tr!(l, "export-choose-hint"))
                    .clicked()
            {
                self.choose_file();
            }
        });
        ui.end_row();
    }

    /// Asks the system's file chooser for a path. rfd answers `None` both when the user cancels
    /// and when no chooser can be shown, so a desktop without one is detected beforehand, and an
    /// answer quicker than any person could cancel counts as a failure.
    #[cfg(target_arch = "wasm32")]
    fn choose_file(&mut self) {}

    #[cfg(not(target_arch = "wasm32"))]
    fn choose_file(&mut self) {
        let problem = "No file chooser can be shown on this desktop (it needs an XDG desktop \
                       portal or zenity). Type the full path in the File field.";
        if !file_chooser_available() {
            self.chooser_problem = Some(problem.to_owned());
            self.focus_path = true;
            return;
        }
        let current = PathBuf::from(self.path.trim());
        let mut dialog = rfd::FileDialog::new().set_file_name(
            current
                .file_name()
                .map_or("csto-atlas.png".into(), |n| n.to_string_lossy()),
        );
        if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        let asked = web_time::Instant::now();
        match dialog.save_file() {
            Some(p) => self.path = p.display().to_string(),
            None if asked.elapsed() < web_time::Duration::from_millis(150) => {
                self.chooser_problem = Some(problem.to_owned());
                self.focus_path = true;
            }
            None => {}
        }
    }

    fn submit(&mut self, actions: &mut Vec<Action>) {
        let path = PathBuf::from(self.path.trim());
        let Some(format) = Format::from_path(&path) else {
            actions.push(Action::Notify(Notice::error(format!(
                "{}: the file name must end in one of {}",
                path.display(),
                Format::extension_list()
            ))));
            return;
        };
        self.open = false;
        actions.push(Action::Export(ExportChoice {
            path,
            format,
            scale: self.scale,
            whole: self.whole,
            legend: self.legend,
            highlights: self.highlights,
            transparent: self.transparent,
            text_as_paths: self.text_as_paths,
            theme: self.theme,
            page: self.page,
            book: self.book && format == Format::Pdf,
        }));
    }
}

/// Whether rfd can show a file chooser here. On Linux it needs a desktop portal on the session
/// bus or zenity; `CSTO_ATLAS_NO_FILE_CHOOSER` says there is none (for tests and kiosks).
#[cfg(not(target_arch = "wasm32"))]
fn file_chooser_available() -> bool {
    if std::env::var_os("CSTO_ATLAS_NO_FILE_CHOOSER").is_some() {
        return false;
    }
    if cfg!(target_os = "linux") {
        let on_path = |name: &str| {
            std::env::var_os("PATH")
                .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
        };
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || on_path("zenity")
    } else {
        true
    }
}

/// "CSTO-2025-12-03.png" in the last export's folder: the atlas's short name and the date shown.
fn proposed_path(state: &AppState, format: Format) -> PathBuf {
    let meta = &state.model.atlas.meta;
    let date = state
        .settings
        .filters
        .as_of
        .map_or_else(|| meta.edition.clone(), |d| d.to_string());
    let stem: String = [meta.short.as_str(), &date]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = format!("{stem}.{}", format.extension());
    let folder = state
        .settings
        .export_folder
        .clone()
        .filter(|d| d.is_dir())
        .or_else(|| default_folder(format));
    match folder {
        Some(dir) => dir.join(name),
        None => Path::new(&name).to_path_buf(),
    }
}

/// Where a first export goes: the system's Pictures folder for images, Documents for PDF and
/// data, else the home folder; never the folder the program happened to start in.
pub fn default_folder(format: Format) -> Option<PathBuf> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = format;
        None
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let preferred = match format {
            Format::Png | Format::Svg => dirs::picture_dir(),
            _ => dirs::document_dir(),
        };
        preferred
            .filter(|d| d.is_dir())
            .or_else(|| dirs::home_dir().filter(|d| d.is_dir()))
    }
}

/// A small sample of the picture's colours: the page and a box of each kind.
fn theme_preview(ui: &mut Ui, theme: Theme, kinds: &crate::model::Kinds) {
    let palette = crate::style::Palette::of(theme);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(64.0, 18.0), egui::Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 3.0, palette.background);
    for (i, kind) in kinds.body_kinds().take(4).enumerate() {
        let (fill, accent) = palette.kind(kinds, kind);
        let r = egui::Rect::from_min_size(
            rect.min + egui::vec2(4.0 + i as f32 * 15.0, 4.0),
            egui::vec2(12.0, 10.0),
        );
        painter.rect(
            r,
            2.0,
            fill,
            egui::Stroke::new(1.0, accent),
            egui::StrokeKind::Inside,
        );
    }
}
