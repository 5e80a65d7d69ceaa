//! Rendered pictures compared with committed references, so that a change in the look shows up in
//! review. The chart is rendered on the CPU (SVG through resvg) exactly as the export writes it:
//! the opening view of a 1400x900 window and the whole chart, light and dark, at 1x and 2x.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites the references; a mismatch writes
//! `NAME.new.png` beside the reference.

use crate::common;

use std::path::PathBuf;

use csto_atlas::export::{self, Area, ExportRequest, Format};
use csto_atlas::model;
use csto_atlas::scene::Marks;
use csto_atlas::style::Theme;

fn render(theme: Theme, whole: bool, scale: f32, select: Option<&str>) -> Vec<u8> {
    render_in(theme, whole, scale, select, None)
}

fn render_in(
    theme: Theme,
    whole: bool,
    scale: f32,
    select: Option<&str>,
    lang: Option<&str>,
) -> Vec<u8> {
    let m = model::load_embedded().unwrap();
    let selected = select.and_then(|id| m.index_of(id));
    let request = ExportRequest {
        filters: csto_atlas::view::Filters {
            lang: lang.map(String::from),
            ..Default::default()
        },
        theme,
        marks: Marks::selection(&m, selected),
        // A picture with a selection is asked to show it.
        highlights: selected.is_some(),
        area: if whole {
            Area::Whole
        } else {
            Area::OpeningView(egui::vec2(1190.0, 780.0))
        },
        scale,
        ..ExportRequest::new(Format::Png)
    };
    export::render(&m, &request).unwrap()
}

fn check(name: &str, png: &[u8]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let reference = dir.join(format!("{name}.png"));
    let new = dir.join(format!("{name}.new.png"));
    if common::updating_snapshots() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&reference, png).unwrap();
        return;
    }
    let actual = image::load_from_memory(png).unwrap().to_rgba8();
    let Ok(expected) = image::open(&reference) else {
        std::fs::write(&new, png).unwrap();
        panic!(
            "no reference {}; wrote {} (UPDATE_SNAPSHOTS=1 accepts it)",
            reference.display(),
            new.display()
        );
    };
    let expected = expected.to_rgba8();
    // A pixel differs when any channel is off by more than 8/255; where they lie is reported.
    let mut region: Option<(u32, u32, u32, u32)> = None;
    let differing = if actual.dimensions() == expected.dimensions() {
        let mut n = 0;
        for (x, y, a) in actual.enumerate_pixels() {
            let b = expected.get_pixel(x, y);
            if a.0.iter().zip(b.0).any(|(p, q)| p.abs_diff(q) > 8) {
                n += 1;
                region = Some(region.map_or((x, y, x, y), |(x0, y0, x1, y1)| {
                    (x0.min(x), y0.min(y), x1.max(x), y1.max(y))
                }));
            }
        }
        n
    } else {
        usize::MAX
    };
    let total = (actual.width() * actual.height()) as usize;
    // resvg draws the same picture the same way on one build: at most 0.05 % may differ, less
    // than one changed letter or a badge.
    if differing > total / 2000 {
        std::fs::write(&new, png).unwrap();
        panic!(
            "{name}: {} of {total} pixels differ, within {region:?} (x0, y0, x1, y1) \
             ({}x{} vs {}x{}); see {}",
            if differing == usize::MAX {
                "all".to_owned()
            } else {
                differing.to_string()
            },
            actual.width(),
            actual.height(),
            expected.width(),
            expected.height(),
            new.display()
        );
    }
    let _ = std::fs::remove_file(&new);
}

#[test]
fn opening_view_light_1x() {
    check("view-light-1x", &render(Theme::Light, false, 1.0, None));
}

#[test]
fn opening_view_dark_1x() {
    check("view-dark-1x", &render(Theme::Dark, false, 1.0, None));
}

#[test]
fn whole_chart_light_2x_with_selection() {
    check(
        "whole-light-2x-cmd",
        &render(Theme::Light, true, 2.0, Some("cmd")),
    );
}

#[test]
fn whole_chart_dark_2x() {
    check("whole-dark-2x", &render(Theme::Dark, true, 2.0, None));
}

#[test]
fn whole_chart_in_russian_light_1x() {
    check(
        "whole-light-1x-ru",
        &render_in(Theme::Light, true, 1.0, None, Some("ru")),
    );
}
