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
    pub fn verb(&self) -> &'static str {
        use MemberState::*;
        match (self.before, self.after) {
            (before, after) if before == after => "unchanged",
            (None, Some(Member)) => "joined",
            (None, Some(TreatyParty)) => "joined the Treaty",
            (Some(TreatyParty), Some(Member)) => "became a member of the Organization",
            (None, Some(Frozen)) => "joined and froze its participation",
            (None, Some(Suspended)) => "joined and was suspended",
            (Some(_), None) => "left",
            (Some(_), Some(Frozen)) => "froze its participation",
            (Some(_), Some(Suspended)) => "was suspended",
            (Some(_), Some(Member)) => "resumed full membership",
            (Some(_), Some(TreatyParty)) => "became a party to the Treaty again",
            (None, None) => "unchanged",
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
    Changes {
        bodies: bodies.into_iter().map(|(_, i)| i).collect(),
        members,
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
