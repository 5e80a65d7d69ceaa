//! Exporting from the window: the dialog, the file it writes, and a clear error for a bad path.

use crate::common;

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
    // The file field: the text whose name ends in the chosen format's extension.
    let is_file =
        |v: &str| csto_atlas::export::Format::from_path(std::path::Path::new(v)).is_some();
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| is_file(&v)))
        .expect("the file field");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.value().is_some_and(|v| is_file(&v)))
        .unwrap()
        .type_text(path);
    h.run();
    h.get_by_role_and_label(Role::Button, "Export").click();
    // The spinner repaints while the export runs: step, don't wait to settle.
    h.step();
    let start = Instant::now();
    while h.state().notice().is_none() && start.elapsed() < Duration::from_secs(30) {
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
    assert!(
        svg.contains(r##"<rect class="background" width="##)
            && svg.contains(r##"fill="#ffffff"/>"##),
        "the page is white paper"
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
    // The name follows the format.
    assert!(h
        .get_all_by_role(Role::TextInput)
        .any(|n| n.value().is_some_and(|v| v.ends_with(".pdf"))));
    export_to(&mut h, out.to_str().unwrap());
    let bytes = std::fs::read(&out).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
    // A4 upright: 595 × 842 points.
    assert!(
        String::from_utf8_lossy(&bytes).contains("/MediaBox [0 0 595.2"),
        "an upright A4 page"
    );
}

#[test]
fn a_poster_from_the_dialog_is_an_index_page_and_its_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("poster.pdf");
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "PDF").click();
    h.run();
    // No poster without a paper: the choice waits for one.
    assert!(h
        .get_by_role_and_label(Role::CheckBox, "As a poster")
        .accesskit_node()
        .is_disabled());
    h.get_by_role_and_label(Role::RadioButton, "A4").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "As a poster")
        .click();
    h.run();
    export_to(&mut h, out.to_str().unwrap());
    let notice = format!("{:?}", h.state().notice());
    assert!(notice.contains("poster of"), "{notice}");
    let bytes = std::fs::read(&out).expect("the PDF is written");
    let text = String::from_utf8_lossy(&bytes);
    let pages = text
        .match_indices("/Type /Page")
        .filter(|(at, _)| !text[at + 11..].starts_with('s'))
        .count();
    assert!(pages >= 3, "an index page and two sheets or more: {pages}");
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
        copied.starts_with("CSTO Atlas: All bodies as of 1 January 2005 (edition 2025-12-03"),
        "{copied}"
    );
    assert!(copied.contains(". Retrieved "), "{copied}");
    assert!(
        copied.ends_with("\ncsto-atlas --as-of 2005-01-01"),
        "{copied}"
    );
    h.run();
    h.get_by_label_contains("Citation copied: CSTO Atlas: All bodies");
}

/// Opens the dialog, lets `choose` click its options, then exports to `path` and waits.
fn export_with(h: &mut Harness<'_, AtlasApp>, path: &str, choose: &[(Role, &str)]) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    for &(role, label) in choose {
        h.get_by_role_and_label(role, label).click();
        h.run();
    }
    export_to(h, path);
    h.state_mut().apply(csto_atlas::ui::Action::DismissNotice);
    h.run();
}

/// The drawn box of each body in an exported SVG (its first plain rect), and the chart's clip.
fn boxes_and_clip(svg: &str) -> (Vec<(String, egui::Rect)>, Option<egui::Rect>) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let clip = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("chart-clip"))
        .and_then(|c| c.children().find(|n| n.has_tag_name("rect")))
        .map(common::svg_rect);
    (common::svg_boxes(&doc), clip)
}

#[test]
fn current_view_exports_whole_boxes_and_leaves_screen_marks_off_unless_asked() {
    use csto_atlas::ui::{Action, Command};
    let mut h = harness();
    let cmd = h.state().model().index_of("cmd").unwrap();
    h.state_mut().apply(Action::Select {
        body: Some(cmd),
        reveal: true,
    });
    h.state_mut().apply(Action::SetSearch("council".into()));
    for _ in 0..4 {
        h.state_mut().apply(Action::Run(Command::ZoomIn));
    }
    h.run();
    let view = h.state().visible_region();
    let cut: Vec<_> = h
        .state()
        .scene()
        .nodes
        .iter()
        .filter(|n| n.rect.intersects(view) && !view.contains_rect(n.rect))
        .map(|n| n.body)
        .collect();
    assert!(
        !cut.is_empty(),
        "the view cuts some boxes (else the test says nothing)"
    );
    let in_view = h
        .state()
        .scene()
        .nodes
        .iter()
        .filter(|n| n.rect.intersects(view))
        .count();

    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.svg");
    export_with(
        &mut h,
        plain.to_str().unwrap(),
        &[(Role::RadioButton, "Current view")],
    );
    let svg = std::fs::read_to_string(&plain).unwrap();
    let (boxes, clip) = boxes_and_clip(&svg);
    let clip = clip.expect("a view is clipped");
    assert!(boxes.len() >= in_view, "every body in view is drawn");
    for (id, r) in &boxes {
        if r.intersects(clip) {
            assert!(clip.contains_rect(*r), "{id} is cut by the picture's edge");
        }
    }
    for mark in [
        r#"class="match""#,
        r#"class="halo""#,
        r#"class="ring""#,
        " selected",
    ] {
        assert!(
            !svg.contains(mark),
            "{mark} is a screen mark, not for paper"
        );
    }
    assert!(
        !svg.contains("search match") && !svg.contains("neighbour"),
        "the legend lists only what is drawn"
    );
    assert!(svg.contains("view of "), "the caption says it is a view");

    let png = dir.path().join("plain.png");
    export_with(&mut h, png.to_str().unwrap(), &[]);
    let magenta = |path: &std::path::Path| {
        let img = image::open(path).unwrap().to_rgba8();
        img.pixels()
            .filter(|p| p.0 == [0xcc, 0x00, 0xaa, 255])
            .count()
    };
    assert_eq!(magenta(&png), 0, "no search-match bars in the PNG");
    let corner = image::open(&png).unwrap().to_rgba8().get_pixel(1, 1).0;
    assert_eq!(corner, [255, 255, 255, 255], "white paper");

    let marked = dir.path().join("marked.png");
    export_with(
        &mut h,
        marked.to_str().unwrap(),
        &[(Role::CheckBox, "Highlights")],
    );
    assert!(
        magenta(&marked) > 50,
        "with highlights, search matches are drawn"
    );
    let marked_svg = dir.path().join("marked.svg");
    export_with(&mut h, marked_svg.to_str().unwrap(), &[]);
    let svg = std::fs::read_to_string(&marked_svg).unwrap();
    assert!(svg.contains(r#"class="match""#) && svg.contains(" selected"));
}

#[test]
fn the_dialog_keeps_its_rows_in_place_when_the_format_changes() {
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let a4 = h.get_by_role_and_label(Role::RadioButton, "A4").rect();
    let export = h.get_by_role_and_label(Role::Button, "Export").rect();
    h.get_by_role_and_label(Role::RadioButton, "PDF").click();
    h.run();
    assert_eq!(h.get_by_role_and_label(Role::RadioButton, "A4").rect(), a4);
    assert_eq!(
        h.get_by_role_and_label(Role::Button, "Export").rect(),
        export
    );
    h.get_by_role_and_label(Role::RadioButton, "A4").click();
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::Button, "Export").rect(),
        export
    );
}

#[test]
fn a_first_export_is_proposed_in_the_pictures_folder_not_the_working_folder() {
    let home = tempfile::tempdir().unwrap();
    let pictures = home.path().join("Bilder");
    std::fs::create_dir(&pictures).unwrap();
    std::fs::write(
        home.path().join("user-dirs.dirs"),
        format!("XDG_PICTURES_DIR=\"{}\"\n", pictures.display()),
    )
    .unwrap();
    std::env::set_var("XDG_CONFIG_HOME", home.path());
    let mut h = harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let proposed = std::path::PathBuf::from(file_field_value(&h));
    assert_eq!(
        proposed.parent(),
        Some(pictures.as_path()),
        "{}",
        proposed.display()
    );
    assert_ne!(
        proposed.parent(),
        std::env::current_dir().ok().as_deref(),
        "never the process's working folder"
    );
}

/// Whether a label on screen holds `text` (egui gives a label's text as its value).
fn shows(h: &Harness<'_, AtlasApp>, text: &str) -> bool {
    h.get_all_by_role(Role::Label)
        .any(|n| n.value().is_some_and(|v| v.contains(text)))
}

#[test]
fn the_dialog_warns_before_a_one_page_pdf_whose_names_are_too_small() {
    let model = model::Model::new(csto_atlas::generate::synthetic(2000, 1));
    let app = AtlasApp::new(model, None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    // Every level open: 2,000 boxes on one page.
    h.state_mut().apply(csto_atlas::ui::Action::ExpandTo(None));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "PDF").click();
    h.run();
    // A page the chart's size prints names at their own size: no warning.
    assert!(!shows(&h, "too small to read"));
    let export = h.get_by_role_and_label(Role::Button, "Export").rect();
    h.get_by_role_and_label(Role::RadioButton, "A4").click();
    h.run();
    assert!(shows(&h, " pt: too small to read"));
    // The warning takes a row kept for it: the button stays where it was.
    assert_eq!(
        h.get_by_role_and_label(Role::Button, "Export").rect(),
        export
    );
    h.get_by_role_and_label(Role::CheckBox, "As a poster")
        .click();
    h.run();
    assert!(
        !shows(&h, "too small to read"),
        "a poster prints names at 8 pt"
    );
}
