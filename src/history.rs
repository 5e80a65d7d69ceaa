//! What changed between two dates: bodies set up in between, and member states whose state
//! differs. Pure; shared by `csto-atlas changes` (and, later, the window's compare mode).

use crate::model::{BodyIdx, Date, MemberState, Model};
use crate::view;

/// What changed from one date to another.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Bodies established after the first date and on or before the second, by date (then
    /// file order). Bodies without a known date are never listed.
    pub bodies: Vec<BodyIdx>,
    /// Member states whose state on the second date differs from the first, in file order.
    pub members: Vec<MemberChange>,
    /// Events after the first date and on or before the second, by date: their places in
    /// `atlas.events`.
    pub events: Vec<usize>,
}

/// One member state whose state differs between the two dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberChange {
    /// The state's place in `atlas.members`.
    pub member: usize,
    /// Its state on the first date; `None` when it was not in the organization.
    pub before: Option<MemberState>,
    /// Its state on the second date; `None` when it was not in the organization.
    pub after: Option<MemberState>,
}

impl MemberChange {
    /// What happened, in a word or two: "joined", "left", "froze its participation", …
    pub fn verb(&self) -> String {
        crate::i18n::t(crate::i18n::Lang::En, self.verb_key())
    }

    /// The message key of [`MemberChange::verb`], for the reader's language.
    pub fn verb_key(&self) -> &'static str {
        use MemberState::*;
        match (self.before, self.after) {
            (before, after) if before == after => "change-unchanged",
            (None, Some(Member)) => "change-joined",
            (None, Some(Signatory)) => "change-signed",
            (Some(Signatory), Some(TreatyParty)) => "change-in-force",
            (Some(Signatory), Some(Member)) => "change-became-member",
            (Some(_), Some(Signatory)) => "change-signed-again",
            (None, Some(TreatyParty)) => "change-joined-treaty",
            (Some(TreatyParty), Some(Member)) => "change-became-member",
            (None, Some(Frozen)) => "change-joined-frozen",
            (None, Some(Suspended)) => "change-joined-suspended",
            (Some(_), None) => "change-left",
            (Some(_), Some(Frozen)) => "change-froze",
            (Some(_), Some(Suspended)) => "change-suspended",
            (Some(_), Some(Member)) => "change-resumed",
            (Some(_), Some(TreatyParty)) => "change-party-again",
            (None, None) => "change-unchanged",
        }
    }
}

/// What changed between `from` and `to`.
///
/// The dates may come in either order: if `from` is after `to` they are swapped, so that
/// `before` is always the earlier date's state. Only the two dates are compared: a state that
/// left and came back in between, to the same state, is not listed.
pub fn changes(model: &Model, from: Date, to: Date) -> Changes {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let mut bodies: Vec<(Date, BodyIdx)> = model
        .indices()
        .filter_map(|i| Some((view::established(model, i)?, i)))
        .filter(|&(date, _)| from < date && date <= to)
        .collect();
    bodies.sort();
    let state_on = |date: Date| {
        let mut states = vec![None; model.atlas.members.len()];
        for (i, state) in view::members_at(model, date) {
            states[i] = Some(state);
        }
        states
    };
    let members = state_on(from)
        .into_iter()
        .zip(state_on(to))
        .enumerate()
        .filter(|(_, (before, after))| before != after)
        .map(|(member, (before, after))| MemberChange {
            member,
            before,
            after,
        })
        .collect();
    let events = model
        .events_between(Some(from), Some(to))
        .into_iter()
        .filter_map(|e| model.atlas.events.iter().position(|x| std::ptr::eq(x, e)))
        .collect();
    Changes {
        bodies: bodies.into_iter().map(|(_, i)| i).collect(),
        members,
        events,
    }
}

/// The bodies a comparison marks "new": established after `filters.compare` and on or before the
/// "as of" date (the edition when none). Empty when not comparing.
pub fn added(model: &Model, filters: &view::Filters) -> Vec<BodyIdx> {
    let Some(from) = filters.compare else {
        return Vec::new();
    };
    let to = filters.as_of.unwrap_or(model.date_range().1);
    changes(model, from, to).bodies
}

/// Every date on which something in the atlas changes, in order and once each: a body founded
/// (or first possible), a member state's period beginning or ending, an office holder's term
/// beginning or ending, an event. What ‹ and › in the window step through.
pub fn change_dates(model: &Model) -> Vec<Date> {
    let mut dates: Vec<Date> = view::earliest_dates(model).into_iter().flatten().collect();
    for m in &model.atlas.members {
        for p in &m.periods {
            dates.extend(Date::parse_loose(&p.from));
            dates.extend(p.to.as_deref().and_then(Date::parse_loose));
        }
    }
    dates.extend(
        model
            .atlas
            .events
            .iter()
            .filter_map(|e| Date::parse(&e.date)),
    );
    for b in &model.atlas.bodies {
        for h in &b.holders {
            dates.extend(Date::parse_loose(&h.from));
            dates.extend(h.to.as_deref().and_then(Date::parse_loose));
        }
    }
    dates.sort();
    dates.dedup();
    dates
}

/// The first change date after `date`, or the last before it (`forward` false).
pub fn step_change(dates: &[Date], date: Date, forward: bool) -> Option<Date> {
    if forward {
        dates.iter().copied().find(|d| *d > date)
    } else {
        dates.iter().rev().copied().find(|d| *d < date)
    }
}

/// The bodies a comparison marks "new, date unknown": of unknown founding date, under a body
/// that is new (or itself such), so that they cannot be older than the period.
pub fn added_undated(model: &Model, added: &[BodyIdx]) -> Vec<BodyIdx> {
    // Not comparing (the window asks every frame): nothing is new.
    if added.is_empty() {
        return Vec::new();
    }
    let mut new: Vec<bool> = vec![false; model.len()];
    for b in added {
        new[b.0] = true;
    }
    let mut out = Vec::new();
    // Parents come before their subordinates along a path: walk each body's path from the top.
    for i in model.indices() {
        if new[i.0] || view::established(model, i).is_some() {
            continue;
        }
        let path = model.path_to_root(i);
        let mut under_new = false;
        for &a in path.iter().rev().skip(1) {
            if new[a.0] {
                under_new = true;
            } else if view::established(model, a).is_some() {
                under_new = false;
            }
        }
        if under_new {
            out.push(i);
        }
    }
    out
}
