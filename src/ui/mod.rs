//! The window: the egui app, its panels and the chart view.

mod app;
mod chart;
mod panels;
mod watch;

use std::process::ExitCode;

pub use app::{load_settings, AtlasApp, Settings, ThemeChoice};
pub use chart::{ChartResponse, ChartView};

use crate::cli::WindowArgs;

/// Opens the window. Returns the process exit status.
pub fn run(args: WindowArgs) -> ExitCode {
    let (model, origin) = match crate::cli::load(args.atlas.as_deref()) {
        Ok(m) => (
            m,
            args.atlas
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| crate::model::EMBEDDED_NAME.to_owned()),
        ),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(id) = &args.select {
        if model.index_of(id).is_none() {
            eprintln!("error: {}", crate::cli::unknown_body(&model, id));
            return ExitCode::FAILURE;
        }
    }
    let size = args.size.unwrap_or([1400.0, 900.0]);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("CSTO Atlas")
        .with_inner_size(size)
        .with_min_inner_size([640.0, 420.0]);
    if args.screenshot.is_some() {
        // A screenshot run must have exactly the requested size, whatever was saved last time.
        viewport = viewport.with_resizable(false);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: args.screenshot.is_none() && args.size.is_none(),
        ..Default::default()
    };
    let result = eframe::run_native(
        "csto-atlas",
        options,
        Box::new(move |cc| {
            let settings = if args.screenshot.is_some() {
                Settings::default()
            } else {
                cc.storage.map(app::load_settings).unwrap_or_default()
            };
            let mut settings = settings;
            if let Some(theme) = args.theme {
                settings.theme = match theme {
                    crate::cli::ThemeArg::Light => ThemeChoice::Light,
                    crate::cli::ThemeArg::Dark => ThemeChoice::Dark,
                };
            }
            let mut app = AtlasApp::new(model, origin, settings);
            app.watch_path = args.atlas.clone();
            if let Some(id) = &args.select {
                app.select_id(id, true);
            }
            app.screenshot = args.screenshot.clone();
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) if app::SCREENSHOT_FAILED.load(std::sync::atomic::Ordering::SeqCst) => {
            ExitCode::FAILURE
        }
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
