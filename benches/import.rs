//! Your own chart, timed: a 1,500-row CSV in a web org-chart library's layout to the first
//! frame of the window, and a 20,000-row workbook read and laid out (issue goals: 300 ms, 2 s).
//!
//! Run with `cargo bench --bench import`; `BENCHMARKS.md` records the figures.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use csto_atlas::model;
use csto_atlas::ui::{AtlasApp, Settings};

mod common;

/// A company chart as web org-chart libraries take it: every row under one of the rows before,
/// a second line, an area (the kind) and quoted tags.
fn company_csv(rows: usize) -> String {
    let mut out = String::from("id,parentId,name,positionName,area,office,tags,imageUrl\n");
    let areas = [
        "Engineering",
        "Sales",
        "Finance",
        "People",
        "Legal",
        "Support",
        "Design",
    ];
    for i in 1..=rows {
        let parent = if i == 1 {
            String::new()
        } else {
            (i / 3).max(1).to_string()
        };
        out.push_str(&format!(
            "{i},{parent},Person {i},Role {},{},Office {},\"tag{}, tag{}\",https://example.com/{i}.png\n",
            i % 40,
            areas[i % areas.len()],
            i % 12,
            i % 5,
            i % 9
        ));
    }
    out
}

/// A staff workbook of `rows` rows, as an HR system exports one.
fn staff_xlsx(rows: u32) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "Employee ID",
        "First Name",
        "Last Name",
        "Manager ID",
        "Department",
        "Job Title",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("a header cell");
    }
    let departments = [
        "Board",
        "Sales",
        "Engineering",
        "Finance",
        "People",
        "Legal",
    ];
    for i in 1..=rows {
        sheet.write_number(i, 0, i).expect("an id");
        sheet
            .write_string(i, 1, format!("Given{i}"))
            .expect("a name");
        sheet
            .write_string(i, 2, format!("Family{i}"))
            .expect("a name");
        if i > 1 {
            sheet.write_number(i, 3, (i / 4).max(1)).expect("a manager");
        }
        let d = departments[(i % departments.len() as u32) as usize];
        sheet.write_string(i, 4, d).expect("a department");
        sheet
            .write_string(i, 5, format!("Title {}", i % 30))
            .expect("a title");
    }
    book.save_to_buffer().expect("the workbook")
}

fn import(c: &mut Criterion) {
    let mut g = c.benchmark_group("import");
    let csv = company_csv(1500);
    g.bench_function("csv 1500 rows to first frame", |b| {
        b.iter(|| {
            let m = model::load_bytes(black_box(csv.as_bytes()), "company.csv")
                .expect("the sheet loads");
            let mut app = AtlasApp::new(m, None, Settings::default());
            let ctx = egui::Context::default();
            black_box(common::frame(&ctx, &mut app))
        })
    });
    g.sample_size(10);
    let xlsx = staff_xlsx(20_000);
    g.bench_function("xlsx 20000 rows read and laid out", |b| {
        b.iter(|| {
            let m = model::load_bytes(black_box(&xlsx), "staff.xlsx").expect("the workbook loads");
            black_box(AtlasApp::new(m, None, Settings::default()))
        })
    });
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
