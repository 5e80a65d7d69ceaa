//! What the window remembers between runs.

use egui::ThemePreference;
use serde::{Deserialize, Serialize};

use crate::layout::{LayoutKind, Orientation};
use crate::view::Filters;

/// The key of the saved settings in eframe's storage.
pub const STORAGE_KEY: &str = "csto-atlas-settings";

/// The tabs of the left panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeftTab {
    #[default]
    Outline,
    Filters,
    Articles,
    Members,
}

/// How the outline groups the bodies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutlineMode {
    /// Under headings by kind (default).
    #[default]
    ByKind,
    /// As the tree: each body under its parent, indented.
    Hierarchy,
}

/// Where the camera was: the zoom and the chart point at the centre of the view.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub zoom: f32,
    pub centre: [f32; 2],
}

/// The window's remembered choices.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Default: no filter.
    pub filters: Filters,
    /// Default: top-down.
    pub orientation: Orientation,
    /// Default: the tidy tree.
    pub layout: LayoutKind,
    /// Default: follow the system.
    pub theme: ThemePreference,
    /// The selected body's id. Default: none.
    pub selected: Option<String>,
    /// Default: the opening view.
    pub view: Option<SavedView>,
    /// Default: the outline.
    pub left_tab: LeftTab,
    /// Default: by kind.
    pub outline: OutlineMode,
    /// The folder of the last export, where the export dialog proposes the next. Default: the
    /// working folder.
    pub export_folder: Option<std::path::PathBuf>,
    /// Show the overview in the chart's corner. Default: for atlases of more than 150 bodies.
    pub minimap: Option<bool>,
    /// The citation style of sources. Default: GOST when names are in Russian, else APA.
    pub cite_style: Option<crate::biblio::Style>,
    /// How each spreadsheet opened was read (its sheet, its columns' roles), by path, so that
    /// it opens the same way next time. Default: none.
    pub imports: std::collections::BTreeMap<String, crate::model::import::Import>,
}

impl Settings {
    /// The settings of a first start: the defaults, in the system's language when the
    /// interface has it (Russian), else English. Remembered like any choice afterwards.
    pub fn first_run() -> Settings {
        let mut settings = Settings::default();
        settings.filters.lang = crate::i18n::Lang::system().names_code().map(str::to_owned);
        settings
    }
}

/// Reads saved settings; a corrupt entry is ignored with a warning.
pub fn load_settings(storage: &dyn eframe::Storage) -> Settings {
    let Some(text) = storage.get_string(STORAGE_KEY) else {
        return Settings::first_run();
    };
    match ron::from_str(&text) {
        Ok(s) => s,
        Err(e) => {
            log::warn!("ignoring the saved window state, which cannot be read: {e}");
            Settings::default()
        }
    }
}

/// Writes the settings to eframe's storage.
pub fn save_settings(settings: &Settings, storage: &mut dyn eframe::Storage) {
    match ron::to_string(settings) {
        Ok(text) => storage.set_string(STORAGE_KEY, text),
        Err(e) => log::warn!("could not save the window state: {e}"),
    }
}
