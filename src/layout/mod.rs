//! Pure geometry: from the drawn forest and box sizes to box positions. No drawing, no egui state.
//!
//! The parent tree is laid out as a tidy tree (Reingold–Tilford, via the `reingold-tilford` crate).
//! In top-down charts, a wide row of leaves under one parent becomes a compact vertical stack, as
//! org charts do: the stack is laid out as a chain, so no neighbouring subtree can slide under it.

mod text;

use egui::{pos2, vec2, Pos2, Rect, Vec2};
use reingold_tilford::{Dimensions, NodeInfo, SmallVec};
use serde::{Deserialize, Serialize};

pub use text::TextMetrics;

/// The most boxes in one stack column; more leaves make more columns.
pub const MAX_STACK: usize = 8;

/// Which way the hierarchy grows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Orientation {
    /// Apex at the top, subordinates below (default).
    #[default]
    TopDown,
    /// Apex on the left, subordinates to the right.
    LeftRight,
}

impl Orientation {
    pub fn key(self) -> &'static str {
        match self {
            Orientation::TopDown => "tb",
            Orientation::LeftRight => "lr",
        }
    }
}

/// Gaps between boxes, in chart units (points at zoom 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spacing {
    /// Between siblings. Default 18.
    pub sibling: f32,
    /// Between a parent's row and its children's row. Default 48.
    pub level: f32,
    /// Between boxes of a compact stack. Default 14.
    pub stack: f32,
    /// How far the stack's connector runs left of its boxes. Default 14.
    pub stack_indent: f32,
}

impl Default for Spacing {
    fn default() -> Self {
        Spacing {
            sibling: 18.0,
            level: 48.0,
            stack: 14.0,
            stack_indent: 14.0,
        }
    }
}

/// One box to place: its parent in the drawn forest (an index into the request) and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutNode {
    pub parent: Option<usize>,
    pub size: Vec2,
}

/// What to lay out. Children keep the order in which they appear in `nodes`.
#[derive(Clone, Debug)]
pub struct LayoutRequest {
    pub nodes: Vec<LayoutNode>,
    pub orientation: Orientation,
    /// Stack wide rows of leaves (top-down only).
    pub compact: bool,
    pub spacing: Spacing,
}

/// Where each box goes, in chart coordinates (y grows downwards), with the top left of the chart at
/// the origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Positions {
    pub rect_in_chart: Vec<Rect>,
    /// True for boxes placed in a compact stack under their parent.
    pub stacked: Vec<bool>,
    pub bounds: Rect,
}

impl Default for Positions {
    fn default() -> Self {
        Positions {
            rect_in_chart: Vec::new(),
            stacked: Vec::new(),
            bounds: Rect::ZERO,
        }
    }
}

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

/// Lays out the forest. Deterministic: the same request gives the same positions.
pub fn layout(request: &LayoutRequest) -> Positions {
    let n = request.nodes.len();
    if n == 0 {
        return Positions::default();
    }
    let top_down = request.orientation == Orientation::TopDown;
    let spacing = request.spacing;

    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, node) in request.nodes.iter().enumerate() {
        match node.parent.filter(|&p| p < n && p != i) {
            Some(p) => children[p].push(i),
            None => roots.push(i),
        }
    }

    let mut stacked = vec![false; n];
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
        let stack = top_down && request.compact && kids.len() >= 4 && leaves.len() >= 3;
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
        // The stack columns stand where the first leaf stood among its siblings.
        let first_leaf = leaves[0];
        let mut order: SmallVec<usize> = SmallVec::new();
        for &c in kids {
            if c == first_leaf {
                order.extend(heads.iter().copied());
            } else if !stacked[c] {
                order.push(c);
            }
        }
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
    separate_subtrees(&tree.children, n, &mut across, &half);

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
fn separate_subtrees(children: &[SmallVec<usize>], root: usize, across: &mut [f64], half: &[f64]) {
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
        if moved {
            if let (Some(&first), Some(&last)) = (children[v].first(), children[v].last()) {
                across[v] = (across[first] + across[last]) / 2.0;
            }
        }
        contours[v] = std::iter::once((across[v] - half[v], across[v] + half[v]))
            .chain(acc)
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(parents: &[Option<usize>], orientation: Orientation) -> LayoutRequest {
        LayoutRequest {
            nodes: parents
                .iter()
                .enumerate()
                .map(|(i, &parent)| LayoutNode {
                    parent,
                    size: vec2(80.0 + (i % 3) as f32 * 30.0, 40.0 + (i % 2) as f32 * 14.0),
                })
                .collect(),
            orientation,
            compact: true,
            spacing: Spacing::default(),
        }
    }

    fn assert_no_overlap(p: &Positions) {
        for i in 0..p.rect_in_chart.len() {
            for j in i + 1..p.rect_in_chart.len() {
                let (a, b) = (p.rect_in_chart[i], p.rect_in_chart[j]);
                assert!(
                    !a.shrink(0.5).intersects(b.shrink(0.5)),
                    "boxes {i} {a:?} and {j} {b:?} overlap"
                );
            }
        }
    }

    #[test]
    fn children_sit_below_parents_without_overlap() {
        // 0 has six children; 1 and 2 have children of their own, 3..=6 are leaves (a stack).
        let parents = [
            None,
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(1),
            Some(1),
            Some(2),
            None,
            Some(10),
        ];
        let p = layout(&request(&parents, Orientation::TopDown));
        assert_no_overlap(&p);
        for (i, parent) in parents.iter().enumerate() {
            if let Some(parent) = parent {
                assert!(
                    p.rect_in_chart[i].top() >= p.rect_in_chart[*parent].bottom(),
                    "{i} is not below {parent}"
                );
            }
        }
        assert!(p.stacked[3] && p.stacked[6] && !p.stacked[1]);
        assert_eq!(p.rect_in_chart[3].left(), p.rect_in_chart[6].left());
        assert_eq!(p.bounds.min, Pos2::ZERO);
    }

    #[test]
    fn parent_is_centred_over_unstacked_children() {
        let parents = [None, Some(0), Some(0), Some(0)];
        let p = layout(&request(&parents, Orientation::TopDown));
        let (first, last) = (p.rect_in_chart[1], p.rect_in_chart[3]);
        let mid = (first.center().x + last.center().x) / 2.0;
        assert!((p.rect_in_chart[0].center().x - mid).abs() < 0.01);
        // Even spacing between siblings.
        let gap1 = p.rect_in_chart[2].left() - p.rect_in_chart[1].right();
        let gap2 = p.rect_in_chart[3].left() - p.rect_in_chart[2].right();
        assert!((gap1 - gap2).abs() < 0.01, "{gap1} vs {gap2}");
    }

    #[test]
    fn left_right_puts_children_to_the_right() {
        let parents = [None, Some(0), Some(0), Some(1)];
        let p = layout(&request(&parents, Orientation::LeftRight));
        assert_no_overlap(&p);
        for (i, parent) in parents.iter().enumerate() {
            if let Some(parent) = parent {
                assert!(p.rect_in_chart[i].left() >= p.rect_in_chart[*parent].right());
            }
        }
    }

    #[test]
    fn deterministic() {
        let parents: Vec<Option<usize>> = (0..200)
            .map(|i| if i == 0 { None } else { Some((i * 7 + 3) % i) })
            .collect();
        let a = layout(&request(&parents, Orientation::TopDown));
        let b = layout(&request(&parents, Orientation::TopDown));
        assert_eq!(a, b);
        assert_no_overlap(&a);
    }

    #[test]
    fn a_tall_middle_subtree_does_not_slide_under_its_neighbour() {
        // The shape of the CSTO chart that reingold-tilford alone gets wrong.
        let mut parents = vec![None];
        for _ in 0..7 {
            parents.push(Some(0)); // 1..=7
        }
        parents.extend([
            Some(2),
            Some(2),
            Some(3),
            Some(3),
            Some(3),
            Some(3),
            Some(5),
        ]);
        let mut req = request(&parents, Orientation::TopDown);
        for (i, node) in req.nodes.iter_mut().enumerate() {
            node.size = vec2(
                if i == 9 { 160.0 } else { 180.0 },
                if i == 9 { 108.0 } else { 52.0 },
            );
        }
        assert_no_overlap(&layout(&req));
    }

    #[test]
    fn many_leaves_make_several_stack_columns() {
        let mut parents = vec![None, Some(0)];
        parents.extend(std::iter::repeat_n(Some(0), 20));
        parents.push(Some(1));
        let p = layout(&request(&parents, Orientation::TopDown));
        assert_no_overlap(&p);
        let mut lefts: Vec<i32> = (2..22).map(|i| p.rect_in_chart[i].left() as i32).collect();
        lefts.sort();
        lefts.dedup();
        assert_eq!(lefts.len(), 20_usize.div_ceil(MAX_STACK), "{lefts:?}");
        for i in 2..22 {
            assert!(p.rect_in_chart[i].top() >= p.rect_in_chart[0].bottom());
        }
    }
}
