//! The chart as plain shapes in chart coordinates: boxes, text lines and edge paths. The window
//! draws it with egui and the exporters write it as SVG, so an export is what the user sees.

use egui::{pos2, vec2, Color32, Pos2, Rect, Vec2};

use crate::layout::{
    self, LayoutKind, LayoutNode, LayoutRequest, Orientation, Spacing, TextMetrics,
};
use crate::model::{BodyIdx, BodyKind, Model, RelationKind};
use crate::style::{self, Palette, Theme};
use crate::view::{Presence, Visible};

/// Text sizes and padding of a body box, in chart units.
pub const SHORT_SIZE: f32 = 15.0;
pub const NAME_SIZE: f32 = 13.0;
const PAD: f32 = 8.0;
const NAME_WRAP: f32 = 128.0;
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
}

/// Everything drawn on the chart, in chart coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub nodes: Vec<SceneNode>,
    pub edges: Vec<SceneEdge>,
    /// Scene node index per body, where drawn.
    pub node_of_body: Vec<Option<usize>>,
    pub bounds: Rect,
    pub orientation: Orientation,
}

impl Default for Scene {
    fn default() -> Self {
        Scene {
            nodes: Vec::new(),
            edges: Vec::new(),
            node_of_body: Vec::new(),
            bounds: Rect::ZERO,
            orientation: Orientation::TopDown,
        }
    }
}

impl Scene {
    pub fn node_for(&self, body: BodyIdx) -> Option<&SceneNode> {
        self.nodes.get((*self.node_of_body.get(body.0)?)?)
    }

    /// Relation kinds that appear, for the legend.
    pub fn relation_kinds(&self) -> Vec<RelationKind> {
        let mut kinds: Vec<RelationKind> = self
            .edges
            .iter()
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

/// The text lines of a body box relative to its top left, and the box size.
fn box_content(short: &str, name: &str) -> (Vec<TextLine>, Vec2) {
    let m = TextMetrics::get();
    let mut lines = Vec::new();
    let mut y = PAD;
    let mut width: f32 = 0.0;
    let show_short = !short.is_empty() && short != name;
    if show_short {
        width = width.max(m.width(short, SHORT_SIZE));
        lines.push(TextLine {
            text: short.to_owned(),
            pos: pos2(0.0, y),
            size: SHORT_SIZE,
            strong: true,
        });
        y += m.line_height(SHORT_SIZE) + LINE_GAP;
    }
    let wrapped = m.wrap(name, NAME_SIZE, NAME_WRAP);
    for line in wrapped {
        width = width.max(m.width(&line, NAME_SIZE));
        lines.push(TextLine {
            text: line,
            pos: pos2(0.0, y),
            size: NAME_SIZE,
            strong: !show_short,
        });
        y += m.line_height(NAME_SIZE);
    }
    let size = vec2((width + 2.0 * PAD).max(MIN_WIDTH).ceil(), (y + PAD).ceil());
    // Centre each line horizontally.
    for l in &mut lines {
        l.pos.x = (size.x - m.width(&l.text, l.size)) / 2.0;
    }
    (lines, size)
}

/// Lays out the drawn bodies and routes every edge. Run when the data, the filters, the layout
/// or the orientation change; never per frame.
pub fn build(
    model: &Model,
    visible: &Visible,
    orientation: Orientation,
    kind: LayoutKind,
) -> Scene {
    let drawn: Vec<BodyIdx> = model.indices().filter(|&i| visible.is_drawn(i)).collect();
    let mut local = vec![None; model.len()];
    for (k, &i) in drawn.iter().enumerate() {
        local[i.0] = Some(k);
    }
    // A body whose parent is filtered out hangs from its nearest drawn ancestor.
    let drawn_parent = |i: BodyIdx| visible.drawn_parent(model, i).and_then(|p| local[p.0]);
    let contents: Vec<(Vec<TextLine>, Vec2)> = drawn
        .iter()
        .map(|&i| box_content(&model.body(i).short, &model.body(i).name))
        .collect();
    let request = LayoutRequest {
        nodes: drawn
            .iter()
            .zip(&contents)
            .map(|(&i, (_, size))| LayoutNode {
                parent: drawn_parent(i),
                size: *size,
            })
            .collect(),
        kind,
        orientation,
        compact: true,
        spacing: Spacing::default(),
    };
    let placement = layout::place(&request);

    let nodes: Vec<SceneNode> = drawn
        .iter()
        .zip(contents)
        .enumerate()
        .map(|(k, (&i, (lines, size)))| {
            let rect = placement.rect_in_chart[k];
            // Stacked boxes are widened to the stack's width: re-centre the text.
            let dx = (rect.width() - size.x) / 2.0;
            SceneNode {
                body: i,
                kind: model.body(i).kind,
                rect,
                lines: lines
                    .into_iter()
                    .map(|l| TextLine {
                        pos: rect.min + l.pos.to_vec2() + vec2(dx, 0.0),
                        ..l
                    })
                    .collect(),
                faded: visible.presence(i) == Presence::Faded,
            }
        })
        .collect();

    let mut edges: Vec<SceneEdge> = placement
        .connectors
        .into_iter()
        .map(|c| SceneEdge {
            from: drawn[c.parent],
            to: drawn[c.child],
            kind: EdgeKind::Tree,
            points: c.points,
            faded: nodes[c.child].faded || nodes[c.parent].faded,
        })
        .collect();
    for (r, presence) in model.atlas.relations.iter().zip(&visible.relations) {
        if *presence == Presence::Hidden {
            continue;
        }
        let (Some(a), Some(b)) = (model.index_of(&r.from), model.index_of(&r.to)) else {
            continue;
        };
        let (Some(ka), Some(kb)) = (local[a.0], local[b.0]) else {
            continue;
        };
        edges.push(SceneEdge {
            from: a,
            to: b,
            kind: EdgeKind::Relation(r.kind),
            points: relation_path(placement.rect_in_chart[ka], placement.rect_in_chart[kb]),
            faded: *presence == Presence::Faded,
        });
    }
    Scene {
        nodes,
        edges,
        node_of_body: local,
        bounds: placement.bounds,
        orientation,
    }
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

/// A gently bowed curve between two boxes, sampled as a polyline, so that a relation never hides
/// under a straight tree connector.
fn relation_path(a: Rect, b: Rect) -> Vec<Pos2> {
    let start = boundary_point(a, b.center());
    let end = boundary_point(b, a.center());
    let d = end - start;
    let normal = vec2(-d.y, d.x) * 0.18;
    let control = start + d * 0.5 + normal;
    (0..=16)
        .map(|k| {
            let t = k as f32 / 16.0;
            let u = 1.0 - t;
            pos2(
                u * u * start.x + 2.0 * u * t * control.x + t * t * end.x,
                u * u * start.y + 2.0 * u * t * control.y + t * t * end.y,
            )
        })
        .collect()
}

/// What stands out on the chart besides the kind colours: the selection and highlighted bodies
/// (search matches, the path to the apex, bodies citing a chosen article).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    pub selected: Option<BodyIdx>,
    pub highlighted: Vec<BodyIdx>,
    /// Bodies on the selection's path to the apex.
    pub path: Vec<BodyIdx>,
    /// The body under the pointer, whose relations stand out like the selection's.
    pub hovered: Option<BodyIdx>,
}

impl Marks {
    /// The selection and its path to the apex, as `export --select` draws them.
    pub fn selection(model: &Model, selected: Option<BodyIdx>) -> Marks {
        Marks {
            selected,
            path: selected.map(|s| model.path_to_root(s)).unwrap_or_default(),
            ..Default::default()
        }
    }

    pub fn is_highlighted(&self, body: BodyIdx) -> bool {
        self.highlighted.contains(&body) || self.path.contains(&body)
    }

    /// True for a tree edge on the path to the apex.
    pub fn edge_on_path(&self, edge: &SceneEdge) -> bool {
        edge.kind == EdgeKind::Tree
            && self.path.contains(&edge.from)
            && self.path.contains(&edge.to)
    }
}

/// Fill, outline colour and outline width of a box as drawn.
pub fn node_style(node: &SceneNode, theme: Theme, marks: &Marks) -> (Color32, Color32, f32) {
    let palette = Palette::of(theme);
    let (fill, accent) = palette.kind(node.kind);
    let (stroke, width) = if marks.selected == Some(node.body) {
        (palette.selection, 3.0)
    } else if marks.is_highlighted(node.body) {
        (palette.selection, 2.0)
    } else {
        (accent, 1.2)
    };
    if node.faded {
        (palette.fade(fill), palette.fade(stroke), width)
    } else {
        (fill, stroke, width)
    }
}

/// Colour of a line of text in a box: abbreviations in the kind's accent, names in the text colour.
pub fn text_color(node: &SceneNode, line: &TextLine, theme: Theme) -> Color32 {
    let palette = Palette::of(theme);
    let c = if line.strong && line.size == SHORT_SIZE {
        palette.kind(node.kind).1
    } else {
        palette.text
    };
    if node.faded {
        palette.fade(c)
    } else {
        c
    }
}

/// Colour, width and dash pattern of an edge as drawn.
pub fn edge_style(
    edge: &SceneEdge,
    theme: Theme,
    marks: &Marks,
) -> (Color32, f32, Option<(f32, f32)>) {
    let palette = Palette::of(theme);
    let (color, width, dash) = match edge.kind {
        EdgeKind::Tree if marks.edge_on_path(edge) => (palette.selection, 2.5, None),
        EdgeKind::Tree => (palette.tree_edge, 1.3, None),
        EdgeKind::Relation(k) => {
            let touches = |b: Option<BodyIdx>| b.is_some_and(|b| b == edge.from || b == edge.to);
            let dash = Some(style::relation_dash(k));
            if touches(marks.selected) || touches(marks.hovered) {
                (palette.relation(k), 2.2, dash)
            } else {
                // Relations stay in the background until a body they touch is chosen.
                (
                    style::mix(palette.relation(k), palette.background, 0.55),
                    1.2,
                    dash,
                )
            }
        }
    };
    if edge.faded {
        (palette.fade(color), width, dash)
    } else {
        (color, width, dash)
    }
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

/// The smallest zoom at which names stay readable (12 px for 13 px text).
pub const READABLE_ZOOM: f32 = 12.0 / NAME_SIZE;

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
    let centre = match orientation {
        Orientation::TopDown => pos2(
            if view.x >= bounds.width() {
                bounds.center().x
            } else {
                apex.x
            },
            bounds.top() + view.y / 2.0,
        ),
        Orientation::LeftRight => pos2(
            bounds.left() + view.x / 2.0,
            if view.y >= bounds.height() {
                bounds.center().y
            } else {
                apex.y
            },
        ),
    };
    Rect::from_center_size(centre, view)
}
