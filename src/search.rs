//! Search over the atlas, shared by the window's search box and `csto-atlas search`.
//!
//! Two kinds of match, each scored in 0..1:
//!
//! - **Names** (name, short name, aliases and the id) match fuzzily with nucleo, so "milcom"
//!   finds the Military Committee. The score is nucleo's score divided by the score the query
//!   gets against itself; an exact whole-field match scores 1, any other at most [`NAME_MAX`].
//!   Every word the match touches it must touch from its first letter ("mil…com…" in
//!   "Military Committee", "c…s…c" in "Collective Security Council"), so letters scattered
//!   inside words ("d…r…u…g" across "Coordination … Illegal Migration") are no match; nor is a
//!   match that keeps less than [`NAME_FLOOR`] of the query's own score.
//! - **Text** (mandate and composition) matches only by whole words or word beginnings: every
//!   word of the query must begin a word of the text ("staff" finds "staffs"). It scores at most
//!   [`TEXT_MAX`], below a good name match.
//!
//! Case and accents are ignored throughout ([`fold`]). Each body gives one hit, its best field;
//! hits scoring under half the best hit's score are dropped.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use serde::{Deserialize, Serialize};

use crate::model::{BodyIdx, Model};

/// The best score a name, short name or alias can get without being the whole query.
pub const NAME_MAX: f32 = 0.9;
/// The share of the query's own fuzzy score a name must keep to count as a match.
pub const NAME_FLOOR: f32 = 0.5;
/// The best score a mandate or composition can get (every query word a whole word).
pub const TEXT_MAX: f32 = 0.6;
/// A query word that only begins a word of the text counts this much of a whole word.
const PREFIX_SHARE: f32 = 0.85;
/// Hits under this share of the best hit's score are dropped.
const KEEP_SHARE: f32 = 0.5;

/// One body that matches a query: where it matched and how well.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// The body that matched.
    pub body: BodyIdx,
    /// How well, from 0 (barely) to 1 (the query is the whole field).
    pub score: f32,
    /// The field that gave the best score.
    pub field: Field,
}

/// The part of a body a hit matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The full name.
    Name,
    /// The short name, or the id.
    Short,
    /// One of the other names.
    Alias,
    /// The text of the mandate.
    Mandate,
    /// The text of the composition.
    Composition,
}

impl Field {
    /// The key used in JSON and on the command line: "name", "short", "alias", …
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Short => "short",
            Field::Alias => "alias",
            Field::Mandate => "mandate",
            Field::Composition => "composition",
        }
    }
}

/// Folds case and accents ("Résumé" → "resume") so that search ignores both.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// The words of an already folded text: runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A query, prepared once for every body.
struct Query {
    folded: String,
    words: Vec<String>,
    pattern: Pattern,
    /// The pattern's score against the query itself: what a perfect match scores.
    perfect: f32,
    matcher: Matcher,
    buf: Vec<char>,
    indices: Vec<u32>,
}

/// Whether every word a match touches has its first letter matched (`matched`: char indices
/// into `hay`, in any order; sorted here).
fn from_word_starts(hay: &[char], matched: &mut Vec<u32>) -> bool {
    matched.sort_unstable();
    matched.dedup();
    let is_matched = |i: usize| matched.binary_search(&(i as u32)).is_ok();
    matched.iter().all(|&i| {
        let i = i as usize;
        if !hay.get(i).is_some_and(|c| c.is_alphanumeric()) {
            return true;
        }
        let start = (0..i)
            .rev()
            .take_while(|&j| hay[j].is_alphanumeric())
            .last()
            .unwrap_or(i);
        is_matched(start)
    })
}

impl Query {
    fn new(query: &str) -> Option<Query> {
        let folded = fold(query.trim());
        if folded.is_empty() {
            return None;
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::new(
            &folded,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let mut buf = Vec::new();
        let perfect = pattern.score(Utf32Str::new(&folded, &mut buf), &mut matcher)?;
        Some(Query {
            words: words(&folded).map(str::to_owned).collect(),
            folded,
            pattern,
            perfect: perfect.max(1) as f32,
            matcher,
            buf,
            indices: Vec::new(),
        })
    }

    /// A name, short name, alias or id, fuzzily: 1 for the whole field, else up to [`NAME_MAX`].
    fn name_score(&mut self, field: &str) -> Option<f32> {
        let hay = fold(field);
        if hay.trim() == self.folded {
            return Some(1.0);
        }
        self.indices.clear();
        let raw = self.pattern.indices(
            Utf32Str::new(&hay, &mut self.buf),
            &mut self.matcher,
            &mut self.indices,
        )?;
        let chars: Vec<char> = hay.chars().collect();
        if !from_word_starts(&chars, &mut self.indices) {
            return None;
        }
        let share = (raw as f32 / self.perfect).min(1.0);
        (share >= NAME_FLOOR).then_some(NAME_MAX * share)
    }

    /// A mandate or composition: every query word must be a word, or begin one, of the text.
    fn text_score(&self, text: &str) -> Option<f32> {
        if self.words.is_empty() {
            return None;
        }
        let folded = fold(text);
        let mut total = 0.0;
        for q in &self.words {
            let best = words(&folded)
                .filter_map(|w| {
                    if w == q {
                        Some(1.0)
                    } else if w.starts_with(q.as_str()) {
                        Some(PREFIX_SHARE)
                    } else {
                        None
                    }
                })
                .fold(None, |a: Option<f32>, s| Some(a.map_or(s, |a| a.max(s))))?;
            total += best;
        }
        Some(TEXT_MAX * total / self.words.len() as f32)
    }

    /// The body's best field, if any matches.
    fn best(&mut self, model: &Model, i: BodyIdx) -> Option<Hit> {
        let b = model.body(i);
        let names = [(Field::Name, &b.name), (Field::Short, &b.short)]
            .into_iter()
            .chain([(Field::Short, &b.id)])
            .chain(b.aliases.iter().map(|a| (Field::Alias, a)))
            // A short name in another language is matched like the English one.
            .chain(
                b.names
                    .values()
                    .filter_map(|n| Some((Field::Short, n.short.as_ref()?))),
            );
        let mut candidates: Vec<(Field, f32)> = names
            .filter_map(|(field, text)| Some((field, self.name_score(text)?)))
            .collect();
        // Full names in other languages match by whole words or word beginnings (scattered
        // letters of a transliteration would be false hits), and then rank as names.
        for n in b.names.values() {
            if let Some(score) = self.text_score(&n.name) {
                candidates.push((Field::Name, (score + 0.3).min(0.95)));
            }
        }
        let texts = [
            (Field::Mandate, &b.mandate),
            (Field::Composition, &b.composition),
        ];
        for (field, claim) in texts {
            if let Some(score) = claim.as_ref().and_then(|c| self.text_score(&c.text)) {
                candidates.push((field, score));
            }
        }
        // The highest score; on a tie, the earlier field (a name before its text).
        candidates
            .into_iter()
            .reduce(|a, b| if b.1 > a.1 { b } else { a })
            .map(|(field, score)| Hit {
                body: i,
                score,
                field,
            })
    }
}

/// Bodies matching `query`, best first, one hit per body (its best field).
///
/// A blank query, or one nothing matches, gives no hits. Ties keep file (protocol) order.
pub fn search(model: &Model, query: &str) -> Vec<Hit> {
    let Some(mut q) = Query::new(query) else {
        return Vec::new();
    };
    let mut hits: Vec<Hit> = model.indices().filter_map(|i| q.best(model, i)).collect();
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.field.cmp(&b.field))
            .then(a.body.cmp(&b.body))
    });
    if let Some(top) = hits.first().map(|h| h.score) {
        hits.retain(|h| h.score >= KEEP_SHARE * top);
    }
    hits
}
