//! Folding: a folded body stands for everything beneath it, drawn as one box with "+N".
//!
//! Folding works on the tree as shown (after filters and date): a body's subordinates are the
//! drawn bodies that hang from it, directly or through hidden ones. The user folds bodies one by
//! one ([`Filters::folded`]) or by level ([`Filters::expand`]).

use crate::model::{BodyIdx, Model};
use crate::view::{Filters, Presence};

/// What folding does to one visible set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Folding {
    /// Bodies hidden because an ancestor is folded.
    pub away: Vec<bool>,
    /// For a folded body, how many drawn bodies it stands for (0 when not folded).
    pub folded: Vec<usize>,
    /// Whether a drawn body has drawn subordinates (before folding): it gets a fold handle.
    pub has_children: Vec<bool>,
}

/// For each body, its nearest drawn strict ancestor.
pub fn drawn_ancestors(model: &Model, drawn: &[bool]) -> Vec<Option<BodyIdx>> {
    let n = model.len();
    let mut known: Vec<Option<Option<BodyIdx>>> = vec![None; n];
    for i in model.indices() {
        if known[i.0].is_some() {
            continue;
        }
        // Walk up through hidden ancestors to the first drawn one (or a known answer); every
        // body on the way shares the answer.
        let mut chain = vec![i];
        let mut at = i;
        let answer = loop {
            match model.parent(at) {
                None => break None,
                Some(p) if drawn[p.0] => break Some(p),
                Some(p) => {
                    if let Some(a) = known[p.0] {
                        break a;
                    }
                    // Bounded, so that a parent cycle can never hang.
                    if chain.len() > n {
                        break None;
                    }
                    chain.push(p);
                    at = p;
                }
            }
        };
        for c in chain {
            known[c.0] = Some(answer);
        }
    }
    known.into_iter().map(Option::flatten).collect()
}

/// Depth of each body in the shown tree, counting drawn ancestors (an apex is 0).
pub fn shown_depths(model: &Model, ancestors: &[Option<BodyIdx>]) -> Vec<usize> {
    let n = model.len();
    let mut depth: Vec<Option<usize>> = vec![None; n];
    for i in model.indices() {
        // Climb to an apex or to a body whose depth is known, then fill the chain down.
        let mut chain = Vec::new();
        let mut at = Some(i);
        let mut base = 0;
        while let Some(a) = at {
            if let Some(d) = depth[a.0] {
                base = d + 1;
                break;
            }
            chain.push(a);
            // Bounded, so that a parent cycle can never hang.
            if chain.len() > n {
                break;
            }
            at = ancestors[a.0];
        }
        for (k, c) in chain.iter().rev().enumerate() {
            depth[c.0] = Some(base + k);
        }
    }
    depth.into_iter().map(|d| d.unwrap_or(0)).collect()
}

/// Whether each body has a drawn subordinate (directly or through hidden bodies).
fn with_children(model: &Model, drawn: &[bool], ancestors: &[Option<BodyIdx>]) -> Vec<bool> {
    let mut out = vec![false; model.len()];
    for i in model.indices() {
        if let (true, Some(a)) = (drawn[i.0], ancestors[i.0]) {
            out[a.0] = true;
        }
    }
    out
}

/// Folds the drawn bodies (`presence` not hidden) as `filters` ask.
pub fn fold(model: &Model, filters: &Filters, presence: &[Presence]) -> Folding {
    let n = model.len();
    let drawn: Vec<bool> = presence.iter().map(|p| *p != Presence::Hidden).collect();
    let ancestors = drawn_ancestors(model, &drawn);
    let has_children = with_children(model, &drawn, &ancestors);
    let mut folded = vec![0; n];
    let mut away = vec![false; n];
    if filters.folded.is_empty() && filters.expand.is_none() {
        return Folding {
            away,
            folded,
            has_children,
        };
    }
    let depths = shown_depths(model, &ancestors);
    let mut root = vec![false; n];
    for id in &filters.folded {
        if let Some(i) = model.index_of(id) {
            root[i.0] = drawn[i.0];
        }
    }
    if let Some(level) = filters.expand {
        for i in model.indices() {
            if drawn[i.0] && depths[i.0] == level {
                root[i.0] = true;
            }
        }
    }
    // Top down, each drawn body learns the topmost folded body above it: the box that stands
    // for it.
    let mut order: Vec<BodyIdx> = model.indices().filter(|i| drawn[i.0]).collect();
    order.sort_by_key(|i| depths[i.0]);
    let mut anchor: Vec<Option<BodyIdx>> = vec![None; n];
    for i in order {
        if let Some(a) = ancestors[i.0] {
            anchor[i.0] = anchor[a.0].or(root[a.0].then_some(a));
        }
        if let Some(a) = anchor[i.0] {
            away[i.0] = true;
            folded[a.0] += 1;
        }
    }
    Folding {
        away,
        folded,
        has_children,
    }
}

/// The bodies to fold so that `level` levels below each apex stay open (0: only the apexes).
pub fn fold_to_level(model: &Model, presence: &[Presence], level: usize) -> Vec<String> {
    let drawn: Vec<bool> = presence.iter().map(|p| *p != Presence::Hidden).collect();
    let ancestors = drawn_ancestors(model, &drawn);
    let depths = shown_depths(model, &ancestors);
    let has_children = with_children(model, &drawn, &ancestors);
    model
        .indices()
        .filter(|i| drawn[i.0] && has_children[i.0] && depths[i.0] == level)
        .map(|i| model.body(i).id.clone())
        .collect()
}

/// The deepest level in the shown tree.
pub fn max_depth(model: &Model, presence: &[Presence]) -> usize {
    level_sizes(model, presence).len().saturating_sub(1)
}

/// How many bodies the shown tree has at each level (the apexes first).
pub fn level_sizes(model: &Model, presence: &[Presence]) -> Vec<usize> {
    let drawn: Vec<bool> = presence.iter().map(|p| *p != Presence::Hidden).collect();
    let ancestors = drawn_ancestors(model, &drawn);
    let depths = shown_depths(model, &ancestors);
    let mut sizes: Vec<usize> = Vec::new();
    for (&d, _) in depths.iter().zip(&drawn).filter(|(_, &shown)| shown) {
        if sizes.len() <= d {
            sizes.resize(d + 1, 0);
        }
        sizes[d] += 1;
    }
    sizes
}
