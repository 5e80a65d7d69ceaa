//! The command line, run as a user would: the real binary, its output and exit status.

use crate::common;

use crate::common::run;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn help_lists_the_subcommands_and_bad_usage_exits_2() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    for sub in [
        "check", "list", "show", "search", "changes", "export", "generate",
    ] {
        assert!(stdout(&o).contains(sub), "{sub} missing from --help");
    }
    assert_eq!(run(&["bogus"]).status.code(), Some(2));
    assert_eq!(
        run(&["export", "--out", "chart.xyz"]).status.code(),
        Some(2)
    );
}

#[test]
fn check_accepts_the_atlas_and_reports_bad_files() {
    let o = run(&["check", "assets/csto.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("26 bodies"), "{}", stdout(&o));

    let dir = temp_dir();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Atlas(\n  meta: Meta(title: 1),\n)").unwrap();
    let o = run(&["check", "assets/csto.ron", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("{}:2:", bad.display())), "{err}");
}

#[test]
fn list_json_has_the_documented_fields() {
    let o = run(&["list", "--json"]);
    assert!(o.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.len(), 26);
    let mc = rows
        .iter()
        .find(|r| r["id"] == "military-committee")
        .unwrap();
    assert_eq!(mc["kind"], "subsidiary");
    assert_eq!(mc["parent"], "cmd");
    assert_eq!(mc["established"], "2012-12-19");
    assert!(rows.iter().any(|r| r["parent"].is_null()));
    let table = stdout(&run(&["list"]));
    assert!(table.contains("Collective Security Council"));
}

#[test]
fn show_json_tells_everything_and_unknown_ids_get_suggestions() {
    let o = run(&["show", "cssc", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["kind"], "statutory");
    assert!(v["mandate"]["text"].as_str().unwrap().contains("security"));
    let arts = v["articles"].as_array().unwrap();
    assert!(arts.iter().any(|a| a["document"] == "charter"
        && a["article"] == "16"
        && a["paraphrase"].is_string()));
    for key in ["sources", "relations", "disputes"] {
        assert!(v[key].is_array(), "{key}");
    }
    let o = run(&["show", "military-comitee"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("military-committee"), "{}", stderr(&o));
}

/// The ids of the atlas's sources, which a reader must never see.
fn source_ids() -> Vec<String> {
    let atlas = csto_atlas::model::load(None).unwrap();
    atlas.atlas.sources.iter().map(|s| s.id.clone()).collect()
}

#[test]
fn show_lists_every_source_with_its_address_or_locator_and_no_internal_key() {
    for lang in ["en", "ru"] {
        let text = stdout(&run(&["show", "cmd", "--lang", lang]));
        let (heading, where_) = if lang == "ru" {
            ("\nИсточники (", "Где найти: ")
        } else {
            ("\nSources (", "Where: ")
        };
        let sources = text.split(heading).nth(1).expect("a list of sources");
        let style = if lang == "ru" {
            "GOST R 7.0.5-2008"
        } else {
            "APA"
        };
        assert!(sources.starts_with(style), "{sources}");
        // Each entry: "  [n] reference", then its address, locator or note on indented lines.
        let entries: Vec<&str> = sources.split("\n  [").skip(1).collect();
        assert!(entries.len() >= 10, "{sources}");
        for e in &entries {
            assert!(
                e.contains("http://") || e.contains("https://") || e.contains(where_),
                "a source with neither address nor locator: [{e}"
            );
        }
        for id in source_ids() {
            // Ids like "S19" or "asiaplus-2022": as a word, never in brackets.
            assert!(!text.contains(&format!("[{id}]")), "[{id}] in:\n{text}");
            let as_word = text
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .any(|w| w == id);
            assert!(!as_word, "the key {id:?} in:\n{text}");
        }
    }
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["show", "csc", "--json"]).stdout).unwrap();
    assert!(v["names"]["ru"]["name"].is_string(), "{v}");
    assert!(v["holders"].is_array() && v["notes"].is_array(), "{v}");
    let first = &v["sources"][0];
    assert!(
        first["citation"].as_str().is_some_and(|c| !c.is_empty()),
        "{first}"
    );
}

#[test]
fn show_prints_what_the_side_panel_shows() {
    // The Secretary General: Russian name, office holders, numbered sources with addresses.
    let text = stdout(&run(&[
        "show",
        "secretary-general",
        "--as-of",
        "2010-06-01",
    ]));
    assert!(text.contains("On 2010-06-01: Nikolai Bordyuzha"), "{text}");
    assert!(text.contains("https://"), "a source's address: {text}");
    let numbered = text.lines().filter(|l| l.starts_with("  [")).count();
    assert!(numbered >= 3, "{text}");
    // Every "[n]" in the facts is one of the numbered sources.
    let listed = |n: usize| text.contains(&format!("\n  [{n}] "));
    for n in text
        .split('[')
        .skip(1)
        .filter_map(|t| t.split(']').next()?.parse().ok())
    {
        assert!(listed(n), "[{n}] is cited but not listed");
    }
    let ru = stdout(&run(&["show", "cmd", "--lang", "ru"]));
    assert!(
        ru.starts_with("Совет министров обороны (СМО)\nCouncil of Ministers of Defence"),
        "{ru}"
    );
    assert!(
        ru.contains("ru: Совет министров обороны (СМО) [подтверждено] ["),
        "{ru}"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["show", "secretary-general", "--json"]).stdout).unwrap();
    assert!(v["holders"].as_array().is_some_and(|h| h.len() > 3));
    let first = &v["sources"][0];
    assert!(first["number"] == 1 && (first["url"].is_string() || first["locator"].is_string()));
}

#[test]
fn show_at_a_date_lists_what_did_not_exist_yet_apart() {
    let text = stdout(&run(&["show", "cmd", "--as-of", "2005-01-01"]));
    let (now, later) = text
        .split_once("Later (not yet set up on 2005-01-01)")
        .unwrap_or_else(|| panic!("no Later section: {text}"));
    assert!(!now.contains("Military Committee"), "{now}");
    assert!(
        later.contains("Over: Military Committee (military-committee), set up on"),
        "{later}"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["show", "cmd", "--as-of", "2005-01-01", "--json"]).stdout)
            .unwrap();
    assert!(
        v["children"].as_array().unwrap().is_empty(),
        "{}",
        v["children"]
    );
    assert_eq!(v["later_children"][0]["id"], "military-committee");
    // At the edition everything is present.
    let text = stdout(&run(&["show", "cmd"]));
    assert!(!text.contains("Later"), "{text}");
}

#[test]
fn a_closed_pipe_ends_any_subcommand_quietly() {
    for args in [
        vec!["check", "assets/csto.ron"],
        vec!["list"],
        vec!["show", "csc"],
        vec!["search", "council"],
    ] {
        let mut child = common::bin()
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end at once, as `| head -0` would.
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
        assert_ne!(o.status.code(), Some(101), "{args:?}");
    }
}

#[test]
fn a_name_over_the_limit_is_refused_with_its_place() {
    let dir = temp_dir();
    let sheet = dir.path().join("long.csv");
    let long = "x".repeat(1_000_001);
    std::fs::write(&sheet, format!("id,name,parent,kind\na,{long},,unit\n")).unwrap();
    let p = sheet.to_str().unwrap();
    let o = run(&["check", p]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("long.csv:2:"), "{err}");
    assert!(err.contains("1000001 characters long"), "{err}");
    let out = dir.path().join("x.png");
    let o = run(&["export", "--atlas", p, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("at most 1000"), "{}", stderr(&o));
    assert!(!out.exists());
}

fn png_size(path: &Path) -> (u32, u32) {
    let img = image::open(path).expect("a PNG");
    (img.width(), img.height())
}

fn export(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut args = vec!["export", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

#[test]
fn png_grows_with_scale_and_is_not_blank() {
    let dir = temp_dir();
    // The default scale is 2, crisp on paper and on high-density screens.
    let one = export(dir.path(), "one.png", &["--scale", "1"]);
    let two = export(dir.path(), "two.png", &[]);
    let (w1, h1) = png_size(&one);
    let (w2, h2) = png_size(&two);
    assert!(w1 > 400 && h1 > 300, "{w1}x{h1}");
    assert!((w2 as i64 - 2 * w1 as i64).abs() <= 2 && (h2 as i64 - 2 * h1 as i64).abs() <= 2);
    let img = image::open(&two).unwrap().to_rgba8();
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels().step_by(7) {
        colours.insert(p.0);
    }
    assert!(colours.len() > 50, "only {} colours", colours.len());
}

#[test]
fn svg_is_well_formed_with_every_visible_body_and_renders() {
    let dir = temp_dir();
    let out = export(
        dir.path(),
        "chart.svg",
        &[
            "--kind",
            "statutory",
            "--kind",
            "official",
            "--relations",
            "all",
        ],
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-id"))
        .collect();
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&run(&["list", "--json"]).stdout).unwrap();
    let expected: Vec<&str> = list
        .iter()
        .filter(|r| r["kind"] == "statutory" || r["kind"] == "official")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), expected.len());
    for id in expected {
        assert!(ids.contains(&id), "{id} missing");
    }
    assert!(doc.descendants().any(|n| n
        .attribute("class")
        .is_some_and(|c| c.starts_with("body statutory"))));
    assert!(doc.descendants().any(|n| n
        .attribute("class")
        .is_some_and(|c| c.starts_with("edge relation"))));
    // A second renderer reads it.
    let png = csto_atlas::export::render_png(&text, 1.0).expect("resvg renders it");
    assert!(png.len() > 1000);
}

#[test]
fn dot_parses_and_json_round_trips() {
    let dir = temp_dir();
    let dot = export(dir.path(), "chart.dot", &[]);
    let text = std::fs::read_to_string(&dot).unwrap();
    assert!(text.starts_with("digraph"));
    assert!(text.contains("\"csc\" -> \"cmfa\""));
    // Labels wrapped as the boxes are, and a name given once when it is the short name.
    assert!(
        text.contains(r#"label="Secretariat","#),
        "the Secretariat is named once"
    );
    assert!(text.contains(r#"label="CSC\nCollective Security\nCouncil""#));
    if common::tool("dot", "-V") {
        let o = Command::new("dot")
            .args(["-Tsvg", dot.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "dot: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        // Graphviz's own drawing keeps a reasonable shape (it was a 23:1 strip).
        let svg = String::from_utf8_lossy(&o.stdout);
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        let doc = roxmltree::Document::parse_with_options(&svg, options).unwrap();
        let pt = |a: &str| {
            let v = doc.root_element().attribute(a).unwrap();
            v.trim_end_matches("pt").parse::<f32>().unwrap()
        };
        let (w, h) = (pt("width"), pt("height"));
        assert!(w / h <= 4.0 && h / w <= 4.0, "dot draws {w} × {h} pt");
    } else {
        assert_eq!(text.matches('{').count(), text.matches('}').count());
    }
    let json = export(dir.path(), "chart.json", &["--orientation", "lr"]);
    let bytes = std::fs::read(&json).unwrap();
    let chart: csto_atlas::export::ChartJson = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(chart.bodies.len(), 26);
    assert_eq!(chart.orientation, "lr");
    let again = serde_json::to_vec_pretty(&chart).unwrap();
    let back: csto_atlas::export::ChartJson = serde_json::from_slice(&again).unwrap();
    assert_eq!(back, chart);
}

/// Data carries relations as pairs; their routes around the boxes only when asked for, and a
/// route then leaves and reaches its own bodies' boxes.
#[test]
fn json_routes_relations_only_with_routes() {
    let dir = temp_dir();
    let read = |p: &Path| -> csto_atlas::export::ChartJson {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let pairs = read(&export(dir.path(), "pairs.json", &[]));
    let routed = read(&export(dir.path(), "routed.json", &["--routes"]));
    let relations = |c: &csto_atlas::export::ChartJson| -> Vec<(String, String, String, usize)> {
        (c.edges.iter())
            .filter(|e| e.kind != "parent")
            .map(|e| (e.from.clone(), e.to.clone(), e.kind.clone(), e.points.len()))
            .collect()
    };
    let (pairs, routed_rel) = (relations(&pairs), relations(&routed));
    // The same relations either way; a marker on a reporting line is one point either way.
    assert!(pairs.len() >= 10, "{pairs:?}");
    let names = |r: &[(String, String, String, usize)]| -> Vec<(String, String, String)> {
        r.iter()
            .map(|(a, b, k, _)| (a.clone(), b.clone(), k.clone()))
            .collect()
    };
    assert_eq!(names(&pairs), names(&routed_rel));
    let lines = |r: &[(String, String, String, usize)]| r.iter().filter(|x| x.3 >= 2).count();
    assert_eq!(
        lines(&pairs),
        0,
        "routes written without --routes: {pairs:?}"
    );
    assert!(lines(&routed_rel) >= 8, "{routed_rel:?}");
    let rect = |id: &str| {
        let b = routed.bodies.iter().find(|b| b.id == id).unwrap();
        egui::Rect::from_min_size(egui::pos2(b.x, b.y), egui::vec2(b.width, b.height))
    };
    for e in routed
        .edges
        .iter()
        .filter(|e| e.kind != "parent" && e.points.len() >= 2)
    {
        let ends = [e.points[0], *e.points.last().unwrap()];
        let near = |r: egui::Rect, p: [f32; 2]| r.expand(12.0).contains(egui::pos2(p[0], p[1]));
        assert!(
            near(rect(&e.from), ends[0]) || near(rect(&e.from), ends[1]),
            "{} -> {} starts away from {}",
            e.from,
            e.to,
            e.from
        );
    }
    let o = run(&["export", "--out", "x.png", "--routes"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--routes is for JSON"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn export_filters_change_the_picture() {
    let dir = temp_dir();
    let all = export(dir.path(), "all.json", &[]);
    let early = export(dir.path(), "early.json", &["--as-of", "2005-01-01"]);
    let focus = export(
        dir.path(),
        "focus.json",
        &["--focus", "cmd", "--depth", "1"],
    );
    let faded = export(
        dir.path(),
        "faded.json",
        &["--as-of", "2005-01-01", "--showcase"],
    );
    let read = |p: &Path| -> csto_atlas::export::ChartJson {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let (all, early, focus, faded) = (read(&all), read(&early), read(&focus), read(&faded));
    assert!(early.bodies.len() < all.bodies.len());
    assert!(!early.bodies.iter().any(|b| b.id == "military-committee"));
    let ids: Vec<&str> = focus.bodies.iter().map(|b| b.id.as_str()).collect();
    assert!(
        ids.contains(&"military-committee") && ids.contains(&"csc") && !ids.contains(&"circc"),
        "{ids:?}"
    );
    assert_eq!(faded.bodies.len(), all.bodies.len());
    assert!(faded
        .bodies
        .iter()
        .any(|b| b.id == "military-committee" && b.faded));
}

#[test]
fn export_to_an_impossible_path_fails_and_leaves_nothing() {
    let dir = temp_dir();
    let target = dir.path().join("no-such-folder").join("chart.png");
    let o = run(&["export", "--out", target.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such-folder"), "{}", stderr(&o));
    assert!(!target.exists());
    // A failed export never destroys an existing file: a folder in the way of the rename.
    let blocked = dir.path().join("taken.svg");
    std::fs::create_dir(&blocked).unwrap();
    let o = run(&["export", "--out", blocked.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(blocked.is_dir());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "stray files: {leftovers:?}");
}

#[test]
fn generate_writes_a_valid_deterministic_atlas() {
    let dir = temp_dir();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    for p in [&a, &b] {
        crate::common::generate(p, 300);
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let o = run(&["check", a.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("300 bodies"));
}

#[test]
fn check_warns_of_a_body_dated_before_its_parent_and_strict_fails() {
    let dir = temp_dir();
    let path = dir.path().join("early.ron");
    let atlas = r#"Atlas(
    meta: Meta(title: "Early", short: "E", edition: "2020-01-01"),
    sources: [Source(id: "s1", title: "A source", kind: official_text)],
    bodies: [
        Body(id: "a", name: "Apex", short: "A", kind: "statutory",
            established: Some(Established(date: Some("2010-01-01"), sources: ["s1"])),
            mandate: Some(Claim(text: "Leads.", sources: ["s1"])),
            composition: Some(Claim(text: "Heads.", sources: ["s1"])),
            sources: ["s1"]),
        Body(id: "b", name: "Child", short: "B", kind: "subsidiary", parent: Some("a"),
            established: Some(Established(date: Some("2005-01-01"), sources: ["s1"])),
            mandate: Some(Claim(text: "Works.", sources: ["s1"])),
            composition: Some(Claim(text: "Staff.", sources: ["s1"])),
            sources: ["s1"]),
    ],
)"#;
    std::fs::write(&path, atlas).unwrap();
    let p = path.to_str().unwrap();
    let o = run(&["check", p]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("warning:"), "{}", stdout(&o));
    assert!(stdout(&o).contains(r#""b""#));
    let strict = run(&["check", "--strict", p]);
    assert_eq!(strict.status.code(), Some(1));
    // The CSTO atlas passes strictly.
    let csto = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/csto.ron");
    let o = run(&["check", "--strict", csto.to_str().unwrap()]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn a_hidden_parent_gives_an_indirect_line_in_svg_and_dot() {
    let dir = temp_dir();
    let svg = dir.path().join("x.svg");
    let dot = dir.path().join("x.dot");
    for out in [&svg, &dot] {
        let o = run(&[
            "export",
            "--out",
            out.to_str().unwrap(),
            "--kind",
            "statutory",
            "--kind",
            "permanent_working",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(svg.contains(
        r#"class="edge tree indirect" data-kind="parent" data-from="csc" data-to="secretariat""#
    ));
    let dot = std::fs::read_to_string(dot).unwrap();
    assert!(
        dot.contains(r#""csc" -> "secretariat" [style=dotted"#),
        "{dot}"
    );
}

#[test]
fn export_compare_marks_the_bodies_established_in_between() {
    let dir = temp_dir();
    let out = dir.path().join("c.svg");
    let o = run(&[
        "export",
        "--out",
        out.to_str().unwrap(),
        "--compare",
        "2000-01-01",
        "--as-of",
        "2010-01-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let new_in = |id: &str| {
        doc.descendants()
            .find(|n| n.attribute("data-id") == Some(id))
            .is_some_and(|g| g.descendants().any(|t| t.text() == Some("new")))
    };
    assert!(new_in("cmd"), "the CMD (2003) is new");
    assert!(!new_in("csc"), "the CSC (1992) is not");
    assert!(
        svg.contains("bodies new since 1 January 2000 marked"),
        "the caption says so"
    );
}

#[cfg(unix)]
#[test]
fn an_export_gets_the_usual_permissions_or_those_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    let out = dir.path().join("chart.json");
    // The binary runs under umask 022 here, as a login shell would set it.
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022 && exec {} export --out {}",
            env!("CARGO_BIN_EXE_csto-atlas"),
            out.display()
        ))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), 0o644);
    // Replacing a file keeps its permissions.
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert!(run(&["export", "--out", out.to_str().unwrap()])
        .status
        .success());
    assert_eq!(mode(&out), 0o640);
}

#[test]
fn members_tells_treaty_parties_from_members_by_date() {
    let json = |date: &str| -> Vec<serde_json::Value> {
        let o = run(&["members", "--as-of", date, "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let early = json("1995-01-01");
    assert!(!early.is_empty());
    assert!(
        early.iter().all(|s| s["state"] == "treaty_party"),
        "{early:?}"
    );
    assert!(early.iter().any(|s| s["id"] == "azerbaijan"));
    let later = json("2004-01-01");
    assert!(later.iter().all(|s| s["state"] == "member"), "{later:?}");
    assert!(
        !later.iter().any(|s| s["id"] == "azerbaijan"),
        "a state that left is not listed"
    );
    for s in &later {
        for key in ["id", "name", "state"] {
            assert!(s.get(key).is_some(), "{key} missing");
        }
    }
    // By default: the edition, where Armenia's participation is frozen.
    let now: Vec<serde_json::Value> =
        serde_json::from_slice(&run(&["members", "--json"]).stdout).unwrap();
    assert!(now
        .iter()
        .any(|s| s["id"] == "armenia" && s["state"] == "frozen"));
    let text = stdout(&run(&["members", "--as-of", "1995-01-01"]));
    assert!(text.starts_with("Treaty parties on 1995-01-01:"), "{text}");
}

#[test]
fn a_narrow_export_shows_its_whole_caption() {
    let dir = temp_dir();
    let out = dir.path().join("one.svg");
    let o = run(&[
        "export",
        "--out",
        out.to_str().unwrap(),
        "--focus",
        "cmd",
        "--depth",
        "0",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let width: f32 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    // Every line of the title block and the source line, with its own font size.
    let lines: Vec<(&str, f32)> = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|w| w == "caption"))
        })
        .filter_map(|n| Some((n.text()?, n.attribute("font-size")?.parse().ok()?)))
        .collect();
    assert!(lines.len() >= 4, "title, what is shown, source: {lines:?}");
    let metrics = csto_atlas::layout::TextMetrics::get();
    for (line, size) in &lines {
        let x: f32 = 24.0;
        assert!(
            x + metrics.width(line, *size) <= width - 24.0 + 0.5,
            "{line:?} runs past the picture's margin ({width} px)"
        );
    }
    let caption = lines.iter().map(|(l, _)| *l).collect::<Vec<_>>().join(" ");
    assert!(
        caption.contains("Collective Security Treaty Organization"),
        "{caption}"
    );
    assert!(
        caption.contains("Council of Ministers of Defence as of 3 December 2025"),
        "what is shown, in words: {caption}"
    );
    assert!(
        caption.contains(
            "Source: CSTO Atlas, edition 3 December 2025, sources checked to 5 December 2025."
        ),
        "{caption}"
    );
    assert!(
        caption.contains("Charter of the CSTO"),
        "the atlas's credit: {caption}"
    );
}

#[test]
fn control_characters_in_a_name_are_refused_and_never_reach_the_terminal() {
    let dir = temp_dir();
    let path = dir.path().join("hostile.ron");
    // The short name holds a NUL and an ANSI escape, written as RON escapes.
    let atlas = r#"Atlas(
    meta: Meta(title: "Hostile", short: "H", edition: "2020-01-01"),
    sources: [Source(id: "s1", title: "A source", kind: official_text)],
    bodies: [
        Body(id: "apex", name: "Apex", short: "\u{0}\u{1b}[31m", kind: "statutory",
            mandate: Some(Claim(text: "Leads.\nOn two lines.", sources: ["s1"])),
            composition: Some(Claim(text: "Heads.", sources: ["s1"])),
            sources: ["s1"]),
    ],
)"#;
    std::fs::write(&path, atlas).unwrap();
    let p = path.to_str().unwrap();
    let o = run(&["check", p]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(
            r#"bodies[0] "apex".short: contains \u{0}: names may not hold control characters"#
        ),
        "{err}"
    );
    for out in [&o.stdout, &o.stderr] {
        assert!(
            !out.contains(&0x1b) && !out.contains(&0),
            "a raw control character was printed"
        );
    }
    // Every subcommand that reads it fails the same way, escaped.
    for args in [
        vec!["list", "--atlas", p],
        vec!["show", "apex", "--atlas", p],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1));
        assert!(!o.stderr.contains(&0x1b) && !o.stderr.contains(&0));
    }
    // A line break in prose is fine.
    let fine = atlas.replace(r#"short: "\u{0}\u{1b}[31m""#, r#"short: "A""#);
    std::fs::write(&path, fine).unwrap();
    assert!(run(&["check", p]).status.success());
}

#[test]
fn terminal_output_escapes_what_a_terminal_would_obey() {
    // Prose may hold a tab; an escape in a document's title (not a name) still never reaches
    // the terminal raw, in plain text or JSON.
    let dir = temp_dir();
    let path = dir.path().join("odd.ron");
    let atlas = r#"Atlas(
    meta: Meta(title: "Odd", short: "O", edition: "2020-01-01"),
    sources: [Source(id: "s1", title: "A source", kind: official_text)],
    documents: [Document(id: "statute", title: "Statute \u{1b}[2J", short: "St\u{85}", signed: "2000-01-01",
        articles: [Article(number: "1", topic: "Bodies", paraphrase: "Sets up bodies.")])],
    bodies: [
        Body(id: "apex", name: "Apex", short: "A", kind: "statutory",
            mandate: Some(Claim(text: "Leads.", sources: ["s1"])),
            composition: Some(Claim(text: "Heads.", sources: ["s1"])),
            articles: [ArticleRef(document: "statute", article: "1")],
            sources: ["s1"]),
    ],
)"#;
    std::fs::write(&path, atlas).unwrap();
    let p = path.to_str().unwrap();
    for args in [
        vec!["show", "apex", "--atlas", p],
        vec!["show", "apex", "--atlas", p, "--json"],
    ] {
        let o = run(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{85}'), "{out}");
        if args.contains(&"--json") {
            let v: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
            assert_eq!(v["articles"][0]["document_title"], "St\u{85}");
        } else {
            assert!(out.contains(r"St\u{85}"), "{out}");
        }
    }
}

#[test]
fn a_name_in_a_script_the_fonts_lack_is_a_warning_and_shows_a_replacement() {
    let dir = temp_dir();
    let path = dir.path().join("script.ron");
    let atlas = r#"Atlas(
    meta: Meta(title: "Scripts", short: "S", edition: "2020-01-01"),
    sources: [Source(id: "s1", title: "A source", kind: official_text)],
    bodies: [
        Body(id: "apex", name: "مجلس Совет", short: "A", kind: "statutory",
            mandate: Some(Claim(text: "Leads.", sources: ["s1"])),
            composition: Some(Claim(text: "Heads.", sources: ["s1"])),
            sources: ["s1"]),
    ],
)"#;
    std::fs::write(&path, atlas).unwrap();
    let p = path.to_str().unwrap();
    let o = run(&["check", p]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(r#"warning: bodies[0] "apex".name: no embedded font has \u{645}"#),
        "{out}"
    );
    // Cyrillic is covered: no warning for it.
    assert!(!out.contains(r"\u{421}"), "{out}");
    let svg = dir.path().join("s.svg");
    assert!(
        run(&["export", "--atlas", p, "--out", svg.to_str().unwrap()])
            .status
            .success()
    );
    let text = std::fs::read_to_string(svg).unwrap();
    assert!(
        text.contains("???? Совет"),
        "the picture shows a replacement and keeps the Cyrillic"
    );
}

#[test]
fn names_in_russian_on_the_chart_with_the_english_one_marked_where_missing() {
    let dir = temp_dir();
    let out = dir.path().join("ru.svg");
    let o = run(&["export", "--out", out.to_str().unwrap(), "--lang", "ru"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(out).unwrap();
    for text in ["коллективной", "СКБ", "Уставный орган"] {
        assert!(svg.contains(text), "{text} missing");
    }
    // Every CSTO body has a Russian name now; a body without one shows the English one, marked.
    assert!(!svg.contains("[en]"));
    let small = dir.path().join("two.ron");
    std::fs::write(
        &small,
        r#"Atlas(meta: Meta(title: "T", short: "T", description: "d"), bodies: [
            Body(id: "a", name: "Alpha Council", short: "AC", kind: "statutory",
                 names: {"ru": Name(name: "Совет Альфа")}),
            Body(id: "b", name: "Beta Office", short: "BO", kind: "statutory", parent: Some("a")),
        ])"#,
    )
    .unwrap();
    let two = dir.path().join("two.svg");
    let o = run(&[
        "export",
        "--atlas",
        small.to_str().unwrap(),
        "--out",
        two.to_str().unwrap(),
        "--lang",
        "ru",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(two).unwrap();
    assert!(svg.contains("Совет Альфа") && svg.contains("[en]"), "{svg}");
    // Search finds a body by its Russian name or short name.
    let hits: Vec<serde_json::Value> =
        serde_json::from_slice(&run(&["search", "МКВЭС", "--json"]).stdout).unwrap();
    assert_eq!(hits.first().map(|h| h["id"].clone()), Some("icmec".into()));
    // A bad language code is a problem with its path.
    let bad = temp_dir();
    let path = bad.path().join("lang.ron");
    std::fs::write(
        &path,
        r#"Atlas(
    meta: Meta(title: "L", short: "L", edition: "2020-01-01"),
    sources: [Source(id: "s1", title: "A source", kind: official_text)],
    bodies: [Body(id: "apex", name: "Apex", short: "A", kind: "statutory",
        names: {"RUS!": Name(name: "Вершина", sources: ["s1"])},
        mandate: Some(Claim(text: "Leads.", sources: ["s1"])),
        composition: Some(Claim(text: "Heads.", sources: ["s1"])),
        sources: ["s1"])],
)"#,
    )
    .unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(r#"bodies[0] "apex".names["RUS!"]: a language code"#),
        "{}",
        stderr(&o)
    );
}

#[test]
fn undated_bodies_at_a_date_are_ghosts_or_hidden_and_the_data_says_so() {
    let dir = temp_dir();
    let json = dir.path().join("x.json");
    let svg = dir.path().join("x.svg");
    let body = |chart: &serde_json::Value, id: &str| {
        chart["bodies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == id)
            .cloned()
    };
    let read = |p: &Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let at = ["--as-of", "2004-01-01"];
    assert!(
        run(&[&["export", "--out", json.to_str().unwrap()][..], &at].concat())
            .status
            .success()
    );
    let wg = body(&read(&json), "wg-information-security").expect("drawn");
    assert_eq!(
        (wg["undated"].as_bool(), wg["ghost"].as_bool()),
        (Some(true), Some(true))
    );
    // The Secretary General's office had a holder then: it surely existed, no ghost.
    let sg = body(&read(&json), "secretary-general").expect("drawn");
    assert_eq!(sg["ghost"], false);
    assert!(
        run(&[&["export", "--out", svg.to_str().unwrap()][..], &at].concat())
            .status
            .success()
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains(r#"ghost" data-id="wg-information-security""#),
        "the working group's box has the class ghost"
    );
    let hide = ["--undated", "hide"];
    let o = run(&[&["export", "--out", svg.to_str().unwrap()][..], &at, &hide].concat());
    assert!(o.status.success());
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(!text.contains(r#"data-id="wg-information-security""#));
    assert!(
        text.contains("bodies of unknown date hidden"),
        "the caption says so"
    );
    // With the date at the edition, nothing is ghosted.
    assert!(run(&["export", "--out", json.to_str().unwrap()])
        .status
        .success());
    assert!(read(&json)["bodies"]
        .as_array()
        .unwrap()
        .iter()
        .all(|b| b["ghost"] == false));
    // Compare: a body of unknown date under a new one is "new", date unknown.
    let o = run(&[
        "export",
        "--compare",
        "2003-01-01",
        "--out",
        json.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let chart = read(&json);
    assert_eq!(
        body(&chart, "wg-information-security").unwrap()["new"],
        "undated"
    );
    assert_eq!(body(&chart, "cmd").unwrap()["new"], true);
    assert!(body(&chart, "csc").unwrap().get("new").is_none());
}

#[test]
fn help_names_every_export_format() {
    let o = run(&["--help"]);
    let help = String::from_utf8_lossy(&o.stdout);
    for ext in csto_atlas::export::Format::ALL {
        assert!(
            help.contains(&format!(".{}", ext.extension())),
            "--help leaves out .{}",
            ext.extension()
        );
    }
}

/// `--timings` says how many relation lines were routed and how many found no way around the
/// boxes, so a slow or crossing picture can be told from a good one.
#[test]
fn timings_count_the_routed_lines() {
    let dir = temp_dir();
    let out = dir.path().join("all.svg");
    let o = run(&[
        "export",
        "--out",
        out.to_str().unwrap(),
        "--relations",
        "all",
        "--timings",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let line = err.lines().find(|l| l.starts_with("timings:")).unwrap();
    assert!(
        line.contains(" relation lines routed, 0 of them plainly"),
        "{line}"
    );
    let n: usize = line
        .split("; ")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .and_then(|t| t.parse().ok())
        .unwrap();
    assert!(n >= 8, "{line}");
    let o = run(&["export", "--out", out.to_str().unwrap(), "--timings"]);
    assert!(
        stderr(&o).contains("; 0 relation lines routed"),
        "{}",
        stderr(&o)
    );
}
