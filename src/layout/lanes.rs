//! Lanes: relation lines that share a run, or run closer than [`LANE`], are moved apart, the way
//! libavoid "nudges" orthogonal connectors after routing. Only the inner runs of a route move (its
//! ends stay on the boxes' ports); a group moves only where none of its runs would then cross a
//! box or come close to a run that cannot move.

use egui::{Pos2, Rect};

/// The least distance between two parallel relation lines, in chart units.
pub const LANE: f32 = 6.0;

/// One straight run of a route, seen along one axis.
#[derive(Clone, Copy, Debug)]
struct Run {
    route: usize,
    /// The run goes from point `k` to point `k + 1`.
    k: usize,
    across: f32,
    lo: f32,
    hi: f32,
    /// Where its neighbours lead: −1 for each end that turns to smaller coordinates, +1 to larger.
    turns: i32,
}

/// Moves apart the parallel inner runs of `routes` that are closer than [`LANE`].
/// Callers simplify the routes afterwards: jogs that did not open are left as repeated points.
pub fn separate(routes: &mut [Vec<Pos2>], rects: &[Rect], fixed: &[Vec<Pos2>]) {
    for p in routes.iter_mut() {
        open_ends(p);
    }
    // A second round: moving one axis's runs changes the extents of the other's.
    for horizontal in [true, false, true, false] {
        spread(routes, rects, fixed, horizontal);
    }
}

/// How much of a route's first and last run stays at its port when the rest moves.
const STUB: f32 = 7.0;

/// Splits a long first or last run into a stub at the port and a run that can move, joined by a
/// jog of no length yet (a repeated point), so that lines leaving one box can part.
fn open_ends(p: &mut Vec<Pos2>) {
    let n = p.len();
    if n < 2 {
        return;
    }
    let cut = |from: Pos2, to: Pos2| {
        let d = to - from;
        (d.length() > STUB + 2.0 * LANE).then(|| from + d.normalized() * STUB)
    };
    if let Some(s) = cut(p[n - 1], p[n - 2]) {
        p.splice(n - 1..n - 1, [s, s]);
    }
    if let Some(s) = cut(p[0], p[1]) {
        p.splice(1..1, [s, s]);
    }
}

fn across(p: Pos2, horizontal: bool) -> f32 {
    if horizontal {
        p.y
    } else {
        p.x
    }
}

fn along(p: Pos2, horizontal: bool) -> f32 {
    if horizontal {
        p.x
    } else {
        p.y
    }
}

/// The runs of one axis: the inner ones, which may move, and the end ones, which may not.
fn runs(routes: &[Vec<Pos2>], horizontal: bool) -> (Vec<Run>, Vec<Run>) {
    let (mut inner, mut ends) = (Vec::new(), Vec::new());
    for (route, p) in routes.iter().enumerate() {
        let n = p.len();
        for k in 0..n.saturating_sub(1) {
            let (a, b) = (p[k], p[k + 1]);
            let d_across = (across(a, horizontal) - across(b, horizontal)).abs();
            let d_along = (along(a, horizontal) - along(b, horizontal)).abs();
            if d_across > 0.01 || d_along < 0.01 {
                continue;
            }
            let side = |q: Pos2| (across(q, horizontal) - across(a, horizontal)).signum() as i32;
            let turns = if k >= 1 && k + 2 < n {
                side(p[k - 1]) + side(p[k + 2])
            } else {
                0
            };
            let run = Run {
                route,
                k,
                across: across(a, horizontal),
                lo: along(a, horizontal).min(along(b, horizontal)),
                hi: along(a, horizontal).max(along(b, horizontal)),
                turns,
            };
            if k >= 1 && k + 2 < n {
                inner.push(run);
            } else {
                ends.push(run);
            }
        }
    }
    (inner, ends)
}

fn overlap(a: &Run, b: &Run) -> f32 {
    a.hi.min(b.hi) - a.lo.max(b.lo)
}

/// Groups of runs of different routes that lie closer than [`LANE`] and overlap, in a fixed
/// order (so that the picture does not depend on a hash map); `inner` sorted across.
fn close_groups(inner: &mut [Run]) -> Vec<Vec<Run>> {
    inner.sort_by(|a, b| a.across.total_cmp(&b.across).then(a.lo.total_cmp(&b.lo)));
    // Groups of runs that are too close, by union-find over neighbours in `across` order.
    let mut parent: Vec<usize> = (0..inner.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..inner.len() {
        for j in i + 1..inner.len() {
            if inner[j].across - inner[i].across >= LANE {
                break;
            }
            if inner[i].route != inner[j].route && overlap(&inner[i], &inner[j]) > 1.0 {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: rustc_hash::FxHashMap<usize, Vec<Run>> = Default::default();
    for (i, run) in inner.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(*run);
    }
    let mut groups: Vec<Vec<Run>> = groups.into_values().filter(|g| g.len() > 1).collect();
    // In a fixed order, so that the picture does not depend on the hash map.
    groups.sort_by(|a, b| {
        a[0].across
            .total_cmp(&b[0].across)
            .then(a[0].lo.total_cmp(&b[0].lo))
    });
    groups
}

fn spread(routes: &mut [Vec<Pos2>], rects: &[Rect], fixed: &[Vec<Pos2>], horizontal: bool) {
    let (mut inner, mut ends) = runs(routes, horizontal);
    // The fixed lines stay where they are, as the routes' ends do; as a route of their own
    // (past every index of `routes`), they are beside every route.
    let (fixed_inner, fixed_ends) = runs(fixed, horizontal);
    ends.extend(fixed_inner.into_iter().chain(fixed_ends).map(|r| Run {
        route: usize::MAX,
        ..r
    }));
    let groups = close_groups(&mut inner);
    // Runs already where they stay: those of no group, then each placed one. A run is placed at
    // the nearest lane, towards where its ends turn, that keeps `LANE` from every settled run
    // beside it and fits; one that finds none keeps its place.
    let grouped: rustc_hash::FxHashSet<(usize, usize)> =
        groups.iter().flatten().map(|r| (r.route, r.k)).collect();
    let mut settled: Vec<Run> = inner
        .iter()
        .filter(|r| !grouped.contains(&(r.route, r.k)))
        .copied()
        .chain(ends.iter().copied())
        .collect();
    for mut group in groups {
        group.sort_by(|a, b| {
            (a.turns, a.across, a.lo)
                .partial_cmp(&(b.turns, b.across, b.lo))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let steps = group.len() + 2;
        let reach = steps as f32 * LANE;
        // Only what lies near the group can be in its way: the boxes and the settled runs within
        // reach of its runs and their neighbours (a large chart has thousands of each).
        let region = group
            .iter()
            .flat_map(|run| routes[run.route][run.k - 1..=run.k + 2].iter())
            .fold(Rect::NOTHING, |r, &q| r.union(Rect::from_min_max(q, q)))
            .expand(reach + LANE);
        let near_rects: Vec<Rect> = rects
            .iter()
            .filter(|r| r.intersects(region))
            .copied()
            .collect();
        let (along_range, across_range) = if horizontal {
            (region.x_range(), region.y_range())
        } else {
            (region.y_range(), region.x_range())
        };
        let mut near: Vec<Run> = settled
            .iter()
            .filter(|s| {
                s.hi >= along_range.min
                    && s.lo <= along_range.max
                    && across_range.contains(s.across)
            })
            .copied()
            .collect();
        // Nearest lanes first; a group that leaves some run in place that way is placed again
        // from the side each run turns to, outermost first, with the boxes' edges as lanes too:
        // that packs a narrow gap (two lines between two stacked boxes) from its edges instead
        // of its middle. Each pass moves copies of the group's routes as it places their runs.
        let place = |toward_first: bool, mut near: Vec<Run>| {
            let mut order = group.clone();
            if toward_first {
                let toward = |r: &Run| if r.turns < 0 { -1.0 } else { 1.0 };
                order.sort_by(|a, b| {
                    (toward(a), -a.across * toward(a))
                        .partial_cmp(&(toward(b), -b.across * toward(b)))
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
            }
            let mut trial: rustc_hash::FxHashMap<usize, Vec<Pos2>> = (order.iter())
                .map(|r| (r.route, routes[r.route].clone()))
                .collect();
            let mut out: Vec<(Run, Option<f32>)> = Vec::new();
            for run in order {
                let p = &mut trial.get_mut(&run.route).expect("a copy of every route");
                let t = place_run(p, &near_rects, &near, run, steps, toward_first, horizontal);
                let across = t.unwrap_or(run.across);
                move_run(p, &run, across, horizontal);
                near.push(Run { across, ..run });
                out.push((run, t));
            }
            out
        };
        let failures = |p: &[(Run, Option<f32>)]| p.iter().filter(|(_, t)| t.is_none()).count();
        let mut placed = place(false, near.clone());
        if failures(&placed) > 0 {
            let again = place(true, near.clone());
            if failures(&again) < failures(&placed) {
                placed = again;
            }
        }
        for (run, t) in placed {
            let across = t.unwrap_or(run.across);
            move_run(&mut routes[run.route], &run, across, horizontal);
            settled.push(Run { across, ..run });
            near.push(Run { across, ..run });
        }
    }
}

fn move_run(p: &mut [Pos2], run: &Run, to: f32, horizontal: bool) {
    for q in [run.k, run.k + 1] {
        if horizontal {
            p[q].y = to;
        } else {
            p[q].x = to;
        }
    }
}

/// Where `run` may go across: its own place, whole lanes away from it, one lane from each settled
/// run beside it (and, when `toward_first`, a box's edge), the nearest first; `None` when none
/// keeps [`LANE`] from the runs `near` it and fits.
fn place_run(
    route: &[Pos2],
    near_rects: &[Rect],
    near: &[Run],
    run: Run,
    steps: usize,
    toward_first: bool,
    horizontal: bool,
) -> Option<f32> {
    let reach = steps as f32 * LANE;
    let toward = if run.turns < 0 { -1.0 } else { 1.0 };
    // Every candidate lies within a lane past `reach` of the run: only what is beside that band
    // can be in its way (a group along a long line has thousands of boxes and runs near it).
    let band = reach + LANE;
    let beside: Vec<Run> = near
        .iter()
        .filter(|s| {
            s.route != run.route
                && (s.across - run.across).abs() < band + LANE
                && overlap(s, &run) > 1.0
        })
        .copied()
        .collect();
    let swept = route[run.k - 1..=run.k + 2]
        .iter()
        .fold(Rect::NOTHING, |r, &q| r.union(Rect::from_min_max(q, q)));
    let swept = if horizontal {
        swept.expand2(egui::vec2(0.0, band))
    } else {
        swept.expand2(egui::vec2(band, 0.0))
    }
    .expand(2.5);
    let in_band: Vec<Rect> = near_rects
        .iter()
        .filter(|r| r.intersects(swept))
        .copied()
        .collect();
    let edges = near_rects.iter().flat_map(|r| {
        let (lo, hi) = if horizontal {
            (r.min.y, r.max.y)
        } else {
            (r.min.x, r.max.x)
        };
        [lo - 2.0, hi + 2.0]
    });
    let mut candidates: Vec<f32> = (1..=steps)
        .flat_map(|i| [i as f32 * LANE, -(i as f32) * LANE])
        .map(|d| run.across + d)
        .chain(
            near.iter()
                .filter(|s| (s.across - run.across).abs() < reach && overlap(s, &run) > 1.0)
                .flat_map(|s| [s.across - LANE, s.across + LANE]),
        )
        .chain(edges.filter(|t| toward_first && (t - run.across).abs() <= reach))
        .collect();
    if toward_first {
        candidates.push(run.across);
    }
    candidates.sort_by(|a, b| {
        // In the packing pass the side a run turns to comes first, its own place after.
        let side = |t: f32| toward_first && (t - run.across) * toward <= 0.0;
        let key = |t: f32| (side(t), (t - run.across).abs(), -(t - run.across) * toward);
        key(*a)
            .partial_cmp(&key(*b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let first = (!toward_first).then_some(run.across);
    first.into_iter().chain(candidates).find(|&t| {
        !beside.iter().any(|s| (s.across - t).abs() < LANE - 0.01)
            && fits(route, &in_band, &run, t, horizontal)
    })
}

/// True when `run`, moved across to `t`, crosses no box and keeps its neighbours running the way
/// they ran.
fn fits(p: &[Pos2], rects: &[Rect], run: &Run, t: f32, h: bool) -> bool {
    let moved = |q: Pos2| {
        if h {
            Pos2::new(q.x, t)
        } else {
            Pos2::new(t, q.y)
        }
    };
    let (a, b) = (moved(p[run.k]), moved(p[run.k + 1]));
    // The neighbours keep their direction and at least a short stub.
    for (fixed, end) in [(p[run.k - 1], a), (p[run.k + 2], b)] {
        let (old, new) = (
            across(fixed, h) - run.across,
            across(fixed, h) - across(end, h),
        );
        // A jog (no length yet) may open either way.
        let jog = old.abs() < 0.01;
        if !jog && (old.signum() != new.signum() || new.abs() < 3.0) {
            return false;
        }
    }
    let clear = |s: Pos2, e: Pos2, margin: f32| {
        let seg = Rect::from_two_pos(s, e);
        !rects.iter().any(|r| {
            let r = r.expand(margin);
            seg.max.x > r.min.x && seg.min.x < r.max.x && seg.max.y > r.min.y && seg.min.y < r.max.y
        })
    };
    // The run keeps a little room from boxes; its neighbours may touch the boxes they leave.
    clear(a, b, 2.0) && clear(p[run.k - 1], a, -0.5) && clear(b, p[run.k + 2], -0.5)
}
