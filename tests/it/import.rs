//! Reading a spreadsheet whose headers do not say it all: `--map` (roles by column, names from
//! a `{column}` template), `--sheet`, the second line in the boxes, the sheet's own noun, kinds
//! past the palette's colours, and the mapping kept across reloads.

use std::time::{Duration, Instant};

use csto_atlas::model::{self, import::Import};
use csto_atlas::ui::{AtlasApp, Settings};
use egui_kittest::Harness;
use rust_xlsxwriter::Workbook;

use crate::common::{run, text};

/// A staff list as an HR system exports it: nothing says which column is the kind, and names
/// are in two columns. 16 departments, more than the palette's 12 colours.
fn staff_csv() -> String {
    let mut out = String::from("Staff No,Given,Family,Reports To,Job,Team,Email\n");
    out.push_str("1,Ada,Lovelace,,Chief Executive,Board,ada@example.com\n");
    for d in 0..16 {
        let head = 2 + d * 3;
        out.push_str(&format!(
            "{head},Head{d},Person,1,Head of Team {d},Team {d},h{d}@example.com\n"
        ));
        for k in 1..3 {
            let id = head + k;
            out.push_str(&format!(
                "{id},Staff{id},Member,{head},Analyst,Team {d},s{id}@example.com\n"
            ));
        }
    }
    out
}

fn write(dir: &tempfile::TempDir, name: &str, content: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_owned()
}

const MAP: &str = "id=Staff No,parent=Reports To,name={Given} {Family},label2=Job,kind=Team";

/// The staff list written in `dir`, opened in a window as read with [`MAP`], which the window's
/// settings keep for the file (as after File → Import settings).
fn mapped_window(dir: &tempfile::TempDir) -> (std::path::PathBuf, Harness<'static, AtlasApp>) {
    let path = dir.path().join("staff.csv");
    std::fs::write(&path, staff_csv()).unwrap();
    let import = Import {
        sheet: None,
        map: Import::parse_map(MAP).unwrap(),
    };
    let m = model::load_file_with(&path, &import).unwrap();
    let mut settings = Settings::default();
    settings.imports.insert(path.display().to_string(), import);
    let app = AtlasApp::new(m, Some(path.clone()), settings);
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    (path, h)
}

#[test]
fn a_map_names_the_columns_a_sheet_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "staff.csv", &staff_csv());
    // Without it the sheet has no id, parent or name the program recognises.
    let o = run(&["check", &path]);
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("no id column"),
        "{}",
        text(&o.stderr)
    );
    let o = run(&["show", "3", "--atlas", &path, "--map", MAP, "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let shown: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(shown["name"], "Staff3 Member");
    assert_eq!(shown["parent"]["id"], "2");
    assert_eq!(shown["kind"], "team-0");
    assert_eq!(shown["fields"]["Job"], "Analyst");
    assert_eq!(shown["fields"]["Email"], "s3@example.com");
    // The columns the template joined are not repeated as fields.
    assert!(shown["fields"].get("Given").is_none(), "{shown}");
    // A column the header lacks is named, with the ones there are.
    let o = run(&["check", &path, "--map", "id=Staff No,parent=Boss"]);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(
        err.contains("--map parent=Boss: no such column") && err.contains("\"Reports To\""),
        "{err}"
    );
    let o = run(&["check", &path, "--map", "chief=Boss"]);
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("\"chief\" is not a role"));
}

#[test]
fn the_picture_shows_second_lines_counts_entries_and_greys_kinds_past_the_palette() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "staff.csv", &staff_csv());
    let svg = dir.path().join("staff.svg");
    let o = run(&[
        "export",
        "--atlas",
        &path,
        "--map",
        MAP,
        "--text-as-fonts",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let svg = std::fs::read_to_string(svg).unwrap();
    // The box of the chief executive: the joined name and the job under it.
    assert!(svg.contains(">Ada Lovelace<"), "name");
    assert!(svg.contains(">Chief Executive<"), "second line");
    assert!(svg.contains("All entries"), "the view in the sheet's noun");
    assert!(
        svg.contains("49 of 49 entries shown"),
        "the count in its noun"
    );
    assert!(!svg.contains("bodies"), "no CSTO noun");
    // 17 teams (with the board): 12 colours, the five rarest share one legend entry.
    assert!(svg.contains("5 other kinds"), "other kinds");
}

#[test]
fn a_workbook_sheet_is_chosen_by_name() {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Read me").unwrap();
    notes.write_string(0, 0, "Exported from HR").unwrap();
    notes.write_string(0, 1, "do not edit").unwrap();
    notes.write_string(1, 0, "a").unwrap();
    notes.write_string(1, 1, "b").unwrap();
    let staff = book.add_worksheet();
    staff.set_name("Staff").unwrap();
    for (c, h) in ["id", "parent", "name"].iter().enumerate() {
        staff.write_string(0, c as u16, *h).unwrap();
    }
    staff.write_string(1, 0, "boss").unwrap();
    staff.write_string(1, 2, "The Boss").unwrap();
    staff.write_string(2, 0, "aide").unwrap();
    staff.write_string(2, 1, "boss").unwrap();
    staff.write_string(2, 2, "The Aide").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hr.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let p = path.to_str().unwrap();
    // The first sheet is no org chart.
    assert!(!run(&["check", p]).status.success());
    let o = run(&["show", "aide", "--atlas", p, "--sheet", "staff"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("The Aide"));
    let o = run(&["check", p, "--sheet", "People"]);
    let err = text(&o.stderr);
    assert!(
        err.contains("no sheet \"People\"") && err.contains("\"Read me\", \"Staff\""),
        "{err}"
    );
}

#[test]
fn the_window_reloads_a_sheet_with_the_mapping_it_was_read_with() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = mapped_window(&dir);
    assert_eq!(h.state().model().len(), 49);
    std::fs::write(
        &path,
        staff_csv() + "100,New,Hire,1,Intern,Team 3,n@example.com\n",
    )
    .unwrap();
    let start = Instant::now();
    while h.state().model().len() != 50 && start.elapsed() < Duration::from_secs(3) {
        h.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    let m = h.state().model();
    assert_eq!(m.len(), 50, "reloaded: {:?}", h.state().notice());
    let i = m.index_of("100").expect("the new row");
    assert_eq!(m.body(i).name, "New Hire");
    assert_eq!(m.body(i).kind, "team-3");
}

#[test]
fn the_import_dialog_gives_a_column_the_kind_and_the_legend_follows() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = mapped_window(&dir);
    let key = path.display().to_string();
    assert!(
        h.query_by_label("Team 0").is_some(),
        "the teams are the kinds"
    );
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import settings").click();
    h.run();
    // Each column with its role; the job is the second line, the team the kind.
    h.get_by_label_contains("Import staff.csv");
    h.get_by_role_and_label(Role::ComboBox, "Job").click();
    h.run();
    h.get_all_by_label("Kind (colour)").last().unwrap().click();
    h.run();
    // The dialog reads the sheet anew and says how, as arguments.
    h.get_by_label_contains("kind=Job");
    h.get_by_role_and_label(Role::Button, "Open").click();
    h.run();
    h.run();
    let kinds: Vec<String> = {
        let k = h.state().model().kinds();
        k.body_kinds().map(|b| k.body(b).name.clone()).collect()
    };
    assert!(kinds.contains(&"Analyst".to_owned()), "{kinds:?}");
    assert!(h.query_by_label("Analyst").is_some(), "the legend follows");
    assert!(h.query_by_label("Team 0").is_none());
    // And the file opens so next time.
    assert_eq!(h.state().settings().imports[&key].map["kind"], "Job");
}

#[test]
fn opening_a_sheet_whose_id_is_not_found_shows_the_import_dialog_not_an_error() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staff.csv");
    std::fs::write(&path, staff_csv()).unwrap();
    let app = AtlasApp::new(model::load_embedded().unwrap(), None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.state_mut()
        .apply(csto_atlas::ui::Action::Open(path.clone()));
    h.run();
    assert!(h.state().notice().is_none(), "{:?}", h.state().notice());
    h.get_by_label_contains("Import staff.csv");
    // What is wrong so far, by row: no id and no name column yet.
    h.get_by_label_contains("no id column");
    // The CSTO atlas stays until the sheet is opened.
    assert_eq!(h.state().model().len(), 26);
}

#[test]
fn a_search_row_shows_the_second_line_that_tells_people_apart() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let (_, mut h) = mapped_window(&dir);
    h.state_mut()
        .apply(csto_atlas::ui::Action::SetSearch("Head0".into()));
    h.run();
    h.get_by_label_contains("Head of Team 0 · team 0 · under");
}

#[test]
fn a_cell_longer_than_any_text_may_be_is_refused_at_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(100_001);
    let path = write(
        &dir,
        "long.csv",
        &format!("id,name,Notes\na,Alpha,short\nb,Beta,{long}\n"),
    );
    let o = run(&["check", &path]);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(
        err.contains("long.csv:3:") && err.contains("column \"Notes\": 100001 characters long"),
        "{err}"
    );
}

/// A file held in the hand, as the desktop hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_sheet_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ministry.csv");
    std::fs::write(
        &path,
        "id,name,parent\nmin,The Minister,\ndep,A Department,min\n",
    )
    .unwrap();
    let app = AtlasApp::new(model::load_embedded().unwrap(), None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    h.run();
    assert_eq!(h.state().model().len(), 2, "{:?}", h.state().notice());
    assert_eq!(h.state().model().atlas.meta.title, "ministry");
}

#[test]
fn a_quote_never_closed_is_named_at_the_row_it_opened_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        &dir,
        "bad.csv",
        "id,name,parent\na,Alpha,\nb,\"Beta,a\nc,Gamma,a\nd,Delta,a\n",
    );
    let o = run(&["check", &bad]);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(
        err.contains("bad.csv:3:row: a quote opened on this row is never closed"),
        "{err}"
    );
    // A line break inside a closed quote is a cell's own (Alt+Enter), read as a space.
    let good = write(
        &dir,
        "good.csv",
        "id,name,parent\na,Alpha,\nb,\"Beta\nSection\",a\n",
    );
    let o = run(&["show", "b", "--atlas", &good]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).starts_with("Beta Section"),
        "{}",
        text(&o.stdout)
    );
}

fn window() -> Harness<'static, AtlasApp> {
    let app = AtlasApp::new(model::load_embedded().unwrap(), None, Settings::default());
    Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
}

/// A sheet with a name of 1,000,001 characters: the window says where and what, and the atlas
/// on screen stays.
#[test]
fn the_window_refuses_a_name_over_the_limit_and_keeps_its_atlas() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(1_000_001);
    let path = write(&dir, "long.csv", &format!("id,name,parent\na,{long},\n"));
    let mut h = window();
    h.state_mut()
        .apply(csto_atlas::ui::Action::Open(path.into()));
    h.run();
    let notice = h.state().notice().expect("an error notice").text.clone();
    assert!(
        notice.contains("long.csv:2:") && notice.contains("1000001 characters long"),
        "{notice}"
    );
    assert_eq!(h.state().model().len(), 26);
}

/// A large atlas file is read on its own thread: the window keeps drawing, with a spinner
/// naming the file, and the atlas appears when it is read.
#[test]
fn a_large_atlas_opens_in_the_background_with_a_spinner() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    crate::common::generate(&path, 4000);
    assert!(std::fs::metadata(&path).unwrap().len() > 4 * 1024 * 1024);
    let mut h = window();
    h.state_mut()
        .apply(csto_atlas::ui::Action::Open(path.clone()));
    h.step();
    // The frame is drawn while the file is read: the atlas on screen stays meanwhile.
    h.get_by_label_contains("Reading and checking big.ron");
    assert_eq!(h.state().model().len(), 26);
    let started = std::time::Instant::now();
    while h.state().model().len() != 4000 && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    assert_eq!(h.state().model().len(), 4000, "{:?}", h.state().notice());
    h.run();
    assert!(h.query_by_label_contains("Reading and checking").is_none());
}
