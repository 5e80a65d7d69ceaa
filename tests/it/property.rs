//! Property test: random *valid* atlases (trees and forests, names with quotes, backslashes,
//! markup, `]]>`, `--`, long words, Cyrillic and accents, every kind and relation kind) go through
//! every exporter, and each output parses in its standard reader. The command line never panics
//! on them and never prints a raw control character.

use crate::common;

use csto_atlas::export::{self, ChartJson, ExportRequest, Format};
use csto_atlas::model::{
    self, builtin_kinds, builtin_relation_kinds, Atlas, Body, Claim, Established, Meta, Model,
    Relation, Source, SourceKind, Status,
};
use csto_atlas::view::{Filters, RelationsShown};
use proptest::prelude::*;

/// Pieces of hostile but legal text.
const PIECES: &[&str] = &[
    "Council",
    "\"quoted\"",
    "back\\slash",
    "<script>",
    "a & b",
    "]]>",
    "--",
    "'",
    "Совет",
    "Résumé",
    "x",
    "Supercalifragilisticexpialidocious-Organizational-Unit",
    "{}",
    "#",
    "%s",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..5).prop_map(|p| p.join(" "))
}

fn claim(text: String) -> Claim {
    Claim {
        text,
        status: Status::Verified,
        sources: vec!["s1".into()],
        note: None,
    }
}

prop_compose! {
    fn atlas()(
        parents in prop::collection::vec(prop::option::weighted(0.85, any::<prop::sample::Index>()), 1..24),
        names in prop::collection::vec(text(), 24),
        kinds in prop::collection::vec(prop::sample::select(builtin_kinds().into_iter().map(|k| k.id).collect::<Vec<_>>()), 24),
        years in prop::collection::vec(prop::option::of(1990i32..2026), 24),
        relations in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), prop::sample::select(builtin_relation_kinds().into_iter().map(|k| k.id).collect::<Vec<_>>())), 0..20),
        title in text(),
    ) -> Atlas {
        let n = parents.len();
        let bodies: Vec<Body> = (0..n).map(|i| Body {
            id: format!("b{i}"),
            name: names[i].clone(),
            short: names[(i + 1) % names.len()].chars().take(12).collect(),
            aliases: vec![names[(i + 2) % names.len()].clone()],
            kind: kinds[i].clone(),
            kind_status: Status::Inferred,
            // Parents only among earlier bodies: a forest, never a cycle.
            parent: parents[i].filter(|_| i > 0).map(|p| format!("b{}", p.index(i))),
            established: years[i].map(|y| Established {
                date: Some(format!("{y}-01-01")),
                status: Status::Verified,
                sources: vec!["s1".into()],
                ..Default::default()
            }),
            seat: None,
            mandate: Some(claim(names[(i + 3) % names.len()].clone())),
            composition: Some(claim("Members.\nOn two lines.".into())),
            chair: None,
            articles: Vec::new(),
            sources: vec!["s1".into()],
            notes: Vec::new(),
            holders: Vec::new(),
            names: Default::default(),
            fields: Default::default(),
        }).collect();
        let relations = relations.iter().filter_map(|(a, b, k)| {
            let (a, b) = (a.index(n), b.index(n));
            (a != b).then(|| Relation {
                from: format!("b{a}"),
                to: format!("b{b}"),
                kind: k.clone(),
                status: Status::Inferred,
                sources: vec!["s1".into()],
                note: None,
            })
        }).collect();
        Atlas {
            meta: Meta {
                title,
                short: "R".into(),
                edition: "2026-01-01".into(),
                ..Default::default()
            },
            sources: vec![Source {
                id: "s1".into(),
                title: "A \"source\" <with> & markup".into(),
                kind: SourceKind::OfficialText,
                ..Source::default()
            }],
            bodies,
            relations,
            ..Default::default()
        }
    }
}

fn render(m: &Model, format: Format, as_of: Option<&str>) -> Vec<u8> {
    let request = ExportRequest {
        filters: Filters {
            relations: RelationsShown::All,
            as_of: as_of.and_then(csto_atlas::model::Date::parse),
            ..Default::default()
        },
        scale: 0.5,
        ..ExportRequest::new(format)
    };
    export::render(m, &request).expect("the export succeeds")
}

fn graphviz() -> bool {
    common::tool("dot", "-V")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_export_parses_in_its_standard_reader(atlas in atlas(), dated in any::<bool>()) {
        let problems = model::validate(&atlas);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        let m = Model::new(atlas);
        let as_of = dated.then_some("2010-01-01");
        // SVG: an XML parser reads it and resvg renders it.
        let svg = String::from_utf8(render(&m, Format::Svg, as_of)).unwrap();
        let doc = roxmltree::Document::parse(&svg);
        prop_assert!(doc.is_ok(), "{:?}", doc.err());
        prop_assert!(!svg.contains("<script>"));
        prop_assert!(export::render_png(&svg, 0.25).is_ok());
        // JSON reads back.
        let json: Result<ChartJson, _> = serde_json::from_slice(&render(&m, Format::Json, as_of));
        prop_assert!(json.is_ok());
        // DOT: Graphviz reads it (where Graphviz is installed: .ci/run installs it).
        if graphviz() {
            let dot = render(&m, Format::Dot, as_of);
            let mut child = std::process::Command::new("dot")
                .arg("-Tplain")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            std::io::Write::write_all(child.stdin.as_mut().unwrap(), &dot).unwrap();
            let out = child.wait_with_output().unwrap();
            prop_assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

#[test]
fn the_command_line_takes_random_atlases_without_panics_or_raw_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 6,
        ..ProptestConfig::default()
    });
    let seen = std::cell::Cell::new(0);
    runner
        .run(&atlas(), |atlas| {
            let path = dir.path().join("random.ron");
            std::fs::write(&path, csto_atlas::generate::to_ron(&atlas).unwrap()).unwrap();
            let p = path.to_str().unwrap();
            for args in [
                vec!["check", p],
                vec!["list", "--atlas", p],
                vec!["show", "b0", "--atlas", p],
                vec!["show", "b0", "--atlas", p, "--json"],
            ] {
                let o = std::process::Command::new(env!("CARGO_BIN_EXE_csto-atlas"))
                    .args(&args)
                    .output()
                    .unwrap();
                prop_assert!(
                    o.status.success(),
                    "{args:?}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
                let raw = |b: &[u8]| b.iter().any(|&c| c < 0x20 && c != b'\n' && c != b'\t');
                prop_assert!(!raw(&o.stdout) && !raw(&o.stderr), "{args:?}");
                if args[0] == "check" {
                    seen.set(seen.get() + 1);
                }
            }
            Ok(())
        })
        .unwrap();
    assert!(seen.get() >= 6, "only {} atlases checked", seen.get());
}
