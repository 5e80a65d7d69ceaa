//! The relations among the drawn bodies: routed around the boxes, or, between a body and its own
//! parent or subordinate, a marker on their reporting line instead of a second line.

use egui::Pos2;

use super::{EdgeKind, SceneEdge, SceneNode};
use crate::layout::{self, Orientation};
use crate::model::{BodyIdx, Model};
use crate::view::{Presence, Visible};

/// Markers on one reporting line sit this far apart, the first this far from the child's box.
const MARKER_GAP: f32 = 16.0;
const MARKER_FIRST: f32 = 14.0;

/// The point `d` along a polyline measured back from its end.
fn back_along(points: &[Pos2], mut d: f32) -> Pos2 {
    for w in points.windows(2).rev() {
        let (a, b) = (w[0], w[1]);
        let len = a.distance(b);
        if d <= len && len > 0.0 {
            return b + (a - b) * (d / len);
        }
        d -= len;
    }
    points.first().copied().unwrap_or(Pos2::ZERO)
}

/// Every shown relation among the drawn bodies, as a routed line or a marker.
pub(super) fn relation_edges(
    model: &Model,
    visible: &Visible,
    nodes: &[SceneNode],
    local: &[Option<usize>],
    tree: &[SceneEdge],
    orientation: Orientation,
) -> Vec<SceneEdge> {
    let mut out = Vec::new();
    let mut routed: Vec<(usize, (usize, usize))> = Vec::new();
    let mut markers_on: Vec<usize> = vec![0; tree.len()];
    for (ri, (r, presence)) in model
        .atlas
        .relations
        .iter()
        .zip(&visible.relations)
        .enumerate()
    {
        if *presence == Presence::Hidden {
            continue;
        }
        let (Some(a), Some(b)) = (model.index_of(&r.from), model.index_of(&r.to)) else {
            continue;
        };
        let (Some(ka), Some(kb)) = (local[a.0], local[b.0]) else {
            continue;
        };
        let edge = |points: Vec<Pos2>, on_tree: bool| SceneEdge {
            from: a,
            to: b,
            kind: EdgeKind::Relation(r.kind),
            points,
            faded: *presence == Presence::Faded,
            indirect: false,
            relation: Some(ri),
            on_tree,
        };
        let joins = |e: &SceneEdge, x: BodyIdx, y: BodyIdx| e.from == x && e.to == y;
        let line = tree
            .iter()
            .position(|e| !e.indirect && (joins(e, a, b) || joins(e, b, a)));
        match line {
            Some(t) => {
                let d = MARKER_FIRST + MARKER_GAP * markers_on[t] as f32;
                markers_on[t] += 1;
                out.push(edge(vec![back_along(&tree[t].points, d)], true));
            }
            None => {
                routed.push((out.len(), (ka, kb)));
                out.push(edge(Vec::new(), false));
            }
        }
    }
    let rects: Vec<egui::Rect> = nodes.iter().map(|n| n.rect).collect();
    let pairs: Vec<(usize, usize)> = routed.iter().map(|&(_, p)| p).collect();
    for ((slot, _), points) in routed
        .iter()
        .zip(layout::route(&rects, &pairs, orientation))
    {
        out[*slot].points = points;
    }
    out
}
