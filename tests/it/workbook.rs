//! Workbooks as people keep their org charts: an HR export saved by Excel opens as it is, with
//! numbers, dates and extra columns, and a mistake is reported at its sheet and cell.

use crate::common::{run, text};

use csto_atlas::export::{self, ExportRequest, Format};
use csto_atlas::model;
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};

/// An HR export: 300 staff, ids and managers as numbers, first and last names apart, a
/// department, a job title, a hire date as a date cell and a salary; the table starts at
/// `first` (row, column), zero-based, below a title line as people write one.
fn hr_workbook(first: (u32, u16), manager_of: impl Fn(u32) -> Option<u32>) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Staff").unwrap();
    let (r0, c0) = first;
    if r0 > 0 {
        sheet
            .write_string(0, c0, "Staff list, December 2026")
            .unwrap();
    }
    let header = [
        "Employee ID",
        "First Name",
        "Last Name",
        "Manager ID",
        "Department",
        "Job Title",
        "Hire Date",
        "Salary",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(r0, c0 + c as u16, *h).unwrap();
    }
    let date = CellFormat::new().set_num_format("dd/mm/yyyy");
    let departments = ["Board", "Sales", "Engineering", "Finance", "People"];
    for i in 1..=300u32 {
        let r = r0 + i;
        sheet.write_number(r, c0, i).unwrap();
        sheet.write_string(r, c0 + 1, format!("Renée{i}")).unwrap();
        sheet.write_string(r, c0 + 2, format!("Núñez {i}")).unwrap();
        if let Some(m) = manager_of(i) {
            sheet.write_number(r, c0 + 3, m).unwrap();
        }
        let dept = if i == 1 { 0 } else { 1 + i as usize % 4 };
        sheet.write_string(r, c0 + 4, departments[dept]).unwrap();
        sheet
            .write_string(r, c0 + 5, format!("Role {}\nlevel {}", i % 6, i % 3))
            .unwrap();
        let hired =
            ExcelDateTime::from_ymd(2000 + (i % 20) as u16, 1 + (i % 12) as u8, 15).unwrap();
        sheet
            .write_datetime_with_format(r, c0 + 6, &hired, &date)
            .unwrap();
        sheet.write_number(r, c0 + 7, 40_000 + i * 100).unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn manager(i: u32) -> Option<u32> {
    (i > 1).then_some(i / 3 + 1).filter(|&m| m != i)
}

#[test]
fn an_hr_workbook_opens_as_it_is_with_its_columns_as_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hr-export.xlsx");
    std::fs::write(&path, hr_workbook((0, 0), manager)).unwrap();
    let m = model::load_file(&path).unwrap();
    assert_eq!(m.len(), 300);
    for i in [2u32, 50, 300] {
        let b = m.body(m.index_of(&i.to_string()).unwrap());
        assert_eq!(
            b.parent.as_deref(),
            manager(i).map(|p| p.to_string()).as_deref(),
            "{i}'s manager, read from a number cell as the id it is"
        );
    }
    let b = m.body(m.index_of("50").unwrap());
    assert_eq!(b.name, "Renée50 Núñez 50", "first and last names joined");
    assert_eq!(
        b.fields.get("Salary").map(String::as_str),
        Some("45000"),
        "a whole number without \".0\""
    );
    assert_eq!(
        b.fields.get("Job Title").map(String::as_str),
        Some("Role 2 level 2"),
        "a line break in a cell is a space"
    );
    let kinds: Vec<&str> = m
        .kinds()
        .body_kinds()
        .map(|k| m.kinds().body(k).name.as_str())
        .collect();
    assert!(kinds.contains(&"Engineering"), "{kinds:?}");

    // The hire date, a date cell, is read as the date it shows.
    let o = run(&["show", "50", "--atlas", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["fields"]["Salary"], "45000");
    assert!(
        v.to_string().contains("2010-03-15"),
        "hire date 15 March 2010 in {v}"
    );

    // Their chart, not ours: the caption credits the file, nothing is drawn as uncertain.
    let svg = export::render(&m, &ExportRequest::new(Format::Svg)).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("hr-export.xlsx"), "the caption names the file");
    for class in ["uncertain", "undated", "ghost"] {
        assert!(
            !svg.contains(&format!("class=\"{class}")) && !svg.contains(&format!(" {class}\"")),
            "no {class} boxes in a chart from a workbook"
        );
    }

    let o = run(&["check", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("ok: 300 bodies"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn a_mistake_in_a_workbook_is_reported_at_its_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    // The table starts at B3 under a title line; employee 7's manager 999 does not exist.
    let path = dir.path().join("hr.xlsx");
    let bad = |i: u32| if i == 7 { Some(999) } else { manager(i) };
    std::fs::write(&path, hr_workbook((2, 1), bad)).unwrap();
    let e = model::load_file(&path).unwrap_err().to_string();
    // Row 3 is the header, employee 7 is on row 10, the manager column is E.
    assert!(e.contains("hr.xlsx:Staff!E10: parent:"), "{e}");
    assert!(e.contains("999"), "{e}");
    let o = run(&["check", path.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("Staff!E10"), "{}", text(&o.stderr));
}

#[test]
fn a_file_named_xlsx_that_is_no_workbook_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staff.xlsx");
    std::fs::write(&path, "id,name\n1,A\n").unwrap();
    let e = model::load_file(&path).unwrap_err().to_string();
    assert!(e.starts_with(&format!("{}:1:1:", path.display())), "{e}");
    assert!(e.contains("not a workbook"), "{e}");
}
