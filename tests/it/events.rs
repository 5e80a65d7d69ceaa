//! Events on the timeline and signatories before the Treaty was in force: the data, `events`,
//! `changes`, `members`, `show`, the JSON export and `check`.

use crate::common::{run, text};

/// A small atlas with two events, a signatory period and a body the events concern.
const ATLAS: &str = r#"Atlas(
    meta: Meta(title: "Test Pact", short: "TP", edition: "2020-01-01", description: "A test."),
    sources: [
        Source(id: "s1", title: "Founding decision", url: Some("https://example.org/1"), kind: official_text),
    ],
    bodies: [
        Body(id: "council", name: "Council", short: "C", kind: "statutory", sources: ["s1"],
             established: Some(Established(date: Some("1995-01-01"), status: verified, sources: ["s1"]))),
        Body(id: "staff", name: "Staff", short: "S", kind: "permanent_working", parent: Some("council"),
             sources: ["s1"]),
    ],
    members: [
        Member(id: "alpha", name: "Alpha", periods: [
            Period(from: "1992-05-15", to: Some("1994-04-20"), state: signatory, status: verified, sources: ["s1"]),
            Period(from: "1994-04-20", state: treaty_party, status: verified, sources: ["s1"]),
        ]),
    ],
    events: [
        Event(date: "2010-06-14", title: "Forces agreed", summary: "The council agreed on forces.",
              bodies: ["council", "staff"], status: verified, sources: ["s1"]),
        Event(date: "1992-05-15", title: "Treaty signed", summary: "Signed in the capital.",
              members: ["alpha"], status: verified, sources: ["s1"]),
    ],
)"#;

fn atlas_file(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("pact.ron");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    let o = run(args);
    assert!(o.status.success(), "{}", text(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn events_are_listed_by_date_filtered_by_body_and_period() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = atlas_file(&dir, ATLAS);
    let all = json(&["events", "--atlas", &atlas, "--json"]);
    let titles: Vec<&str> = (all.as_array().unwrap().iter())
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Treaty signed", "Forces agreed"],
        "by date, not file order"
    );
    let staff = json(&["events", "--atlas", &atlas, "--body", "staff", "--json"]);
    assert_eq!(staff.as_array().unwrap().len(), 1);
    assert_eq!(staff[0]["sources"][0], "s1");
    let none = json(&[
        "events",
        "--atlas",
        &atlas,
        "--from",
        "2010-06-14",
        "--json",
    ]);
    assert_eq!(none.as_array().unwrap().len(), 0, "--from is exclusive");
    // `changes` lists the events of the period; `show` a body's events, dated, with sources.
    let changes = json(&[
        "changes",
        "--atlas",
        &atlas,
        "--from",
        "2000-01-01",
        "--to",
        "2020-01-01",
        "--json",
    ]);
    assert_eq!(changes["events"][0]["title"], "Forces agreed");
    let show = text(&run(&["show", "staff", "--atlas", &atlas]).stdout);
    assert!(
        show.contains("\nEvents\n  14 June 2010: Forces agreed [verified] [1]\n    The council agreed on forces."),
        "{show}"
    );
    let earlier = text(&run(&["show", "staff", "--atlas", &atlas, "--as-of", "2005-01-01"]).stdout);
    assert!(
        earlier.contains("\nEvents after 2005-01-01\n  14 June 2010: Forces agreed"),
        "{earlier}"
    );
    // The JSON export carries the events up to the view's date.
    let out = dir.path().join("chart.json");
    let o = run(&[
        "export",
        "--atlas",
        &atlas,
        "--as-of",
        "2005-01-01",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let chart: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let titles: Vec<&str> = (chart["events"].as_array().unwrap().iter())
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Treaty signed"]);
}

#[test]
fn a_signatory_is_not_yet_a_party() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = atlas_file(&dir, ATLAS);
    let before = json(&[
        "members",
        "--atlas",
        &atlas,
        "--as-of",
        "1993-06-01",
        "--json",
    ]);
    assert_eq!(before[0]["state"], "signatory");
    let after = json(&[
        "members",
        "--atlas",
        &atlas,
        "--as-of",
        "1995-01-01",
        "--json",
    ]);
    assert_eq!(after[0]["state"], "treaty_party");
    let words = text(&run(&["members", "--atlas", &atlas, "--as-of", "1993-06-01"]).stdout);
    assert!(
        words.starts_with("Signatories of the Treaty on 1993-06-01:"),
        "{words}"
    );
    let changes = text(
        &run(&[
            "changes",
            "--atlas",
            &atlas,
            "--from",
            "1993-01-01",
            "--to",
            "1995-01-01",
        ])
        .stdout,
    );
    assert!(
        changes.contains(
            "Alpha became a party to the Treaty in force (signatory → party to the Treaty)"
        ),
        "{changes}"
    );
}

#[test]
fn check_refuses_an_event_with_a_bad_date_an_unknown_body_or_no_source() {
    let dir = tempfile::tempdir().unwrap();
    let bad = ATLAS
        .replace("date: \"2010-06-14\"", "date: \"2010-14-06\"")
        .replace("bodies: [\"council\", \"staff\"]", "bodies: [\"councel\"]")
        .replace(
            "members: [\"alpha\"], status: verified, sources: [\"s1\"]",
            "members: [\"alpha\"], status: verified, sources: []",
        );
    let atlas = atlas_file(&dir, &bad);
    let o = run(&["check", &atlas]);
    assert!(!o.status.success());
    let out = format!("{}{}", text(&o.stdout), text(&o.stderr));
    for expected in [
        "events[0] \"Forces agreed\".date: malformed date \"2010-14-06\"",
        "events[0] \"Forces agreed\".bodies: body \"councel\" does not exist",
        "events[1] \"Treaty signed\".sources: an event needs a source",
    ] {
        assert!(out.contains(expected), "{expected:?} not in:\n{out}");
    }
}

#[test]
fn the_readmes_example_atlas_passes_check() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let example = readme
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("an example atlas in the README");
    assert!(example.contains("events: ["), "the example shows events");
    let dir = tempfile::tempdir().unwrap();
    let atlas = atlas_file(&dir, example);
    let o = run(&["check", &atlas]);
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
}

#[test]
fn the_csto_atlas_has_its_events_forces_and_signatories() {
    let events = json(&["events", "--json"]);
    let events = events.as_array().unwrap();
    assert!(events.len() >= 25, "{} events", events.len());
    for e in events {
        assert!(!e["sources"].as_array().unwrap().is_empty(), "{e}");
    }
    let js = json(&["events", "--body", "joint-staff", "--json"]);
    assert!(
        js.as_array().unwrap().iter().any(|e| e["date"]
            .as_str()
            .is_some_and(|d| d.starts_with("2022-01"))
            && e["title"]
                .as_str()
                .is_some_and(|t| t.contains("Kazakhstan"))),
        "{js}"
    );
    let bodies = json(&["list", "--json"]);
    let forces: Vec<&serde_json::Value> = (bodies.as_array().unwrap().iter())
        .filter(|b| b["kind"] == "collective_forces")
        .collect();
    assert!(forces.len() >= 3, "{forces:?}");
    for f in &forces {
        assert!(f["established"].is_string(), "{f}");
    }
    let signatories = json(&["members", "--as-of", "1993-06-01", "--json"]);
    let russia = (signatories.as_array().unwrap().iter())
        .find(|m| m["id"] == "russia")
        .unwrap();
    assert_eq!(russia["state"], "signatory");
    let parties = json(&["members", "--as-of", "1995-01-01", "--json"]);
    assert!(parties
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["state"] == "treaty_party"));
    for id in ["permanent-council", "secretary-general"] {
        let v = json(&["show", id, "--json"]);
        assert!(v["names"]["ru"]["name"].is_string(), "{id}: {}", v["names"]);
    }
}
