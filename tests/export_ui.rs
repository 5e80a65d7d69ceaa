//! Exporting from the window: the dialog, the file it writes, and a clear error for a bad path.

use std::time::{Duration, Instant};

use csto_atlas::model;
use csto_atlas::ui::{AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

fn harness() -> Harness<'static, AtlasApp> {
    let app = AtlasApp::new(model::load_embedded().unwrap(), None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

/// Runs the export the dialog describes and waits for its outcome (it runs on a thread).
fn export_to(h: &mut Harness<'_, AtlasApp>, path: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v.ends_with(".png")))
        .expect("the file field");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v.ends_with(".png")))
        .unwrap()
        .type_text(path);
    h.run();
    h.get_by_role_and_label(Role::Button, "Export").click();
    // The spinner repaints while the export runs: step, don't wait to settle.
    h.step();
    let start = Instant::now();
    while h.state().notice().is_none() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}

#[test]
fn exporting_an_svg_from_the_window_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.svg");
    let mut h = harness();
    export_to(&mut h, out.to_str().unwrap());
    let notice = h.state().notice().cloned().expect("a message");
    assert!(!notice.is_error, "{}", notice.text);
    let svg = std::fs::read_to_string(&out).expect("the file is there");
    assert!(svg.contains(r#"data-id="csc""#));
}

#[test]
fn an_impossible_path_shows_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing-folder").join("chart.png");
    let mut h = harness();
    export_to(&mut h, out.to_str().unwrap());
    let notice = h.state().notice().cloned().expect("a message");
    assert!(notice.is_error);
    assert!(notice.text.contains("missing-folder"), "{}", notice.text);
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "stray files"
    );
}

#[test]
fn a_picture_exported_from_a_dark_window_is_light_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.svg");
    let mut h = harness();
    h.state_mut().apply(csto_atlas::ui::Action::SetTheme(
        egui::ThemePreference::Dark,
    ));
    h.run();
    export_to(&mut h, out.to_str().unwrap());
    let svg = std::fs::read_to_string(&out).expect("the file is there");
    let light =
        csto_atlas::style::css(csto_atlas::style::Palette::of(egui::Theme::Light).background);
    assert!(
        svg.contains(&format!(
            r#"class="background" width="100%" height="100%" fill="{light}""#
        )),
        "the page is light"
    );
}

#[test]
fn copy_image_says_what_it_copied() {
    let mut h = harness();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::C,
    );
    h.run();
    // "Chart copied to the clipboard, 2,594 × 1,588 px": the size, with thousands marked.
    let node = h.get_by_label_contains("Chart copied to the clipboard, ");
    let text = format!("{node:?}");
    assert!(text.contains(" × ") && text.contains(" px"), "{text}");
}
