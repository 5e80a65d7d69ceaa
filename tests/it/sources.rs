//! Sources a reader can cite: footnotes that land, references in a citation style, copying, and
//! the bibliography on the command line in formats reference managers read.

use crate::common::{run, text};
use csto_atlas::biblio::Style;
use csto_atlas::model;
use csto_atlas::report::BodyReport;
use csto_atlas::ui::{AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable};
use egui_kittest::Harness;

const HEIGHT: f32 = 900.0;

fn harness() -> Harness<'static, AtlasApp> {
    let model = model::load_embedded().expect("the embedded atlas loads");
    let app = AtlasApp::new(model, None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, HEIGHT])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

/// Selects a body by its name in the outline; returns its report as `show` builds it.
fn select(h: &mut Harness<'_, AtlasApp>, name: &str, id: &str) -> BodyReport {
    h.get_by_role_and_label(Role::Button, name).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, name).click();
    h.run();
    let m = h.state().model();
    let i = m.index_of(id).expect("the body");
    BodyReport::build(m, i, None, m.date_range().1)
}

fn copied(h: &Harness<'_, AtlasApp>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

#[test]
fn clicking_a_footnote_scrolls_to_its_entry() {
    let mut h = harness();
    let report = select(&mut h, "Council of Ministers of Defence", "cmd");
    let last = report.sources.len();
    assert!(last > 10);
    let key = format!("[{last}]");
    // The list's entry is far down the panel, out of view.
    let entry_top = |h: &Harness<'_, AtlasApp>| {
        (h.get_all_by_label(&key).last().expect("the entry").rect()).top()
    };
    assert!(entry_top(&h) > HEIGHT, "the entry starts in view");
    // The footnote beside a fact: the first "[n]" in the panel.
    h.get_all_by_label(&key).next().unwrap().scroll_to_me();
    h.run();
    h.get_all_by_label(&key).next().unwrap().click();
    // The entry flashes for a moment, repainting: a few frames, not until idle.
    h.run_steps(4);
    let top = entry_top(&h);
    assert!(
        (0.0..HEIGHT - 20.0).contains(&top),
        "the entry is brought into view: top at {top}"
    );
}

#[test]
fn copy_citation_puts_the_formatted_entry_on_the_clipboard() {
    let mut h = harness();
    let report = select(&mut h, "Council of Ministers of Defence", "cmd");
    assert_eq!(report.style, Style::Apa);
    // An entry with an address: its reference is printed around the link.
    let entry = (report.sources.iter())
        .find(|s| s.url.is_some())
        .expect("a source with an address");
    let url = entry.url.clone().unwrap();
    let link = h.get_by_label(&url);
    link.scroll_to_me();
    h.run();
    // Hovering the address shows it.
    h.get_by_label(&url).hover();
    h.run();
    assert!(
        h.get_all_by_label(&url).count() >= 2,
        "the link and its tooltip"
    );
    h.get_all_by_label(&url).next().unwrap().click_secondary();
    h.run();
    h.get_by_label("Copy citation").click();
    h.step();
    assert_eq!(copied(&h).as_deref(), Some(entry.citation.as_str()));
    h.run();
    assert!(entry.citation.contains(&url), "{}", entry.citation);
    h.get_by_label_contains("Copied the citation");
    // Copy link: the address alone.
    h.get_all_by_label(&url).next().unwrap().click_secondary();
    h.run();
    h.get_by_label("Copy link").click();
    h.step();
    assert_eq!(copied(&h), Some(url));
}

#[test]
fn the_citation_style_is_chosen_in_the_view_menu() {
    let mut h = harness();
    select(&mut h, "Council of Ministers of Defence", "cmd");
    assert!(h.query_by_label_contains("дата обращения").is_none());
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Citation style").click();
    h.run();
    h.get_by_label("GOST R 7.0.5-2008").click();
    h.run();
    // GOST's conventions: "[Электронный ресурс]" and the date of access.
    h.get_all_by_label_contains("[Электронный ресурс]")
        .next()
        .expect("GOST");
    assert_eq!(h.state().settings().cite_style, Some(Style::Gost));
    // Copy all: every entry, numbered (the menu closed first).
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Copy all").scroll_to_me();
    h.run();
    h.get_by_label("Copy all").click();
    h.step();
    let all = copied(&h).expect("copied");
    assert!(
        all.starts_with("[1] ") && all.contains("дата обращения"),
        "{all}"
    );
}

#[test]
fn sources_command_writes_csl_json_bibtex_and_ris_a_manager_reads() {
    let o = run(&["sources", "--format", "csl-json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let items: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let m = model::load_embedded().unwrap();
    assert_eq!(items.len(), csto_atlas::biblio::cited(&m).len());
    assert!(items.len() > 100);
    let types = [
        "article-newspaper",
        "article-journal",
        "legislation",
        "webpage",
        "document",
    ];
    for item in &items {
        assert!(
            item["id"].is_string() && item["title"].is_string(),
            "{item}"
        );
        assert!(types.contains(&item["type"].as_str().unwrap()), "{item}");
        assert!(
            item["URL"].is_string() || item["note"].is_string(),
            "{item}"
        );
        if let Some(issued) = item.get("issued") {
            let parts = issued["date-parts"][0].as_array().unwrap();
            assert!((1..=3).contains(&parts.len()) && parts[0].as_i64().unwrap() > 1900);
        }
    }
    let ids: std::collections::HashSet<&str> =
        items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), items.len(), "citation keys are unique");

    let o = run(&["sources", "--format", "bibtex"]);
    let bib = text(&o.stdout);
    let parsed = biblatex::Bibliography::parse(&bib).expect("BibTeX that parses");
    assert_eq!(parsed.len(), items.len());
    let eadaily = parsed
        .iter()
        .find(|e| e.key == "eadaily2019")
        .expect("a key by outlet and year");
    let url = eadaily.url().expect("its address");
    assert!(url.starts_with("https://eadaily.com/"), "{url}");

    let o = run(&["sources", "cmd", "--format", "ris"]);
    let ris = text(&o.stdout);
    let records = ris.matches("TY  - ").count();
    assert_eq!(records, ris.matches("ER  - ").count());
    assert!(records > 10);
    assert!(
        ris.lines().all(|l| l.len() >= 6 && &l[2..6] == "  - "),
        "{ris}"
    );
}

#[test]
fn gost_formats_a_russian_source_by_the_standard() {
    // GOST R 7.0.5-2008 for an online item: title, "[Электронный ресурс]", the publisher and
    // year, "URL:" and the date of access in DD.MM.YYYY.
    let o = run(&["sources", "cmd", "--style", "gost"]);
    let out = text(&o.stdout);
    let expected = "Belarus's defence minister becomes chairman of the CSTO Council of Ministers \
                    of Defence (2006) [Электронный ресурс]. AFN (afnfn.com), 2006. URL: \
                    https://afnfn.com/news/i/75706 (дата обращения: 05.12.2025).";
    assert!(out.lines().any(|l| l.ends_with(expected)), "{out}");
    // --lang ru picks GOST without --style; APA is the default otherwise.
    let ru = text(&run(&["sources", "cmd", "--lang", "ru"]).stdout);
    assert!(ru.contains("(дата обращения: 05.12.2025)"), "{ru}");
    let en = text(&run(&["sources", "cmd"]).stdout);
    assert!(en.contains("Retrieved December 5, 2025, from "), "{en}");
    assert!(!en.contains("дата обращения"), "{en}");
}

#[test]
fn every_source_can_be_followed_or_says_why_not() {
    let m = model::load_embedded().unwrap();
    for s in &m.atlas.sources {
        assert!(
            s.link().is_some() || s.locator.is_some() || s.note.is_some(),
            "{}: no address, no locator and no note saying why",
            s.id
        );
        assert!(s.publisher.is_some(), "{}: no publisher", s.id);
        // No internal key of another source in what a reader sees.
        for other in &m.atlas.sources {
            for text in [Some(&s.title), s.note.as_ref(), s.locator.as_ref()] {
                let Some(text) = text else { continue };
                let as_word = text
                    .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .any(|w| w == other.id);
                assert!(!as_word, "{}: the key {} in {text:?}", s.id, other.id);
            }
        }
    }
    let o = run(&[
        "check",
        "--strict",
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/csto.ron"),
    ]);
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
}

#[test]
fn check_strict_refuses_a_verified_fact_no_reader_can_follow() {
    let atlas = r#"Atlas(
        meta: Meta(title: "T", short: "T", edition: "2026-01-01", description: "d"),
        sources: [
            Source(id: "paper", title: "A leaflet", publisher: Some("Somebody"), kind: other),
            Source(id: "site", title: "A page", url: Some("example.org/page"), kind: other),
        ],
        bodies: [
            Body(id: "a", name: "A", short: "A", kind: "statutory", sources: ["paper"],
                 mandate: Some(Claim(text: "Decides.", status: verified, sources: ["paper"]))),
        ],
    )"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.ron");
    std::fs::write(&path, atlas).unwrap();
    let path = path.to_str().unwrap();
    // Plain check: loads, with warnings.
    let o = run(&["check", path]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = run(&["check", "--strict", path]);
    assert!(!o.status.success());
    let out = format!("{}{}", text(&o.stdout), text(&o.stderr));
    assert!(
        out.contains(
            "mandate.status: verified, but none of its sources (paper) has a url or a locator"
        ),
        "{out}"
    );
    assert!(
        out.contains("\"example.org/page\" is not a web address"),
        "{out}"
    );
}

#[test]
fn the_members_tab_numbers_the_sources_its_notes_name() {
    let mut h = harness();
    h.get_by_label("Members").click();
    h.run();
    let m = model::load_embedded().unwrap();
    for s in &m.atlas.sources {
        let key = format!("[{}]", s.id);
        assert!(
            h.query_all_by_label_contains(&key).next().is_none(),
            "{key} shown"
        );
    }
    // The notes that cite by key cite by number: "[1]" stands in a note.
    assert!(h
        .query_all_by_label_contains("Charter entered into force")
        .next()
        .is_some());
}

#[test]
fn a_bodys_events_are_in_its_side_panel_and_under_the_time_slider() {
    let mut h = harness();
    select(&mut h, "Joint Staff", "joint-staff");
    h.get_by_label("Events");
    h.get_by_label_contains("Joint Staff coordinates the general staffs on the Kazakhstan");
    // The time control knows every event's date.
    let marks = h.state().model().events_between(None, None).len();
    assert!(marks >= 25, "{marks} events");
}

/// The English interface texts (Fluent values without placeables, two words or more).
fn english_interface_texts() -> Vec<String> {
    let en = include_str!("../../assets/locales/en-US/atlas.ftl");
    let ru = include_str!("../../assets/locales/ru/atlas.ftl");
    en.lines()
        .filter_map(|l| l.split_once(" = "))
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.contains('{') && v.split_whitespace().count() >= 2)
        // Shared by both languages (names of styles, the program): not English to translate.
        .filter(|v| !ru.contains(v.as_str()))
        .collect()
}

#[test]
fn in_russian_no_interface_text_is_left_in_english() {
    let english = english_interface_texts();
    assert!(english.len() > 100, "{} texts", english.len());
    let labels = |h: &Harness<'_, AtlasApp>| -> Vec<String> {
        (h.queryable_node().children_recursive())
            .filter_map(|node| node.accesskit_node().label())
            .collect()
    };
    let found = |seen: &[String]| -> Vec<String> {
        (english.iter())
            .filter(|e| seen.iter().any(|s| s.contains(e.as_str())))
            .cloned()
            .collect()
    };
    let mut h = harness();
    // The control: in English the same scan finds the interface's English texts.
    h.get_by_label("Filters").click();
    h.run();
    let l0 = labels(&h);
    assert!(found(&l0).len() >= 2, "the scan sees the interface: {l0:?}");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Русский (Russian)").click();
    h.run();
    let mut seen: Vec<String> = Vec::new();
    let mut collect = |h: &Harness<'_, AtlasApp>| seen.extend(labels(h));
    for menu in ["Файл", "Вид", "Справка"] {
        h.get_by_label(menu).click();
        h.run();
        collect(&h);
        h.key_press(egui::Key::Escape);
        h.run();
    }
    for tab in ["Фильтры", "Статьи", "Государства", "Список"] {
        h.get_by_label(tab).click();
        h.run();
        collect(&h);
    }
    for name in [
        "Совет министров обороны",
        "Генеральный секретарь Организации Договора о коллективной безопасности",
        "Объединенный штаб ОДКБ",
    ] {
        h.get_by_role_and_label(Role::Button, name).scroll_to_me();
        h.run();
        h.get_by_role_and_label(Role::Button, name).click();
        h.run();
        collect(&h);
    }
    let left = found(&seen);
    assert!(
        left.is_empty(),
        "English left in the Russian interface: {left:?}"
    );
}
