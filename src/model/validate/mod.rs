//! Semantic checks that run after parsing. All problems are collected, none stops the others.

mod records;

use std::collections::{HashMap, HashSet};

use super::date::Date;
use super::{Atlas, Claim, SourceKind, Status};

/// One thing wrong in an atlas: where (an item path) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// E.g. `bodies[4] "military-committee".parent`.
    pub at: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

struct Checker<'a> {
    atlas: &'a Atlas,
    sources: HashSet<&'a str>,
    /// Sources of kind `reference_text`: alone, they support `reference`, never `verified`.
    reference: HashSet<&'a str>,
    /// Sources a reader can find: with an address or a locator.
    followable: HashSet<&'a str>,
    bodies: HashMap<&'a str, usize>,
    problems: Vec<Problem>,
    /// Citations a reader cannot follow (a `verified` fact none of whose sources has an address
    /// or a locator, a `url` that is no address): warnings, refused by `check --strict`.
    unfollowable: Vec<Problem>,
}

impl Checker<'_> {
    fn push(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            at: at.into(),
            message: message.into(),
        });
    }

    fn date(&mut self, at: &str, text: &str) {
        if Date::parse(text).is_none() {
            self.push(at, format!("malformed date {text:?}: expected YYYY-MM-DD"));
        }
    }

    fn source_ids(&mut self, at: &str, ids: &[String]) {
        for id in ids {
            if !self.sources.contains(id.as_str()) {
                self.push(at, format!("source {id:?} does not exist"));
            }
        }
    }

    /// A name, short name, alias or title: no control characters or bidirectional overrides,
    /// and no longer than [`MAX_NAME`].
    fn name_text(&mut self, at: &str, text: &str) {
        too_long(self, at, text, MAX_NAME, "a name");
        if let Some(c) = first_bad(text, forbidden_in_name) {
            self.push(at, format!("contains {c}: names may not hold control characters or bidirectional overrides"));
        }
    }

    /// Prose: line breaks and tabs only, and no longer than [`MAX_PROSE`].
    fn prose(&mut self, at: &str, text: &str) {
        too_long(self, at, text, MAX_PROSE, "a text");
        if let Some(c) = first_bad(text, forbidden_in_prose) {
            self.push(at, format!("contains {c}: text may hold line breaks and tabs but no other control characters"));
        }
    }

    fn claim(&mut self, at: &str, claim: &Claim) {
        if claim.text.trim().is_empty() {
            self.push(at, "empty text");
        }
        self.prose(&format!("{at}.text"), &claim.text);
        if let Some(note) = &claim.note {
            self.prose(&format!("{at}.note"), note);
        }
        self.source_ids(&format!("{at}.sources"), &claim.sources);
        self.verified_needs_a_source(at, claim.status, &claim.sources);
    }

    /// A `verified` fact must be checkable: one of its sources has an address or a locator.
    fn verified_can_be_followed(&mut self, at: &str, status: Status, sources: &[String]) {
        if status != Status::Verified || sources.is_empty() {
            return;
        }
        if !sources.iter().any(|s| self.followable.contains(s.as_str())) {
            self.unfollowable.push(Problem {
                at: format!("{at}.status"),
                message: format!(
                    "verified, but none of its sources ({}) has a url or a locator: find one, \
                     or make it `reference` or `unverified`",
                    sources.join(", ")
                ),
            });
        }
    }

    /// Nothing is `verified` on the reference text alone: it needs a retrieved source too.
    fn verified_needs_a_source(&mut self, at: &str, status: Status, sources: &[String]) {
        self.verified_can_be_followed(at, status, sources);
        let independent = sources
            .iter()
            .any(|s| self.sources.contains(s.as_str()) && !self.reference.contains(s.as_str()));
        if status == Status::Verified && !independent {
            self.push(
                format!("{at}.status"),
                "verified, but no source of its own other than the reference text: \
                 use `reference` (the reference text alone) or add the source that bears it out",
            );
        }
    }
}

/// The longest name, short name, alias or title, in characters: longer is no name but a mistake
/// (or an attack), and would only slow every picture down.
pub const MAX_NAME: usize = 1_000;
/// The longest prose field (mandate, note, …), in characters.
pub const MAX_PROSE: usize = 100_000;
/// The most bodies an atlas may hold.
pub const MAX_BODIES: usize = 1_000_000;

fn too_long(checker: &mut Checker, at: &str, text: &str, max: usize, what: &str) {
    // Bytes first: counting the characters of every short name would cost more than it saves.
    if text.len() > max {
        let n = text.chars().count();
        if n > max {
            checker.push(
                at,
                format!("{n} characters long: {what} may hold at most {max}"),
            );
        }
    }
}

/// Characters a name may not hold: control characters (C0, C1, DEL) and bidirectional
/// overrides, which can disguise text or drive a terminal.
fn forbidden_in_name(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Prose may break lines and tab, nothing else of the kind.
fn forbidden_in_prose(c: char) -> bool {
    c != '\n' && c != '\t' && forbidden_in_name(c)
}

/// The first forbidden character of `text`, escaped for a message.
fn first_bad(text: &str, bad: fn(char) -> bool) -> Option<String> {
    text.chars()
        .find(|&c| bad(c))
        .map(|c| c.escape_unicode().to_string())
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Checks references, dates, required fields and the parent tree; returns every problem.
pub fn validate(atlas: &Atlas) -> Vec<Problem> {
    check(atlas).problems
}

/// Citations a reader cannot follow: `verified` facts none of whose sources has an address or a
/// locator, and `url`s that are no address.
pub fn unfollowable(atlas: &Atlas) -> Vec<Problem> {
    check(atlas).unfollowable
}

/// Is `text` a publication date: YYYY, YYYY-MM or YYYY-MM-DD?
fn is_partial_date(text: &str) -> bool {
    Date::parse_loose(text).is_some() && matches!(text.len(), 4 | 7 | 10)
}

fn check(atlas: &Atlas) -> Checker<'_> {
    let mut c = Checker {
        atlas,
        sources: HashSet::new(),
        reference: atlas
            .sources
            .iter()
            .filter(|s| s.kind == SourceKind::ReferenceText)
            .map(|s| s.id.as_str())
            .collect(),
        followable: atlas
            .sources
            .iter()
            .filter(|s| s.can_be_followed())
            .map(|s| s.id.as_str())
            .collect(),
        bodies: HashMap::new(),
        problems: Vec::new(),
        unfollowable: Vec::new(),
    };
    if atlas.bodies.len() > MAX_BODIES {
        c.push(
            "bodies",
            format!(
                "{} bodies: an atlas may hold at most {MAX_BODIES}",
                atlas.bodies.len()
            ),
        );
        return c;
    }
    if !atlas.meta.edition.is_empty() {
        c.date("meta.edition", &atlas.meta.edition);
    }
    if let Some(checked) = &atlas.meta.checked {
        c.date("meta.checked", checked);
        let (edition, checked) = (Date::parse(&atlas.meta.edition), Date::parse(checked));
        if let (Some(e), Some(k)) = (edition, checked) {
            if e > k {
                c.push(
                    "meta.edition",
                    format!("{e} is later than meta.checked ({k}): the edition is the date the data describes, which the sources must reach"),
                );
            }
            if k > Date::today() {
                c.push("meta.checked", format!("{k} is in the future"));
            }
        }
    }
    if let Some(start) = &atlas.meta.start {
        c.date("meta.start", start);
    }
    if atlas.bodies.is_empty() {
        c.push("bodies", "an atlas needs at least one body");
    }

    c.name_text("meta.title", &atlas.meta.title);
    c.name_text("meta.short", &atlas.meta.short);
    c.prose("meta.description", &atlas.meta.description);
    if let Some(credit) = &atlas.meta.credit {
        c.name_text("meta.credit", credit);
    }
    records::sources(&mut c, atlas);
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

    check_kinds(&mut c);
    let kinds = super::Kinds::of(atlas);
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
    check_cycles(&mut c);

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
    records::events(&mut c, atlas, &members);
    c
}

/// Reports each cycle in the parent chain once, at its first body in file order.
fn check_cycles(c: &mut Checker) {
    let n = c.atlas.bodies.len();
    // 0 = unvisited, 1 = on the current chain, 2 = known to reach a root.
    let mut state = vec![0u8; n];
    for start in 0..n {
        let mut chain = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    let cycle_start = chain.iter().position(|&j| j == i).unwrap_or(0);
                    let ids: Vec<&str> = chain[cycle_start..]
                        .iter()
                        .chain(std::iter::once(&i))
                        .map(|&j| c.atlas.bodies[j].id.as_str())
                        .collect();
                    let first = chain[cycle_start..].iter().copied().min().unwrap_or(i);
                    c.push(
                        format!("bodies[{first}] {:?}.parent", c.atlas.bodies[first].id),
                        format!("cycle in the parent chain: {}", ids.join(" -> ")),
                    );
                    break;
                }
                _ => {}
            }
            state[i] = 1;
            chain.push(i);
            at = c.atlas.bodies[i]
                .parent
                .as_deref()
                .and_then(|p| c.bodies.get(p).copied());
        }
        for j in chain {
            state[j] = 2;
        }
    }
}

/// The `kinds` and `relation_kinds` lists: ids well formed and unique, colours `#rrggbb`.
fn check_kinds(c: &mut Checker) {
    let atlas = c.atlas;
    let lists = [
        (
            "kinds",
            atlas
                .kinds
                .iter()
                .map(|k| (&k.id, &k.name, &k.colour, &k.names))
                .collect::<Vec<_>>(),
        ),
        (
            "relation_kinds",
            atlas
                .relation_kinds
                .iter()
                .map(|k| (&k.id, &k.name, &k.colour, &k.names))
                .collect(),
        ),
    ];
    for (list, items) in lists {
        let mut seen = HashSet::new();
        for (i, (id, name, colour, names)) in items.into_iter().enumerate() {
            let at = format!("{list}[{i}] {id:?}");
            if !super::valid_kind_id(id) {
                c.push(&at, "id must be lowercase letters, digits, `_` and `-`");
            }
            if !seen.insert(id.replace('-', "_")) {
                c.push(&at, "duplicate id");
            }
            if name.trim().is_empty() {
                c.push(&at, "empty name");
            }
            c.name_text(&format!("{at}.name"), name);
            if let Some(colour) = colour {
                if super::parse_colour(colour).is_none() {
                    c.push(
                        format!("{at}.colour"),
                        format!("{colour:?} is not a colour: write \"#rrggbb\", e.g. \"#1f5fa8\""),
                    );
                }
            }
            for (lang, n) in names {
                c.name_text(&format!("{at}.names[{lang:?}].name"), &n.name);
                c.source_ids(&format!("{at}.names[{lang:?}].sources"), &n.sources);
            }
        }
    }
}

/// Why a kind id is unknown, with the ids that would do.
fn undeclared(list: &str, id: &str, valid: Vec<&str>, declared: bool) -> String {
    if declared {
        format!(
            "{id:?} is not declared in `{list}` (declared: {})",
            valid.join(", ")
        )
    } else {
        format!(
            "{id:?} is not a built-in kind ({}); declare the atlas's own in `{list}`",
            valid.join(", ")
        )
    }
}
