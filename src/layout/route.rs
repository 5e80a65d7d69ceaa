//! Relation lines routed around the boxes: orthogonal paths through the gaps between boxes,
//! found with A* over a sparse grid made of the boxes' edges (`grid`), as libavoid and yEd route
//! connectors. The ends are spread along the boxes' sides, so that lines into one box do not
//! meet at one point.

use rustc_hash::FxHashMap as HashMap;

use egui::{pos2, vec2, Pos2, Rect, Vec2};

use super::grid::{self, Boxes, Limits, Scratch};
use super::{dedup_points, Orientation};

/// Clearance between a line and a box it passes, in chart units.
pub(super) const CLEAR: f32 = 5.0;
/// How far a line leaves its box straight before it may turn.
const STUB: f32 = 7.0;
/// The cost of one bend, in chart units of length: fewer, longer runs read better.
pub(super) const BEND: i64 = 40;
/// The cost of running along a stretch another relation already uses.
pub(super) const SHARED: i64 = 80;
/// Above this many boxes near a line, a plain three-run route is used (large charts).
const MAX_OBSTACLES: usize = 320;
/// The most boxes near a line when there are only a few lines to route.
const FEW_LINES_OBSTACLES: usize = 2_000;
/// Up to this many boxes, a line whose narrow route is crowded or winding looks for a better
/// one in the wide corridor too.
const WIDE_RETRY_BOXES: usize = 600;
/// How many grid cells all searches of one routing may cover together: on a very large chart the
/// lines past this budget get plain routes, so that routing stays within about 100 ms at 2,000
/// bodies. Counted, not timed, so that routes stay deterministic.
const GRID_BUDGET: usize = 20_000_000;

/// A side of a box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Side {
    Top,
    Bottom,
    Left,
    Right,
}

impl Side {
    fn normal(self) -> Vec2 {
        match self {
            Side::Top => vec2(0.0, -1.0),
            Side::Bottom => vec2(0.0, 1.0),
            Side::Left => vec2(-1.0, 0.0),
            Side::Right => vec2(1.0, 0.0),
        }
    }
}

/// The sides facing each other for a line from `a` to `b`.
fn sides(a: Rect, b: Rect) -> (Side, Side) {
    let d = b.center() - a.center();
    let apart_x = b.left() > a.right() || b.right() < a.left();
    let apart_y = b.top() > a.bottom() || b.bottom() < a.top();
    if apart_y && (!apart_x || d.y.abs() * 1.5 > d.x.abs()) {
        if d.y > 0.0 {
            (Side::Bottom, Side::Top)
        } else {
            (Side::Top, Side::Bottom)
        }
    } else if d.x > 0.0 {
        (Side::Right, Side::Left)
    } else {
        (Side::Left, Side::Right)
    }
}

/// The room `n` lines leaving one side need: a lane each and the clearance on both sides.
fn lanes_need(n: usize) -> f32 {
    (n + 1) as f32 * super::lanes::LANE + 2.0 * CLEAR
}

/// How far the nearest other box lies beyond a side of box `i`, within the side's span.
fn room(rects: &[Rect], i: usize, side: Side) -> f32 {
    let r = rects[i];
    rects
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != i)
        .filter_map(|(_, o)| match side {
            Side::Left | Side::Right if o.top() < r.bottom() && o.bottom() > r.top() => {
                let gap = if side == Side::Left {
                    r.left() - o.right()
                } else {
                    o.left() - r.right()
                };
                (gap >= 0.0).then_some(gap)
            }
            Side::Top | Side::Bottom if o.left() < r.right() && o.right() > r.left() => {
                let gap = if side == Side::Top {
                    r.top() - o.bottom()
                } else {
                    o.top() - r.bottom()
                };
                (gap >= 0.0).then_some(gap)
            }
            _ => None,
        })
        .fold(f32::INFINITY, f32::min)
}

/// The side of `r`, across from `side`, that faces `other`.
fn across(side: Side, r: Rect, other: Rect) -> Side {
    match side {
        Side::Left | Side::Right if other.center().y < r.center().y => Side::Top,
        Side::Left | Side::Right => Side::Bottom,
        _ if other.center().x < r.center().x => Side::Left,
        _ => Side::Right,
    }
}

/// Where along a side the k-th line of `n` leaves; the middle of the sides that carry the
/// reporting lines is kept free for them.
fn port(r: Rect, side: Side, k: usize, n: usize, orientation: Orientation) -> Pos2 {
    let tree_side = match orientation {
        Orientation::TopDown => matches!(side, Side::Top | Side::Bottom),
        Orientation::LeftRight => matches!(side, Side::Left | Side::Right),
    };
    let t = if tree_side {
        // Fill from the outer thirds inwards, alternating, never the centre.
        let slot = (k / 2) as f32 / ((n.div_ceil(2)) as f32).max(1.0);
        let off = 0.12 + 0.25 * slot;
        if k % 2 == 0 {
            off
        } else {
            1.0 - off
        }
    } else {
        (k as f32 + 1.0) / (n as f32 + 1.0)
    };
    match side {
        Side::Top => pos2(r.left() + r.width() * t, r.top()),
        Side::Bottom => pos2(r.left() + r.width() * t, r.bottom()),
        Side::Left => pos2(r.left(), r.top() + r.height() * t),
        Side::Right => pos2(r.right(), r.top() + r.height() * t),
    }
}

/// Routes a line for each pair of boxes (indices into `rects`). Every route avoids every box but
/// its two ends, wherever the gaps allow; each starts and ends on its boxes' borders, and keeps
/// a lane apart from the other routes and from the `fixed` lines (the reporting lines). With the
/// lines, for each whether it found no way around the boxes and is a plain route of three runs
/// instead (which may cross boxes).
pub fn route(
    rects: &[Rect],
    pairs: &[(usize, usize)],
    orientation: Orientation,
    fixed: &[Vec<Pos2>],
) -> (Vec<Vec<Pos2>>, Vec<bool>) {
    // Sides first, so that the ports on one side can be spread out.
    let mut chosen: Vec<(Side, Side)> = pairs
        .iter()
        .map(|&(a, b)| sides(rects[a], rects[b]))
        .collect();
    let tally = |chosen: &[(Side, Side)]| {
        let mut count: HashMap<(usize, Side), usize> = HashMap::default();
        for (&(a, b), &(sa, sb)) in pairs.iter().zip(chosen) {
            *count.entry((a, sa)).or_default() += 1;
            *count.entry((b, sb)).or_default() += 1;
        }
        count
    };
    let count = tally(&chosen);
    // A side that faces a neighbour too close for its lines to keep their lanes apart gives
    // them to the side towards their other ends, across.
    let crowded: Vec<(usize, Side)> = count
        .iter()
        .filter(|&(&(i, side), &n)| n >= 2 && room(rects, i, side) < lanes_need(n))
        .map(|(&k, _)| k)
        .collect();
    if !crowded.is_empty() {
        for (&(a, b), ends) in pairs.iter().zip(chosen.iter_mut()) {
            if crowded.contains(&(a, ends.0)) {
                ends.0 = across(ends.0, rects[a], rects[b]);
            }
            if crowded.contains(&(b, ends.1)) {
                ends.1 = across(ends.1, rects[b], rects[a]);
            }
        }
    }
    let count = tally(&chosen);
    let mut used: HashMap<(usize, Side), usize> = HashMap::default();
    let mut take = |i: usize, side: Side| {
        let k = used.entry((i, side)).or_default();
        let p = port(rects[i], side, *k, count[&(i, side)], orientation);
        *k += 1;
        p
    };
    let mut busy = Busy::default();
    // Routes keep a lane from the reporting lines on charts small enough for the search's cost
    // (each nearby line makes A* look wider); lanes are spread from them on every chart.
    if rects.len() <= WIDE_RETRY_BOXES {
        for w in fixed.iter().flat_map(|line| line.windows(2)) {
            busy.add(w[0], w[1]);
        }
    }
    let mut budget = GRID_BUDGET;
    let mut scratch = Scratch::default();
    let boxes = Boxes::new(rects);
    // A few lines (a selection's, on a large chart) can each afford a search among far more
    // boxes than hundreds of lines can: a long line across a big chart is then routed around
    // them instead of falling back to a plain route through them.
    let max_obstacles =
        (MAX_OBSTACLES * 40 / pairs.len().max(1)).clamp(MAX_OBSTACLES, FEW_LINES_OBSTACLES);
    let mut out = Vec::with_capacity(pairs.len());
    let mut plain = Vec::with_capacity(pairs.len());
    for (&(a, b), &(sa, sb)) in pairs.iter().zip(&chosen) {
        let (pa, pb) = (take(a, sa), take(b, sb));
        let (qa, qb) = (pa + sa.normal() * STUB, pb + sb.normal() * STUB);
        // A narrow corridor first (cheap, and enough in most charts); a wider one when the
        // narrow one has no route or only a crowded or winding one.
        let direct = ((qa.x - qb.x).abs() + (qa.y - qb.y).abs()) as i64 + 4 * BEND;
        let mut best = grid::search(
            &mut scratch,
            &boxes,
            (qa, qb),
            60.0,
            &busy,
            Limits {
                budget: &mut budget,
                max_obstacles,
            },
        );
        // A crowded route is worth a wider look on a chart small enough for it: on large ones
        // (2,000 bodies) it would double the routing time.
        let crowded = |cost: i64| cost > direct && rects.len() <= WIDE_RETRY_BOXES;
        if best.as_ref().is_none_or(|(_, cost)| crowded(*cost)) {
            let wide = grid::search(
                &mut scratch,
                &boxes,
                (qa, qb),
                240.0,
                &busy,
                Limits {
                    budget: &mut budget,
                    max_obstacles,
                },
            );
            if let Some(w) = wide {
                if best.as_ref().is_none_or(|(_, cost)| w.1 < *cost) {
                    best = Some(w);
                }
            }
        }
        plain.push(best.is_none());
        let middle = best.map_or_else(|| elbow(qa, qb, sa), |(path, _)| path);
        for w in middle.windows(2) {
            busy.add(w[0], w[1]);
        }
        let mut points = vec![pa];
        points.extend(middle);
        points.push(pb);
        out.push(simplify(points));
    }
    super::lanes::separate(&mut out, rects, fixed);
    (out.into_iter().map(simplify).collect(), plain)
}

/// The runs earlier routes took, by axis and lane, so that a search can tell how many lines
/// already pass within a lane of a run: lines that share a narrow gap cannot be told apart.
#[derive(Default)]
pub(super) struct Busy {
    /// (horizontal, coordinate across / LANE, coordinate along / STRETCH) → the extents along
    /// of the runs there; a run is filed under every stretch it spans, so that a lookup reads
    /// only a few short lists.
    runs: HashMap<(bool, i32, i32), Vec<(f32, f32)>>,
}

/// The length of the stretches `Busy` files runs under, in chart units.
const STRETCH: f32 = 64.0;

impl Busy {
    fn key(a: Pos2, b: Pos2) -> (bool, f32, f32, f32) {
        if (a.y - b.y).abs() < 0.01 {
            (true, a.y, a.x.min(b.x), a.x.max(b.x))
        } else {
            (false, a.x, a.y.min(b.y), a.y.max(b.y))
        }
    }

    fn add(&mut self, a: Pos2, b: Pos2) {
        let (h, across, lo, hi) = Self::key(a, b);
        let lane = (across / super::lanes::LANE).floor() as i32;
        let (first, last) = ((lo / STRETCH).floor() as i32, (hi / STRETCH).floor() as i32);
        for stretch in first..=last {
            self.runs
                .entry((h, lane, stretch))
                .or_default()
                .push((lo, hi));
        }
    }

    /// How many earlier runs lie within about a lane of the run a–b and beside it.
    pub(super) fn near(&self, a: Pos2, b: Pos2) -> usize {
        if self.runs.is_empty() {
            return 0;
        }
        let (h, across, lo, hi) = Self::key(a, b);
        let lane = (across / super::lanes::LANE).floor() as i32;
        // Looked up at the run's middle: a grid step is short, and a run beside it spans it.
        let stretch = ((lo + hi) / 2.0 / STRETCH).floor() as i32;
        (lane - 1..=lane + 1)
            .filter_map(|l| self.runs.get(&(h, l, stretch)))
            .flatten()
            .filter(|&&(l, r)| r.min(hi) - l.max(lo) > 0.5)
            .count()
    }
}

/// A plain route in three runs, for when no search is made.
fn elbow(a: Pos2, b: Pos2, first: Side) -> Vec<Pos2> {
    if matches!(first, Side::Top | Side::Bottom) {
        let y = (a.y + b.y) / 2.0;
        vec![a, pos2(a.x, y), pos2(b.x, y), b]
    } else {
        let x = (a.x + b.x) / 2.0;
        vec![a, pos2(x, a.y), pos2(x, b.y), b]
    }
}

/// Drops repeated points and the middle of straight runs.
fn simplify(points: Vec<Pos2>) -> Vec<Pos2> {
    let points = dedup_points(points);
    let mut out: Vec<Pos2> = Vec::with_capacity(points.len());
    for p in points {
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let straight = ((a.x - b.x).abs() < 0.01 && (b.x - p.x).abs() < 0.01)
                || ((a.y - b.y).abs() < 0.01 && (b.y - p.y).abs() < 0.01);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}
