//! Exporting from the window: the dialog, the file it writes, and a clear error for a bad path.

use std::time::{Duration, Instant};

use csto_atlas::model;
use csto_atlas::ui::{AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable};
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
        svg.contains(&format!(r#"fill="{light}""#)) && svg.contains(r#"class="background""#),
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

/// The dialog's file field (its value is a path with an extension).
fn file_field_value(h: &Harness<'_, AtlasApp>) -> String {
    h.get_all_by_role(Role::TextInput)
        .filter_map(|n| n.value())
        .find(|v| v.contains('.'))
        .expect("the file field")
}

#[test]
fn the_dialog_proposes_a_dated_name_then_the_last_folder() {
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let proposed = file_field_value(&h);
    assert!(proposed.ends_with("CSTO-2025-12-03.png"), "{proposed}");
    h.key_press(egui::Key::Escape);
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("first.svg");
    export_to(&mut h, out.to_str().unwrap());
    h.state_mut().apply(csto_atlas::ui::Action::DismissNotice);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let again = std::path::PathBuf::from(file_field_value(&h));
    let folder = std::fs::canonicalize(dir.path()).unwrap();
    assert_eq!(again.parent(), Some(folder.as_path()), "the last folder");
    assert_eq!(
        again.file_name().unwrap(),
        "CSTO-2025-12-03.png",
        "a fresh name from the atlas and the date"
    );
}

#[test]
fn a_written_file_is_named_in_full_with_open_folder_and_copy_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.svg");
    let mut h = harness();
    export_to(&mut h, out.to_str().unwrap());
    h.run();
    let full = std::fs::canonicalize(&out).unwrap();
    let notice = h.state().notice().cloned().expect("a message");
    assert!(
        notice
            .text
            .starts_with(&format!("Wrote {}", full.display())),
        "{}",
        notice.text
    );
    h.get_by_role_and_label(Role::Button, "Open folder");
    h.get_by_role_and_label(Role::Button, "Copy path").click();
    h.step();
    let copied =
        h.output().platform_output.commands.iter().any(
            |c| matches!(c, egui::OutputCommand::CopyText(t) if *t == full.display().to_string()),
        );
    assert!(copied, "the path is on the clipboard");
}

#[test]
fn without_a_file_chooser_the_dialog_says_so_and_the_path_field_takes_the_keys() {
    // SAFETY of the test: nothing else in this process reads the variable concurrently
    // in a way that matters; it only forces the "no chooser" branch.
    std::env::set_var("CSTO_ATLAS_NO_FILE_CHOOSER", "1");
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_role_and_label(Role::Button, "Choose…").click();
    h.run();
    h.get_by_label_contains("No file chooser can be shown on this desktop");
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v.contains('.')))
        .unwrap();
    assert!(
        field.accesskit_node().is_focused(),
        "the path field has the focus"
    );
}

#[test]
fn a_pdf_from_the_dialog_is_on_the_paper_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.pdf");
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "PDF").click();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "A4").click();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "Portrait")
        .click();
    h.run();
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v.ends_with(".pdf")))
        .expect("the name follows the format");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| v.ends_with(".pdf")))
        .unwrap()
        .type_text(out.to_str().unwrap());
    h.run();
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.step();
    let start = Instant::now();
    while h.state().notice().is_none() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    let bytes = std::fs::read(&out).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
    // A4 upright: 595 × 842 points.
    assert!(
        String::from_utf8_lossy(&bytes).contains("/MediaBox [0 0 595.2"),
        "an upright A4 page"
    );
}

#[test]
fn choosing_dark_in_the_dialog_exports_a_dark_picture() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dark.svg");
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "Dark").click();
    h.run();
    export_to(&mut h, out.to_str().unwrap());
    let svg = std::fs::read_to_string(&out).unwrap();
    let dark = csto_atlas::style::css(csto_atlas::style::Palette::of(egui::Theme::Dark).background);
    assert!(
        svg.contains(&format!(r#"fill="{dark}""#)),
        "the page is dark"
    );
}

#[test]
fn cite_this_view_copies_a_citation_with_the_command_line() {
    let mut h = harness();
    h.state_mut().apply(csto_atlas::ui::Action::SetFilters(
        csto_atlas::view::Filters {
            as_of: csto_atlas::model::Date::parse("2005-01-01"),
            ..Default::default()
        },
    ));
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("Cite this view").click();
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        });
    let copied = copied.expect("something is copied");
    assert!(
        copied.starts_with("CSTO Atlas, edition 2025-12-03"),
        "{copied}"
    );
    assert!(
        copied.contains("view: All bodies as of 1 January 2005"),
        "{copied}"
    );
    assert!(
        copied.ends_with("\ncsto-atlas --as-of 2005-01-01"),
        "{copied}"
    );
    h.run();
    h.get_by_label_contains("Citation copied: CSTO Atlas, edition 2025-12-03");
}
