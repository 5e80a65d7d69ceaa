//! Installed like a desktop application: the launcher file, the icon, the window's app id and
//! Help → About.

use crate::common;

use csto_atlas::model;
use csto_atlas::ui::{AtlasApp, Settings, APP_ID};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;

const LAUNCHER: &str = "assets/csto-atlas.desktop";

#[test]
fn help_about_shows_the_version_the_data_edition_and_the_licence() {
    let app = AtlasApp::new(model::load_embedded().unwrap(), None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("About CSTO Atlas").click();
    h.run();
    h.get_by_label(&format!("CSTO Atlas {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label("2025-12-03");
    h.get_by_label("2025-12-05");
    h.get_by_label("MIT OR Apache-2.0");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Data edition").is_none(), "still open");
}

#[test]
fn the_launcher_names_the_window_class_and_the_icon_it_ships() {
    let text = std::fs::read_to_string(LAUNCHER).unwrap();
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}"))
    };
    assert_eq!(field("StartupWMClass"), APP_ID);
    assert_eq!(field("Icon"), APP_ID);
    assert_eq!(field("Exec").split(' ').next(), Some("csto-atlas"));
    // The icon the window uses, and the sizes a desktop asks for.
    for size in [16, 32, 48, 64, 128, 256, 512] {
        let path = format!("assets/icons/{APP_ID}-{size}.png");
        let img = image::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!((img.width(), img.height()), (size, size), "{path}");
    }
    assert!(std::path::Path::new(&format!("assets/icons/{APP_ID}.svg")).exists());
}

#[test]
fn the_launcher_file_validates() {
    // `.ci/run` installs desktop-file-utils; elsewhere the check is skipped, saying so.
    if !common::tool("desktop-file-validate", "--help") {
        return;
    }
    let out = std::process::Command::new("desktop-file-validate")
        .arg(LAUNCHER)
        .output()
        .expect("desktop-file-validate runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}
