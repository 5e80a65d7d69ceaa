//! The checks of each body: its id, names, kind, parent, claims, dates, holders and articles.

use super::records::Documents;
use super::{is_id, undeclared, Checker, MAX_PROSE};
use crate::model::date::Date;
use crate::model::{Atlas, Body};

/// Unique ids first (a parent may come after its child), then each body.
pub(super) fn bodies<'a>(c: &mut Checker<'a>, atlas: &'a Atlas, documents: &Documents) {
    let kinds = crate::model::Kinds::of(atlas);
    for (i, b) in atlas.bodies.iter().enumerate() {
        if !is_id(&b.id) {
            c.push(
                format!("bodies[{i}] {:?}", b.id),
                "id must be lowercase letters, digits and hyphens",
            );
        }
        if c.bodies.insert(&b.id, i).is_some() {
            c.push(format!("bodies[{i}] {:?}", b.id), "duplicate id");
        }
    }
    for (i, b) in atlas.bodies.iter().enumerate() {
        body(c, atlas, &kinds, documents, i, b);
    }
}

fn body(
    c: &mut Checker,
    atlas: &Atlas,
    kinds: &crate::model::Kinds,
    documents: &Documents,
    i: usize,
    b: &Body,
) {
    let at = format!("bodies[{i}] {:?}", b.id);
    if b.name.trim().is_empty() {
        c.push(&at, "empty name");
    }
    c.name_text(&format!("{at}.id"), &b.id);
    c.name_text(&format!("{at}.name"), &b.name);
    c.name_text(&format!("{at}.short"), &b.short);
    for (j, alias) in b.aliases.iter().enumerate() {
        c.name_text(&format!("{at}.aliases[{j}]"), alias);
    }
    // A spreadsheet's other columns: no cell longer than any text may be.
    for (column, value) in &b.fields {
        if value.len() > MAX_PROSE {
            let n = value.chars().count();
            if n > MAX_PROSE {
                let message = format!(
                    "column {column:?}: {n} characters long: a cell may hold at most {MAX_PROSE}"
                );
                c.push(format!("{at}.fields"), message);
            }
        }
    }
    for (lang, n) in &b.names {
        let at = format!("{at}.names[{lang:?}]");
        if lang.len() < 2 || lang.len() > 3 || !lang.bytes().all(|c| c.is_ascii_lowercase()) {
            c.push(
                &at,
                "a language code is two or three lowercase letters (ru, fr, …)",
            );
        }
        c.name_text(&format!("{at}.name"), &n.name);
        if let Some(short) = &n.short {
            c.name_text(&format!("{at}.short"), short);
        }
        c.source_ids(&format!("{at}.sources"), &n.sources);
        c.verified_needs_a_source(&at, n.status, &n.sources);
    }
    if let Some(parent) = &b.parent {
        if !c.bodies.contains_key(parent.as_str()) {
            c.push(&at, format!("parent {parent:?} does not exist"));
        }
    }
    if kinds.body_kind(&b.kind).is_none() {
        let valid = (kinds.body_kinds())
            .map(|k| kinds.body(k).id.as_str())
            .collect();
        let message = undeclared("kinds", &b.kind, valid, !atlas.kinds.is_empty());
        c.push(format!("{at}.kind"), message);
    }
    for (field, claim) in [("mandate", &b.mandate), ("composition", &b.composition)] {
        if let Some(claim) = claim {
            c.claim(&format!("{at}.{field}"), claim);
        }
    }
    for (field, claim) in [("seat", &b.seat), ("chair", &b.chair)] {
        if let Some(claim) = claim {
            c.claim(&format!("{at}.{field}"), claim);
        }
    }
    for (j, n) in b.notes.iter().enumerate() {
        c.claim(&format!("{at}.notes[{j}]"), n);
    }
    c.source_ids(&format!("{at}.sources"), &b.sources);
    if let Some(e) = &b.established {
        if let Some(date) = &e.date {
            c.date(&format!("{at}.established.date"), date);
        }
        if let Some(date) = &e.not_before {
            c.date(&format!("{at}.established.not_before"), date);
        }
        c.source_ids(&format!("{at}.established.sources"), &e.sources);
        c.verified_can_be_followed(&format!("{at}.established"), e.status, &e.sources);
    }
    holders(c, &at, b);
    for (j, r) in b.articles.iter().enumerate() {
        let at = format!("{at}.articles[{j}]");
        match documents.get(r.document.as_str()) {
            None => c.push(&at, format!("document {:?} does not exist", r.document)),
            Some(numbers) if !numbers.contains(r.article.as_str()) => c.push(
                &at,
                format!("document {:?} has no article {:?}", r.document, r.article),
            ),
            Some(_) => {}
        }
        c.source_ids(&format!("{at}.sources"), &r.sources);
        c.verified_needs_a_source(&at, r.status, &r.sources);
    }
}

/// Office holders' dates read, and end after they begin.
fn holders(c: &mut Checker, at: &str, b: &Body) {
    for (j, h) in b.holders.iter().enumerate() {
        let at = format!("{at}.holders[{j}]");
        let from = Date::parse_loose(&h.from);
        let to = h.to.as_deref().map(Date::parse_loose);
        if from.is_none() {
            c.push(
                &at,
                format!(
                    "malformed date {:?}: expected YYYY, YYYY-MM or YYYY-MM-DD",
                    h.from
                ),
            );
        }
        if let Some(None) = to {
            c.push(
                &at,
                format!(
                    "malformed date {:?}: expected YYYY, YYYY-MM or YYYY-MM-DD",
                    h.to.as_deref().unwrap_or("")
                ),
            );
        }
        if let (Some(f), Some(Some(t))) = (from, to) {
            if t < f {
                c.push(&at, "ends before it begins");
            }
        }
        c.source_ids(&format!("{at}.sources"), &h.sources);
        c.verified_can_be_followed(&at, h.status, &h.sources);
    }
}
