//! What changed between two dates, in the library and through `csto-atlas changes`.

use std::process::{Command, Output};

use csto_atlas::history::{self, MemberChange};
use csto_atlas::model::{self, Date, MemberState, Model};

fn csto() -> Model {
    model::load_embedded().unwrap()
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn body_ids(m: &Model, from: &str, to: &str) -> Vec<String> {
    history::changes(m, date(from), date(to))
        .bodies
        .iter()
        .map(|&i| m.body(i).id.clone())
        .collect()
}

fn member_changes(m: &Model, from: &str, to: &str) -> Vec<(String, MemberChange)> {
    history::changes(m, date(from), date(to))
        .members
        .into_iter()
        .map(|c| (m.atlas.members[c.member].id.clone(), c))
        .collect()
}

#[test]
fn bodies_founded_in_the_span_and_only_those() {
    let m = csto();
    let ids = body_ids(&m, "2000-01-01", "2010-01-01");
    // The Charter's bodies (2003-04-28), ICMEC and the anti-drug council (2005-06-23), the
    // Parliamentary Assembly (2006-11-16), the migration council (2007-10-06).
    for id in [
        "permanent-council",
        "cmd",
        "joint-staff",
        "icmec",
        "ccbcd",
        "parliamentary-assembly",
        "cc-illegal-migration",
    ] {
        assert!(ids.contains(&id.to_owned()), "{id} missing from {ids:?}");
    }
    // The CSC (1992) is older; the Military Committee (2012) is younger.
    for id in ["csc", "military-committee", "narcologists"] {
        assert!(!ids.contains(&id.to_owned()), "{id} in {ids:?}");
    }
    // In date order.
    let dates: Vec<Date> = history::changes(&m, date("2000-01-01"), date("2010-01-01"))
        .bodies
        .iter()
        .map(|&i| csto_atlas::view::established(&m, i).unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

#[test]
fn the_span_excludes_its_first_day_and_includes_its_last() {
    let m = csto();
    // The Military Committee was set up on 2012-12-19.
    assert_eq!(
        body_ids(&m, "2012-12-18", "2012-12-19"),
        ["military-committee"]
    );
    assert!(body_ids(&m, "2012-12-19", "2013-01-01").is_empty());
    assert!(history::changes(&m, date("2012-12-19"), date("2012-12-19")) == Default::default());
}

#[test]
fn uzbekistan_leaves_returns_and_is_suspended() {
    let m = csto();
    let uzbekistan = |from: &str, to: &str| {
        member_changes(&m, from, to)
            .into_iter()
            .find(|(id, _)| id == "uzbekistan")
            .map(|(_, c)| (c.before, c.after))
    };
    // A party to the Treaty from 1992 (there was no Organization yet); out on 1999-04-20;
    // a member from 2006-08-16; suspended on 2012-12-19.
    assert_eq!(
        uzbekistan("1995-01-01", "2000-01-01"),
        Some((Some(MemberState::TreatyParty), None))
    );
    assert_eq!(
        uzbekistan("2000-01-01", "2010-01-01"),
        Some((None, Some(MemberState::Member)))
    );
    assert_eq!(
        uzbekistan("2010-01-01", "2013-01-01"),
        Some((Some(MemberState::Member), Some(MemberState::Suspended)))
    );
    // Only the two dates are compared: it left and came back in between, and reads as a Treaty
    // party that is now a member of the Organization.
    assert_eq!(
        uzbekistan("1998-01-01", "2010-01-01"),
        Some((Some(MemberState::TreatyParty), Some(MemberState::Member)))
    );
    // No change at all between two dates of membership.
    assert_eq!(uzbekistan("2007-01-01", "2012-01-01"), None);
    // Azerbaijan and Georgia left in 1999 too; Armenia froze its participation in 2024.
    let left: Vec<String> = member_changes(&m, "1995-01-01", "2000-01-01")
        .into_iter()
        .filter(|(_, c)| c.after.is_none())
        .map(|(id, _)| id)
        .collect();
    assert_eq!(left, ["uzbekistan", "azerbaijan", "georgia"]);
    let armenia = member_changes(&m, "2020-01-01", "2025-01-01");
    assert_eq!(armenia.len(), 1, "{armenia:?}");
    assert_eq!(armenia[0].0, "armenia");
    assert_eq!(armenia[0].1.after, Some(MemberState::Frozen));
    assert_eq!(armenia[0].1.verb(), "froze its participation");
}

#[test]
fn reversed_dates_are_taken_in_order() {
    let m = csto();
    assert_eq!(
        history::changes(&m, date("2010-01-01"), date("2000-01-01")),
        history::changes(&m, date("2000-01-01"), date("2010-01-01"))
    );
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csto-atlas"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_prints_the_documented_json() {
    let o = run(&[
        "changes",
        "--from",
        "2000-01-01",
        "--to",
        "2010-01-01",
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["bodies", "events", "from", "members", "to"]);
    assert_eq!(v["from"], "2000-01-01");
    assert_eq!(v["to"], "2010-01-01");
    let bodies = v["bodies"].as_array().unwrap();
    let pa = bodies
        .iter()
        .find(|b| b["id"] == "parliamentary-assembly")
        .unwrap();
    assert_eq!(pa["name"], "Parliamentary Assembly");
    assert_eq!(pa["established"], "2006-11-16");
    assert!(bodies.iter().all(|b| b.as_object().unwrap().len() == 3));
    let members = v["members"].as_array().unwrap();
    // The six Treaty parties became members of the Organization (2003); Uzbekistan came back.
    assert_eq!(members.len(), 7, "{members:?}");
    let uz = members.iter().find(|s| s["id"] == "uzbekistan").unwrap();
    assert_eq!(uz["name"], "Uzbekistan");
    assert!(uz["before"].is_null());
    assert_eq!(uz["after"], "member");
    let am = members.iter().find(|s| s["id"] == "armenia").unwrap();
    assert_eq!(am["before"], "treaty_party");
    assert_eq!(am["after"], "member");

    let o = run(&[
        "changes",
        "--from",
        "2010-01-01",
        "--to",
        "2013-01-01",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["members"][0]["before"], "member");
    assert_eq!(v["members"][0]["after"], "suspended");
}

#[test]
fn the_command_prints_a_summary_and_rejects_bad_dates() {
    let o = run(&["changes", "--from", "2000-01-01", "--to", "2010-01-01"]);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("2006-11-16"), "{text}");
    assert!(text.contains("Parliamentary Assembly"), "{text}");
    assert!(text.contains("Uzbekistan joined"), "{text}");

    let o = run(&["changes", "--from", "2000-13-01", "--to", "2010-01-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a date"));
    let o = run(&["changes", "--from", "2010-01-01", "--to", "2000-01-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is after"));
    assert_eq!(
        run(&["changes", "--from", "2000-01-01"]).status.code(),
        Some(2)
    );
}
