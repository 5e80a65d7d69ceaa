//! The embedded atlas and the loader's errors.

use csto_atlas::model::{self, BodyIdx, LoadError, Status};

fn embedded() -> model::Model {
    match model::load_embedded() {
        Ok(m) => m,
        Err(e) => panic!("the embedded atlas does not load:\n{e}"),
    }
}

/// The structure list of the reference text (its first line), by name.
const REFERENCE_BODIES: [&str; 20] = [
    "Collective Security Council",
    "Permanent Council",
    "Secretary General",
    "Secretariat",
    "Joint Staff",
    "Parliamentary Assembly",
    "Council of Ministers of Foreign Affairs",
    "Council of Ministers of Defen",
    "Committee of Secretaries of",
    "Afghanistan Working Group",
    "Military Committee",
    "Working Group on Information Policy and Information Security",
    "Working Group on Coordination of Joint Training of Military Personnel and Scientific Work",
    "Working Group on Combating Terrorism and Extremism",
    "Interstate Commission for Military-Economic Cooperation",
    "drug trafficking",
    "Illegal Migration",
    "Emergenc",
    "Chief Narcologists",
    "Computer Incident Response",
];

#[test]
fn embedded_atlas_has_every_body_of_the_reference_text() {
    let m = embedded();
    for name in REFERENCE_BODIES {
        let needle = name.to_lowercase();
        assert!(
            m.atlas.bodies.iter().any(|b| {
                b.name.to_lowercase().contains(&needle)
                    || b.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
            }),
            "no body named like {name:?}"
        );
    }
    assert!(m
        .atlas
        .bodies
        .iter()
        .any(|b| b.name.contains("Business Council")));
}

#[test]
fn every_body_has_mandate_composition_articles_and_sources() {
    let m = embedded();
    for b in &m.atlas.bodies {
        assert!(
            b.mandate
                .as_ref()
                .is_some_and(|c| !c.text.is_empty() && !c.sources.is_empty()),
            "{} mandate",
            b.id
        );
        assert!(
            b.composition.as_ref().is_some_and(|c| !c.text.is_empty()),
            "{} composition",
            b.id
        );
        // A body with no article the sources bear out says why: a dispute over its legal basis,
        // or a note on it.
        let explained = m.disputes_of(&b.id).next().is_some()
            || b.notes.iter().any(|n| n.text.starts_with("Legal basis:"));
        assert!(
            !b.articles.is_empty() || explained,
            "{} has no article and no dispute or note explaining why",
            b.id
        );
        assert!(!b.sources.is_empty(), "{} has no source", b.id);
    }
}

#[test]
fn every_source_id_used_exists_and_kinds_are_covered() {
    let m = embedded();
    for i in m.indices() {
        for s in m.sources_of(i) {
            assert!(
                m.source(s).is_some(),
                "{}: source {s} missing",
                m.body(i).id
            );
        }
    }
    let kinds = m.kinds();
    assert_eq!(
        kinds.body_kinds().len(),
        5,
        "the CSTO atlas declares its five kinds (the collective forces the fifth)"
    );
    for kind in kinds.body_kinds() {
        let id = &kinds.body(kind).id;
        assert!(m.atlas.bodies.iter().any(|b| &b.kind == id), "no {id}");
    }
    assert_eq!(m.body(m.roots()[0]).id, "csc", "the CSC heads the chart");
}

#[test]
fn article_references_exist_and_none_is_unverified_fact() {
    let m = embedded();
    for b in &m.atlas.bodies {
        for r in &b.articles {
            let a = m.article(&r.document, &r.article);
            assert!(a.is_some(), "{}: {} art. {}", b.id, r.document, r.article);
            // An article cited as verified must itself not be unverified.
            if r.status == Status::Verified {
                assert_ne!(a.map(|a| a.status), Some(Status::Unverified), "{}", b.id);
            }
        }
    }
    // The fact sheet marks Charter Arts 14, 15, 17 and 18 unverified: they are not in the data.
    for n in ["14", "15", "17", "18"] {
        assert!(
            m.article("charter", n).is_none(),
            "charter art. {n} is unverified"
        );
    }
}

#[test]
fn members_have_their_history() {
    let m = embedded();
    assert_eq!(m.atlas.members.len(), 9);
    let at = |d: &str| -> Vec<String> {
        csto_atlas::view::members_at(&m, model::Date::parse(d).unwrap())
            .into_iter()
            .map(|(i, s)| format!("{}:{:?}", m.atlas.members[i].id, s))
            .collect()
    };
    let y2000 = at("2000-01-01");
    assert!(
        !y2000.iter().any(|s| s.starts_with("uzbekistan")
            || s.starts_with("georgia")
            || s.starts_with("azerbaijan")),
        "{y2000:?}"
    );
    assert!(at("2008-01-01")
        .iter()
        .any(|s| s.starts_with("uzbekistan:Member")));
    assert!(at("2025-01-01").iter().any(|s| s == "armenia:Frozen"));
}

#[test]
fn disputes_keep_both_claims_with_sources() {
    let m = embedded();
    assert!(m.atlas.disputes.len() >= 8);
    for d in &m.atlas.disputes {
        assert!(d.claims.len() >= 2, "{}", d.id);
        assert!(d.claims.iter().all(|c| !c.sources.is_empty()), "{}", d.id);
    }
}

// ---- bad input ----

const GOOD: &str = r#"Atlas(
    meta: Meta(title: "T", short: "T", edition: "2020-01-01"),
    sources: [Source(id: "s1", title: "A source", kind: official_text)],
    documents: [Document(id: "charter", title: "Charter", short: "Charter", signed: "2000-01-01",
        articles: [Article(number: "1", topic: "Bodies", paraphrase: "Sets up bodies.")])],
    bodies: [
        Body(id: "apex", name: "Apex", short: "A", kind: "statutory",
            mandate: Some(Claim(text: "Leads.", sources: ["s1"])),
            composition: Some(Claim(text: "Heads.", sources: ["s1"])),
            articles: [ArticleRef(document: "charter", article: "1")],
            sources: ["s1"]),
        Body(id: "child", name: "Child", short: "C", kind: "subsidiary", parent: Some("apex"),
            mandate: Some(Claim(text: "Helps.", sources: ["s1"])),
            composition: Some(Claim(text: "Experts.", sources: ["s1"])),
            articles: [ArticleRef(document: "charter", article: "1")],
            sources: ["s1"]),
    ],
)"#;

fn load(text: &str) -> Result<model::Model, LoadError> {
    model::load_bytes(text.as_bytes(), "test.ron")
}

fn problems(text: &str) -> Vec<String> {
    match load(text) {
        Err(LoadError::Invalid { problems, .. }) => {
            problems.iter().map(|p| p.to_string()).collect()
        }
        Err(e) => panic!("expected semantic problems, got {e}"),
        Ok(_) => panic!("expected problems, the atlas loaded"),
    }
}

fn parse_error(bytes: &[u8]) -> (usize, usize, String) {
    match model::load_bytes(bytes, "test.ron") {
        Err(LoadError::Parse {
            line,
            col,
            message,
            path,
        }) => {
            assert_eq!(path, "test.ron");
            (line, col, message)
        }
        Err(e) => panic!("expected a parse error, got {e}"),
        Ok(_) => panic!("expected a parse error, the atlas loaded"),
    }
}

#[test]
fn the_minimal_atlas_loads() {
    let m = load(GOOD).unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m.parent(BodyIdx(1)), Some(BodyIdx(0)));
}

#[test]
fn syntax_error_names_line_and_column() {
    let bad = GOOD.replace("short: \"C\",", "short: \"C\" kind_x");
    let (line, col, message) = parse_error(bad.as_bytes());
    assert_eq!(line, 12, "{message}");
    assert!(col > 1, "{col}");
    let text = load(&bad).unwrap_err().to_string();
    assert!(text.starts_with("test.ron:12:"), "{text}");
}

#[test]
fn unknown_field_and_wrong_type_are_parse_errors() {
    let (line, _, message) = parse_error(GOOD.replace("short: \"C\"", "shrot: \"C\"").as_bytes());
    assert_eq!(line, 12);
    assert!(message.contains("shrot"), "{message}");
    let subsidiary = r#"kind: "subsidiary""#;
    let (line, _, message) = parse_error(GOOD.replace(subsidiary, "kind: 42").as_bytes());
    assert_eq!(line, 12);
    assert!(!message.is_empty());
    // A file from before kinds were declared is told how to update.
    let (line, _, message) = parse_error(GOOD.replace(subsidiary, "kind: subsidiary").as_bytes());
    assert_eq!(line, 12);
    assert!(
        message.contains(r#"write `kind: "subsidiary"`"#),
        "{message}"
    );
}

#[test]
fn empty_binary_and_invalid_utf8_files_are_refused() {
    let (line, col, message) = parse_error(b"  \n ");
    assert_eq!((line, col), (1, 1));
    assert!(message.contains("empty"));
    let (line, col, message) = parse_error(b"Atlas(\n  meta: \xff\xfe)");
    assert_eq!((line, col), (2, 9));
    assert!(message.contains("UTF-8"), "{message}");
    let (_, _, message) = parse_error(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(
        message.contains("UTF-8") || message.contains("binary"),
        "{message}"
    );
}

#[test]
fn absurd_nesting_is_an_error_not_a_crash() {
    let deep = format!("Atlas(meta: {}", "[".repeat(100_000));
    let (line, _, message) = parse_error(deep.as_bytes());
    assert_eq!(line, 1);
    assert!(!message.is_empty());
}

#[test]
fn unknown_parent_is_reported_with_its_path() {
    let p = problems(&GOOD.replace("parent: Some(\"apex\")", "parent: Some(\"apx\")"));
    assert_eq!(
        p,
        vec![r#"bodies[1] "child": parent "apx" does not exist"#.to_owned()]
    );
}

#[test]
fn duplicate_ids_cycles_dates_and_missing_fields_are_all_reported() {
    let bad = GOOD
        .replace("id: \"child\"", "id: \"apex\"")
        .replace("edition: \"2020-01-01\"", "edition: \"2020-02-30\"");
    let p = problems(&bad);
    assert!(
        p.iter().any(|s| s == r#"bodies[1] "apex": duplicate id"#),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|s| s.starts_with("meta.edition: malformed date \"2020-02-30\"")),
        "{p:?}"
    );

    let cycle = GOOD.replace(
        "name: \"Apex\", short: \"A\", kind: \"statutory\",",
        "name: \"Apex\", short: \"A\", kind: \"statutory\", parent: Some(\"child\"),",
    );
    let p = problems(&cycle);
    assert!(
        p.iter().any(|s| s.contains("cycle in the parent chain")),
        "{p:?}"
    );

    let missing = GOOD.replace(
        "mandate: Some(Claim(text: \"Helps.\", sources: [\"s1\"])),",
        "",
    );
    // A body not yet documented is a warning, not an error: the chart is useful before then.
    let m = model::load_bytes(missing.as_bytes(), "t.ron").expect("loads with a warning");
    let warnings: Vec<String> = model::warnings(&m).iter().map(|p| p.to_string()).collect();
    assert_eq!(
        warnings,
        vec![r#"bodies[1] "child": no mandate"#.to_owned()]
    );
}

#[test]
fn unknown_sources_and_articles_are_reported() {
    let bad = GOOD
        .replacen(
            "sources: [\"s1\"])),\n            composition",
            "sources: [\"s9\"])),\n            composition",
            1,
        )
        .replacen(
            "article: \"1\")],\n            sources: [\"s1\"]),\n        Body(id: \"child\"",
            "article: \"7\")],\n            sources: [\"s1\"]),\n        Body(id: \"child\"",
            1,
        );
    let p = problems(&bad);
    assert!(
        p.contains(&r#"bodies[0] "apex".mandate.sources: source "s9" does not exist"#.to_owned()),
        "{p:?}"
    );
    assert!(
        p.contains(
            &r#"bodies[0] "apex".articles[0]: document "charter" has no article "7""#.to_owned()
        ),
        "{p:?}"
    );
}

/// Random and mutated bytes never panic the loader.
#[test]
fn random_and_mutated_bytes_never_panic() {
    let mut rng = fastrand::Rng::with_seed(7);
    let seeds = [GOOD.as_bytes(), model::EMBEDDED_ATLAS.as_bytes()];
    for round in 0..600 {
        let bytes: Vec<u8> = if round % 5 == 0 {
            (0..rng.usize(0..400)).map(|_| rng.u8(..)).collect()
        } else {
            let mut b = seeds[round % 2].to_vec();
            for _ in 0..rng.usize(1..8) {
                let at = rng.usize(0..b.len());
                match rng.u8(0..4) {
                    0 => b[at] = rng.u8(..),
                    1 => {
                        b.remove(at);
                    }
                    2 => b.insert(at, b"()[],:\"\\"[rng.usize(0..8)]),
                    _ => b.truncate(at),
                }
                if b.is_empty() {
                    break;
                }
            }
            b
        };
        let result =
            std::panic::catch_unwind(|| model::load_bytes(&bytes, "fuzz.ron").map(|m| m.len()));
        assert!(result.is_ok(), "panic on round {round}");
    }
}

#[test]
fn a_claim_without_a_status_is_unverified() {
    let m = load(GOOD).unwrap();
    let b = m.body(BodyIdx(0));
    assert_eq!(b.mandate.as_ref().unwrap().status, Status::Unverified);
    assert_eq!(b.articles[0].status, Status::Unverified);
}

#[test]
fn check_refuses_verified_on_the_reference_text_alone() {
    let with_ref = GOOD.replace(
        r#"sources: [Source(id: "s1", title: "A source", kind: official_text)],"#,
        r#"sources: [Source(id: "s1", title: "A source", kind: official_text),
                  Source(id: "ref", title: "Reference text", kind: reference_text)],"#,
    );
    // A claim and an article reference marked verified on the reference text only.
    let bad = with_ref
        .replace(
            r#"mandate: Some(Claim(text: "Leads.", sources: ["s1"])),"#,
            r#"mandate: Some(Claim(text: "Leads.", status: verified, sources: ["ref"])),"#,
        )
        .replace(
            r#"articles: [ArticleRef(document: "charter", article: "1")],
            sources: ["s1"]),
        Body(id: "child""#,
            r#"articles: [ArticleRef(document: "charter", article: "1", status: verified, sources: ["ref"])],
            sources: ["s1"]),
        Body(id: "child""#,
        );
    let p = problems(&bad);
    assert!(
        p.iter()
            .any(|s| s.starts_with(r#"bodies[0] "apex".mandate.status: verified, but"#)),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|s| s.starts_with(r#"bodies[0] "apex".articles[0].status: verified, but"#)),
        "{p:?}"
    );
    // As `reference`, or verified with a retrieved source beside it, it is fine.
    let ok = with_ref.replace(
        r#"mandate: Some(Claim(text: "Leads.", sources: ["s1"])),"#,
        r#"mandate: Some(Claim(text: "Leads.", status: verified, sources: ["ref", "s1"])),"#,
    );
    assert!(load(&ok).is_ok());
    let reference = with_ref.replace(
        r#"mandate: Some(Claim(text: "Leads.", sources: ["s1"])),"#,
        r#"mandate: Some(Claim(text: "Leads.", status: reference, sources: ["ref"])),"#,
    );
    assert!(load(&reference).is_ok());
}

#[test]
fn the_edition_may_not_be_later_than_the_sources_checked_nor_those_in_the_future() {
    let late = GOOD.replace(
        r#"edition: "2020-01-01")"#,
        r#"edition: "2020-01-01", checked: Some("2019-06-01"))"#,
    );
    let p = problems(&late);
    assert!(
        p.iter()
            .any(|s| s.starts_with("meta.edition: 2020-01-01 is later than meta.checked")),
        "{p:?}"
    );
    let future = GOOD.replace(
        r#"edition: "2020-01-01")"#,
        r#"edition: "2020-01-01", checked: Some("2999-01-01"))"#,
    );
    assert!(problems(&future)
        .iter()
        .any(|s| s == "meta.checked: 2999-01-01 is in the future"));
    let fine = GOOD.replace(
        r#"edition: "2020-01-01")"#,
        r#"edition: "2020-01-01", checked: Some("2020-02-01"))"#,
    );
    assert!(load(&fine).is_ok());
    // The CSTO atlas says both.
    let m = embedded();
    assert_eq!(m.atlas.meta.edition, "2025-12-03");
    assert_eq!(m.atlas.meta.checked.as_deref(), Some("2025-12-05"));
}

#[test]
fn offices_are_dated_periods_and_the_holder_at_a_date_is_known() {
    let m = embedded();
    let holder = |id: &str, date: &str| {
        m.holder_at(m.index_of(id).unwrap(), model::Date::parse(date).unwrap())
            .map(|h| (h.name.clone(), h.role.clone()))
    };
    assert_eq!(
        holder("secretary-general", "2010-01-01").unwrap().0,
        "Nikolai Bordyuzha"
    );
    assert_eq!(
        holder("secretary-general", "2019-06-01").unwrap(),
        ("Valery Semerikov".to_owned(), Some("acting".to_owned()))
    );
    assert_eq!(
        holder("secretary-general", "2025-12-03").unwrap().0,
        "Imangali Tasmagambetov"
    );
    assert_eq!(
        holder("joint-staff", "2020-01-01").unwrap().0,
        "Col Gen Anatoly Sidorov"
    );
    assert_eq!(
        holder("joint-staff", "2010-01-01"),
        None,
        "no chief in the sources before 2012"
    );
    // Every holder has sources; an end date no source states is not `verified`.
    for b in &m.atlas.bodies {
        for h in &b.holders {
            assert!(!h.sources.is_empty(), "{} {}", b.id, h.name);
        }
    }
    // A malformed holder date is a problem with its path.
    let bad = GOOD.replace(
        r#"articles: [ArticleRef(document: "charter", article: "1")],
            sources: ["s1"]),
        Body(id: "child""#,
        r#"articles: [ArticleRef(document: "charter", article: "1")],
            holders: [Holder(name: "Someone", from: "2003-13", sources: ["s1"])],
            sources: ["s1"]),
        Body(id: "child""#,
    );
    assert!(problems(&bad)
        .iter()
        .any(|p| p.starts_with(r#"bodies[0] "apex".holders[0]: malformed date "2003-13""#)));
}
