//! The tidy tree: Reingold–Tilford (via the `reingold-tilford` crate), with a wide row of leaves
//! under one parent in top-down charts turned into a compact vertical stack, as org charts do. The
//! stack is laid out as a chain, so no neighbouring subtree can slide under it. Reporting lines are
//! orthogonal ("taxi") connectors.

use egui::{pos2, vec2, Pos2, Rect, Vec2};
use reingold_tilford::{Dimensions, NodeInfo, SmallVec};

use super::{dedup_points, forest, Connector, LayoutRequest, Orientation, Placement};

/// The most boxes in one stack column; more leaves make more columns.
pub const MAX_STACK: usize = 8;

/// A parent with more children than this stacks its leaves, so that its row stays short.
pub const MAX_ROW: usize = 6;

struct Tree {
    /// Children in layout terms (stacks become chains); index `n` is the virtual root.
    children: Vec<SmallVec<usize>>,
    /// Size along (across siblings, along depth).
    extent: Vec<Vec2>,
    border: Vec<Dimensions>,
}

impl NodeInfo<usize> for Tree {
    type Key = usize;

    fn key(&self, node: usize) -> usize {
        node
    }

    fn children(&self, node: usize) -> SmallVec<usize> {
        self.children[node].clone()
    }

    fn dimensions(&self, node: usize) -> Dimensions {
        let e = self.extent[node] * 0.5;
        Dimensions {
            top: e.y as f64,
            bottom: e.y as f64,
            left: e.x as f64,
            right: e.x as f64,
        }
    }

    fn border(&self, node: usize) -> Dimensions {
        self.border[node]
    }
}

/// Box positions, before the connectors are routed.
#[derive(Clone, Debug, PartialEq)]
struct Positions {
    rect_in_chart: Vec<Rect>,
    /// True for boxes placed in a compact stack under their parent.
    stacked: Vec<bool>,
    bounds: Rect,
}

/// Lays out the forest and routes its reporting lines.
pub(super) fn place(request: &LayoutRequest) -> Placement {
    let positions = positions(request);
    Placement {
        connectors: connectors(request, &positions),
        rect_in_chart: positions.rect_in_chart,
        bounds: positions.bounds,
    }
}

fn positions(request: &LayoutRequest) -> Positions {
    let n = request.nodes.len();
    if n == 0 {
        return Positions {
            rect_in_chart: Vec::new(),
            stacked: Vec::new(),
            bounds: Rect::ZERO,
        };
    }
    let top_down = request.orientation == Orientation::TopDown;
    let spacing = request.spacing;

    let (children, roots) = forest(&request.nodes);

    let mut stacked = vec![false; n];
    // The first and last stack column heads under each parent that has a stack.
    let mut stacks_of: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    let mut stack_head = vec![false; n];
    // The head of the stack column each stacked box belongs to.
    let mut stack_of: Vec<usize> = (0..n).collect();
    let mut size: Vec<Vec2> = request.nodes.iter().map(|node| node.size).collect();
    let mut tree_children: Vec<SmallVec<usize>> = children
        .iter()
        .map(|kids| kids.iter().copied().collect())
        .collect();
    tree_children.push(roots.iter().copied().collect());
    for p in 0..n {
        let kids = &children[p];
        let leaves: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&c| children[c].is_empty())
            .collect();
        // A family of leaves only, or a row too long to read: the leaves stack. A short row of
        // peers with subordinates of their own (the statutory councils) stays a row.
        let all_leaves = leaves.len() == kids.len();
        let stack = top_down
            && request.compact
            && leaves.len() >= 2
            && ((all_leaves && kids.len() >= 4) || kids.len() > MAX_ROW);
        if !stack {
            continue;
        }
        // Long stacks split into columns of at most `MAX_STACK`, side by side.
        let mut heads = Vec::new();
        for column in leaves.chunks(MAX_STACK) {
            let width = column.iter().map(|&c| size[c].x).fold(0.0, f32::max);
            for (k, &c) in column.iter().enumerate() {
                stacked[c] = true;
                stack_of[c] = column[0];
                size[c].x = width;
                if let Some(&next) = column.get(k + 1) {
                    tree_children[c].push(next);
                }
            }
            stack_head[column[0]] = true;
            heads.push(column[0]);
        }
        // The stack columns stand in the middle of the row, directly beneath their parent, so
        // that no stacked box reads as under one of its siblings.
        let mut order: SmallVec<usize> = kids.iter().copied().filter(|&c| !stacked[c]).collect();
        let middle = order.len() / 2;
        if let (Some(&first), Some(&last)) = (heads.first(), heads.last()) {
            stacks_of[p] = Some((first, last));
        }
        order.insert_many(middle, heads);
        tree_children[p] = order;
    }

    let across = |v: Vec2| if top_down { v } else { vec2(v.y, v.x) };
    let mut extent: Vec<Vec2> = size.iter().map(|&s| across(s)).collect();
    extent.push(Vec2::ZERO);
    let mut border: Vec<Dimensions> = (0..n)
        .map(|i| {
            // Chained stack boxes sit close; the level gap applies above the first only.
            let (above, below) = match (stacked[i], stack_head[i]) {
                (false, _) => (spacing.level, spacing.level),
                (true, true) => (spacing.level, spacing.stack),
                (true, false) => (spacing.stack, spacing.stack),
            };
            let side = spacing.sibling as f64 / 2.0
                + if stacked[i] {
                    spacing.stack_indent as f64 / 2.0
                } else {
                    0.0
                };
            Dimensions {
                top: above as f64 / 2.0,
                bottom: below as f64 / 2.0,
                left: side,
                right: side,
            }
        })
        .collect();
    border.push(Dimensions::all(0.0));

    let tree = Tree {
        children: tree_children,
        extent,
        border,
    };
    let coords = reingold_tilford::layout(&tree, n);
    let mut across: Vec<f64> = (0..=n)
        .map(|i| coords.get(&i).map_or(0.0, |c| c.x))
        .collect();
    let half: Vec<f64> = (0..=n)
        .map(|i| tree.extent[i].x as f64 / 2.0 + tree.border[i].left)
        .collect();
    separate_subtrees(&tree.children, n, &mut across, &half, &stacks_of);

    let mut rect_in_chart: Vec<Rect> = (0..n)
        .map(|i| {
            let c = coords.get(&i).copied().unwrap_or_default();
            let x = across[i] as f32;
            let centre = if top_down {
                pos2(x, c.y as f32)
            } else {
                pos2(c.y as f32, x)
            };
            Rect::from_center_size(centre, size[i])
        })
        .collect();
    // Stacked boxes share one left edge, with room for the connector on their left.
    let heads_left: Vec<f32> = rect_in_chart.iter().map(|r| r.left()).collect();
    for c in 0..n {
        if stacked[c] {
            let left = heads_left[stack_of[c]] + spacing.stack_indent / 2.0;
            let r = rect_in_chart[c];
            rect_in_chart[c] = Rect::from_min_size(pos2(left, r.top()), r.size());
        }
    }

    // Stack connectors run left of their boxes: keep them inside the chart.
    let mut bounds = rect_in_chart
        .iter()
        .zip(&stacked)
        .fold(Rect::NOTHING, |acc, (r, &s)| {
            let reach = if s { spacing.stack_indent } else { 0.0 };
            acc.union(Rect::from_min_max(r.min - vec2(reach, 0.0), r.max))
        });
    let shift = Pos2::ZERO - bounds.min;
    for r in &mut rect_in_chart {
        *r = r.translate(shift);
    }
    bounds = bounds.translate(shift);
    Positions {
        rect_in_chart,
        stacked,
        bounds,
    }
}

/// Pushes sibling subtrees apart wherever they overlap, row by row, and re-centres their parents.
///
/// `reingold-tilford` 1.0 spreads middle siblings evenly between their outer siblings without
/// checking their subtrees again, so a wide subtree can end up under its neighbour. This pass
/// restores the separation invariant; where the crate got it right it moves nothing.
fn separate_subtrees(
    children: &[SmallVec<usize>],
    root: usize,
    across: &mut [f64],
    half: &[f64],
    stacks_of: &[Option<(usize, usize)>],
) {
    let mut order = Vec::with_capacity(across.len());
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        order.push(v);
        stack.extend(children[v].iter().copied());
    }
    // Per node: (leftmost, rightmost) extent of its subtree at each depth below it, itself first.
    let mut contours: Vec<Vec<(f64, f64)>> = vec![Vec::new(); across.len()];
    for &v in order.iter().rev() {
        let mut acc: Vec<(f64, f64)> = Vec::new();
        let mut moved = false;
        for (k, &c) in children[v].iter().enumerate() {
            let mut contour = std::mem::take(&mut contours[c]);
            let shift = if k == 0 {
                0.0
            } else if v == root {
                // Separate trees of a forest stand side by side as wholes, so that no box of one
                // tree sits under the apex of another.
                let right = acc.iter().map(|a| a.1).fold(f64::MIN, f64::max);
                let left = contour.iter().map(|c| c.0).fold(f64::MAX, f64::min);
                (right - left).max(0.0)
            } else {
                acc.iter()
                    .zip(&contour)
                    .map(|(left, right)| left.1 - right.0)
                    .fold(0.0, f64::max)
            };
            if shift > 1e-9 {
                moved = true;
                let mut stack = vec![c];
                while let Some(d) = stack.pop() {
                    across[d] += shift;
                    stack.extend(children[d].iter().copied());
                }
                for e in &mut contour {
                    e.0 += shift;
                    e.1 += shift;
                }
            }
            for (depth, e) in contour.into_iter().enumerate() {
                match acc.get_mut(depth) {
                    Some(a) => *a = (a.0.min(e.0), a.1.max(e.1)),
                    None => acc.push(e),
                }
            }
        }
        if let Some((first, last)) = stacks_of.get(v).copied().flatten() {
            // A parent stands over its stack, so that the stack reads as under it alone.
            across[v] = (across[first] + across[last]) / 2.0;
        } else if moved {
            if let (Some(&first), Some(&last)) = (children[v].first(), children[v].last()) {
                across[v] = (across[first] + across[last]) / 2.0;
            }
        }
        contours[v] = std::iter::once((across[v] - half[v], across[v] + half[v]))
            .chain(acc)
            .collect();
    }
}

/// Orthogonal connectors from each parent to its children; a stack's run down its left side.
fn connectors(request: &LayoutRequest, positions: &Positions) -> Vec<Connector> {
    let rects = &positions.rect_in_chart;
    let spacing = request.spacing;
    let n = request.nodes.len();
    // Where the connectors of one parent turn: half a level above its nearest child.
    let mut turn = vec![f32::INFINITY; n];
    for (c, node) in request.nodes.iter().enumerate() {
        if let Some(p) = node.parent {
            let near = match request.orientation {
                Orientation::TopDown => rects[c].top(),
                Orientation::LeftRight => rects[c].left(),
            };
            turn[p] = turn[p].min(near - spacing.level / 2.0);
        }
    }
    let mut out = Vec::new();
    for (c, node) in request.nodes.iter().enumerate() {
        let Some(p) = node.parent else { continue };
        let (pr, cr) = (rects[p], rects[c]);
        let points = match request.orientation {
            Orientation::TopDown if positions.stacked[c] => {
                let spine = cr.left() - spacing.stack_indent;
                vec![
                    pr.center_bottom(),
                    pos2(pr.center().x, turn[p]),
                    pos2(spine, turn[p]),
                    pos2(spine, cr.center().y),
                    cr.left_center(),
                ]
            }
            Orientation::TopDown => vec![
                pr.center_bottom(),
                pos2(pr.center().x, turn[p]),
                pos2(cr.center().x, turn[p]),
                cr.center_top(),
            ],
            Orientation::LeftRight => vec![
                pr.right_center(),
                pos2(turn[p], pr.center().y),
                pos2(turn[p], cr.center().y),
                cr.left_center(),
            ],
        };
        out.push(Connector {
            parent: p,
            child: c,
            points: dedup_points(points),
        });
    }
    out
}

#[cfg(test)]
#[path = "tidy_tests.rs"]
mod tests;
