//! The desktop window: eframe's native runner, the window's options, icon and app id.

use std::cell::Cell;
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use crate::model::{BodyIdx, Model};

use super::{load_settings, Action, AtlasApp, Screenshot, Settings, APP_ID};

/// How the window opens: the atlas and the window's options of the command line, resolved
/// against it (the command line checks them; this only opens the window).
pub struct Launch {
    /// The atlas to show.
    pub model: Model,
    /// The file it came from (watched), or `None` for the embedded one.
    pub atlas: Option<PathBuf>,
    /// A body to select and bring into view.
    pub select: Option<BodyIdx>,
    /// The window's inner size in points.
    pub size: Option<[f32; 2]>,
    /// Save a PNG of the window once the chart is painted, then exit.
    pub screenshot: Option<PathBuf>,
    /// Overrides the saved or system theme.
    pub theme: Option<egui::ThemePreference>,
    /// What to show, overriding the saved filters.
    pub filters: Option<crate::view::Filters>,
    /// How the atlas file was read (`--sheet`, `--map`): reloads read it the same way.
    pub import: crate::model::import::Import,
}

/// The window icon (the 256-pixel PNG in `assets/icons/`), or none if it cannot be read.
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/csto-atlas-256.png"))
        .unwrap_or_default()
}

/// Opens the window. Returns the process exit status.
pub fn run(launch: Launch) -> ExitCode {
    let Launch { model, select, .. } = launch;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("CSTO Atlas")
        // The window class (X11) and app id (Wayland) that the launcher file names, so the
        // desktop shows the atlas's icon and name for the window.
        .with_app_id(APP_ID)
        .with_icon(icon())
        .with_inner_size(launch.size.unwrap_or([1400.0, 900.0]))
        .with_min_inner_size([640.0, 420.0]);
    if launch.size.is_none() {
        // Sized to the screen, never over it (a saved window size takes over later).
        viewport = viewport.with_maximized(true);
    }
    let shooting = launch.screenshot.is_some();
    if shooting {
        // A screenshot run must have exactly the requested size, whatever was saved last time.
        viewport = viewport.with_resizable(false);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: !shooting && launch.size.is_none(),
        ..Default::default()
    };
    let failed = Rc::new(Cell::new(false));
    let screenshot_failed = failed.clone();
    let result = eframe::run_native(
        "csto-atlas",
        options,
        Box::new(move |cc| {
            let mut settings = match cc.storage {
                Some(storage) if !shooting => load_settings(storage),
                _ => Settings::default(),
            };
            if let Some(theme) = launch.theme {
                settings.theme = theme;
            }
            if let Some(filters) = launch.filters {
                settings.filters = filters;
            }
            // The file was read as the command line said: so is every reload of it.
            if let Some(path) = &launch.atlas {
                let key = path.display().to_string();
                match launch.import.is_default() {
                    true => settings.imports.remove(&key),
                    false => settings.imports.insert(key, launch.import.clone()),
                };
            }
            let mut app = AtlasApp::new(model, launch.atlas, settings);
            if select.is_some() {
                app.apply(Action::Select {
                    body: select,
                    reveal: true,
                });
            }
            if let Some(path) = launch.screenshot {
                app.take_screenshot(Screenshot::new(path, screenshot_failed));
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) if failed.get() => ExitCode::FAILURE,
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
