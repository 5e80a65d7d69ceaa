//! `changes --from D1 --to D2`: bodies established in between and member states whose state
//! changed, as a summary or JSON.

use std::path::Path;

use csto_atlas::history::{self, Changes};
use csto_atlas::model::{self, Date, Model};

use super::{print, print_json};

pub fn run(from: Date, to: Date, atlas: Option<&Path>, json: bool) -> Result<(), String> {
    let m = super::load(atlas).map_err(|e| e.to_string())?;
    let changes = history::changes(&m, from, to);
    if json {
        return print_json(&to_json(&m, from, to, &changes));
    }
    print(&summary(&m, from, to, &changes))
}

fn established(m: &Model, i: model::BodyIdx) -> Option<&str> {
    m.body(i).established.as_ref()?.date.as_deref()
}

fn to_json(m: &Model, from: Date, to: Date, changes: &Changes) -> serde_json::Value {
    let bodies: Vec<serde_json::Value> = changes
        .bodies
        .iter()
        .map(|&i| {
            let b = m.body(i);
            serde_json::json!({"id": b.id, "name": b.name, "established": established(m, i)})
        })
        .collect();
    let members: Vec<serde_json::Value> = changes
        .members
        .iter()
        .map(|c| {
            let s = &m.atlas.members[c.member];
            serde_json::json!({"id": s.id, "name": s.name, "before": c.before, "after": c.after})
        })
        .collect();
    let events: Vec<&model::Event> = changes.events.iter().map(|&i| &m.atlas.events[i]).collect();
    serde_json::json!({
        "from": from.to_string(),
        "to": to.to_string(),
        "bodies": bodies,
        "members": members,
        "events": events,
    })
}

fn summary(m: &Model, from: Date, to: Date, changes: &Changes) -> String {
    let mut text = format!("From {from} to {to}:\n");
    match changes.bodies.len() {
        0 => text.push_str("no body established\n"),
        1 => text.push_str("1 body established:\n"),
        n => text.push_str(&format!("{n} bodies established:\n")),
    }
    let width = changes
        .bodies
        .iter()
        .map(|&i| m.body(i).id.len())
        .max()
        .unwrap_or(0);
    for &i in &changes.bodies {
        let b = m.body(i);
        text.push_str(&format!(
            "  {}  {:width$}  {}\n",
            established(m, i).unwrap_or("?"),
            b.id,
            b.name
        ));
    }
    match changes.members.len() {
        0 => text.push_str("no member state changed\n"),
        1 => text.push_str("1 member state changed:\n"),
        n => text.push_str(&format!("{n} member states changed:\n")),
    }
    let state = |s: Option<model::MemberState>| s.map_or("not a member", |s| s.label());
    for c in &changes.members {
        text.push_str(&format!(
            "  {} {} ({} → {})\n",
            m.atlas.members[c.member].name,
            c.verb(),
            state(c.before),
            state(c.after)
        ));
    }
    match changes.events.len() {
        0 => text.push_str("no event\n"),
        1 => text.push_str("1 event:\n"),
        n => text.push_str(&format!("{n} events:\n")),
    }
    for &i in &changes.events {
        let e = &m.atlas.events[i];
        text.push_str(&format!("  {}  {}\n", e.date, e.title));
    }
    text
}
