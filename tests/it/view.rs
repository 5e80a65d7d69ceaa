//! Filter logic: kinds, dates, focus depth, search ranking.

use csto_atlas::model::{self, Model};
use csto_atlas::view::{self, Filters, Presence};

fn csto() -> Model {
    model::load_embedded().unwrap()
}

fn shown_ids(m: &Model, f: &Filters) -> Vec<String> {
    let v = view::visible(m, f);
    m.indices()
        .filter(|&i| v.presence(i) == Presence::Shown)
        .map(|i| m.body(i).id.clone())
        .collect()
}

#[test]
fn hiding_a_kind_hides_exactly_its_bodies() {
    let m = csto();
    let f = Filters {
        hidden_kinds: vec!["subsidiary".to_string()],
        ..Default::default()
    };
    let shown = shown_ids(&m, &f);
    for b in &m.atlas.bodies {
        assert_eq!(shown.contains(&b.id), b.kind != "subsidiary", "{}", b.id);
    }
    // Relations to a hidden body are hidden too.
    let v = view::visible(&m, &f);
    for (r, p) in m.atlas.relations.iter().zip(&v.relations) {
        let touches_hidden = [&r.from, &r.to]
            .iter()
            .any(|id| m.body(m.index_of(id).unwrap()).kind == "subsidiary");
        assert_eq!(
            *p == Presence::Hidden,
            touches_hidden,
            "{} {}",
            r.from,
            r.to
        );
    }
}

#[test]
fn showcase_fades_instead_of_hiding() {
    let m = csto();
    let f = Filters {
        hidden_kinds: vec!["subsidiary".to_string()],
        showcase: true,
        ..Default::default()
    };
    let v = view::visible(&m, &f);
    assert!(v.bodies.iter().all(|p| *p != Presence::Hidden));
    let mc = m.index_of("military-committee").unwrap();
    assert_eq!(v.presence(mc), Presence::Faded);
}

#[test]
fn the_date_hides_bodies_established_later() {
    let m = csto();
    let at = |d: &str| {
        shown_ids(
            &m,
            &Filters {
                as_of: Some(d.parse().expect("a date")),
                ..Default::default()
            },
        )
    };
    let y2005 = at("2005-01-01");
    assert!(y2005.contains(&"csc".to_owned()));
    assert!(!y2005.contains(&"military-committee".to_owned()));
    assert!(
        !y2005.contains(&"icmec".to_owned()),
        "ICMEC dates from 23 June 2005"
    );
    assert!(
        at("2005-06-23").contains(&"icmec".to_owned()),
        "present on the day it was set up"
    );
    assert!(at("2013-01-01").contains(&"military-committee".to_owned()));
    assert_eq!(at(&m.atlas.meta.edition).len(), m.len());
}

#[test]
fn focus_depth_widens_the_neighbourhood() {
    let m = csto();
    let focus = |depth| {
        shown_ids(
            &m,
            &Filters {
                focus: Some("military-committee".into()),
                depth,
                ..Default::default()
            },
        )
    };
    let one = focus(1);
    let two = focus(2);
    assert!(one.contains(&"military-committee".to_owned()) && one.contains(&"cmd".to_owned()));
    assert!(!one.contains(&"wg-afghanistan".to_owned()));
    assert!(two.len() > one.len());
    assert!(one.iter().all(|id| two.contains(id)));
    assert!(two.contains(&"csc".to_owned()));
}

#[test]
fn search_is_fuzzy_and_ignores_case_and_accents() {
    let m = csto();
    let first = |q: &str| view::search(&m, q).first().map(|&i| m.body(i).id.clone());
    assert_eq!(first("milcom").as_deref(), Some("military-committee"));
    assert_eq!(first("CSSC").as_deref(), Some("cssc"));
    assert_eq!(first("cssc").as_deref(), Some("cssc"));
    assert_eq!(first("narco").as_deref(), Some("narcologists"));
    assert_eq!(first("United Staff").as_deref(), Some("joint-staff"));
    assert_eq!(first("Sécrétariat").as_deref(), Some("secretariat"));
    assert!(view::search(&m, "   ").is_empty());
    assert!(view::search(&m, "zzzzqqq").is_empty());
}

#[test]
fn members_follow_the_history() {
    let m = csto();
    let names = |d: &str| -> Vec<String> {
        view::members_at(&m, model::Date::parse(d).unwrap())
            .into_iter()
            .map(|(i, _)| m.atlas.members[i].id.clone())
            .collect()
    };
    let y1995 = names("1995-01-01");
    for id in ["azerbaijan", "georgia", "uzbekistan", "armenia"] {
        assert!(y1995.contains(&id.to_owned()), "{id} in 1995");
    }
    assert!(!names("2010-01-01").contains(&"georgia".to_owned()));
    assert!(names("2010-01-01").contains(&"uzbekistan".to_owned()));
}

#[test]
fn the_header_describes_the_filters() {
    let m = csto();
    let f = Filters {
        hidden_kinds: vec![
            "statutory".to_string(),
            "permanent_working".to_string(),
            "official".to_string(),
            "collective_forces".to_string(),
        ],
        as_of: csto_atlas::model::Date::parse("2005-01-01"),
        ..Default::default()
    };
    assert_eq!(
        csto_atlas::export::shown_in_words(&m, &f),
        "Subsidiary bodies as of 1 January 2005"
    );
    assert!(!Filters::default().is_active());
}
