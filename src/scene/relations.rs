//! The relations among the drawn bodies: routed around the boxes, or, between a body and its own
//! parent or subordinate, a marker on their reporting line instead of a second line.

use egui::Pos2;

use super::{EdgeKind, SceneEdge};
use crate::layout::{self, Orientation};
use crate::model::{BodyIdx, Model};
use crate::view::{Presence, RelationsShown, Visible};

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

/// Which relations a scene routes around its boxes. Routing is most of a big scene's cost, so
/// a picture routes what it draws and data without geometry routes nothing; a relation left
/// unrouted is still in the scene, as an edge without points.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Routing {
    #[default]
    None,
    /// These relations (indices in the atlas).
    Only(Vec<usize>),
    All,
}

impl Routing {
    /// What a picture that draws `shown` needs: nothing, the relations of the marked bodies and
    /// the chosen relation, or all of them (see [`super::edge_drawn`]).
    pub fn for_picture(model: &Model, shown: RelationsShown, marks: &super::Marks) -> Routing {
        match shown {
            RelationsShown::None => Routing::None,
            RelationsShown::All => Routing::All,
            RelationsShown::Selected => {
                let marked = |id: &str| {
                    let i = model.index_of(id);
                    i.is_some() && (i == marks.selected || i == marks.hovered)
                };
                let rels = model.atlas.relations.iter().enumerate();
                Routing::Only(
                    rels.filter(|(ri, r)| {
                        marked(&r.from) || marked(&r.to) || marks.relation == Some(*ri)
                    })
                    .map(|(ri, _)| ri)
                    .collect(),
                )
            }
        }
    }

    fn routes(&self, relation: usize) -> bool {
        match self {
            Routing::None => false,
            Routing::Only(which) => which.contains(&relation),
            Routing::All => true,
        }
    }
}

/// What the routes depend on: the placed boxes, the pairs of boxes to join, the orientation.
type RouteKey = (
    Vec<egui::Rect>,
    Vec<(usize, usize)>,
    Orientation,
    Option<String>,
    Vec<Vec<Pos2>>,
);

/// Routes kept between scene builds: routing runs again only when the placed boxes, the relations
/// among them or the orientation change, not when the date only shows or hides boxes in place.
#[derive(Clone, Debug, Default)]
pub struct RouteCache {
    key: Option<RouteKey>,
    /// Per relation in the atlas, when routed: its route, its label's place, and whether the
    /// route is plain (no way around the boxes found: it may cross them).
    routes: Vec<Option<Route>>,
}

/// A relation's route, its label's place, and whether it is plain.
type Route = (Vec<Pos2>, Option<Pos2>, bool);

/// True when the relation joins a body to its own parent: a marker on their reporting line.
fn along_tree(model: &Model, a: BodyIdx, b: BodyIdx) -> bool {
    model.parent(a) == Some(b) || model.parent(b) == Some(a)
}

impl RouteCache {
    /// Routes the relations `routing` asks for among the placed boxes (drawn at this date or
    /// not), unless the cache already holds them.
    #[allow(clippy::too_many_arguments)]
    fn update(
        &mut self,
        model: &Model,
        routing: &Routing,
        placed: &[egui::Rect], // the boxes by slot, then other obstacles
        reporting: &[Vec<Pos2>],
        slot: &[Option<usize>],
        orientation: Orientation,
        lang: Option<&str>,
    ) {
        let mut which = Vec::new();
        let mut pairs = Vec::new();
        for (ri, r) in model.atlas.relations.iter().enumerate() {
            if !routing.routes(ri) {
                continue;
            }
            let (Some(a), Some(b)) = (model.index_of(&r.from), model.index_of(&r.to)) else {
                continue;
            };
            if let (Some(sa), Some(sb), false) = (slot[a.0], slot[b.0], along_tree(model, a, b)) {
                which.push(ri);
                pairs.push((sa, sb));
            }
        }
        // The labels' lengths, so their places, depend on the language.
        let key = (
            placed.to_vec(),
            pairs,
            orientation,
            lang.map(str::to_owned),
            reporting.to_vec(),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.routes = vec![None; model.atlas.relations.len()];
        let (routes, plain) = layout::route(placed, &key.1, orientation, reporting);
        // Labels clear of every box and of each other: one that finds no room is left out
        // (the line's hover still names it).
        let mut taken = Vec::new();
        for ((&ri, points), plain) in which.iter().zip(routes).zip(plain) {
            let kinds = model.kinds();
            let name = kinds.relation_name_in(model.relation_kind_of(ri), lang);
            let label = label_place(&points, name, placed, &mut taken);
            self.routes[ri] = Some((points, label, plain));
        }
        self.key = Some(key);
    }
}

/// Every shown relation among the drawn bodies, as a routed line or a marker.
#[allow(clippy::too_many_arguments)]
pub(super) fn relation_edges(
    model: &Model,
    visible: &Visible,
    local: &[Option<usize>],
    tree: &[SceneEdge],
    (placed, headings): (&[egui::Rect], &[egui::Rect]),
    reporting: &[Vec<Pos2>],
    slot: &[Option<usize>],
    orientation: Orientation,
    (routing, cache): (&Routing, &mut RouteCache),
) -> (Vec<SceneEdge>, usize) {
    // The headings after the boxes: obstacles only, no relation's end.
    let obstacles: Vec<egui::Rect> = placed.iter().chain(headings).copied().collect();
    cache.update(
        model,
        routing,
        &obstacles,
        reporting,
        slot,
        orientation,
        visible.lang.as_deref(),
    );
    let mut out = Vec::new();
    let mut plain = 0;
    let mut markers_on: Vec<usize> = vec![0; tree.len()];
    // The direct reporting line between two bodies, by its ends.
    let tree_line: rustc_hash::FxHashMap<(BodyIdx, BodyIdx), usize> = (tree.iter().enumerate())
        .filter(|(_, e)| !e.indirect)
        .map(|(t, e)| ((e.from, e.to), t))
        .collect();
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
        if local[a.0].is_none() || local[b.0].is_none() {
            continue;
        }
        let edge = |points: Vec<Pos2>, on_tree: bool, label_at: Option<Pos2>| SceneEdge {
            from: a,
            to: b,
            kind: EdgeKind::Relation(model.relation_kind_of(ri)),
            points,
            faded: *presence == Presence::Faded,
            indirect: false,
            relation: Some(ri),
            on_tree,
            label_at,
        };
        if along_tree(model, a, b) {
            let line = tree_line.get(&(a, b)).or_else(|| tree_line.get(&(b, a)));
            if let Some(&t) = line {
                let d = MARKER_FIRST + MARKER_GAP * markers_on[t] as f32;
                markers_on[t] += 1;
                out.push(edge(vec![back_along(&tree[t].points, d)], true, None));
            }
        } else if let Some(Some((points, label, plainly))) = cache.routes.get(ri) {
            plain += usize::from(*plainly);
            out.push(edge(points.clone(), false, *label));
        } else {
            out.push(edge(Vec::new(), false, None));
        }
    }
    (out, plain)
}

/// Text size of relation labels, in chart units.
pub const LABEL_SIZE: f32 = 11.0;

/// The centre of a relation's label: just above the middle of the first horizontal run long
/// enough for it whose label overlaps no box.
fn label_place(
    points: &[Pos2],
    text: &str,
    boxes: &[egui::Rect],
    taken: &mut Vec<egui::Rect>,
) -> Option<Pos2> {
    let egui::Vec2 { x: w, y: h } = label_size(text);
    let (centre, rect) = points.windows(2).find_map(|s| {
        let horizontal = (s[0].y - s[1].y).abs() < 0.01;
        if !horizontal || (s[0].x - s[1].x).abs() < w + 12.0 {
            return None;
        }
        let centre = egui::pos2((s[0].x + s[1].x) / 2.0, s[0].y - h / 2.0 - 1.0);
        let r = egui::Rect::from_center_size(centre, egui::vec2(w, h));
        let clear = !boxes.iter().any(|b| b.expand(2.0).intersects(r))
            && !taken.iter().any(|t| t.intersects(r));
        clear.then_some((centre, r))
    })?;
    taken.push(rect);
    Some(centre)
}

/// The room a relation's label takes, centred on its place.
pub fn label_size(text: &str) -> egui::Vec2 {
    egui::vec2(
        crate::layout::TextMetrics::get().width(text, LABEL_SIZE) + 6.0,
        LABEL_SIZE + 4.0,
    )
}
