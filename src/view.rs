//! What the user asked to see: filters, search and the visible set they produce. Pure functions of
//! the model, shared by the window and the headless export.

use serde::{Deserialize, Serialize};

use crate::model::{BodyIdx, BodyKind, Date, MemberState, Model, RelationKind};

/// The filters a user can set. Persisted between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Kinds switched off. Default: none.
    pub hidden_kinds: Vec<BodyKind>,
    /// Relation kinds switched off. Default: none.
    pub hidden_relations: Vec<RelationKind>,
    /// Show the organization as of this date (`YYYY-MM-DD`). Default: the edition (no filter).
    pub as_of: Option<String>,
    /// Show only this body (by id) and its neighbourhood. Default: none.
    pub focus: Option<String>,
    /// How many steps out the focus reaches. Default: 1.
    pub depth: usize,
    /// Fade what is filtered out instead of hiding it. Default: false.
    pub showcase: bool,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            hidden_kinds: Vec::new(),
            hidden_relations: Vec::new(),
            as_of: None,
            focus: None,
            depth: 1,
            showcase: false,
        }
    }
}

/// How a body appears under the current filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Shown,
    /// Filtered out in showcase mode: drawn, but faded.
    Faded,
    Hidden,
}

/// The visible set: one presence per body and per relation (in file order).
#[derive(Clone, Debug, PartialEq)]
pub struct Visible {
    pub bodies: Vec<Presence>,
    pub relations: Vec<Presence>,
}

impl Visible {
    pub fn shown_count(&self) -> usize {
        self.bodies
            .iter()
            .filter(|p| **p == Presence::Shown)
            .count()
    }

    pub fn presence(&self, body: BodyIdx) -> Presence {
        self.bodies[body.0]
    }

    pub fn is_drawn(&self, body: BodyIdx) -> bool {
        self.presence(body) != Presence::Hidden
    }

    /// The nearest drawn ancestor of a body: where it hangs when its parent is filtered out.
    pub fn drawn_parent(&self, model: &Model, body: BodyIdx) -> Option<BodyIdx> {
        let mut at = model.parent(body);
        // Bounded, so that a parent cycle (which validation rejects) can never hang.
        for _ in 0..model.len() {
            match at {
                Some(p) if !self.is_drawn(p) => at = model.parent(p),
                _ => return at,
            }
        }
        None
    }
}

impl Filters {
    pub fn is_active(&self) -> bool {
        !self.hidden_kinds.is_empty()
            || !self.hidden_relations.is_empty()
            || self.as_of.is_some()
            || self.focus.is_some()
    }

    /// A one-line description, e.g. "Subsidiary bodies as of 2005-01-01".
    pub fn describe(&self, model: &Model) -> String {
        let mut parts = Vec::new();
        let kinds: Vec<BodyKind> = BodyKind::ALL
            .iter()
            .copied()
            .filter(|k| !self.hidden_kinds.contains(k))
            .collect();
        parts.push(if kinds.len() == BodyKind::ALL.len() {
            "All bodies".to_owned()
        } else if kinds.is_empty() {
            "No kinds".to_owned()
        } else {
            kinds
                .iter()
                .map(|k| k.plural())
                .collect::<Vec<_>>()
                .join(" and ")
        });
        if let Some(date) = &self.as_of {
            parts.push(format!("as of {date}"));
        }
        if let Some(focus) = &self.focus {
            let name = model
                .index_of(focus)
                .map_or(focus.as_str(), |i| model.body(i).short.as_str());
            parts.push(format!("within {} of {name}", steps(self.depth)));
        }
        if !self.hidden_relations.is_empty() {
            parts.push(format!(
                "without {} relation kind{}",
                self.hidden_relations.len(),
                if self.hidden_relations.len() == 1 {
                    ""
                } else {
                    "s"
                }
            ));
        }
        parts.join(" ")
    }
}

fn steps(n: usize) -> String {
    if n == 1 {
        "1 step".into()
    } else {
        format!("{n} steps")
    }
}

/// Applies the filters. Bodies without a known date count as present at every date.
pub fn visible(model: &Model, filters: &Filters) -> Visible {
    let as_of = filters.as_of.as_deref().and_then(Date::parse);
    let near = filters
        .focus
        .as_deref()
        .and_then(|id| model.index_of(id))
        .map(|f| neighbourhood(model, f, filters.depth));
    let excluded = |i: BodyIdx| {
        let b = model.body(i);
        filters.hidden_kinds.contains(&b.kind)
            || as_of.is_some_and(|d| established(model, i).is_some_and(|e| e > d))
            || near.as_ref().is_some_and(|near| !near[i.0])
    };
    let out = if filters.showcase {
        Presence::Faded
    } else {
        Presence::Hidden
    };
    let bodies: Vec<Presence> = model
        .indices()
        .map(|i| if excluded(i) { out } else { Presence::Shown })
        .collect();
    let relations = model
        .atlas
        .relations
        .iter()
        .map(|r| {
            let ends = [model.index_of(&r.from), model.index_of(&r.to)];
            let ends: Vec<Presence> = ends
                .iter()
                .map(|e| e.map_or(Presence::Hidden, |e| bodies[e.0]))
                .collect();
            if ends.contains(&Presence::Hidden) {
                Presence::Hidden
            } else if filters.hidden_relations.contains(&r.kind) {
                out
            } else if ends.contains(&Presence::Faded) {
                Presence::Faded
            } else {
                Presence::Shown
            }
        })
        .collect();
    Visible { bodies, relations }
}

/// The date a body was established, if the atlas gives one.
pub fn established(model: &Model, i: BodyIdx) -> Option<Date> {
    Date::parse(model.body(i).established.as_ref()?.date.as_deref()?)
}

/// Bodies within `depth` steps of `focus`, over parent links and relations in either direction.
pub fn neighbourhood(model: &Model, focus: BodyIdx, depth: usize) -> Vec<bool> {
    let n = model.len();
    let mut adjacent: Vec<Vec<BodyIdx>> = vec![Vec::new(); n];
    for i in model.indices() {
        if let Some(p) = model.parent(i) {
            adjacent[i.0].push(p);
            adjacent[p.0].push(i);
        }
    }
    for r in &model.atlas.relations {
        if let (Some(a), Some(b)) = (model.index_of(&r.from), model.index_of(&r.to)) {
            adjacent[a.0].push(b);
            adjacent[b.0].push(a);
        }
    }
    let mut near = vec![false; n];
    near[focus.0] = true;
    let mut frontier = vec![focus];
    for _ in 0..depth {
        let mut next = Vec::new();
        for i in frontier {
            for &j in &adjacent[i.0] {
                if !near[j.0] {
                    near[j.0] = true;
                    next.push(j);
                }
            }
        }
        frontier = next;
    }
    near
}

/// Member states and their state on `date` (those not in the organization then are left out).
pub fn members_at(model: &Model, date: Date) -> Vec<(usize, MemberState)> {
    let at = date.to_string();
    model
        .atlas
        .members
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            m.periods
                .iter()
                .find(|p| p.from <= at && p.to.as_ref().is_none_or(|to| at < *to))
                .map(|p| (i, p.state))
        })
        .collect()
}

/// Folds case and accents ("Résumé" → "resume"); the search engine's, kept here for callers.
pub use crate::search::fold;

/// Bodies matching `query`, best first: the search engine's hits ([`crate::search::search`])
/// without their scores. This is what the window's search box shows.
///
/// Fuzzy over names: "milcom" finds the Military Committee; an exact abbreviation ranks first.
pub fn search(model: &Model, query: &str) -> Vec<BodyIdx> {
    crate::search::search(model, query)
        .into_iter()
        .map(|hit| hit.body)
        .collect()
}
