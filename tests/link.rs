//! A view as a link (the web page's address): the fragment reopens exactly the view it was made
//! from, and a mangled one is never an error.

use csto_atlas::ui::link;
use csto_atlas::view::{Filters, RelationsShown};

#[test]
fn a_view_survives_the_round_trip_through_its_link() {
    let view = Filters {
        as_of: Some("2005-01-01".into()),
        compare: Some("1999-04-02".into()),
        focus: Some("cmd".into()),
        depth: 2,
        lang: Some("ru".into()),
        hidden_kinds: vec!["subsidiary".into(), "official".into()],
        hidden_relations: vec!["works_with".into()],
        relations: RelationsShown::All,
        showcase: true,
        expand: Some(1),
        folded: vec!["cssc".into()],
        ..Filters::default()
    };
    let fragment = link::fragment(&view, Some("joint-staff"));
    assert!(
        fragment.starts_with("select=joint-staff&as-of=2005-01-01"),
        "{fragment}"
    );
    let (back, select) = link::parse(&format!("#{fragment}"), &Filters::default());
    assert_eq!(back, view);
    assert_eq!(select.as_deref(), Some("joint-staff"));
}

#[test]
fn the_default_view_has_an_empty_link_and_a_link_only_says_what_differs() {
    assert_eq!(link::fragment(&Filters::default(), None), "");
    let base = Filters {
        lang: Some("ru".into()),
        ..Filters::default()
    };
    let (view, select) = link::parse("#as-of=2010-05-01", &base);
    assert_eq!(view.as_of.as_deref(), Some("2010-05-01"));
    assert_eq!(
        view.lang.as_deref(),
        Some("ru"),
        "kept from the stored settings"
    );
    assert_eq!(select, None);
}

#[test]
fn a_mangled_link_is_ignored_where_it_is_wrong() {
    let (view, select) = link::parse(
        "#as-of=2010-13-45&relations=loud&depth=x&bogus=1&select=a%26b&=&&lang",
        &Filters::default(),
    );
    assert_eq!(view.as_of, None, "not a date");
    assert_eq!(view.relations, RelationsShown::default());
    assert_eq!(view.depth, Filters::default().depth);
    assert_eq!(select.as_deref(), Some("a&b"), "escapes read back");
    // Odd characters in values are escaped on the way out.
    let odd = Filters {
        focus: Some("a&b=c d".into()),
        ..Filters::default()
    };
    let fragment = link::fragment(&odd, None);
    assert_eq!(fragment, "focus=a%26b%3Dc%20d");
    assert_eq!(link::parse(&fragment, &Filters::default()).0, odd);
}
