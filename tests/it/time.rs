//! The chart at a date tells the truth: no body before it or its parent existed, only true
//! reporting lines, and every body in the same place at every date.

use csto_atlas::export::{self, ChartJson, ExportRequest, Format};
use csto_atlas::model::{self, Model};
use csto_atlas::view::{self, Filters};

fn csto() -> Model {
    model::load_embedded().unwrap()
}

fn json(m: &Model, filters: Filters) -> ChartJson {
    let request = ExportRequest {
        filters,
        ..ExportRequest::new(Format::Json)
    };
    serde_json::from_slice(&export::render(m, &request).unwrap()).unwrap()
}

fn at(date: &str) -> Filters {
    Filters {
        as_of: Some(date.parse().expect("a date")),
        ..Default::default()
    }
}

/// Every 1 January from the Treaty to the edition, and a few exact founding dates.
fn dates() -> Vec<String> {
    let mut d: Vec<String> = (1992..=2026).map(|y| format!("{y}-01-01")).collect();
    d.extend(["1992-05-15", "2003-09-17", "2003-09-18", "2012-12-19"].map(String::from));
    d
}

#[test]
fn at_any_date_every_shown_body_has_its_parent_shown_and_lines_are_true() {
    let m = csto();
    for date in dates() {
        let chart = json(&m, at(&date));
        let shown: Vec<&str> = chart.bodies.iter().map(|b| b.id.as_str()).collect();
        for b in &chart.bodies {
            if let Some(p) = &b.parent {
                assert!(
                    shown.contains(&p.as_str()),
                    "{date}: {} is shown without its parent {p}",
                    b.id
                );
            }
        }
        for e in chart.edges.iter().filter(|e| e.kind == "parent") {
            let to = m.body(m.index_of(&e.to).unwrap());
            assert!(!e.indirect, "{date}: no filter hides a parent, yet {e:?}");
            assert_eq!(to.parent.as_deref(), Some(e.from.as_str()), "{date}");
        }
    }
}

#[test]
fn with_kind_filters_a_line_is_the_parent_link_or_marked_indirect() {
    let m = csto();
    for kinds in [
        vec!["subsidiary".to_string()],
        vec!["official".to_string()],
        vec!["permanent_working".to_string()],
    ] {
        let chart = json(
            &m,
            Filters {
                hidden_kinds: kinds.clone(),
                ..Default::default()
            },
        );
        let mut indirect = 0;
        for e in chart.edges.iter().filter(|e| e.kind == "parent") {
            let to = m.body(m.index_of(&e.to).unwrap());
            if e.indirect {
                indirect += 1;
                assert_ne!(to.parent.as_deref(), Some(e.from.as_str()));
            } else {
                assert_eq!(to.parent.as_deref(), Some(e.from.as_str()), "{kinds:?}");
            }
        }
        if kinds == ["official"] {
            assert!(
                indirect > 0,
                "hiding the Secretary General leaves an indirect line"
            );
        }
    }
}

#[test]
fn bodies_keep_their_places_across_dates_unless_repacked() {
    let m = csto();
    let early = json(&m, at("2004-01-01"));
    let late = json(&m, at("2025-01-01"));
    let pos = |c: &ChartJson, id: &str| {
        let b = c.bodies.iter().find(|b| b.id == id).unwrap();
        (b.x, b.y)
    };
    let (ex, ey) = pos(&early, "csc");
    let (lx, ly) = pos(&late, "csc");
    let mut common = 0;
    for b in &early.bodies {
        if late.bodies.iter().any(|l| l.id == b.id) {
            common += 1;
            let (x, y) = pos(&late, &b.id);
            assert_eq!((b.x - ex, b.y - ey), (x - lx, y - ly), "{} moved", b.id);
        }
    }
    assert!(common >= 8, "only {common} bodies in common");
    assert!(late.bodies.len() > early.bodies.len());
    // Repacked, the early chart is tighter.
    let repacked = json(
        &m,
        Filters {
            repack: true,
            ..at("2004-01-01")
        },
    );
    assert!(repacked.width * repacked.height < early.width * early.height);
}

#[test]
fn an_undated_body_appears_from_its_not_before_date_or_its_parents() {
    let m = csto();
    let shown =
        |date: &str, id: &str| view::visible(&m, &at(date)).is_drawn(m.index_of(id).unwrap());
    // The Secretary General's office has no founding date; the Charter and the agreement that
    // provide for it were signed on 2002-10-07.
    assert!(!shown("1995-01-01", "secretary-general"));
    assert!(!shown("2002-10-06", "secretary-general"));
    assert!(shown("2002-10-07", "secretary-general"));
    // An undated working group of the CSSC appears with its parent, never before it.
    let cssc = view::established(&m, m.index_of("cssc").unwrap()).unwrap();
    let day_before = model::Date::from_day_number(cssc.day_number() - 1).to_string();
    assert!(!shown(&day_before, "wg-information-security"));
    assert!(shown(&cssc.to_string(), "wg-information-security"));
    // And it is marked as having no known date.
    let chart = json(&m, Filters::default());
    let svg =
        String::from_utf8(export::render(&m, &ExportRequest::new(Format::Svg)).unwrap()).unwrap();
    assert!(chart
        .bodies
        .iter()
        .any(|b| b.id == "wg-information-security"));
    assert!(svg.contains(r#"undated" data-id="wg-information-security""#));
}

const FOREST: &str = r#"Atlas(
    meta: Meta(title: "Forest", short: "F", edition: "2020-01-01"),
    sources: [Source(id: "s1", title: "A source", kind: official_text)],
    bodies: [
        Body(id: "a", name: "Undated apex", short: "A", kind: "statutory",
            mandate: Some(Claim(text: "Leads.", sources: ["s1"])),
            composition: Some(Claim(text: "Heads.", sources: ["s1"])),
            sources: ["s1"]),
        Body(id: "b", name: "Dated child", short: "B", kind: "subsidiary", parent: Some("a"),
            established: Some(Established(date: Some("2010-01-01"), sources: ["s1"])),
            mandate: Some(Claim(text: "Works.", sources: ["s1"])),
            composition: Some(Claim(text: "Staff.", sources: ["s1"])),
            sources: ["s1"]),
        Body(id: "c", name: "Early grandchild", short: "C", kind: "subsidiary", parent: Some("b"),
            established: Some(Established(date: Some("2005-01-01"), sources: ["s1"])),
            mandate: Some(Claim(text: "Works.", sources: ["s1"])),
            composition: Some(Claim(text: "Staff.", sources: ["s1"])),
            sources: ["s1"]),
    ],
)"#;

#[test]
fn an_undated_apex_is_always_shown_and_a_subordinate_never_predates_its_parent() {
    let m = model::load_bytes(FOREST.as_bytes(), "forest.ron").unwrap();
    let v = view::visible(&m, &at("2007-01-01"));
    assert!(v.is_drawn(m.index_of("a").unwrap()));
    assert!(!v.is_drawn(m.index_of("b").unwrap()));
    assert!(
        !v.is_drawn(m.index_of("c").unwrap()),
        "c is dated 2005 but its parent came in 2010"
    );
    let warnings = model::warnings(&m);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].to_string().contains(r#""c""#));
}
