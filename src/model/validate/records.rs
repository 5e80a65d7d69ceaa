//! The checks of the atlas's sources and events: records that bodies and claims point to.

use std::collections::{HashMap, HashSet};

use super::{is_id, is_partial_date, undeclared, Checker, Problem};
use crate::model::date::Date;
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

/// Every document's article numbers, by its id.
pub(super) type Documents<'a> = HashMap<&'a str, HashSet<&'a str>>;

/// Ids, dates and sources of the documents, and their articles' numbers and paraphrases.
pub(super) fn documents<'a>(c: &mut Checker<'a>, atlas: &'a Atlas) -> Documents<'a> {
    let mut documents: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (i, d) in atlas.documents.iter().enumerate() {
        let at = format!("documents[{i}] {:?}", d.id);
        if !is_id(&d.id) {
            c.push(&at, "id must be lowercase letters, digits and hyphens");
        }
        c.date(&format!("{at}.signed"), &d.signed);
        if let Some(date) = &d.in_force {
            c.date(&format!("{at}.in_force"), date);
        }
        c.source_ids(&format!("{at}.sources"), &d.sources);
        let mut numbers = HashSet::new();
        for (j, a) in d.articles.iter().enumerate() {
            let at = format!("{at}.articles[{j}] {:?}", a.number);
            if !numbers.insert(a.number.as_str()) {
                c.push(&at, "duplicate article number");
            }
            if a.paraphrase.trim().is_empty() {
                c.push(&at, "empty paraphrase");
            }
            c.source_ids(&format!("{at}.sources"), &a.sources);
        }
        if documents.insert(&d.id, numbers).is_some() {
            c.push(&at, "duplicate id");
        }
    }
    documents
}

/// Kinds that exist, ends that exist and differ, and sources.
pub(super) fn relations(c: &mut Checker, atlas: &Atlas) {
    let kinds = crate::model::Kinds::of(atlas);
    for (i, r) in atlas.relations.iter().enumerate() {
        let at = format!("relations[{i}] {} {} {}", r.from, r.kind, r.to);
        if kinds.relation_kind(&r.kind).is_none() {
            let valid = (kinds.relation_kinds())
                .map(|k| kinds.relation(k).id.as_str())
                .collect();
            let declared = !atlas.relation_kinds.is_empty();
            let message = undeclared("relation_kinds", &r.kind, valid, declared);
            c.push(format!("{at}.kind"), message);
        }
        for end in [&r.from, &r.to] {
            if !c.bodies.contains_key(end.as_str()) {
                c.push(&at, format!("body {end:?} does not exist"));
            }
        }
        if r.from == r.to {
            c.push(&at, "a relation needs two different bodies");
        }
        c.source_ids(&format!("{at}.sources"), &r.sources);
        c.verified_can_be_followed(&at, r.status, &r.sources);
    }
}

/// Unique ids, notes, and periods that end after they start; returns the ids.
pub(super) fn members<'a>(c: &mut Checker<'a>, atlas: &'a Atlas) -> HashSet<&'a String> {
    let mut members = HashSet::new();
    for (i, m) in atlas.members.iter().enumerate() {
        let at = format!("members[{i}] {:?}", m.id);
        if !members.insert(&m.id) {
            c.push(&at, "duplicate id");
        }
        c.source_ids(&format!("{at}.sources"), &m.sources);
        for (j, n) in m.notes.iter().enumerate() {
            c.claim(&format!("{at}.notes[{j}]"), n);
        }
        for (j, p) in m.periods.iter().enumerate() {
            let at = format!("{at}.periods[{j}]");
            c.date(&format!("{at}.from"), &p.from);
            if let Some(to) = &p.to {
                c.date(&format!("{at}.to"), to);
                if Date::parse(to).is_some() && to <= &p.from {
                    c.push(&at, format!("ends ({to}) before it starts ({})", p.from));
                }
            }
            c.source_ids(&format!("{at}.sources"), &p.sources);
        }
    }
    members
}

/// What each dispute is about exists, and it has two claims at least.
pub(super) fn disputes(c: &mut Checker, atlas: &Atlas, documents: &Documents) {
    for (i, d) in atlas.disputes.iter().enumerate() {
        let at = format!("disputes[{i}] {:?}", d.id);
        for about in &d.about {
            if !c.bodies.contains_key(about.as_str()) && !documents.contains_key(about.as_str()) {
                c.push(&at, format!("{about:?} is neither a body nor a document"));
            }
        }
        for id in d.uncertain.iter().flatten() {
            if !d.about.contains(id) {
                c.push(
                    format!("{at}.uncertain"),
                    format!("{id:?} is not among the bodies the dispute is about"),
                );
            }
        }
        if d.claims.len() < 2 {
            c.push(&at, "a dispute needs at least two claims");
        }
        for (j, claim) in d.claims.iter().enumerate() {
            c.claim(&format!("{at}.claims[{j}]"), claim);
        }
    }
}
