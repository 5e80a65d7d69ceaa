//! Any organization: kinds and relation kinds declared in the atlas file, several apexes, and
//! clear messages when a kind is wrong.

use crate::common::{run, text};

use std::path::Path;

use csto_atlas::model::{self, LoadError};

const UN: &str = "tests/fixtures/un-system.ron";

/// The problems an atlas text has, as `check` prints them.
fn problems(atlas: &str) -> Vec<String> {
    match model::load_bytes(atlas.as_bytes(), "t.ron") {
        Err(LoadError::Invalid { problems, .. }) => {
            problems.iter().map(|p| p.to_string()).collect()
        }
        Err(e) => vec![e.to_string()],
        Ok(_) => Vec::new(),
    }
}

fn un() -> String {
    std::fs::read_to_string(UN).unwrap()
}

#[test]
fn an_atlas_with_its_own_kinds_and_several_apexes_loads() {
    let m = model::load_file(Path::new(UN)).unwrap();
    let roots: Vec<&str> = m.roots().iter().map(|&i| m.body(i).id.as_str()).collect();
    assert_eq!(roots, ["ga", "sc", "ecosoc"], "three apexes");
    let kinds = m.kinds();
    let names: Vec<&str> = kinds
        .body_kinds()
        .map(|k| kinds.body(k).name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Principal organ", "Fund or programme", "Specialized agency"]
    );
    let who = m.index_of("who").unwrap();
    assert_eq!(m.kind_name(who, None), "Specialized agency");
    // No documents, members or disputes: none are needed.
    assert!(m.atlas.documents.is_empty() && m.atlas.members.is_empty());
}

#[test]
fn the_picture_uses_the_declared_names_colours_and_dashes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("un.svg");
    let o = run(&[
        "export",
        "--atlas",
        UN,
        "--relations",
        "all",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    for label in [
        ">Principal organ<",
        ">Fund or programme<",
        ">Specialized agency<",
        ">accountable to<",
        ">coordinates with<",
    ] {
        assert!(svg.contains(label), "no legend entry {label}");
    }
    // The kind id is the SVG class; the declared colour outlines its boxes (light theme).
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let ga = doc
        .descendants()
        .find(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("body principal_organ"))
        })
        .expect("a principal organ's box");
    let stroke = ga
        .descendants()
        .find_map(|n| n.attribute("stroke"))
        .unwrap();
    assert_eq!(stroke, "#1f5fa8");
    // "dash_dot" draws a dash and a dot; "dashed" equal dashes.
    let dashes = |kind: &str| {
        doc.descendants()
            .find(|n| n.attribute("data-kind") == Some(kind) && n.has_attribute("d"))
            .and_then(|n| n.attribute("stroke-dasharray"))
            .map(str::to_owned)
    };
    assert_eq!(dashes("coordinates_with").as_deref(), Some("9 3 2 3"));
    assert_eq!(dashes("accountable_to").as_deref(), Some("10 3 10 3"));
}

#[test]
fn list_filters_and_languages_use_the_declared_kinds() {
    let o = run(&["list", "--atlas", UN]);
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("specialized_agency"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("agencies.json");
    let o = run(&[
        "export",
        "--atlas",
        UN,
        "--kind",
        "specialized_agency",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let ids: Vec<&str> = json["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["who", "ilo"]);
    // An unknown kind names the ones this atlas has.
    let o = run(&[
        "export",
        "--atlas",
        UN,
        "--kind",
        "statutory",
        "--out",
        "x.svg",
    ]);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(
        err.contains("unknown kind \"statutory\"")
            && err.contains("principal_organ, fund_programme, specialized_agency"),
        "{err}"
    );
    // A kind's name in another language, where the atlas gives one.
    let out = dir.path().join("fr.svg");
    let o = run(&[
        "export",
        "--atlas",
        UN,
        "--lang",
        "fr",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains(">Organe principal<"));
    assert!(
        svg.contains(">Fund or programme<"),
        "no French name: English"
    );
}

#[test]
fn an_undeclared_or_duplicate_kind_or_a_bad_colour_is_reported_with_its_path() {
    let p = problems(&un().replace(
        r#"kind: "fund_programme", parent: "ga""#,
        r#"kind: "programme", parent: "ga""#,
    ));
    assert!(
        p.iter().any(|s| s
            == r#"bodies[3] "undp".kind: "programme" is not declared in `kinds` (declared: principal_organ, fund_programme, specialized_agency)"#),
        "{p:?}"
    );
    let p = problems(&un().replace(
        r#"Kind(id: "fund_programme""#,
        r#"Kind(id: "principal_organ""#,
    ));
    assert!(
        p.iter()
            .any(|s| s == r#"kinds[1] "principal_organ": duplicate id"#),
        "{p:?}"
    );
    let p = problems(&un().replace("#1f5fa8", "#1f5fa"));
    assert!(
        p.iter()
            .any(|s| s
                .starts_with(r##"kinds[0] "principal_organ".colour: "#1f5fa" is not a colour"##)),
        "{p:?}"
    );
    let p = problems(&un().replace(r#"id: "specialized_agency""#, r#"id: "Specialized Agency""#));
    assert!(
        p.iter()
            .any(|s| s.contains("id must be lowercase letters, digits")),
        "{p:?}"
    );
    let p = problems(&un().replace(r#"kind: "coordinates_with""#, r#"kind: "coordinates""#));
    assert!(
        p.iter()
            .any(|s| s.contains(r#".kind: "coordinates" is not declared in `relation_kinds`"#)),
        "{p:?}"
    );
    // A dash that does not exist is a parse error at its line, saying which exist.
    let p = problems(&un().replace(r#"dash: "dash_dot""#, r#"dash: "wavy""#));
    assert!(
        p[0].starts_with("t.ron:13:") && p[0].contains(r#"unknown dash "wavy""#),
        "{p:?}"
    );
}

#[test]
fn without_declared_kinds_the_csto_kinds_apply_and_the_csto_atlas_declares_its_own() {
    let csto = model::load_embedded().unwrap();
    // The four built in, and the collective forces.
    assert_eq!(csto.atlas.kinds.len(), 5);
    assert_eq!(csto.atlas.relation_kinds.len(), 9);
    let synthetic = model::Model::new(csto_atlas::generate::synthetic(50, 1));
    assert!(synthetic.atlas.kinds.is_empty());
    let kinds = synthetic.kinds();
    assert_eq!(
        kinds
            .body_kinds()
            .map(|k| kinds.body(k).id.clone())
            .collect::<Vec<_>>(),
        ["statutory", "permanent_working", "subsidiary", "official"]
    );
    // Declared or built in, the CSTO's kinds look the same.
    let (a, b) = (csto.kinds(), synthetic.kinds());
    for k in a
        .body_kinds()
        .filter(|&k| a.body(k).id != "collective_forces")
    {
        assert_eq!(
            a.body_rgb(k),
            b.body_rgb(b.body_kind(&a.body(k).id).unwrap())
        );
    }
    for k in a.relation_kinds() {
        let other = b.relation_kind(&a.relation(k).id).unwrap();
        assert_eq!(a.relation_rgb(k), b.relation_rgb(other));
        assert_eq!(a.relation(k).dash, b.relation(other).dash);
    }
}

#[test]
fn a_sheet_of_twelve_kinds_gets_twelve_colours_a_reader_tells_apart_in_both_themes() {
    use csto_atlas::style::{Palette, Theme};
    let mut csv = String::from("id,parent,name,department\n");
    for i in 0..12 {
        csv.push_str(&format!("{i},,Unit {i},Department {i}\n"));
    }
    let m = model::load_bytes(csv.as_bytes(), "units.csv").unwrap();
    let kinds = m.kinds();
    let all: Vec<_> = kinds.body_kinds().collect();
    assert_eq!(all.len(), 12);
    for theme in [Theme::Light, Theme::Dark] {
        let p = Palette::of(theme);
        for (i, &a) in all.iter().enumerate() {
            for &b in &all[i + 1..] {
                // The outline, the colour that tells a box's kind (the fill is its pale tint).
                let d = crate::common::ciede2000(p.kind(kinds, a).1, p.kind(kinds, b).1);
                assert!(
                    d >= 15.0,
                    "{theme:?}: kinds {a:?} and {b:?} differ by ΔE00 {d:.1}"
                );
            }
        }
    }
}
