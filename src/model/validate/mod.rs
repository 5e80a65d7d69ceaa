//! Semantic checks that run after parsing. All problems are collected, none stops the others.

mod bodies;
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
    meta(&mut c, atlas);
    records::sources(&mut c, atlas);
    let documents = records::documents(&mut c, atlas);
    check_kinds(&mut c);
    bodies::bodies(&mut c, atlas, &documents);
    check_cycles(&mut c);
    records::relations(&mut c, atlas);
    let members = records::members(&mut c, atlas);
    records::disputes(&mut c, atlas, &documents);
    records::events(&mut c, atlas, &members);
    c
}

/// The edition and its dates, the title and the description.
fn meta(c: &mut Checker, atlas: &Atlas) {
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
