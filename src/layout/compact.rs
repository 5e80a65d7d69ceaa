//! The compact layout, for charts too wide for a tidy tree: each body's subtree is a block, and a
//! parent's child blocks wrap into several rows under it (d3-org-chart's compact mode), each
//! subtree moving as a whole. The first row hangs from the parent as usual; later rows hang from
//! a spine down the block's left side, with a bus in the gap above each row, so no reporting
//! line crosses a box and no box stands under a body that is not its parent.
//!
//! Computed in "across / along" coordinates (x / y top-down; swapped for left-to-right), bottom
//! up without recursion, so a 20,000-deep chain lays out in linear time.

use egui::{pos2, vec2, Pos2, Rect, Vec2};

use super::{
    dedup_points, forest, Block as Framed, Connector, LayoutRequest, Orientation, Placement,
};

/// The shape a wrapped family aims at: this many times wider than tall.
const ASPECT: f32 = 1.6;

/// Per node, what the bottom-up pass learns.
#[derive(Clone, Default)]
struct Block {
    size: Vec2,
    /// The body's own box, from the block's top left.
    own: Pos2,
    /// Each row of children: its bus (across the gap above it) and the children in it.
    rows: Vec<(f32, Vec<usize>)>,
    /// The spine's offset from the block's left, when the children wrap into several rows.
    spine: Option<f32>,
}

/// Packs items of the given widths into rows no wider than `limit` (at least one per row).
fn wrap(widths: &[(usize, f32)], gap: f32, limit: f32) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut x = 0.0;
    for &(i, w) in widths {
        match rows.last_mut() {
            Some(row) if x + gap + w <= limit => {
                row.push(i);
                x += gap + w;
            }
            _ => {
                rows.push(vec![i]);
                x = w;
            }
        }
    }
    rows
}

/// The row limit for blocks of these sizes: wide enough for the widest, aiming at [`ASPECT`].
fn row_limit(sizes: &[Vec2], gap: f32, level: f32) -> f32 {
    let area: f32 = sizes.iter().map(|s| (s.x + gap) * (s.y + level)).sum();
    let widest = sizes.iter().map(|s| s.x).fold(0.0, f32::max);
    widest.max((area * ASPECT).sqrt())
}

/// The block of a body with children: its box over rows of its children's blocks, each
/// child's place in it written to `offset`.
fn block_of(
    own: Vec2,
    kids: &[usize],
    blocks: &[Block],
    offset: &mut [Vec2],
    size: &[Vec2],
    (gap, level, indent): (f32, f32, f32),
) -> Block {
    let sizes: Vec<Vec2> = kids.iter().map(|&c| blocks[c].size).collect();
    let widths: Vec<(usize, f32)> = kids.iter().map(|&c| (c, blocks[c].size.x)).collect();
    let one_row: f32 = sizes.iter().map(|s| s.x).sum::<f32>() + gap * (sizes.len() - 1) as f32;
    let limit = row_limit(&sizes, gap, level).max(own.x);
    let rows = if one_row <= limit {
        vec![kids.to_vec()]
    } else {
        wrap(&widths, gap, limit)
    };
    let wrapped = rows.len() > 1;
    let left = if wrapped { indent } else { 0.0 };
    let row_width = |row: &[usize]| {
        row.iter().map(|&c| blocks[c].size.x).sum::<f32>() + gap * (row.len() - 1) as f32
    };
    let widest_row = rows.iter().map(|r| row_width(r)).fold(0.0, f32::max);
    let width = own.x.max(left + widest_row);
    let mut y = own.y + level;
    let mut placed_rows = Vec::with_capacity(rows.len());
    for row in rows {
        let mut x = left + (width - left - row_width(&row)) / 2.0;
        let mut tallest: f32 = 0.0;
        for &c in &row {
            offset[c] = vec2(x, y);
            x += blocks[c].size.x + gap;
            tallest = tallest.max(blocks[c].size.y);
        }
        placed_rows.push((y - level / 2.0, row));
        y += tallest + level;
    }
    // A parent stands over its first row, so the row reads as under it.
    let first = &placed_rows[0].1;
    let (a, b) = (first[0], first[first.len() - 1]);
    let box_centre = |c: usize| offset[c].x + blocks[c].own.x + size[c].x / 2.0;
    let centre = (box_centre(a) + box_centre(b)) / 2.0;
    let own_x = (centre - own.x / 2.0).clamp(0.0, width - own.x);
    Block {
        size: vec2(width, y - level),
        own: pos2(own_x, 0.0),
        rows: placed_rows,
        spine: wrapped.then_some(indent / 2.0),
    }
}

/// The lines from each parent to its children: down to the first row's bus, and to a later
/// row along the spine at the block's left.
fn connectors(
    order: &[usize],
    blocks: &[Block],
    origin: &[Pos2],
    rect: &dyn Fn(usize) -> Rect,
) -> Vec<Connector> {
    let n = origin.len();
    let mut connectors = Vec::with_capacity(n);
    for &v in order {
        let Some((first_bus, _)) = blocks[v].rows.first() else {
            continue;
        };
        let top = origin[v].y;
        let from = rect(v).center_bottom();
        let bus0 = top + first_bus;
        for (j, (bus, row)) in blocks[v].rows.iter().enumerate() {
            for &c in row {
                let to = rect(c).center_top();
                let points = match (j, blocks[v].spine) {
                    (0, _) | (_, None) => vec![from, pos2(from.x, bus0), pos2(to.x, bus0), to],
                    (_, Some(spine)) => {
                        let x = origin[v].x + spine;
                        vec![
                            from,
                            pos2(from.x, bus0),
                            pos2(x, bus0),
                            pos2(x, top + bus),
                            pos2(to.x, top + bus),
                            to,
                        ]
                    }
                };
                connectors.push(Connector {
                    parent: v,
                    child: c,
                    points: dedup_points(points),
                });
            }
        }
    }
    connectors
}

/// Frames around each family's rows after its first, moved by `shift`.
fn framed_rows(
    order: &[usize],
    blocks: &[Block],
    origin: &[Pos2],
    rect: &dyn Fn(usize) -> Rect,
    shift: Vec2,
) -> Vec<Framed> {
    let mut framed = Vec::new();
    for &v in order {
        for (_, row) in blocks[v].rows.iter().skip(1) {
            let extent = row
                .iter()
                .map(|&c| Rect::from_min_size(origin[c], blocks[c].size))
                .fold(Rect::NOTHING, Rect::union)
                .translate(shift);
            // The heading stops short of the first line dropping into the row.
            let first_drop = row
                .iter()
                .map(|&c| rect(c).center().x + shift.x)
                .fold(f32::INFINITY, f32::min);
            framed.push(Framed::around(
                v,
                row.clone(),
                extent,
                extent.left() + 2.0,
                first_drop - 5.0,
            ));
        }
    }
    framed
}

pub(super) fn place(request: &LayoutRequest) -> Placement {
    let n = request.nodes.len();
    if n == 0 {
        return Placement::default();
    }
    let swap = request.orientation == Orientation::LeftRight;
    let flip = |v: Vec2| if swap { vec2(v.y, v.x) } else { v };
    let s = request.spacing;
    let (gap, level, indent) = (s.sibling, s.level, s.stack_indent.max(12.0));
    let size: Vec<Vec2> = request.nodes.iter().map(|node| flip(node.size)).collect();

    let (children, roots) = forest(&request.nodes);
    // Parents before children (a parent cycle leaves its bodies out of the order: they get no
    // place, as validation rejects such files anyway).
    let mut order = Vec::with_capacity(n);
    let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
    while let Some(v) = stack.pop() {
        order.push(v);
        stack.extend(children[v].iter().rev().copied());
    }

    let mut blocks = vec![Block::default(); n];
    // Where each child's block sits in its parent's block.
    let mut offset = vec![Vec2::ZERO; n];
    for &v in order.iter().rev() {
        let own = size[v];
        if children[v].is_empty() {
            blocks[v].size = own;
            continue;
        }
        blocks[v] = block_of(
            own,
            &children[v],
            &blocks,
            &mut offset,
            &size,
            (gap, level, indent),
        );
    }

    // The trees of a forest wrap into rows too, with a wider gap between them.
    let root_sizes: Vec<Vec2> = roots.iter().map(|&r| blocks[r].size).collect();
    let forest_gap = gap * 3.0;
    let limit = row_limit(&root_sizes, forest_gap, level);
    let root_widths: Vec<(usize, f32)> = roots.iter().map(|&r| (r, blocks[r].size.x)).collect();
    let mut origin = vec![Pos2::ZERO; n];
    let mut y = 0.0;
    for row in wrap(&root_widths, forest_gap, limit) {
        let mut x = 0.0;
        let mut tallest: f32 = 0.0;
        for r in row {
            origin[r] = pos2(x, y);
            x += blocks[r].size.x + forest_gap;
            tallest = tallest.max(blocks[r].size.y);
        }
        y += tallest + level * 1.5;
    }
    for &v in &order {
        for &c in &children[v] {
            origin[c] = origin[v] + offset[c];
        }
    }
    let rect = |v: usize| Rect::from_min_size(origin[v] + blocks[v].own.to_vec2(), size[v]);

    let mut connectors = connectors(&order, &blocks, &origin, &rect);
    connectors.sort_by_key(|c| c.child);

    let back = |p: Pos2| if swap { pos2(p.y, p.x) } else { p };
    let rect_in_chart: Vec<Rect> = (0..n)
        .map(|v| {
            let r = rect(v);
            Rect::from_min_max(back(r.min), back(r.max))
        })
        .collect();
    for c in &mut connectors {
        for p in &mut c.points {
            *p = back(*p);
        }
    }
    let mut bounds = rect_in_chart
        .iter()
        .fold(Rect::NOTHING, |acc, r| acc.union(*r));
    for c in &connectors {
        for p in &c.points {
            bounds = bounds.union(Rect::from_min_max(*p, *p));
        }
    }
    // The chart's top left at the origin, as every layout gives it.
    let shift = Pos2::ZERO - bounds.min;
    let mut rect_in_chart = rect_in_chart;
    for r in &mut rect_in_chart {
        *r = r.translate(shift);
    }
    for c in &mut connectors {
        for p in &mut c.points {
            *p += shift;
        }
    }
    // A row after a family's first is framed under a heading naming the parent, so that it
    // does not read as under the row above it (top-down only: a heading needs a row's width).
    let framed = if swap {
        Vec::new()
    } else {
        framed_rows(&order, &blocks, &origin, &rect, shift)
    };
    let mut bounds = bounds.translate(shift);
    for f in &framed {
        bounds = bounds.union(f.frame);
    }
    Placement {
        rect_in_chart,
        connectors,
        blocks: framed,
        bounds,
    }
}
