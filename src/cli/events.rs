//! `events [--from D1] [--to D2] [--body ID]`: the atlas's dated events, as lines or JSON.

use std::fmt::Write as _;
use std::path::Path;

use csto_atlas::model::{Date, Event};

use super::{print, print_json};

/// Events after `from` and on or before `to` (either open), of body `body` when given, by date.
pub fn run(
    from: Option<Date>,
    to: Option<Date>,
    body: Option<&str>,
    atlas: Option<&Path>,
    json: bool,
) -> Result<(), String> {
    let m = super::load(atlas).map_err(|e| e.to_string())?;
    let body = match body {
        Some(id) => Some(m.body(m.lookup(id).map_err(|e| e.to_string())?).id.clone()),
        None => None,
    };
    let events: Vec<&Event> = m
        .events_between(from, to)
        .into_iter()
        .filter(|e| body.as_ref().is_none_or(|b| e.bodies.contains(b)))
        .collect();
    if json {
        return print_json(&events);
    }
    let mut text = String::new();
    if events.is_empty() {
        text.push_str("no event\n");
    }
    for e in events {
        let _ = writeln!(text, "{}  {} [{}]", e.date, e.title, e.status.label());
        if !e.summary.is_empty() {
            let _ = writeln!(text, "            {}", e.summary);
        }
        let concerns: Vec<&str> = e
            .bodies
            .iter()
            .chain(&e.members)
            .map(String::as_str)
            .collect();
        if !concerns.is_empty() {
            let _ = writeln!(text, "            concerns: {}", concerns.join(", "));
        }
    }
    print(&text)
}
