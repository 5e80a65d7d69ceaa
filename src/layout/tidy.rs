//! The tidy tree: Reingold–Tilford, with a wide row of leaves under one parent in top-down charts
//! turned into a compact vertical stack, as org charts do. The stack is laid out as a chain, so no
//! neighbouring subtree can slide under it. Reporting lines are orthogonal ("taxi") connectors.
//!
//! The placement is our own, in near-linear time (contours merged small into large, shifts
//! applied lazily): the `reingold-tilford` crate walks whole subtrees for every contour, which
//! takes seconds on a chain thousands deep.

use egui::{pos2, vec2, Pos2, Rect, Vec2};
use smallvec::SmallVec;

use super::{dedup_points, forest, Block, Connector, LayoutRequest, Orientation, Placement};

/// The most boxes in one stack column; more leaves make more columns.
pub const MAX_STACK: usize = 8;

/// A parent with more children than this stacks its leaves, so that its row stays short.
pub const MAX_ROW: usize = 6;

type Kids = SmallVec<[usize; 8]>;

/// Room kept around a box: half the gap to its neighbours on each side.
#[derive(Clone, Copy, Debug, Default)]
struct Border {
    top: f64,
    bottom: f64,
    side: f64,
}

struct Tree {
    /// Children in layout terms (stacks become chains); index `n` is the virtual root.
    children: Vec<Kids>,
    /// Size along (across siblings, along depth).
    extent: Vec<Vec2>,
    border: Vec<Border>,
}

/// Box positions, before the connectors are routed.
#[derive(Clone, Debug, PartialEq)]
struct Positions {
    rect_in_chart: Vec<Rect>,
    /// True for boxes placed in a compact stack under their parent.
    stacked: Vec<bool>,
    blocks: Vec<Block>,
    bounds: Rect,
}

/// Lays out the forest and routes its reporting lines.
pub(super) fn place(request: &LayoutRequest) -> Placement {
    let positions = positions(request);
    Placement {
        connectors: connectors(request, &positions),
        rect_in_chart: positions.rect_in_chart,
        blocks: positions.blocks,
        bounds: positions.bounds,
    }
}

/// Leaves stacked in columns under their parents, and what the placement needs to know of it.
struct Stacks {
    stacked: Vec<bool>,
    /// The first and last stack column heads under each parent that has a stack.
    stacks_of: Vec<Option<(usize, usize)>>,
    stack_head: Vec<bool>,
    /// The head of the stack column each stacked box belongs to.
    stack_of: Vec<usize>,
    blocks: Vec<Block>,
    /// Box sizes, a column's boxes widened to its widest.
    size: Vec<Vec2>,
    /// The tree as laid out: a stack chained box under box, the stacks amid their row.
    tree_children: Vec<Kids>,
}

fn stack_leaves(request: &LayoutRequest, children: &[Vec<usize>], roots: &[usize]) -> Stacks {
    let n = request.nodes.len();
    let top_down = request.orientation == Orientation::TopDown;
    let mut stacked = vec![false; n];
    // The first and last stack column heads under each parent that has a stack.
    let mut stacks_of: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    let mut stack_head = vec![false; n];
    // The head of the stack column each stacked box belongs to.
    let mut stack_of: Vec<usize> = (0..n).collect();
    let mut blocks: Vec<Block> = Vec::new();
    let mut size: Vec<Vec2> = request.nodes.iter().map(|node| node.size).collect();
    let mut tree_children: Vec<Kids> = children
        .iter()
        .map(|kids| kids.iter().copied().collect())
        .collect();
    tree_children.push(roots.iter().copied().collect());
    for p in 0..n {
        let kids = &children[p];
        let leaves: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&c| children[c].is_empty() && !request.nodes[c].hides_subordinates)
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
        // One block per group (kind), so that no box stands above a sibling of another kind;
        // beside subordinates with their own, a leaf alone of its kind stays in the row.
        let mut groups: Vec<(u32, Vec<usize>)> = Vec::new();
        for &c in &leaves {
            let group = request.nodes[c].group;
            match groups.iter_mut().find(|(g, _)| *g == group) {
                Some((_, members)) => members.push(c),
                None => groups.push((group, vec![c])),
            }
        }
        if !all_leaves {
            groups.retain(|(_, members)| members.len() >= 2);
        }
        // Long stacks split into columns of at most `MAX_STACK`, side by side.
        let mut heads = Vec::new();
        for (_, members) in groups {
            for column in members.chunks(MAX_STACK) {
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
            // Framed once the boxes are placed.
            blocks.push(Block::around(p, members, Rect::NOTHING, 0.0, 0.0));
        }
        if heads.is_empty() {
            continue;
        }
        // The stack columns stand in the middle of the row, directly beneath their parent, so
        // that no stacked box reads as under one of its siblings.
        let mut order: Kids = kids.iter().copied().filter(|&c| !stacked[c]).collect();
        let middle = order.len() / 2;
        if let (Some(&first), Some(&last)) = (heads.first(), heads.last()) {
            stacks_of[p] = Some((first, last));
        }
        order.insert_many(middle, heads);
        tree_children[p] = order;
    }
    Stacks {
        stacked,
        stacks_of,
        stack_head,
        stack_of,
        blocks,
        size,
        tree_children,
    }
}

/// The room around each box: the level gap above and below (closer within a stack), and half
/// the sibling gap at each side (more for a stacked box, whose connector runs on its left).
fn borders(stacked: &[bool], stack_head: &[bool], spacing: super::Spacing) -> Vec<Border> {
    let n = stacked.len();
    (0..n)
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
            Border {
                top: above as f64 / 2.0,
                bottom: below as f64 / 2.0,
                side,
            }
        })
        .collect()
}

fn positions(request: &LayoutRequest) -> Positions {
    let n = request.nodes.len();
    if n == 0 {
        return Positions {
            rect_in_chart: Vec::new(),
            stacked: Vec::new(),
            blocks: Vec::new(),
            bounds: Rect::ZERO,
        };
    }
    let top_down = request.orientation == Orientation::TopDown;
    let spacing = request.spacing;

    let (children, roots) = forest(&request.nodes);

    let Stacks {
        stacked,
        stacks_of,
        stack_head,
        stack_of,
        mut blocks,
        size,
        tree_children,
    } = stack_leaves(request, &children, &roots);

    let across = |v: Vec2| if top_down { v } else { vec2(v.y, v.x) };
    let mut extent: Vec<Vec2> = size.iter().map(|&s| across(s)).collect();
    extent.push(Vec2::ZERO);
    let mut border = borders(&stacked, &stack_head, spacing);
    border.push(Border::default());

    let tree = Tree {
        children: tree_children,
        extent,
        border,
    };
    let along = rows(&tree, n);
    let half: Vec<f64> = (0..=n)
        .map(|i| tree.extent[i].x as f64 / 2.0 + tree.border[i].side)
        .collect();
    let mut across = vec![0.0; n + 1];
    separate_subtrees(&tree.children, n, &mut across, &half, &stacks_of);

    let mut rect_in_chart: Vec<Rect> = (0..n)
        .map(|i| {
            let (x, y) = (across[i] as f32, along[i] as f32);
            let centre = if top_down { pos2(x, y) } else { pos2(y, x) };
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

    // A block's frame holds its heading (in the level gap above its first boxes), its
    // connectors and its boxes.
    for block in &mut blocks {
        let boxes = block
            .members
            .iter()
            .map(|&c| rect_in_chart[c])
            .fold(Rect::NOTHING, Rect::union);
        // The stack's connector runs down its left: inside the frame, left of the heading.
        let spine = boxes.left() - spacing.stack_indent;
        let extent = Rect::from_min_max(pos2(spine, boxes.top()), boxes.max);
        let members = std::mem::take(&mut block.members);
        *block = Block::around(block.parent, members, extent, spine + 6.0, f32::INFINITY);
    }

    // Stack connectors run left of their boxes, and frames around them: keep them inside the
    // chart.
    let mut bounds = rect_in_chart
        .iter()
        .zip(&stacked)
        .fold(Rect::NOTHING, |acc, (r, &s)| {
            let reach = if s { spacing.stack_indent } else { 0.0 };
            acc.union(Rect::from_min_max(r.min - vec2(reach, 0.0), r.max))
        });
    for block in &blocks {
        bounds = bounds.union(block.frame);
    }
    let shift = Pos2::ZERO - bounds.min;
    for r in &mut rect_in_chart {
        *r = r.translate(shift);
    }
    for block in &mut blocks {
        block.frame = block.frame.translate(shift);
        block.heading = block.heading.translate(shift);
    }
    bounds = bounds.translate(shift);
    Positions {
        rect_in_chart,
        stacked,
        blocks,
        bounds,
    }
}

/// The centre of each box along the depth: each row of the tree (bodies at one depth) lines up
/// below the lowest box of the row above, with the level gap between.
fn rows(tree: &Tree, root: usize) -> Vec<f64> {
    let mut along = vec![0.0; tree.children.len()];
    let mut row = vec![root];
    while !row.is_empty() {
        let top = |i: usize| tree.extent[i].y as f64 / 2.0 + tree.border[i].top;
        let bottom = |i: usize| tree.extent[i].y as f64 / 2.0 + tree.border[i].bottom;
        let mut next = Vec::new();
        for &p in &row {
            for &c in &tree.children[p] {
                along[c] = along[p] + bottom(p) + top(c);
                next.push(c);
            }
        }
        let lowest = next.iter().map(|&c| along[c]).fold(f64::MIN, f64::max);
        for &c in &next {
            along[c] = lowest;
        }
        row = next;
    }
    along
}

/// One side's outline of a subtree, row by row: `(left, right)` of each row, deepest first so
/// that a parent adds its own row in constant time, all to be moved by `offset`.
#[derive(Default)]
struct Contour {
    rows: Vec<(f64, f64)>,
    offset: f64,
}

impl Contour {
    /// Row `depth` below the top, in chart coordinates.
    fn at(&self, depth: usize) -> (f64, f64) {
        let (l, r) = self.rows[self.rows.len() - 1 - depth];
        (l + self.offset, r + self.offset)
    }

    /// Takes in `other` beside it: each shared row spans both. The longer keeps its rows, so
    /// every row is copied at most once per level of nesting it is the shorter on (small into
    /// large: n log n in all).
    fn merge(mut self, mut other: Contour) -> Contour {
        if other.rows.len() > self.rows.len() {
            std::mem::swap(&mut self, &mut other);
        }
        let (long, short) = (self.rows.len(), other.rows.len());
        for depth in 0..short {
            let (a, b) = (self.at(depth), other.at(depth));
            self.rows[long - 1 - depth] = (a.0.min(b.0) - self.offset, a.1.max(b.1) - self.offset);
        }
        self
    }
}

/// Places siblings side by side, each subtree as close to the previous ones as their contours
/// allow, row by row, and centres each parent over its children (or over its stack).
///
/// Bottom up: a subtree is moved as a whole by a pending shift that reaches its boxes once, at
/// the end, so that deep trees cost no more than wide ones.
fn separate_subtrees(
    children: &[Kids],
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
    // A shift still to be applied to every box strictly beneath a node.
    let mut pending = vec![0.0; across.len()];
    let mut contours: Vec<Contour> = (0..across.len()).map(|_| Contour::default()).collect();
    for &v in order.iter().rev() {
        let mut acc: Option<Contour> = None;
        // The right edge of the trees of a forest placed so far.
        let mut forest_right = f64::MIN;
        // A childless box stands as a pillar as deep as its family reaches, so that no
        // sibling's subordinate slides under it and reads as its own.
        let depth = children[v]
            .iter()
            .map(|&c| contours[c].rows.len())
            .max()
            .unwrap_or(0);
        for &c in &children[v] {
            let mut contour = std::mem::take(&mut contours[c]);
            if v != root && children[c].is_empty() && contour.rows.len() < depth {
                let row = contour.rows[0];
                let pad = depth - contour.rows.len();
                contour.rows.splice(0..0, std::iter::repeat_n(row, pad));
            }
            let shift = match &acc {
                None => 0.0,
                // Separate trees of a forest stand side by side as wholes, so that no box of one
                // tree sits under the apex of another.
                Some(_) if v == root => {
                    let left = (0..contour.rows.len())
                        .map(|d| contour.at(d).0)
                        .fold(f64::MAX, f64::min);
                    (forest_right - left).max(0.0)
                }
                Some(acc) => (0..acc.rows.len().min(contour.rows.len()))
                    .map(|d| acc.at(d).1 - contour.at(d).0)
                    .fold(0.0, f64::max),
            };
            across[c] += shift;
            pending[c] += shift;
            contour.offset += shift;
            if v == root {
                let right = (0..contour.rows.len())
                    .map(|d| contour.at(d).1)
                    .fold(f64::MIN, f64::max);
                forest_right = forest_right.max(right);
            }
            acc = Some(match acc {
                None => contour,
                Some(acc) => acc.merge(contour),
            });
        }
        if let Some((first, last)) = stacks_of.get(v).copied().flatten() {
            // A parent stands over its stack, so that the stack reads as under it alone.
            across[v] = (across[first] + across[last]) / 2.0;
        } else if let (Some(&first), Some(&last)) = (children[v].first(), children[v].last()) {
            across[v] = (across[first] + across[last]) / 2.0;
        }
        let mut own = acc.unwrap_or_default();
        own.rows.push((
            across[v] - half[v] - own.offset,
            across[v] + half[v] - own.offset,
        ));
        contours[v] = own;
    }
    // Each box takes the shifts of all its ancestors' subtrees, top down.
    let mut inherited = vec![0.0; across.len()];
    for &v in &order {
        for &c in &children[v] {
            inherited[c] = inherited[v] + pending[v];
            across[c] += inherited[c];
        }
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
