//! The search engine against the CSTO atlas, and `csto-atlas search` as a user runs it.

use std::process::{Command, Output};

use csto_atlas::model::{self, Model};
use csto_atlas::search::{self, Field, Hit};

fn csto() -> Model {
    model::load_embedded().unwrap()
}

fn ids(m: &Model, hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| m.body(h.body).id.clone()).collect()
}

fn hit<'a>(m: &Model, hits: &'a [Hit], id: &str) -> Option<&'a Hit> {
    hits.iter().find(|h| m.body(h.body).id == id)
}

#[test]
fn drug_finds_the_anti_drug_council_and_not_illegal_migration() {
    let m = csto();
    let hits = search::search(&m, "drug");
    let found = ids(&m, &hits);
    assert_eq!(
        found.first().map(String::as_str),
        Some("ccbcd"),
        "{found:?}"
    );
    assert!(
        !found.contains(&"cc-illegal-migration".to_owned()),
        "scattered letters of d-r-u-g in a name are no match: {found:?}"
    );
}

#[test]
fn kanal_finds_the_council_whose_mandate_names_the_operation() {
    let m = csto();
    // The mandate reads: "... runs the standing regional operation 'Channel' (Kanal)."
    let mandate = &m.body(m.index_of("ccbcd").unwrap()).mandate;
    assert!(mandate.as_ref().unwrap().text.contains("(Kanal)"));
    for query in [
        "Kanal",
        "kanal",
        "KANAL",
        "channel",
        "operation kanal",
        "kan",
    ] {
        let hits = search::search(&m, query);
        let first = hits.first().expect(query);
        assert_eq!(
            m.body(first.body).id,
            "ccbcd",
            "{query}: {:?}",
            ids(&m, &hits)
        );
        assert_eq!(first.field, Field::Mandate, "{query}");
    }
}

#[test]
fn text_matches_word_beginnings_but_never_scattered_letters() {
    let m = csto();
    // The Military Committee's composition: "The chiefs of the general staffs of ...".
    let hits = search::search(&m, "staff");
    let mc = hit(&m, &hits, "military-committee").expect("\"staff\" finds \"staffs\"");
    assert_eq!(mc.field, Field::Composition);
    assert_eq!(
        m.body(hits[0].body).id,
        "joint-staff",
        "a name match ranks above text"
    );
    assert!(hits[0].score > mc.score);
    // "affs" is inside "staffs" but begins no word; "stfs" is its letters, scattered.
    for query in ["affs", "stfs"] {
        let hits = search::search(&m, query);
        assert!(
            hits.iter()
                .all(|h| !matches!(h.field, Field::Mandate | Field::Composition)),
            "{query}: {:?}",
            ids(&m, &hits)
        );
    }
}

#[test]
fn every_word_of_a_query_must_match_for_a_text_hit() {
    let m = csto();
    let hits = search::search(&m, "operation nelegal");
    assert_eq!(ids(&m, &hits), ["cc-illegal-migration"]);
    assert_eq!(hits[0].field, Field::Mandate);
    let hits = search::search(&m, "operation zebra");
    assert!(hits.is_empty(), "{:?}", ids(&m, &hits));
}

#[test]
fn scores_lie_in_0_1_are_sorted_and_none_is_under_half_the_best() {
    let m = csto();
    for query in [
        "drug",
        "council",
        "staff",
        "milcom",
        "CSSC",
        "ministers",
        "working group",
    ] {
        let hits = search::search(&m, query);
        assert!(!hits.is_empty(), "{query}");
        let best = hits[0].score;
        for pair in hits.windows(2) {
            assert!(pair[0].score >= pair[1].score, "{query}: not sorted");
        }
        for h in &hits {
            assert!((0.0..=1.0).contains(&h.score), "{query}: {}", h.score);
            assert!(
                h.score >= best / 2.0,
                "{query}: {} under half of {best}",
                h.score
            );
        }
        let mut bodies: Vec<_> = hits.iter().map(|h| h.body).collect();
        bodies.dedup();
        assert_eq!(bodies.len(), hits.len(), "{query}: one hit per body");
    }
}

#[test]
fn an_exact_abbreviation_scores_1_and_ranks_first() {
    let m = csto();
    let hits = search::search(&m, "ccim");
    assert_eq!(m.body(hits[0].body).id, "cc-illegal-migration");
    assert_eq!((hits[0].score, hits[0].field), (1.0, Field::Short));
    let hits = search::search(&m, "Sécrétariat");
    assert_eq!(m.body(hits[0].body).id, "secretariat");
    assert_eq!((hits[0].score, hits[0].field), (1.0, Field::Name));
    let hits = search::search(&m, "United Staff");
    assert_eq!(m.body(hits[0].body).id, "joint-staff");
    assert_eq!((hits[0].score, hits[0].field), (1.0, Field::Alias));
}

#[test]
fn blank_or_nonsense_queries_find_nothing() {
    let m = csto();
    for query in ["", "   ", "zzzzqqq", "!!!", "xqxqxq yy"] {
        assert!(search::search(&m, query).is_empty(), "{query:?}");
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csto-atlas"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_prints_json_best_first() {
    let o = run(&["search", "drug", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows[0]["id"], "ccbcd");
    let fields = ["name", "short", "alias", "mandate", "composition"];
    let mut last = f64::INFINITY;
    for row in &rows {
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 5, "{row}");
        assert!(row["id"].is_string() && row["name"].is_string(), "{row}");
        assert_eq!(row["name"], row["name_en"], "no --lang: English");
        let score = row["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score) && score <= last, "{row}");
        last = score;
        assert!(fields.contains(&row["field"].as_str().unwrap()), "{row}");
    }
    // --lang names the hits in that language and keeps the English.
    let o = run(&["search", "drug", "--lang", "ru", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let name = rows[0]["name"].as_str().unwrap();
    assert!(name.chars().any(|c| ('а'..='я').contains(&c)), "{name}");
    assert_eq!(
        rows[0]["name_en"],
        "Coordination Council of the Heads of Competent Authorities for Combating Drug Trafficking"
    );
    // Several words without quotes are one query.
    let o = run(&["search", "operation", "kanal", "--json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows[0]["id"], "ccbcd");
    assert_eq!(rows[0]["field"], "mandate");
}

#[test]
fn the_command_prints_one_line_per_hit() {
    let o = run(&["search", "milcom"]);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    let first = text.lines().next().unwrap();
    let cols: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(cols[0], "military-committee", "{text}");
    assert!(
        cols[1].len() == 4 && cols[1].parse::<f32>().is_ok(),
        "{first}"
    );
    assert_eq!(cols[2], "name");
    assert!(first.ends_with("Military Committee"), "{first}");
}

#[test]
fn no_match_prints_an_empty_array_and_exits_0() {
    let o = run(&["search", "zzzzqqq", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "[]");
    let o = run(&["search", "zzzzqqq"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
}
