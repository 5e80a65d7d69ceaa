//! Big charts on paper: a poster over several sheets at a size where names can be read, with an
//! index page first, and a warning when one page would print names too small.

use crate::common::{run, text};
use crate::print::poppler;

use csto_atlas::export::{PageSetup, Paper, PaperOrientation, Poster, Tiles, OVERLAP_MM};

/// `(word, height in points)` of the words on pages `first..=last`, from poppler's bounding
/// boxes.
fn word_heights(pdf: &str, first: u32, last: u32) -> Option<Vec<(String, f32)>> {
    let (f, l) = (first.to_string(), last.to_string());
    let html = poppler("pdftotext", &["-bbox", "-f", &f, "-l", &l, pdf, "-"])?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&html, options).unwrap();
    Some(
        doc.descendants()
            .filter(|n| n.has_tag_name("word"))
            .map(|n| {
                let y = |a: &str| n.attribute(a).unwrap().parse::<f32>().unwrap();
                (n.text().unwrap_or("").to_string(), y("yMax") - y("yMin"))
            })
            .collect(),
    )
}

/// The embedded face's height from its typographic descender to its ascender (OS/2), in ems,
/// which poppler's word boxes span (from the font descriptor): the font size is a word box's
/// height divided by it.
fn face_height_em() -> f32 {
    let face = ttf_parser::Face::parse(epaint_default_fonts::UBUNTU_LIGHT, 0).unwrap();
    let (ascent, descent) = (
        face.typographic_ascender().unwrap_or(face.ascender()),
        face.typographic_descender().unwrap_or(face.descender()),
    );
    (ascent - descent) as f32 / face.units_per_em() as f32
}

#[test]
fn a_2000_body_chart_prints_as_a_poster_with_names_at_8_pt_after_an_index_page() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    crate::common::generate(&big, 2000);
    let big = big.to_str().unwrap();
    // One page of A4 cannot hold it readably, and says what to do instead.
    let one = dir.path().join("one.pdf");
    let o = run(&[
        "export",
        "--atlas",
        big,
        "--page",
        "a4",
        "--out",
        one.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("too small to read") && err.contains("--tiles auto"),
        "{err}"
    );
    let poster = dir.path().join("poster.pdf");
    let poster = poster.to_str().unwrap();
    let o = run(&[
        "export", "--atlas", big, "--page", "a4", "--tiles", "auto", "--out", poster,
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains("note: a poster of"), "{err}");
    let Some(info) = poppler("pdfinfo", &[poster]) else {
        return;
    };
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    assert!(pages >= 3, "an index and several sheets: {pages} pages");
    // The index comes first: the whole chart, the grid's labels and what the poster is.
    let index = poppler("pdftotext", &["-f", "1", "-l", "1", poster, "-"]).unwrap();
    assert!(index.contains("A1–") && index.contains("10 mm"), "{index}");
    assert!(
        index.contains("No. 0"),
        "the whole chart is on the index page"
    );
    // Each sheet says which it is, and its names print at 8 pt or more.
    let sheet = poppler("pdftotext", &["-f", "2", "-l", "2", poster, "-"]).unwrap();
    assert!(
        sheet.contains("A1") && sheet.contains(&format!("1/{}", pages - 1)),
        "{sheet}"
    );
    let em = face_height_em();
    let words = word_heights(poster, 2, 3).unwrap();
    let names: Vec<f32> = words
        .iter()
        .filter(|(w, _)| w == "No.")
        .map(|(_, h)| h / em)
        .collect();
    assert!(names.len() > 5, "names on the first sheets: {words:?}");
    let smallest = names.iter().copied().fold(f32::MAX, f32::min);
    assert!(
        smallest >= 7.9,
        "names print at {smallest:.2} pt on a sheet"
    );
    // On the index page the same names are far smaller: it is the map, not the reading copy.
    let index_words = word_heights(poster, 1, 1).unwrap();
    let index_name = index_words
        .iter()
        .find(|(w, _)| w == "No.")
        .map(|(_, h)| h / em)
        .unwrap();
    assert!(index_name < smallest / 2.0, "{index_name} pt on the index");
}

#[test]
fn a_grid_of_sheets_takes_that_many_pages_of_the_paper_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("grid.pdf");
    let out = out.to_str().unwrap();
    let o = run(&["export", "--page", "a3", "--tiles", "2x2", "--out", out]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let Some(info) = poppler("pdfinfo", &[out]) else {
        return;
    };
    assert!(info.contains("Pages:           5"), "{info}");
    // A3 on its side: 1190.55 × 841.89 points.
    assert!(info.contains("1190.55 x 841.89 pts"), "{info}");
    let last = poppler("pdftotext", &["-f", "5", "-l", "5", out, "-"]).unwrap();
    // The last sheet, B2, points at its neighbours above and to the left.
    assert!(
        last.contains("B2") && last.contains("^ B1") && last.contains("< A2"),
        "{last}"
    );
    // Without a paper there are no sheets; a grid past 40 is refused before any work.
    for (args, said) in [
        (
            &["--page", "fit", "--tiles", "auto"][..],
            "a poster needs a paper",
        ),
        (&["--tiles", "50x1"][..], "1 to 40"),
        (&["--tiles", "three"][..], "columns x rows"),
    ] {
        let mut all = vec!["export", "--out", out];
        all.extend_from_slice(args);
        let o = run(&all);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert!(text(&o.stderr).contains(said), "{}", text(&o.stderr));
    }
}

#[test]
fn every_part_of_the_chart_lies_on_a_sheet_and_names_reach_8_pt() {
    let overlap = OVERLAP_MM * 96.0 / 25.4;
    for (w, h) in [
        (300.0, 200.0),
        (4000.0, 900.0),
        (900.0, 6000.0),
        (40000.0, 2500.0),
    ] {
        for paper in [Paper::A4, Paper::A3, Paper::Letter] {
            for orientation in [
                PaperOrientation::Auto,
                PaperOrientation::Portrait,
                PaperOrientation::Landscape,
            ] {
                let setup = PageSetup {
                    paper,
                    orientation,
                    ..Default::default()
                };
                let p = Poster::plan(w, h, setup, Tiles::Auto).unwrap();
                assert!(p.name_size_pt() >= 8.0 - 1e-3, "{w}x{h} {paper:?}: {p:?}");
                // The sheets' printed areas, less the overlaps, cover the scaled chart.
                let margin = 2.0 * 12.0 * 96.0 / 25.4;
                let grid_w = p.cols as f32 * (p.page_width - margin - overlap) + overlap;
                let grid_h = p.rows as f32 * (p.page_height - margin - overlap) + overlap;
                assert!(p.x >= -1e-3 && p.y >= -1e-3, "{p:?}");
                assert!(p.x * 2.0 + w * p.scale <= grid_w + 0.01, "{p:?}");
                assert!(p.y * 2.0 + h * p.scale <= grid_h + 0.01, "{p:?}");
                // Fewest sheets: one column or row fewer would print names under 8 pt.
                let fewer = |cols: f32, rows: f32| {
                    ((cols * (p.page_width - margin - overlap) + overlap) / w)
                        .min((rows * (p.page_height - margin - overlap) + overlap) / h)
                };
                let min_scale = 8.0 / (csto_atlas::scene::NAME_SIZE * 0.75);
                if p.cols > 1 {
                    assert!(
                        fewer(p.cols as f32 - 1.0, p.rows as f32) < min_scale,
                        "{p:?}"
                    );
                }
                if p.rows > 1 {
                    assert!(
                        fewer(p.cols as f32, p.rows as f32 - 1.0) < min_scale,
                        "{p:?}"
                    );
                }
            }
        }
    }
}
