//! The checks of the atlas's sources and events: records that bodies and claims point to.

use std::collections::HashSet;

use super::{is_partial_date, Checker, Problem};
use crate::model::Atlas;

/// Ids, titles and prose, dates, and addresses that are addresses.
pub(super) fn sources<'a>(c: &mut Checker<'a>, atlas: &'a Atlas) {
    for (i, s) in atlas.sources.iter().enumerate() {
        c.name_text(&format!("sources[{i}].id"), &s.id);
        c.name_text(&format!("sources[{i}].title"), &s.title);
        if s.id.trim().is_empty() {
            c.push(format!("sources[{i}]"), "empty id");
        } else if !c.sources.insert(&s.id) {
            c.push(format!("sources[{i}] {:?}", s.id), "duplicate id");
        }
        let at = format!("sources[{i}] {:?}", s.id);
        for (field, text) in [("publisher", &s.publisher), ("locator", &s.locator)] {
            if let Some(text) = text {
                c.name_text(&format!("{at}.{field}"), text);
            }
        }
        if let Some(note) = &s.note {
            c.prose(&format!("{at}.note"), note);
        }
        for (field, date) in [("date", &s.date), ("accessed", &s.accessed)] {
            match date {
                Some(d) if !is_partial_date(d) => c.push(
                    format!("{at}.{field}"),
                    format!("malformed date {d:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"),
                ),
                _ => {}
            }
        }
        if let Some(url) = &s.url {
            c.name_text(&format!("{at}.url"), url);
            if s.link().is_none() {
                c.unfollowable.push(Problem {
                    at: format!("{at}.url"),
                    message: format!(
                        "{url:?} is not a web address (http:// or https://): \
                         put a reference without one in `locator`"
                    ),
                });
            }
        }
    }
}

/// Dates, titles, the bodies and member states named, and sources.
pub(super) fn events(c: &mut Checker<'_>, atlas: &Atlas, members: &HashSet<&String>) {
    for (i, e) in atlas.events.iter().enumerate() {
        let at = format!("events[{i}] {:?}", e.title);
        c.date(&format!("{at}.date"), &e.date);
        c.name_text(&format!("{at}.title"), &e.title);
        if e.title.trim().is_empty() {
            c.push(&at, "empty title");
        }
        c.prose(&format!("{at}.summary"), &e.summary);
        if let Some(note) = &e.note {
            c.prose(&format!("{at}.note"), note);
        }
        for id in &e.bodies {
            if !c.bodies.contains_key(id.as_str()) {
                c.push(
                    format!("{at}.bodies"),
                    format!("body {id:?} does not exist"),
                );
            }
        }
        for id in &e.members {
            if !members.contains(id) {
                c.push(
                    format!("{at}.members"),
                    format!("member {id:?} does not exist"),
                );
            }
        }
        if e.sources.is_empty() {
            c.push(format!("{at}.sources"), "an event needs a source");
        }
        c.source_ids(&format!("{at}.sources"), &e.sources);
        c.verified_needs_a_source(&at, e.status, &e.sources);
    }
}
