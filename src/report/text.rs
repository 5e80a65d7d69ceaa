//! A body's report as plain text, in the side panel's order: what `show ID` prints.

use crate::tr;
use std::fmt::Write as _;

use super::BodyReport;
use crate::model::{Claim, Date, Status};

/// The whole report, section by section, each fact with its status and numbered sources.
pub fn text(r: &BodyReport) -> String {
    let l = r.lang;
    let mut t = String::new();
    names_and_place(&mut t, r);
    for (label, claim) in [
        (tr!(l, "details-mandate"), &r.mandate),
        (tr!(l, "details-composition"), &r.composition),
        (tr!(l, "details-chair"), &r.chair),
    ] {
        if let Some(c) = claim {
            section(&mut t, &label);
            claim_text(&mut t, r, c);
        }
    }
    holders(&mut t, r);
    if let Some(c) = r.established_claim() {
        section(&mut t, &tr!(l, "details-established"));
        claim_text(&mut t, r, &c);
    }
    if let Some(c) = &r.seat {
        section(&mut t, &tr!(l, "details-seat"));
        claim_text(&mut t, r, c);
    }
    if !r.articles.is_empty() {
        section(&mut t, &tr!(l, "details-legal-basis"));
        for a in &r.articles {
            let doc = a.document_title.as_deref().unwrap_or(&a.document);
            let _ = writeln!(t, "  {doc} {} {}", a.label, tags(r, a.status, &a.sources));
            if let Some(p) = &a.paraphrase {
                let _ = writeln!(t, "    {p}");
            }
            if let Some(n) = &a.note {
                let _ = writeln!(t, "    {}", tr!(r.lang, "details-note", note = n.as_str()));
            }
        }
    }
    relations(&mut t, r);
    for d in &r.disputes {
        section(
            &mut t,
            &format!("{}: {}", tr!(l, "details-disputed"), d.topic),
        );
        for c in &d.claims {
            let _ = writeln!(t, "  - {} {}", c.text, tags(r, c.status, &c.sources));
        }
    }
    if !r.notes.is_empty() {
        section(&mut t, &tr!(l, "details-notes"));
        for n in &r.notes {
            claim_text(&mut t, r, n);
        }
    }
    if !r.fields.is_empty() {
        section(&mut t, &tr!(l, "details-fields"));
        for (column, value) in &r.fields {
            let _ = writeln!(t, "  {column}: {value}");
        }
    }
    events(&mut t, r, &tr!(l, "details-events"), &r.events);
    events(
        &mut t,
        r,
        &tr!(l, "text-events-after", date = r.date.to_string()),
        &r.later_events,
    );
    if r.translated {
        let _ = writeln!(t, "\n{}", tr!(l, "details-translated"));
    }
    sources(&mut t, r);
    t
}

/// The names in every language, the kind, other names, the parent and the children.
fn names_and_place(t: &mut String, r: &BodyReport) {
    let l = r.lang;
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
    let _ = writeln!(
        t,
        "{}: {} {}",
        tr!(l, "text-kind"),
        r.kind_name,
        tag(l, r.kind_status)
    );
    if !r.aliases.is_empty() {
        let _ = writeln!(
            t,
            "{}",
            tr!(l, "details-also", names = r.aliases.join("; "))
        );
    }
    if let Some(p) = &r.parent {
        let _ = writeln!(t, "{}: {} ({})", tr!(l, "details-sits-under"), p.name, p.id);
    }
    for c in &r.children {
        let _ = writeln!(t, "{}: {} ({})", tr!(l, "details-over"), c.name, c.id);
    }
}

/// The numbered sources in the report's citation style, with addresses and locators.
fn sources(t: &mut String, r: &BodyReport) {
    let l = r.lang;
    section(
        t,
        &format!("{} ({})", tr!(l, "details-sources"), r.style.label()),
    );
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
            let _ = writeln!(t, "      {}: {locator}", tr!(l, "text-where"));
        }
        if let Some(note) = s.note.as_ref().filter(|n| !s.citation.contains(n.as_str())) {
            let _ = writeln!(t, "      {}", tr!(l, "details-note", note = note));
        }
    }
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
            let _ = writeln!(t, "    {}", tr!(r.lang, "details-note", note = n.as_str()));
        }
    }
}

fn holders(t: &mut String, r: &BodyReport) {
    if r.holders.is_empty() {
        return;
    }
    let l = r.lang;
    section(t, &tr!(l, "details-holders"));
    if let Some(h) = &r.holder_at_date {
        let on = tr!(
            l,
            "details-holder-on",
            date = r.date.to_string(),
            holder = h.label()
        );
        let _ = writeln!(t, "  {on}");
    }
    for h in &r.holders {
        let _ = writeln!(t, "  - {} {}", h.label(), tags(r, h.status, &h.sources));
        if let Some(n) = &h.note {
            let _ = writeln!(t, "    {}", tr!(r.lang, "details-note", note = n.as_str()));
        }
    }
}

fn relations(t: &mut String, r: &BodyReport) {
    let l = r.lang;
    relation_lines(t, r, &tr!(l, "details-relations"), &r.relations);
    if !r.later_children.is_empty() || !r.later_relations.is_empty() {
        section(t, &tr!(l, "details-later", date = r.date.to_string()));
        for c in &r.later_children {
            let over = tr!(l, "details-over");
            let _ = writeln!(
                t,
                "  {over}: {} ({}), {}",
                c.body.name,
                c.body.id,
                since(l, c)
            );
        }
        relation_lines(t, r, "", &r.later_relations);
    }
}

/// "set up on 14 October 2016", or that the date is not known.
fn since(l: crate::i18n::Lang, c: &super::LaterBody) -> String {
    c.established.map_or_else(
        || tr!(l, "details-founding-unknown"),
        |d| tr!(l, "details-set-up-on", date = crate::i18n::date_words(l, d)),
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
            writeln!(
                t,
                "  {} {} {other} {tags}",
                tr!(r.lang, "details-this-body-start"),
                tr!(r.lang, "details-relation-to", kind = l.kind_name.as_str())
            )
        } else {
            writeln!(
                t,
                "  {other} {} {} {tags}",
                l.kind_name,
                tr!(r.lang, "details-this-body", kind = l.kind.as_str())
            )
        };
        if let Some(n) = &l.note {
            let _ = writeln!(t, "    {}", tr!(r.lang, "details-note", note = n.as_str()));
        }
    }
}

fn section(t: &mut String, title: &str) {
    let _ = writeln!(t, "\n{title}");
}

fn claim_text(t: &mut String, r: &BodyReport, c: &Claim) {
    let _ = writeln!(t, "  {} {}", c.text, tags(r, c.status, &c.sources));
    if let Some(n) = &c.note {
        let _ = writeln!(t, "  {}", tr!(r.lang, "details-note", note = n.as_str()));
    }
}

fn tag(l: crate::i18n::Lang, status: Status) -> String {
    format!("[{}]", crate::i18n::status_label(l, status))
}

fn tags(r: &BodyReport, status: Status, sources: &[String]) -> String {
    format!("{} {}", tag(r.lang, status), r.keys(sources))
        .trim_end()
        .to_owned()
}
