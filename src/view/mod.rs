//! What the user asked to see: filters, search and the visible set they produce. Pure functions of
//! the model, shared by the window and the headless export. [`spec`] is the view's one text form
//! (command line, web address, citation); [`fold`] folds the shown tree.

pub mod fold;
pub mod spec;

use crate::tr;
use serde::{Deserialize, Serialize};

use crate::model::{BodyIdx, Date, MemberState, Model};

/// The filters a user can set. Persisted between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Kinds switched off, by id. Default: none.
    pub hidden_kinds: Vec<String>,
    /// Relation kinds switched off, by id. Default: none.
    pub hidden_relations: Vec<String>,
    /// Show the organization as of this date. Default: the edition (no filter).
    pub as_of: Option<Date>,
    /// Show only this body (by id) and its neighbourhood. Default: none.
    pub focus: Option<String>,
    /// How many steps out the focus reaches. Default: 1.
    pub depth: usize,
    /// Fade what is filtered out instead of hiding it. Default: false.
    pub showcase: bool,
    /// Lay out only the shown bodies (a tight picture) instead of keeping every body's place
    /// across dates. Default: false.
    pub repack: bool,
    /// Which relations pictures draw besides the reporting lines. Default: those of the
    /// selection (and the body under the pointer).
    pub relations: RelationsShown,
    /// Compare with this earlier date: bodies established since are marked "new". Default: none.
    pub compare: Option<Date>,
    /// The language of names on the chart (`ru`, …); English when `None`. Default: English.
    pub lang: Option<String>,
    /// Bodies folded (by id): each is drawn as one box, with "+N" for the bodies beneath it.
    /// Default: none.
    pub folded: Vec<String>,
    /// Keep only this many levels below each apex of the shown tree open; deeper bodies fold
    /// into their ancestor. Default: all open.
    pub expand: Option<usize>,
    /// At a date before the edition, how bodies of unknown founding date are drawn: they may
    /// not have existed yet. Default: ghosted.
    pub undated: UndatedShown,
}

/// How a picture at a date shows a body whose founding date is not known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
pub enum UndatedShown {
    /// As any other body (with its "n.d." mark).
    Show,
    /// Lighter, with a dashed outline: it may not have existed yet.
    #[default]
    Ghost,
    /// Left out, and counted in the header and the caption.
    Hide,
}

/// Which relations a picture draws. Data exports always carry them all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
pub enum RelationsShown {
    /// Only the reporting tree.
    None,
    /// The relations of the selected (or hovered, or focused) body.
    #[default]
    Selected,
    All,
}

impl RelationsShown {
    pub const ALL: [RelationsShown; 3] = [
        RelationsShown::None,
        RelationsShown::Selected,
        RelationsShown::All,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RelationsShown::None => "None",
            RelationsShown::Selected => "Of the selection",
            RelationsShown::All => "All",
        }
    }

    /// [`RelationsShown::label`] in `l`.
    pub fn label_in(self, l: crate::i18n::Lang) -> String {
        match self {
            RelationsShown::None => tr!(l, "relations-none"),
            RelationsShown::Selected => tr!(l, "relations-selected"),
            RelationsShown::All => tr!(l, "relations-all"),
        }
    }
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
            repack: false,
            relations: RelationsShown::Selected,
            compare: None,
            lang: None,
            folded: Vec::new(),
            expand: None,
            undated: UndatedShown::Ghost,
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
    /// Bodies that keep a place in the layout: the drawn ones and, unless repacking, those
    /// absent only at this date, so that moving the date shows and hides boxes in place.
    pub placed: Vec<bool>,
    /// The language of names on the chart (from the filters).
    pub lang: Option<String>,
    /// For each folded body, how many drawn bodies it stands for (0 when not folded).
    pub folded: Vec<usize>,
    /// Whether a drawn body has drawn subordinates (folded or not): it can fold.
    pub has_children: Vec<bool>,
    /// Drawn, but of unknown founding date at a date before the edition: it may not have
    /// existed yet, and is drawn as uncertain.
    pub ghost: Vec<bool>,
    /// How many bodies of unknown founding date `--undated hide` left out.
    pub undated_hidden: usize,
}

impl Visible {
    /// "3 bodies of unknown date hidden", when `--undated hide` hid any.
    pub fn undated_note(&self) -> Option<String> {
        let l = crate::i18n::Lang::of(self.lang.as_deref());
        match self.undated_hidden {
            0 => None,
            n => Some(tr!(l, "undated-hidden", count = n)),
        }
    }

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
        model.nearest_ancestor(body, |p| self.is_drawn(p))
    }
}

impl Filters {
    /// The same filters with every fold undone: the tree that folding works on.
    pub fn unfolded(&self) -> Filters {
        Filters {
            folded: Vec::new(),
            expand: None,
            ..self.clone()
        }
    }

    pub fn is_active(&self) -> bool {
        !self.hidden_kinds.is_empty()
            || !self.hidden_relations.is_empty()
            || self.as_of.is_some()
            || self.focus.is_some()
    }
}

/// The ids of the body kinds not in `keep` (none when `keep` is empty): the `hidden_kinds` of
/// "show only these kinds". An id the atlas does not know is an error naming those it does.
pub fn kinds_except(model: &Model, keep: &[String]) -> Result<Vec<String>, String> {
    let kinds = model.kinds();
    let mut kept = Vec::new();
    for id in keep {
        match kinds.body_kind(id) {
            Some(k) => kept.push(k),
            None => {
                let ids: Vec<&str> = kinds
                    .body_kinds()
                    .map(|k| kinds.body(k).id.as_str())
                    .collect();
                return Err(format!("unknown kind {id:?}; one of: {}", ids.join(", ")));
            }
        }
    }
    if keep.is_empty() {
        return Ok(Vec::new());
    }
    Ok(kinds
        .body_kinds()
        .filter(|k| !kept.contains(k))
        .map(|k| kinds.body(k).id.clone())
        .collect())
}

/// Applies the filters. At a date, a body is shown only when it existed then (see
/// [`earliest_dates`]) and so did its parent.
pub fn visible(model: &Model, filters: &Filters) -> Visible {
    let as_of = filters.as_of;
    let near = filters
        .focus
        .as_deref()
        .and_then(|id| model.index_of(id))
        .map(|f| neighbourhood(model, f, filters.depth));
    let existing = as_of.map(|d| existing_at(model, d));
    let filtered = |i: BodyIdx| {
        filters.hidden_kinds.contains(&model.body(i).kind)
            || near.as_ref().is_some_and(|near| !near[i.0])
    };
    let too_early = |i: BodyIdx| existing.as_ref().is_some_and(|e| !e[i.0]);
    // Before the edition, a body whose founding date no source gives may not have existed.
    let edition = model.date_range().1;
    // (An office whose holder is known at the date did exist then.)
    let unsure = |i: BodyIdx| {
        as_of.is_some_and(|d| d < edition && model.holder_at(i, d).is_none())
            && established(model, i).is_none()
    };
    let hide_unsure = filters.undated == UndatedShown::Hide;
    let mut undated_hidden = 0;
    let out = if filters.showcase {
        Presence::Faded
    } else {
        Presence::Hidden
    };
    let mut bodies: Vec<Presence> = model
        .indices()
        .map(|i| {
            if filtered(i) || too_early(i) {
                out
            } else if hide_unsure && unsure(i) {
                undated_hidden += 1;
                Presence::Hidden
            } else {
                Presence::Shown
            }
        })
        .collect();
    let folding = fold::fold(model, filters, &bodies);
    for (b, away) in bodies.iter_mut().zip(&folding.away) {
        if *away {
            *b = Presence::Hidden;
        }
    }
    // What is folded away gives up its place, so that folding tightens the chart.
    let placed = model
        .indices()
        .map(|i| {
            !folding.away[i.0]
                && (bodies[i.0] != Presence::Hidden || !(filters.repack || filtered(i)))
        })
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
    let ghost = model
        .indices()
        .map(|i| {
            filters.undated == UndatedShown::Ghost && bodies[i.0] != Presence::Hidden && unsure(i)
        })
        .collect();
    Visible {
        bodies,
        relations,
        placed,
        lang: filters.lang.clone(),
        folded: folding.folded,
        has_children: folding.has_children,
        ghost,
        undated_hidden,
    }
}

/// The earliest date each body can be shown at: its founding date; for a body without one, the
/// "not before" date the data may give, else its parent's earliest date. `None` (an undated
/// apex, and what hangs from it undated) means always.
pub fn earliest_dates(model: &Model) -> Vec<Option<Date>> {
    let own = |i: BodyIdx| {
        let e = model.body(i).established.as_ref()?;
        e.date
            .as_deref()
            .or(e.not_before.as_deref())
            .and_then(Date::parse)
    };
    let mut out: Vec<Option<Option<Date>>> = vec![None; model.len()];
    for i in model.indices() {
        // Walk up to the first body that is dated or already known, then fill the chain down.
        let mut chain = vec![i];
        let mut at = i;
        let mut found = None;
        while out[at.0].is_none() {
            if let Some(d) = own(at) {
                found = Some(Some(d));
                break;
            }
            match model.parent(at) {
                // Bounded by the atlas size, so that a parent cycle can never hang.
                Some(p) if chain.len() <= model.len() => {
                    chain.push(p);
                    at = p;
                }
                _ => {
                    found = Some(None);
                    break;
                }
            }
        }
        let value = found.or(out[at.0]).flatten();
        for c in chain {
            if out[c.0].is_none() {
                out[c.0] = Some(own(c).or(value));
            }
        }
    }
    out.into_iter().map(Option::flatten).collect()
}

/// Which bodies existed on `date`: from their earliest date on, and only while their parent did.
pub fn existing_at(model: &Model, date: Date) -> Vec<bool> {
    let earliest = earliest_dates(model);
    model
        .indices()
        .map(|i| {
            model
                .path_to_root(i)
                .iter()
                .all(|a| earliest[a.0].is_none_or(|e| e <= date))
        })
        .collect()
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

/// What the states of [`members_at`] are called together: before the Organization existed they
/// were signatories of the Treaty or parties to it, not members.
pub fn members_heading(states: &[(usize, MemberState)], l: crate::i18n::Lang) -> String {
    use MemberState::{Signatory, TreatyParty};
    if states.is_empty()
        || states
            .iter()
            .any(|(_, s)| !matches!(s, Signatory | TreatyParty))
    {
        tr!(l, "members-heading-members")
    } else if states.iter().all(|(_, s)| *s == Signatory) {
        tr!(l, "members-heading-signatories")
    } else if states.iter().all(|(_, s)| *s == TreatyParty) {
        tr!(l, "members-heading-parties")
    } else {
        tr!(l, "members-heading-mixed")
    }
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
