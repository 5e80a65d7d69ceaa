//! A view as text: the command line, the web page's address and "Cite this view" all write and
//! read one [`ViewSpec`], so any view survives every round trip, and a mangled link is never an
//! error.

use csto_atlas::export::command_line;
use csto_atlas::model::{self, Date, Model};
use csto_atlas::ui::link;
use csto_atlas::view::spec::{ViewArgs, ViewSpec};
use csto_atlas::view::{Filters, RelationsShown, UndatedShown};
use proptest::prelude::*;

fn csto() -> Model {
    model::load(None).expect("the embedded atlas loads")
}

/// The view a command line (without the program's name) asks the window for.
fn from_words(m: &Model, words: &[String]) -> ViewSpec {
    let args = ViewArgs::from_words(words).unwrap_or_else(|e| panic!("{words:?}: {e}"));
    ViewSpec::resolve(&args, m, RelationsShown::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn every_field(m: &Model) -> ViewSpec {
    ViewSpec {
        filters: Filters {
            as_of: Date::parse("2005-01-01"),
            compare: Date::parse("1999-04-02"),
            focus: Some("cmd".into()),
            depth: 2,
            lang: Some("ru".into()),
            hidden_kinds: vec!["subsidiary".into(), "official".into()],
            hidden_relations: vec![m.atlas.relations[0].kind.clone()],
            relations: RelationsShown::All,
            showcase: true,
            repack: true,
            expand: Some(1),
            folded: vec!["cssc".into()],
            undated: UndatedShown::Hide,
        },
        selected: Some("joint-staff".into()),
    }
}

#[test]
fn a_view_with_every_field_survives_the_command_line_the_link_and_the_citation() {
    let m = csto();
    let view = every_field(&m);
    let words = view.words(m.kinds());
    assert_eq!(
        words[..4],
        ["--kind", "statutory", "--kind", "permanent_working"],
        "kinds are written as those kept"
    );
    let from_cli = from_words(&m, &words);
    assert_eq!(from_cli, view);
    let fragment = link::fragment(&from_cli, &m);
    assert!(fragment.contains("as-of=2005-01-01"), "{fragment}");
    let from_link = link::parse(&format!("#{fragment}"), &m);
    assert_eq!(from_link, view);
    let command = command_line(m.kinds(), &from_link, None);
    let words = shlex::split(&command).expect("a shell can read the citation's command");
    assert_eq!(words[0], "csto-atlas");
    assert_eq!(from_words(&m, &words[1..]), view);
}

#[test]
fn the_default_view_has_an_empty_link_and_no_options() {
    let m = csto();
    assert_eq!(link::fragment(&ViewSpec::default(), &m), "");
    assert!(ViewSpec::default().words(m.kinds()).is_empty());
    assert_eq!(link::parse("", &m), ViewSpec::default());
}

#[test]
fn hiding_every_kind_is_written_as_hidden_kinds() {
    let m = csto();
    let kinds = m.kinds();
    let all: Vec<String> = kinds
        .body_kinds()
        .map(|k| kinds.body(k).id.clone())
        .collect();
    let view = ViewSpec {
        filters: Filters {
            hidden_kinds: all,
            ..Filters::default()
        },
        selected: None,
    };
    let words = view.words(kinds);
    assert_eq!(words[0], "--hide-kind");
    assert_eq!(from_words(&m, &words), view);
}

#[test]
fn a_mangled_link_is_ignored_where_it_is_wrong() {
    let m = csto();
    let view = link::parse(
        "#as-of=2010-13-45&relations=loud&depth=x&bogus=1&select=cmd&fold=no-such-body&=&&lang&compare=2001-02-03",
        &m,
    );
    assert_eq!(view.filters.as_of, None, "not a date");
    assert_eq!(view.filters.relations, RelationsShown::default());
    assert_eq!(view.filters.depth, Filters::default().depth);
    assert!(view.filters.folded.is_empty(), "no such body");
    assert_eq!(view.filters.compare, Date::parse("2001-02-03"), "kept");
    assert_eq!(view.selected.as_deref(), Some("cmd"));
    // Odd characters in values are escaped on the way out and read back.
    let odd = ViewSpec {
        filters: Filters {
            lang: Some("ru".into()),
            ..Filters::default()
        },
        selected: Some("cmd".into()),
    };
    let fragment = link::fragment(&odd, &m);
    assert_eq!(fragment, "lang=ru&select=cmd");
    assert_eq!(link::parse(&fragment, &m), odd);
}

#[test]
fn a_bad_option_names_what_the_atlas_has() {
    let m = csto();
    let args = ViewArgs::from_words(["--kind", "statutory", "--fold", "military-comitee"]).unwrap();
    let err = ViewSpec::resolve(&args, &m, RelationsShown::default()).unwrap_err();
    assert!(err.contains("military-committee"), "{err}");
    let args = ViewArgs::from_words(["--hide-relation", "befriends"]).unwrap();
    let err = ViewSpec::resolve(&args, &m, RelationsShown::default()).unwrap_err();
    assert!(err.contains("unknown relation kind"), "{err}");
    let err = ViewArgs::from_words(["--as-of", "2005-02-30"]).unwrap_err();
    assert!(err.contains("not a date"), "{err}");
}

/// Any view of the CSTO atlas: a subset of each list in the atlas's order, any dates in its range.
fn any_view(m: &Model) -> impl Strategy<Value = ViewSpec> {
    let kinds = m.kinds();
    let kind_ids: Vec<String> = kinds
        .body_kinds()
        .map(|k| kinds.body(k).id.clone())
        .collect();
    let relation_ids: Vec<String> = kinds
        .relation_kinds()
        .map(|k| kinds.relation(k).id.clone())
        .collect();
    let ids: Vec<String> = m.indices().map(|i| m.body(i).id.clone()).collect();
    let (start, end) = m.date_range();
    let day = (start.day_number()..=end.day_number()).prop_map(Date::from_day_number);
    let subset = |all: Vec<String>| {
        proptest::collection::vec(any::<bool>(), all.len()).prop_map(move |keep| {
            all.iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(id, _)| id.clone())
                .collect::<Vec<_>>()
        })
    };
    let one_of = |all: Vec<String>| proptest::option::of(proptest::sample::select(all));
    let filters = (
        subset(kind_ids),
        subset(relation_ids),
        proptest::option::of(day.clone()),
        proptest::option::of(day),
        (one_of(ids.clone()), 0usize..4),
        (any::<bool>(), any::<bool>()),
        proptest::sample::select(RelationsShown::ALL.to_vec()),
        proptest::option::of(Just("ru".to_owned())),
        (
            proptest::option::of(0usize..5),
            proptest::sample::select(vec![
                UndatedShown::Show,
                UndatedShown::Ghost,
                UndatedShown::Hide,
            ]),
        ),
        subset(ids.clone()),
    );
    (filters, one_of(ids)).prop_map(|(f, selected)| {
        let (kinds, relations, as_of, compare, (focus, depth), flags, shown, lang, more, fold) = f;
        let (expand, undated) = more;
        ViewSpec {
            filters: Filters {
                hidden_kinds: kinds,
                hidden_relations: relations,
                as_of,
                compare,
                // A depth means something only with a focus.
                depth: if focus.is_some() { depth } else { 1 },
                focus,
                showcase: flags.0,
                repack: flags.1,
                relations: shown,
                lang,
                expand,
                folded: fold,
                undated,
            },
            selected,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_view_goes_cli_then_link_then_citation_unchanged(view in any_view(&csto())) {
        let m = csto();
        let from_cli = from_words(&m, &view.words(m.kinds()));
        prop_assert_eq!(&from_cli, &view);
        let from_link = link::parse(&link::fragment(&from_cli, &m), &m);
        prop_assert_eq!(&from_link, &view);
        let command = command_line(m.kinds(), &from_link, None);
        let words = shlex::split(&command).expect("a shell can read it");
        prop_assert_eq!(from_words(&m, &words[1..]), view);
    }
}
