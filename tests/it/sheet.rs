//! Organizations kept in a spreadsheet: CSV files load in the window and on the command line,
//! convert to an atlas file, and every mistake is reported at its line and column.

use crate::common::{run, text};

use std::path::Path;

use csto_atlas::model::{self, Status};
use csto_atlas::ui::{AtlasApp, Settings};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;

const MINISTRY: &str = "tests/fixtures/ministry.csv";
const SEMICOLON: &str = "tests/fixtures/ministry-semicolon.csv";

/// The error a sheet gives, as the user reads it.
fn error(csv: &str) -> String {
    match model::load_bytes(csv.as_bytes(), "org.csv") {
        Err(e) => e.to_string(),
        Ok(_) => panic!("loaded:\n{csv}"),
    }
}

#[test]
fn a_sheet_of_a_hundred_rows_with_quoted_names_loads() {
    let m = model::load_file(Path::new(MINISTRY)).unwrap();
    assert_eq!(m.len(), 102);
    assert_eq!(m.atlas.meta.title, "ministry", "the file's name");
    assert_eq!(m.atlas.meta.edition_text(), "unstated");
    let roots: Vec<&str> = m.roots().iter().map(|&i| m.body(i).id.as_str()).collect();
    assert_eq!(
        roots,
        ["minister", "inspectorate"],
        "an empty parent makes an apex"
    );
    // Commas and doubled quotes inside a quoted name; a `;` inside a comma-separated file.
    let ig = m.body(m.index_of("inspectorate").unwrap());
    assert_eq!(ig.name, r#"Inspectorate General, "Independent" Oversight"#);
    let unit = m.body(m.index_of("unit-1-1-1").unwrap());
    assert_eq!(unit.name, "Unit 1.1.1; Planning, Delivery and Review");
    assert_eq!(unit.parent.as_deref(), Some("dir-1-1"));
    // Kinds are declared from the values, the most common first (they take the palette's
    // colours before the rarer ones), named as written.
    let kinds = m.kinds();
    let declared: Vec<(&str, &str)> = kinds
        .body_kinds()
        .map(|k| (kinds.body(k).id.as_str(), kinds.body(k).name.as_str()))
        .collect();
    assert_eq!(
        declared,
        [
            ("unit", "Unit"),
            ("directorate", "Directorate"),
            ("directorate-general", "Directorate-general"),
            ("agency", "Agency"),
            ("political-leadership", "Political leadership"),
            ("independent-body", "Independent body"),
        ]
    );
    // Claims are unverified without a status column, and keep their source.
    let minister = m.body(m.index_of("minister").unwrap());
    let mandate = minister.mandate.as_ref().unwrap();
    assert_eq!(mandate.status, Status::Unverified);
    let source = m.source(&mandate.sources[0]).unwrap();
    assert_eq!(
        source.url.as_deref(),
        Some("https://example.org/ministry/structure")
    );
    assert_eq!(
        minister.established.as_ref().unwrap().date.as_deref(),
        Some("2001-03-01")
    );
    assert_eq!(
        m.atlas.sources.len(),
        3,
        "one source per distinct URL or title"
    );
}

#[test]
fn a_european_sheet_with_semicolons_a_bom_and_a_status_column_loads() {
    let m = model::load_file(Path::new(SEMICOLON)).unwrap();
    assert_eq!(m.len(), 12);
    assert_eq!(
        m.body(model::BodyIdx(0)).id,
        "minister",
        "the BOM is not in the id"
    );
    let ig = m.body(m.index_of("inspectorate").unwrap());
    assert_eq!(ig.name, r#"Inspectorate General, "Independent" Oversight"#);
    assert_eq!(
        ig.kind_status,
        Status::Verified,
        "the status column says so"
    );
    let unit = m.body(m.index_of("unit-1-1-1").unwrap());
    assert_eq!(unit.kind_status, Status::Unverified, "an empty status");
}

#[test]
fn list_and_export_show_the_sheets_own_kinds() {
    let o = run(&["list", "--atlas", MINISTRY]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 103, "a header and 102 rows");
    assert!(out.contains("directorate-general"));

    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("ministry.svg");
    let o = run(&[
        "export",
        "--atlas",
        MINISTRY,
        "--out",
        svg_path.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    for name in [
        "Political leadership",
        "Directorate-general",
        "Unit",
        "Agency",
    ] {
        assert!(svg.contains(&format!(">{name}<")), "no legend entry {name}");
    }
    // The caption credits the sheet, not an edition it never had.
    assert!(svg.contains("Source: ministry.csv, read "));
}

#[test]
fn a_sheet_opens_in_the_window_with_its_kinds_in_the_legend_and_the_outline() {
    let m = model::load_file(Path::new(MINISTRY)).unwrap();
    let app = AtlasApp::new(m, Some(MINISTRY.into()), Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h.get_by_label("Directorate-general");
    h.get_by_label("Political leadership");
    h.get_by_label("Outline").click();
    h.run();
    h.get_by_label_contains("Agency (3)");
}

#[test]
fn convert_writes_an_atlas_file_that_loads_as_the_same_organization() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ministry.ron");
    let o = run(&[
        "convert",
        MINISTRY,
        "--out",
        out.to_str().unwrap(),
        "--title",
        "Ministry of Examples",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let ron = model::load_file(&out).unwrap();
    let csv = model::load_file(Path::new(MINISTRY)).unwrap();
    assert_eq!(ron.atlas.meta.title, "Ministry of Examples");
    assert_eq!(ron.atlas.bodies, csv.atlas.bodies);
    assert_eq!(ron.atlas.kinds, csv.atlas.kinds);
    // Converting onto itself is refused before anything is touched.
    let o = run(&["convert", MINISTRY, "--out", MINISTRY]);
    assert!(!o.status.success());
    assert_eq!(model::load_file(Path::new(MINISTRY)).unwrap().len(), 102);
}

#[test]
fn a_missing_id_or_name_column_is_reported_and_other_columns_are_kept() {
    assert_eq!(
        error("name,kind\nA,Unit\n"),
        "org.csv:1:id: no id column: name one id, key, nodeid (or use `--map`)"
    );
    // Columns known by meaning, whatever their spelling; the rest are the body's fields.
    let m = model::load_bytes(
        "Node ID;Parent_Id;Full Name;Department;Mandat\na;;A;Unit;Leads\nb;a;B;;Helps\n".as_bytes(),
        "org.csv",
    )
    .unwrap();
    let b = m.body(m.index_of("b").unwrap());
    assert_eq!(b.parent.as_deref(), Some("a"));
    assert_eq!(b.fields.get("Mandat").map(String::as_str), Some("Helps"));
    // An empty kind cell is the kind "(none)", not an error.
    assert_eq!(
        m.kinds().body(m.kind_of(m.index_of("b").unwrap())).name,
        "(none)"
    );
}

#[test]
fn row_mistakes_are_each_reported_at_their_line_and_column() {
    let sheet = "id,name,parent,kind,established,status,source\n\
                 a,Apex,,Unit,,,\n\
                 b,Second,a,Unit,2020-13-01,,\n\
                 a,Again,,Unit,,,\n\
                 c,Orphan,zz,Unit,,,\n\
                 d,Sure,a,Unit,,verified,\n\
                 e,Maybe,a,Unit,,perhaps,\n";
    let e = error(sheet);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(
        lines,
        [
            r#"org.csv:3:established: "2020-13-01" is not a date: write YYYY-MM-DD"#,
            r#"org.csv:4:id: duplicate id "a" (first on line 2)"#,
            r#"org.csv:5:parent: no body "zz" in the sheet (closest: "a", "b", "d")"#,
            "org.csv:6:status: verified needs a source: fill in the row's `source`",
            r#"org.csv:7:status: unknown status "perhaps": one of verified, reference, inferred, unverified"#,
        ]
    );
}

#[test]
fn a_cycle_and_a_row_with_too_many_fields_are_reported() {
    let e = error("id,name,parent,kind\na,A,c,Unit\nb,B,a,Unit\nc,C,b,Unit\nd,D,,Unit\n");
    assert_eq!(e, "org.csv:2:parent: a cycle: a → c → b → a");
    let e = error("id,name,parent,kind\na,Office of Legal, Policy Affairs,,Unit\n");
    assert_eq!(
        e,
        "org.csv:2:row: 5 fields but the header has 4 columns (a comma inside a name needs quotes)"
    );
}

#[test]
fn the_command_line_reports_a_bad_sheet_and_exits_with_failure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(&path, "id,name,parent,kind\nx,X,nowhere,Unit\n").unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("bad.csv:2:parent: no body \"nowhere\""),
        "{err}"
    );
}

/// A chart as a web org-chart library keeps it: `id, parentId, name, positionName, area, tags,
/// …`, 520 rows, tags quoted with commas inside, first and last names apart in a second file.
fn web_library_sheet() -> String {
    let mut csv = String::from(
        "name,imageUrl,area,profileUrl,office,tags,isLoggedUser,positionName,id,parentId,size\n",
    );
    csv.push_str("Ada Lovelace,https://example.org/a.png,Board,,HQ,\"lead, founder\",false,Chief Executive,1,,\n");
    for i in 2..=520 {
        let parent = (i / 4).max(1);
        let area = ["Sales", "Engineering", "Finance", "People"][i % 4];
        csv.push_str(&format!(
            "Person {i},https://example.org/{i}.png,{area},https://example.org/p/{i},Office {o},\"tag{i}, team {t}\",false,Role {r},{i},{parent},\n",
            o = i % 7,
            t = i % 9,
            r = i % 5
        ));
    }
    csv
}

#[test]
fn a_web_library_sheet_opens_with_its_columns_as_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("company.csv");
    std::fs::write(&path, web_library_sheet()).unwrap();
    let m = model::load_file(&path).unwrap();
    assert_eq!(m.len(), 520);
    let p9 = m.body(m.index_of("9").unwrap());
    assert_eq!(p9.parent.as_deref(), Some("2"));
    assert_eq!(
        p9.fields.get("positionName").map(String::as_str),
        Some("Role 4")
    );
    assert_eq!(
        p9.fields.get("tags").map(String::as_str),
        Some("tag9, team 0")
    );
    // `area` is the kind.
    let kinds: Vec<&str> = m
        .kinds()
        .body_kinds()
        .map(|k| m.kinds().body(k).name.as_str())
        .collect();
    assert!(
        kinds.contains(&"Engineering") && kinds.contains(&"Board"),
        "{kinds:?}"
    );
    // `show --json` carries the fields.
    let o = run(&["show", "9", "--atlas", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["fields"]["imageUrl"], "https://example.org/9.png");
    // `office` reads as the seat.
    assert_eq!(v["seat"]["text"], "Office 2");
}

#[test]
fn excel_sheets_in_windows_1252_and_utf_16_open() {
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252, `;`, CRLF, as Excel saves "CSV" on Windows: é is one byte, 0xE9.
    let mut cp1252: Vec<u8> = Vec::new();
    for (i, row) in ["id;name;parent", "a;Ren\u{e9}e;", "b;Jos\u{e9};a"]
        .iter()
        .enumerate()
    {
        if i > 0 {
            cp1252.extend_from_slice(b"\r\n");
        }
        cp1252.extend(row.chars().map(|c| c as u32 as u8));
    }
    let path = dir.path().join("excel.csv");
    std::fs::write(&path, &cp1252).unwrap();
    let m = model::load_file(&path).unwrap();
    assert_eq!(m.body(m.index_of("a").unwrap()).name, "Ren\u{e9}e");
    assert_eq!(
        m.body(
            m.index_of("jos")
                .unwrap_or_else(|| m.index_of("b").unwrap())
        )
        .name,
        "Jos\u{e9}"
    );
    assert!(
        m.atlas.meta.description.contains("Read as windows-1252"),
        "{}",
        m.atlas.meta.description
    );
    // "Unicode text": UTF-16 LE with its byte-order mark, tabs.
    let mut utf16: Vec<u8> = vec![0xff, 0xfe];
    for unit in "id\tname\tparent\r\nx\tRen\u{e9}e\t\r\ny\tJos\u{e9}\tx\r\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let path = dir.path().join("unicode.txt");
    std::fs::write(&path, &utf16).unwrap();
    let m = model::load_file(&path).unwrap();
    assert_eq!(
        m.body(m.index_of("y").unwrap()).parent.as_deref(),
        Some("x")
    );
    assert_eq!(m.body(m.index_of("x").unwrap()).name, "Ren\u{e9}e");
}

#[test]
fn a_plain_sheet_is_drawn_as_its_own_chart_not_as_ours() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("hr-export.csv");
    std::fs::write(
        &sheet,
        "id,parentId,First Name,Last Name,position,department\n\
         1,,Maria,Lind,Chief Executive,Board\n\
         2,1,José,Ortega,Head of Finance,Finance\n\
         3,2,Ken,Sato,Accountant,Finance\n",
    )
    .unwrap();
    let svg = dir.path().join("hr.svg");
    let o = run(&[
        "export",
        "--atlas",
        sheet.to_str().unwrap(),
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let svg = std::fs::read_to_string(svg).unwrap();
    // Names joined from first and last; no statuses or dates in the file: nothing drawn as
    // uncertain or undated, and the caption credits the file.
    assert!(svg.contains("José Ortega"), "the joined name");
    assert!(
        !svg.contains("uncertain") && !svg.contains("undated"),
        "{svg}"
    );
    assert!(
        svg.contains("Source: hr-export.csv, read "),
        "the caption credits the file"
    );
    assert!(!svg.contains("CSTO"), "nothing of ours in their picture");
}

#[test]
fn flat_and_nested_json_open_as_charts() {
    let dir = tempfile::tempdir().unwrap();
    let flat = dir.path().join("team.json");
    std::fs::write(
        &flat,
        r#"[{"id": 1, "parentId": null, "name": "Head", "positionName": "Director", "tags": ["a", "b"]},
            {"id": 2, "parentId": 1, "name": "Deputy", "positionName": "Deputy director"},
            {"id": 3, "parentId": 2, "name": "Clerk"}]"#,
    )
    .unwrap();
    let m = model::load_file(&flat).unwrap();
    assert_eq!(m.len(), 3);
    assert_eq!(m.atlas.meta.title, "team");
    let clerk = m.body(m.index_of("3").unwrap());
    assert_eq!(clerk.parent.as_deref(), Some("2"));
    let head = m.body(m.index_of("1").unwrap());
    assert_eq!(head.fields.get("tags").map(String::as_str), Some("a, b"));
    assert_eq!(
        head.fields.get("positionName").map(String::as_str),
        Some("Director")
    );
    // A nested tree, as d3 and its kin draw: ids from the path where nodes have none.
    let nested = dir.path().join("tree.json");
    std::fs::write(
        &nested,
        r#"{"name": "Board", "children": [
              {"name": "Finance", "children": [{"name": "Payroll"}]},
              {"name": "People"}]}"#,
    )
    .unwrap();
    let m = model::load_file(&nested).unwrap();
    let payroll = m.body(m.index_of("1-1-1").unwrap());
    assert_eq!(payroll.name, "Payroll");
    assert_eq!(payroll.parent.as_deref(), Some("1-1"));
    assert_eq!(m.roots().len(), 1);
    // Not a chart: a clear error, not a panic.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[1, 2").unwrap();
    let e = model::load_file(&bad).unwrap_err().to_string();
    assert!(e.contains("not JSON"), "{e}");
}
