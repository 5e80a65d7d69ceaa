//! The atlas as a book: `export --book FILE.pdf` typesets the view with typst, a title page,
//! contents, the chart with links, a section per body, the documents, the members, the events
//! and the bibliography, with bookmarks and searchable text, in English or Russian.

use crate::common::{run, text};
use crate::print::poppler;

fn book(dir: &tempfile::TempDir, name: &str, extra: &[&str]) -> (std::path::PathBuf, String) {
    let out = dir.path().join(name);
    let mut args = vec!["export", "--book", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    (out, text(&o.stderr))
}

fn pages(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn the_book_has_a_title_page_contents_the_chart_every_body_and_the_bibliography() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, stderr) = book(&dir, "atlas.pdf", &[]);
    assert!(stderr.contains("typeset in"), "{stderr}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let Some(info) = poppler("pdfinfo", &[pdf.to_str().unwrap()]) else {
        return;
    };
    assert!(info.contains("Title:") && info.contains("Collective Security Treaty Organization"));
    let n = pages(&info);
    assert!(n >= 20, "{n} pages");
    let body = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]).unwrap_or_default();
    for wanted in [
        "Contents",
        "The chart",
        "The bodies",
        "Council of Ministers of Defence",
        "Mandate",
        "Holders",
        "Legal basis",
        "The documents and their articles",
        "The member states",
        "Bibliography",
        "Edition",
    ] {
        assert!(body.contains(wanted), "{wanted} missing");
    }
    // Every body of the view has its section, headed by its short and full name, listed in
    // the contents and again as the section's heading.
    for heading in [
        "CMD — Council of Ministers of Defence",
        "SG — Secretary General",
    ] {
        assert!(body.matches(heading).count() >= 2, "{heading}");
    }
    // Named destinations for the bodies (links from the chart and from the text land there).
    if let Some(dests) = poppler("pdfinfo", &["-dests", pdf.to_str().unwrap()]) {
        assert!(dests.contains("body-cmd"), "{dests}");
    }
}

#[test]
fn a_book_follows_the_view_and_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let (sub, _) = book(&dir, "sub.pdf", &["--kind", "subsidiary"]);
    let (ru, _) = book(&dir, "ru.pdf", &["--lang", "ru", "--page", "letter"]);
    let Some(text_sub) = poppler("pdftotext", &[sub.to_str().unwrap(), "-"]) else {
        return;
    };
    // The subsidiary bodies have sections; the statutory ones, filtered out, have none.
    assert!(text_sub.contains("WG-CTE — Working Group on Combating Terrorism"));
    assert!(!text_sub.contains("CMD — Council of Ministers of Defence"));
    let info_ru = poppler("pdfinfo", &[ru.to_str().unwrap()]).unwrap_or_default();
    assert!(info_ru.contains("612 x 792"), "letter: {info_ru}");
    let text_ru = poppler("pdftotext", &[ru.to_str().unwrap(), "-"]).unwrap_or_default();
    for wanted in [
        "Организация Договора о коллективной безопасности",
        "Совет министров обороны",
        "Содержание",
        "Список источников",
        "Полномочия",
        "перевод редакции",
    ] {
        assert!(text_ru.contains(wanted), "{wanted} missing");
    }
    assert!(!text_ru.contains("Bibliography"));
}

#[test]
fn a_book_is_a_pdf_on_a4_or_letter() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("x.png");
    let o = run(&["export", "--book", png.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("a book is a PDF"),
        "{}",
        text(&o.stderr)
    );
    assert!(!png.exists());
    let pdf = dir.path().join("x.pdf");
    let o = run(&["export", "--book", pdf.to_str().unwrap(), "--page", "a3"]);
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("a4 or letter"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn a_chart_too_small_to_read_on_its_page_follows_at_8_pt_page_by_page() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = dir.path().join("wide.ron");
    crate::common::generate(&atlas, 60);
    let (pdf, _) = book(&dir, "wide.pdf", &["--atlas", atlas.to_str().unwrap()]);
    let Some(all) = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]) else {
        return;
    };
    assert!(all.contains("the pages after this one show the chart at 8 pt"));
    assert!(all.contains("The chart, part A1") && all.contains("The chart, part B1"));
    // The parts come before the bodies' sections, after the overview.
    let (overview, part, section) = (
        all.find("the pages after this one").unwrap(),
        all.find("The chart, part A1").unwrap(),
        all.rfind("No. 0").unwrap(),
    );
    assert!(
        overview < part && part < section,
        "{overview} {part} {section}"
    );
}
