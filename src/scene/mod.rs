//! The chart as plain shapes in chart coordinates: boxes, text lines and edge paths. The window
//! draws it with egui and the exporters write it as SVG, so an export is what the user sees.

mod blocks;
mod boxes;
mod look;
mod relations;

pub use relations::{label_size, RouteCache, Routing, LABEL_SIZE};

pub use look::{
    block_look, box_look, edge_drawn, edge_style, legend, marker_points, text_color, Badge,
    BlockLook, BoxLook, Marks, Swatch, BADGE_SIZE, INDIRECT_DASH,
};

use egui::{pos2, vec2, Pos2, Rect, Vec2};

use crate::layout::{self, LayoutKind, LayoutNode, LayoutRequest, Orientation, Spacing};
use crate::model::{BodyIdx, BodyKind, Kinds, Model, RelationKind, Status};
use crate::view::{Presence, Visible};

/// Text sizes and padding of a body box, in chart units.
pub const SHORT_SIZE: f32 = 15.0;
pub const NAME_SIZE: f32 = 13.0;
/// A box's second line (a position, a job title), under its name, in a quieter colour.
pub const SECOND_SIZE: f32 = 11.5;
const PAD: f32 = 8.0;
const NAME_WRAP: f32 = 116.0;
const MIN_WIDTH: f32 = 92.0;
const LINE_GAP: f32 = 3.0;

/// One line of text in a box; `pos` is the top left of the line.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub pos: Pos2,
    pub size: f32,
    pub strong: bool,
}

/// A body box.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneNode {
    pub body: BodyIdx,
    pub kind: BodyKind,
    pub rect: Rect,
    pub lines: Vec<TextLine>,
    pub faded: bool,
    /// No founding date is known: drawn with a "date not known" mark.
    pub undated: bool,
    /// Its existence, category or date is inferred, unverified or disputed: drawn with a dashed
    /// outline, so that a picture never looks more certain than the data.
    pub uncertain: bool,
    /// How many bodies this folded box stands for (0 when not folded).
    pub folded: usize,
    /// At a date before the edition, its founding date is unknown and it may not have existed
    /// yet: drawn lighter with a dashed outline.
    pub ghost: bool,
    /// Where the fold handle sits (the middle of the side its subordinates hang from), for a
    /// body that has subordinates.
    pub handle: Option<Pos2>,
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// Parent to child in the hierarchy.
    Tree,
    Relation(RelationKind),
}

/// An edge as a polyline from `from` to `to`, arrow at the `to` end.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneEdge {
    pub from: BodyIdx,
    pub to: BodyIdx,
    pub kind: EdgeKind,
    pub points: Vec<Pos2>,
    pub faded: bool,
    /// A reporting line from the nearest shown ancestor, the bodies between being hidden.
    pub indirect: bool,
    /// For a relation: its index in the atlas's relations.
    pub relation: Option<usize>,
    /// A relation between a body and its own parent or subordinate: drawn as a marker on their
    /// reporting line (its one point), not as a second line.
    pub on_tree: bool,
    /// For a routed relation: where its short label goes (the label's centre), on a run long
    /// enough to hold it and clear of every box; `None` when there is no such place.
    pub label_at: Option<Pos2>,
}

/// A framed block of a parent's stacked subordinates, under a heading naming the parent.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneBlock {
    pub parent: BodyIdx,
    pub frame: Rect,
    /// The heading's text box (its left end is where the text starts).
    pub heading: Rect,
    /// "Under the CSC".
    pub title: String,
}

/// Above this many blocks, relation lines are not routed around their headings.
const MAX_HEADING_OBSTACLES: usize = 200;

/// The text size of block headings, in chart units.
pub const HEADING_SIZE: f32 = 10.5;

/// Everything drawn on the chart, in chart coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub nodes: Vec<SceneNode>,
    pub edges: Vec<SceneEdge>,
    /// Blocks of stacked subordinates, drawn behind the boxes.
    pub blocks: Vec<SceneBlock>,
    /// Scene node index per body, where drawn.
    pub node_of_body: Vec<Option<usize>>,
    pub bounds: Rect,
    pub orientation: Orientation,
    /// The atlas's kinds, for colours and legend names.
    pub kinds: std::sync::Arc<Kinds>,
    /// Relation lines that found no way around the boxes and take a plain route of three runs,
    /// which may cross boxes (on very large charts, when the search's budget runs out).
    pub plain_routes: usize,
}

impl Default for Scene {
    fn default() -> Self {
        Scene {
            nodes: Vec::new(),
            edges: Vec::new(),
            blocks: Vec::new(),
            node_of_body: Vec::new(),
            bounds: Rect::ZERO,
            orientation: Orientation::TopDown,
            kinds: std::sync::Arc::new(Kinds::of(&crate::model::Atlas::default())),
            plain_routes: 0,
        }
    }
}

impl Scene {
    pub fn node_for(&self, body: BodyIdx) -> Option<&SceneNode> {
        self.nodes.get((*self.node_of_body.get(body.0)?)?)
    }

    /// Relation kinds of the edges that `drawn` keeps, for the legend.
    pub fn relation_kinds(&self, drawn: impl Fn(&SceneEdge) -> bool) -> Vec<RelationKind> {
        let mut kinds: Vec<RelationKind> = self
            .edges
            .iter()
            .filter(|e| drawn(e))
            .filter_map(|e| match e.kind {
                EdgeKind::Relation(k) => Some(k),
                EdgeKind::Tree => None,
            })
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// Body kinds that appear, for the legend.
    pub fn body_kinds(&self) -> Vec<BodyKind> {
        let mut kinds: Vec<BodyKind> = self.nodes.iter().map(|n| n.kind).collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }
}

/// Lays out the drawn bodies and routes the relations `routing` names. Run when the data, the
/// filters, the layout or the orientation change; never per frame.
pub fn build(
    model: &Model,
    visible: &Visible,
    orientation: Orientation,
    kind: LayoutKind,
    routing: &Routing,
) -> Scene {
    build_with_routes(
        model,
        visible,
        orientation,
        kind,
        (routing, &mut RouteCache::default()),
    )
}

/// [`build`], keeping relation routes in `routes` between builds, so that a change of date alone
/// (which moves no box) does not route again.
pub fn build_with_routes(
    model: &Model,
    visible: &Visible,
    orientation: Orientation,
    kind: LayoutKind,
    routes: (&Routing, &mut RouteCache),
) -> Scene {
    let lang = visible.lang.as_deref();
    // Every placed body takes its place in the layout, drawn or not (a body absent only at this
    // date keeps its place), so that the date shows and hides boxes without moving the others.
    let placed: Vec<BodyIdx> = model.indices().filter(|&i| visible.placed[i.0]).collect();
    let mut slot = vec![None; model.len()];
    for (k, &i) in placed.iter().enumerate() {
        slot[i.0] = Some(k);
    }
    // A body whose parent is filtered out hangs from its nearest placed ancestor.
    let placed_parent = |i: BodyIdx| {
        let mut at = model.parent(i);
        for _ in 0..model.len() {
            match at {
                Some(p) if slot[p.0].is_none() => at = model.parent(p),
                _ => break,
            }
        }
        at.and_then(|p| slot[p.0])
    };
    let contents = boxes::box_contents(model, &placed, lang);
    // Hidden ancestors of bodies with no shown ancestor stand in as headings, so that a filter
    // keeps where things sit.
    let unheld = placed
        .iter()
        .copied()
        .filter(|&i| placed_parent(i).is_none());
    let hidden = blocks::Phantoms::find(model, unheld, placed.len(), lang);
    let request = LayoutRequest {
        nodes: placed
            .iter()
            .zip(&contents)
            .map(|(&i, (_, size))| LayoutNode {
                parent: placed_parent(i).or_else(|| hidden.parent_of(model, i)),
                size: *size,
                group: model.kind_of(i).0 as u32,
                hides_subordinates: model.children(i).iter().all(|c| slot[c.0].is_none())
                    && !model.children(i).is_empty(),
            })
            .chain(hidden.nodes(model))
            .collect(),
        kind,
        orientation,
        compact: true,
        spacing: Spacing::default(),
    };
    let placement = layout::place(&request);

    let (nodes, local) = scene_nodes(
        model,
        visible,
        &placed,
        contents,
        &placement.rect_in_chart,
        orientation,
    );

    // Every reporting line of the layout, drawn at this date or not (as the routes' boxes are),
    // so that relations keep a lane from them and the routes stay cached across dates.
    let reporting: Vec<Vec<Pos2>> = placement
        .connectors
        .iter()
        .map(|c| c.points.clone())
        .collect();
    let mut edges = tree_edges(model, &placed, &local, &nodes, placement.connectors);
    let by_left = blocks::by_left(&nodes);
    let mut blocks: Vec<SceneBlock> = placement
        .blocks
        .iter()
        .filter(|b| b.parent < placed.len())
        .filter_map(|b| blocks::block(model, lang, &placed, &local, &by_left, b))
        .chain(hidden.frames(&request, &placement.rect_in_chart, &placed, visible))
        .collect();
    // Relation lines keep off the blocks' headings as off the boxes; on a chart of very many
    // blocks the routing's budget goes to the boxes (each heading is one more obstacle in every
    // search near it).
    let headings = heading_rects(&blocks);
    let (relations, plain_routes) = relations::relation_edges(
        model,
        visible,
        &local,
        &edges,
        (&placement.rect_in_chart, &headings),
        &reporting,
        &slot,
        orientation,
        routes,
    );
    edges.extend(relations);
    // Outer frames first, so that the frames they hold are drawn on top of them.
    blocks.sort_by(|a, b| b.frame.area().total_cmp(&a.frame.area()));
    let bounds = chart_bounds(&nodes, &edges, &blocks);
    Scene {
        nodes,
        edges,
        blocks,
        node_of_body: local,
        bounds,
        orientation,
        kinds: model.kinds().clone(),
        plain_routes,
    }
}

/// The boxes drawn, with their text moved to their places; and each body's index among them.
fn scene_nodes(
    model: &Model,
    visible: &Visible,
    placed: &[BodyIdx],
    contents: Vec<(Vec<TextLine>, Vec2)>,
    rects: &[Rect],
    orientation: Orientation,
) -> (Vec<SceneNode>, Vec<Option<usize>>) {
    let mut local = vec![None; model.len()];
    let mut nodes: Vec<SceneNode> = Vec::new();
    for (k, (&i, (lines, size))) in placed.iter().zip(contents).enumerate() {
        if !visible.is_drawn(i) {
            continue;
        }
        let rect = rects[k];
        // Stacked boxes are widened to the stack's width: re-centre the text.
        let dx = (rect.width() - size.x) / 2.0;
        local[i.0] = Some(nodes.len());
        nodes.push(SceneNode {
            body: i,
            kind: model.kind_of(i),
            rect,
            lines: lines
                .into_iter()
                .map(|l| TextLine {
                    pos: rect.min + l.pos.to_vec2() + vec2(dx, 0.0),
                    ..l
                })
                .collect(),
            faded: visible.presence(i) == Presence::Faded,
            undated: model.tracks_dates() && is_undated(model, i),
            uncertain: model.tracks_certainty() && is_uncertain(model, i),
            folded: visible.folded[i.0],
            ghost: visible.ghost[i.0],
            handle: visible.has_children[i.0].then(|| match orientation {
                Orientation::TopDown => rect.center_bottom(),
                Orientation::LeftRight => rect.right_center(),
            }),
        });
    }
    (nodes, local)
}

/// Where the blocks' headings are written: obstacles for relation lines, unless there are so
/// many that the routing's budget is better spent on the boxes.
fn heading_rects(blocks: &[SceneBlock]) -> Vec<Rect> {
    let metrics = crate::layout::TextMetrics::get();
    blocks
        .iter()
        .filter(|_| blocks.len() <= MAX_HEADING_OBSTACLES)
        .map(|b| {
            let w = metrics.width(&b.title, HEADING_SIZE) + 4.0;
            Rect::from_min_size(b.heading.min, vec2(w, b.heading.height()))
        })
        .collect()
}

/// What the picture is cropped to: the boxes, the reporting lines between them and the
/// blocks' frames.
fn chart_bounds(nodes: &[SceneNode], edges: &[SceneEdge], blocks: &[SceneBlock]) -> Rect {
    nodes
        .iter()
        .map(|n| n.rect)
        .chain(
            edges
                .iter()
                .filter(|e| e.kind == EdgeKind::Tree)
                .flat_map(|e| e.points.iter().map(|&p| Rect::from_min_max(p, p))),
        )
        .chain(blocks.iter().map(|b| b.frame))
        .reduce(Rect::union)
        .unwrap_or(Rect::ZERO)
}

/// The reporting lines between drawn boxes.
fn tree_edges(
    model: &Model,
    placed: &[BodyIdx],
    local: &[Option<usize>],
    nodes: &[SceneNode],
    connectors: Vec<layout::Connector>,
) -> Vec<SceneEdge> {
    let mut edges: Vec<SceneEdge> = Vec::new();
    for c in connectors {
        // A stand-in for a hidden ancestor is a heading, not a box: no line runs from it.
        let (Some(&parent), Some(&child)) = (placed.get(c.parent), placed.get(c.child)) else {
            continue;
        };
        let (Some(p), Some(k)) = (local[parent.0], local[child.0]) else {
            continue;
        };
        edges.push(SceneEdge {
            from: parent,
            to: child,
            kind: EdgeKind::Tree,
            points: c.points,
            faded: nodes[k].faded || nodes[p].faded,
            indirect: model.parent(child) != Some(parent),
            relation: None,
            on_tree: false,
            label_at: None,
        });
    }
    edges
}

/// No founding date is known (a "not before" date is not a founding date).
fn is_undated(model: &Model, i: BodyIdx) -> bool {
    model
        .body(i)
        .established
        .as_ref()
        .is_none_or(|e| e.date.is_none())
}

/// Existence, category or date inferred, unverified or disputed.
fn is_uncertain(model: &Model, i: BodyIdx) -> bool {
    let b = model.body(i);
    let weak = |s: Status| matches!(s, Status::Inferred | Status::Unverified);
    weak(b.kind_status)
        || b.established.as_ref().is_some_and(|e| weak(e.status))
        || model
            .disputes_of(&b.id)
            .any(|d| d.aspect.is_some() && d.uncertain.as_ref().is_none_or(|u| u.contains(&b.id)))
}

/// Where the ray from the centre of `r` towards `towards` leaves `r`.
pub fn boundary_point(r: Rect, towards: Pos2) -> Pos2 {
    let c = r.center();
    let d = towards - c;
    if d.length_sq() < 1e-6 {
        return c;
    }
    let sx = if d.x.abs() > 1e-6 {
        r.width() / 2.0 / d.x.abs()
    } else {
        f32::INFINITY
    };
    let sy = if d.y.abs() > 1e-6 {
        r.height() / 2.0 / d.y.abs()
    } else {
        f32::INFINITY
    };
    c + d * sx.min(sy)
}

/// Points of an arrow head at the end of `points`, pointing along the last segment.
pub fn arrow_head(points: &[Pos2], size: f32) -> Option<[Pos2; 3]> {
    let (&tip, &before) = (points.last()?, points.get(points.len().checked_sub(2)?)?);
    let dir = (tip - before).normalized();
    if !dir.is_finite() {
        return None;
    }
    let side = vec2(-dir.y, dir.x) * size * 0.5;
    let base = tip - dir * size;
    Some([tip, base + side, base - side])
}

/// The smallest zoom at which names stay readable: 8.5 px for 13 px text (the embedded sans still
/// reads at that size on a plain background), the floor below which the opening view shows the apex and
/// the levels that fit instead of the whole chart.
pub const READABLE_ZOOM: f32 = 8.5 / NAME_SIZE;

/// The view a chart opens at in a viewport of `size` points: fit if the chart fits at a readable
/// zoom, otherwise readable and centred on the apex (the top of the chart). Returns the visible
/// region in chart coordinates.
pub fn default_view(scene: &Scene, size: Vec2) -> Rect {
    // The first body in protocol order heads the chart (the CSC in the CSTO atlas).
    let apex = scene.nodes.first().map(|n| n.rect.center());
    opening_view(scene.bounds, scene.orientation, apex, size)
}

/// [`default_view`] from the chart's bounds, orientation and apex centre.
pub fn opening_view(
    bounds: Rect,
    orientation: Orientation,
    apex: Option<Pos2>,
    size: Vec2,
) -> Rect {
    let margin = 24.0;
    let bounds = bounds.expand(margin);
    if !bounds.is_positive() || size.x <= 0.0 || size.y <= 0.0 {
        return Rect::from_center_size(Pos2::ZERO, size);
    }
    let fit = (size.x / bounds.width()).min(size.y / bounds.height());
    let zoom = fit.clamp(READABLE_ZOOM, 1.0);
    let view = size / zoom;
    let apex = apex.unwrap_or(bounds.center());
    // Across the tree: centred when it fits, else on the apex but never past the chart's edges,
    // so that no canvas is left empty while boxes are cut off.
    let across = |apex: f32, lo: f32, hi: f32, span: f32| {
        if span >= hi - lo {
            (lo + hi) / 2.0
        } else {
            apex.clamp(lo + span / 2.0, hi - span / 2.0)
        }
    };
    let centre = match orientation {
        Orientation::TopDown => pos2(
            across(apex.x, bounds.left(), bounds.right(), view.x),
            bounds.top() + view.y / 2.0,
        ),
        Orientation::LeftRight => pos2(
            bounds.left() + view.x / 2.0,
            across(apex.y, bounds.top(), bounds.bottom(), view.y),
        ),
    };
    Rect::from_center_size(centre, view)
}
