//! A body's report as plain text, in the side panel's order: what `show ID` prints.

use std::fmt::Write as _;

use super::BodyReport;
use crate::model::{Claim, Date, Status};

/// The whole report, section by section, each fact with its status and numbered sources.
pub fn text(r: &BodyReport) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "{} ({})", r.title(), r.shown_short);
    if r.shown_name.is_some() {
        let _ = writeln!(t, "{}", r.name);
    }
    if r.name_missing {
        let _ = writeln!(t, "(no name in the chosen language in the sources read)");
    }
    for (lang, n) in &r.names {
        let short = n
            .short
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        let _ = writeln!(
            t,
            "{lang}: {}{short} {}",
            n.name,
            tags(r, n.status, &n.sources)
        );
    }
    let _ = writeln!(t, "Kind: {} {}", r.kind_name, tag(r.kind_status));
    if !r.aliases.is_empty() {
        let _ = writeln!(t, "Also: {}", r.aliases.join("; "));
    }
    if let Some(p) = &r.parent {
        let _ = writeln!(t, "Sits under: {} ({})", p.name, p.id);
    }
    for c in &r.children {
        let _ = writeln!(t, "Over: {} ({})", c.name, c.id);
    }
    for (label, claim) in [
        ("Mandate", &r.mandate),
        ("Composition", &r.composition),
        ("Chair", &r.chair),
    ] {
        if let Some(c) = claim {
            section(&mut t, label);
            claim_text(&mut t, r, c);
        }
    }
    holders(&mut t, r);
    if let Some(c) = r.established_claim() {
        section(&mut t, "Established");
        claim_text(&mut t, r, &c);
    }
    if let Some(c) = &r.seat {
        section(&mut t, "Seat");
        claim_text(&mut t, r, c);
    }
    if !r.articles.is_empty() {
        section(&mut t, "Legal basis");
        for a in &r.articles {
            let doc = a.document_title.as_deref().unwrap_or(&a.document);
            let _ = writeln!(t, "  {doc} {} {}", a.label, tags(r, a.status, &a.sources));
            if let Some(p) = &a.paraphrase {
                let _ = writeln!(t, "    {p}");
            }
            if let Some(n) = &a.note {
                let _ = writeln!(t, "    Note: {n}");
            }
        }
    }
    relations(&mut t, r);
    for d in &r.disputes {
        section(&mut t, &format!("Disputed: {}", d.topic));
        for c in &d.claims {
            let _ = writeln!(t, "  - {} {}", c.text, tags(r, c.status, &c.sources));
        }
    }
    if !r.notes.is_empty() {
        section(&mut t, "Notes");
        for n in &r.notes {
            claim_text(&mut t, r, n);
        }
    }
    events(&mut t, r, "Events", &r.events);
    events(
        &mut t,
        r,
        &format!("Events after {}", r.date),
        &r.later_events,
    );
    section(&mut t, &format!("Sources ({})", r.style.label()));
    for s in &r.sources {
        let _ = writeln!(t, "  [{}] {}", s.number, s.citation);
        // The styles print an address only for what is online; a locator and a caveat always.
        if let Some(url) = s.url.as_ref().filter(|_| !s.citation.contains("http")) {
            let _ = writeln!(t, "      {url}");
        }
        if let Some(locator) = s
            .locator
            .as_ref()
            .filter(|l| !s.citation.contains(l.as_str()))
        {
            let _ = writeln!(t, "      Where: {locator}");
        }
        if let Some(note) = s.note.as_ref().filter(|n| !s.citation.contains(n.as_str())) {
            let _ = writeln!(t, "      Note: {note}");
        }
    }
    t
}

fn events(t: &mut String, r: &BodyReport, title: &str, events: &[crate::model::Event]) {
    if events.is_empty() {
        return;
    }
    section(t, title);
    for e in events {
        let date = Date::words_or_text(&e.date);
        let _ = writeln!(t, "  {date}: {} {}", e.title, tags(r, e.status, &e.sources));
        if !e.summary.is_empty() {
            let _ = writeln!(t, "    {}", e.summary);
        }
        if let Some(n) = &e.note {
            let _ = writeln!(t, "    Note: {n}");
        }
    }
}

fn holders(t: &mut String, r: &BodyReport) {
    if r.holders.is_empty() {
        return;
    }
    section(t, "Holders");
    if let Some(h) = &r.holder_at_date {
        let _ = writeln!(t, "  On {}: {}", r.date, h.label());
    }
    for h in &r.holders {
        let _ = writeln!(t, "  - {} {}", h.label(), tags(r, h.status, &h.sources));
        if let Some(n) = &h.note {
            let _ = writeln!(t, "    Note: {n}");
        }
    }
}

fn relations(t: &mut String, r: &BodyReport) {
    relation_lines(t, r, "Relations", &r.relations);
    if !r.later_children.is_empty() || !r.later_relations.is_empty() {
        section(t, &format!("Later (not yet set up on {})", r.date));
        for c in &r.later_children {
            let _ = writeln!(t, "  Over: {} ({}), {}", c.body.name, c.body.id, since(c));
        }
        relation_lines(t, r, "", &r.later_relations);
    }
}

/// "set up on 14 October 2016", or that the date is not known.
fn since(c: &super::LaterBody) -> String {
    c.established.map_or_else(
        || "founding date not known".to_owned(),
        |d| format!("set up on {}", d.in_words()),
    )
}

fn relation_lines(t: &mut String, r: &BodyReport, title: &str, lines: &[super::RelationLine]) {
    if lines.is_empty() {
        return;
    }
    if !title.is_empty() {
        section(t, title);
    }
    for l in lines {
        let tags = tags(r, l.status, &l.sources);
        let other = format!("{} ({})", l.other.name, l.other.id);
        let _ = if l.outgoing {
            writeln!(t, "  This body {} {other} {tags}", l.kind_name)
        } else {
            writeln!(t, "  {other} {} this body {tags}", l.kind_name)
        };
        if let Some(n) = &l.note {
            let _ = writeln!(t, "    Note: {n}");
        }
    }
}

fn section(t: &mut String, title: &str) {
    let _ = writeln!(t, "\n{title}");
}

fn claim_text(t: &mut String, r: &BodyReport, c: &Claim) {
    let _ = writeln!(t, "  {} {}", c.text, tags(r, c.status, &c.sources));
    if let Some(n) = &c.note {
        let _ = writeln!(t, "  Note: {n}");
    }
}

fn tag(status: Status) -> String {
    format!("[{}]", status.label())
}

fn tags(r: &BodyReport, status: Status, sources: &[String]) -> String {
    format!("{} {}", tag(status), r.keys(sources))
        .trim_end()
        .to_owned()
}
