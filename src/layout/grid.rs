//! The search behind a relation line: A* over a sparse grid made of the nearby boxes' edges
//! (grown by the clearance), as libavoid and yEd route orthogonal connectors.
//!
//! The grid is small (a few hundred lines each way), so the search keeps its costs and parents
//! in flat arrays reused from one line to the next, stamped rather than cleared, instead of a
//! hashed map allocated per search (as the `pathfinding` crate's A*, used before, did). States
//! are taken in the same order as that A* takes them, so the routes are the same.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use egui::{pos2, Pos2, Rect};
use rustc_hash::FxHashMap as HashMap;

use super::route::{Busy, BEND, CLEAR, SHARED};

/// The most grid points a search keeps its states for in flat arrays (about 40 MB of them);
/// a larger grid (a few long lines across a big chart) keeps the states it reaches in a map.
const DENSE: usize = 400_000;

/// Buffers one routing reuses for all its searches.
#[derive(Default)]
pub(super) struct Scratch {
    /// The search a state's cost and parent belong to: older ones count as unseen.
    stamp: Vec<u32>,
    cost: Vec<i64>,
    parent: Vec<u32>,
    /// For each grid run (two per grid point: along x, along y), how many earlier lines run
    /// beside it, when this search has asked (`near_stamp`).
    near: Vec<u32>,
    near_stamp: Vec<u32>,
    search: u32,
    /// Whether this search's states are in the arrays, else in `sparse`.
    dense: bool,
    sparse: HashMap<u32, (i64, u32)>,
    heap: BinaryHeap<Open>,
    blocked: Blocked,
}

/// A state waiting to be expanded: cheapest estimate first; of equal estimates, the one
/// further along (as `pathfinding`'s A* orders them).
#[derive(Clone, Copy)]
struct Open {
    estimate: i64,
    cost: i64,
    state: u32,
    /// The state's grid point, so that taking a state needs no division.
    at: (u16, u16),
}

impl PartialEq for Open {
    fn eq(&self, other: &Self) -> bool {
        self.estimate == other.estimate && self.cost == other.cost
    }
}

impl Eq for Open {}

impl PartialOrd for Open {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Open {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .estimate
            .cmp(&self.estimate)
            .then(self.cost.cmp(&other.cost))
    }
}

/// Sorted coordinates without near-repeats.
fn axis(mut v: Vec<f32>) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    v.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    v
}

/// The boxes a routing goes around, with their order by left edge: a search looks only at the
/// few whose left edges lie near its region, not at all of a big chart's.
pub(super) struct Boxes<'a> {
    rects: &'a [Rect],
    by_left: Vec<usize>,
    lefts: Vec<f32>,
    widest: f32,
}

impl<'a> Boxes<'a> {
    pub fn new(rects: &'a [Rect]) -> Boxes<'a> {
        let mut by_left: Vec<usize> = (0..rects.len()).collect();
        by_left.sort_by(|&a, &b| rects[a].left().total_cmp(&rects[b].left()));
        let lefts = by_left.iter().map(|&i| rects[i].left()).collect();
        let widest = rects.iter().map(|r| r.width()).fold(0.0, f32::max);
        Boxes {
            rects,
            by_left,
            lefts,
            widest,
        }
    }

    /// The boxes that may reach into the columns from `left` to `right`.
    fn across(&self, left: f32, right: f32) -> impl Iterator<Item = Rect> + '_ {
        let first = self
            .lefts
            .partition_point(|&l| l < left - self.widest - 1.0);
        let last = self.lefts.partition_point(|&l| l <= right + 1.0);
        self.by_left[first..last.max(first)]
            .iter()
            .map(|&i| self.rects[i])
    }
}

/// The obstacles a route from `from` to `to` must clear: the boxes (grown by the clearance)
/// that reach into `region`, which holds the rectangle between the two ends.
fn obstacles_near(boxes: &Boxes, (from, to): (Pos2, Pos2), region: Rect) -> Vec<Rect> {
    // An end that lies within an obstacle's clearance (a heading just above a box's port) would
    // leave the search nowhere to start: that obstacle keeps no clearance, or, when the end lies
    // on it, is no obstacle to this line.
    let holds = |r: &Rect| r.contains(from) || r.contains(to);
    boxes
        .across(region.left() - CLEAR, region.right() + CLEAR)
        .map(|r| r.expand(CLEAR))
        .filter(|r| r.intersects(region))
        .filter_map(|r| match holds(&r) {
            false => Some(r),
            true => Some(r.shrink(CLEAR)).filter(|r| !holds(&r.shrink(0.5))),
        })
        .collect()
}

/// Which grid points and grid runs lie strictly inside a box, indexed `j * nx + i`; a run goes
/// from (i, j) to (i + 1, j) (`run_x`) or to (i, j + 1) (`run_y`).
#[derive(Default)]
struct Blocked {
    node: Vec<bool>,
    run_x: Vec<bool>,
    run_y: Vec<bool>,
}

impl Blocked {
    /// Marks each box once: every box edge is a grid line, so a box covers whole index ranges.
    fn mark(&mut self, obstacles: &[Rect], xs: &[f32], ys: &[f32]) {
        let (nx, ny) = (xs.len(), ys.len());
        for v in [&mut self.node, &mut self.run_x, &mut self.run_y] {
            v.clear();
            v.resize(nx * ny, false);
        }
        // A box blocks the grid points strictly inside it and the runs through its inside (from
        // (i, j) to (i + 1, j) along x, to (i, j + 1) along y). Boxes may reach past the region:
        // the tests are on coordinates, not on grid indices.
        const E: f32 = 0.25;
        let first = |v: &[f32], x: f32| v.partition_point(|&c| c < x - E);
        let last = |v: &[f32], x: f32| v.partition_point(|&c| c <= x + E);
        for r in obstacles {
            let (l, rr) = (first(xs, r.left()), last(xs, r.right()).min(nx));
            let (t, b) = (first(ys, r.top()), last(ys, r.bottom()).min(ny));
            let inside_x = |i: usize| xs[i] > r.left() + E && xs[i] < r.right() - E;
            let inside_y = |j: usize| ys[j] > r.top() + E && ys[j] < r.bottom() - E;
            for j in t..b {
                for i in l..rr {
                    let k = j * nx + i;
                    let (in_x, in_y) = (inside_x(i), inside_y(j));
                    self.node[k] |= in_x && in_y;
                    // The run to the next point crosses the inside when both lie within the box's
                    // span and the run is not on its border.
                    if in_y && i + 1 < nx && xs[i] < r.right() - E && xs[i + 1] > r.left() + E {
                        self.run_x[k] = true;
                    }
                    if in_x && j + 1 < ny && ys[j] < r.bottom() - E && ys[j + 1] > r.top() + E {
                        self.run_y[k] = true;
                    }
                }
            }
        }
    }
}

/// The limits a search works within: the grid cells left to all searches of a routing, and the
/// most obstacles one search may consider.
pub(super) struct Limits<'a> {
    pub budget: &'a mut usize,
    pub max_obstacles: usize,
}

/// A* over the grid of box edges (inflated by the clearance) within `margin` of the rectangle
/// between the two ends; the route's points and cost.
pub(super) fn search(
    scratch: &mut Scratch,
    boxes: &Boxes,
    (from, to): (Pos2, Pos2),
    margin: f32,
    busy: &Busy,
    limits: Limits,
) -> Option<(Vec<Pos2>, i64)> {
    let span = Rect::from_two_pos(from, to);
    let region = span.expand(margin);
    let obstacles = obstacles_near(boxes, (from, to), region);
    if obstacles.len() > limits.max_obstacles {
        return None;
    }
    // The grid stays within the region, where every box is known: a route may not wander
    // past it to where boxes were not collected.
    let mut xs = vec![from.x, to.x, region.left(), region.right()];
    let mut ys = vec![from.y, to.y, region.top(), region.bottom()];
    for r in &obstacles {
        xs.extend(
            [r.left(), r.right()]
                .into_iter()
                .filter(|x| region.x_range().contains(*x)),
        );
        ys.extend(
            [r.top(), r.bottom()]
                .into_iter()
                .filter(|y| region.y_range().contains(*y)),
        );
    }
    let (xs, ys) = (axis(xs), axis(ys));
    // Grid points are numbered in 16 bits each way and states in 32 bits.
    if xs.len() > usize::from(u16::MAX) || ys.len() > usize::from(u16::MAX) {
        return None;
    }
    let work = xs.len() * ys.len();
    if work > *limits.budget {
        return None;
    }
    *limits.budget -= work;
    scratch.blocked.mark(&obstacles, &xs, &ys);
    let find = |v: &[f32], x: f32| v.iter().position(|&c| (c - x).abs() < 0.5);
    let start = (find(&xs, from.x)?, find(&ys, from.y)?);
    let goal = (find(&xs, to.x)?, find(&ys, to.y)?);
    let grid = Grid { xs: &xs, ys: &ys };
    let path = scratch.astar(&grid, busy, start, goal, to)?;
    Some((
        path.0.into_iter().map(|(i, j)| grid.at(i, j)).collect(),
        path.1,
    ))
}

/// The grid's coordinates.
struct Grid<'a> {
    xs: &'a [f32],
    ys: &'a [f32],
}

impl Grid<'_> {
    fn at(&self, i: usize, j: usize) -> Pos2 {
        pos2(self.xs[i], self.ys[j])
    }
}

/// The moves from a grid point: along x up and down, along y up and down.
const STEPS: [(isize, isize); 4] = [(1, 0), (-1, 0), (0, 1), (0, -1)];
/// The direction of a state that was reached by no move (the start).
const NO_MOVE: usize = 4;

impl Scratch {
    /// Readies the buffers for a search over `points` grid points.
    fn begin(&mut self, points: usize) {
        if self.search == u32::MAX {
            // Stamps would repeat: start them afresh.
            self.stamp.clear();
            self.near_stamp.clear();
            self.search = 0;
        }
        self.search += 1;
        self.dense = points <= DENSE;
        self.sparse.clear();
        if self.dense && self.stamp.len() < points * 5 {
            self.stamp.resize(points * 5, 0);
            self.cost.resize(points * 5, 0);
            self.parent.resize(points * 5, 0);
            self.near_stamp.resize(points * 2, 0);
            self.near.resize(points * 2, 0);
        }
        self.heap.clear();
    }

    /// The cost of the cheapest way found so far to a state, if any.
    fn reached(&self, state: u32) -> Option<i64> {
        let s = state as usize;
        if self.dense {
            (self.stamp[s] == self.search).then(|| self.cost[s])
        } else {
            self.sparse.get(&state).map(|&(cost, _)| cost)
        }
    }

    /// Records a cheaper way to a state.
    fn reach(&mut self, state: u32, cost: i64, parent: u32) {
        let s = state as usize;
        if self.dense {
            self.stamp[s] = self.search;
            self.cost[s] = cost;
            self.parent[s] = parent;
        } else {
            self.sparse.insert(state, (cost, parent));
        }
    }

    fn parent(&self, state: u32) -> u32 {
        if self.dense {
            self.parent[state as usize]
        } else {
            self.sparse.get(&state).map_or(u32::MAX, |&(_, p)| p)
        }
    }

    /// How many earlier lines run beside the grid run `run` from `a` to `b`, asked of `busy`
    /// once per run and search.
    fn near(&mut self, run: usize, a: Pos2, b: Pos2, busy: &Busy) -> i64 {
        if !self.dense {
            return busy.near(a, b) as i64;
        }
        if self.near_stamp[run] != self.search {
            self.near_stamp[run] = self.search;
            self.near[run] = busy.near(a, b) as u32;
        }
        i64::from(self.near[run])
    }

    /// Weighted A* (the distance left counts double, so that the search heads for the goal
    /// instead of widening over the many equal-cost routes of an open grid) from `start` to
    /// `goal`, over states (grid point, direction it was reached in); the grid points of the
    /// cheapest route and its cost.
    fn astar(
        &mut self,
        grid: &Grid,
        busy: &Busy,
        start: (usize, usize),
        goal: (usize, usize),
        to: Pos2,
    ) -> Option<(Vec<(usize, usize)>, i64)> {
        let (nx, ny) = (grid.xs.len(), grid.ys.len());
        self.begin(nx * ny);
        let id = |i: usize, j: usize, d: usize| ((j * nx + i) * 5 + d) as u32;
        let unpack = |s: u32| {
            let s = s as usize;
            let (k, d) = (s / 5, s % 5);
            (k % nx, k / nx, d)
        };
        let heuristic = |p: Pos2| 2 * ((p.x - to.x).abs() + (p.y - to.y).abs()).round() as i64;
        let first = id(start.0, start.1, NO_MOVE);
        self.reach(first, 0, u32::MAX);
        self.heap.push(Open {
            estimate: 0,
            cost: 0,
            state: first,
            at: (start.0 as u16, start.1 as u16),
        });
        while let Some(Open {
            cost, state, at, ..
        }) = self.heap.pop()
        {
            let (i, j, d) = (usize::from(at.0), usize::from(at.1), state as usize % 5);
            if (i, j) == goal {
                let mut path = Vec::new();
                let mut s = state;
                while s != u32::MAX {
                    let (i, j, _) = unpack(s);
                    path.push((i, j));
                    s = self.parent(s);
                }
                path.reverse();
                return Some((path, cost));
            }
            // A state may wait in the heap several times, once for each cheaper way found to it:
            // only its cheapest is expanded.
            if self.reached(state).is_some_and(|c| cost > c) {
                continue;
            }
            let a = grid.at(i, j);
            for (dir, (di, dj)) in STEPS.into_iter().enumerate() {
                let (Some(ni), Some(nj)) = (i.checked_add_signed(di), j.checked_add_signed(dj))
                else {
                    continue;
                };
                if ni >= nx || nj >= ny {
                    continue;
                }
                // The run between the two points, filed under its lower-left end.
                let (run, blocked) = match dir {
                    0 => (2 * (j * nx + i), self.blocked.run_x[j * nx + i]),
                    1 => (2 * (j * nx + ni), self.blocked.run_x[j * nx + ni]),
                    2 => (2 * (j * nx + i) + 1, self.blocked.run_y[j * nx + i]),
                    _ => (2 * (nj * nx + i) + 1, self.blocked.run_y[nj * nx + i]),
                };
                if blocked || self.blocked.node[nj * nx + ni] {
                    continue;
                }
                let b = grid.at(ni, nj);
                let len = ((a.x - b.x).abs() + (a.y - b.y).abs()).round() as i64;
                let bend = if d != NO_MOVE && d != dir { BEND } else { 0 };
                // Running beside earlier lines costs per crossing of the run and per unit of its
                // length.
                let shared = self.near(run, a, b, busy) * (SHARED + 2 * len);
                let new_cost = cost + len + bend + shared;
                let next = id(ni, nj, dir);
                if self.reached(next).is_some_and(|c| c <= new_cost) {
                    continue;
                }
                self.reach(next, new_cost, state);
                self.heap.push(Open {
                    estimate: new_cost + heuristic(b),
                    cost: new_cost,
                    state: next,
                    at: (ni as u16, nj as u16),
                });
            }
        }
        None
    }
}
