//! The chart as plain shapes in chart coordinates: boxes, text lines and edge paths. The window
//! draws it with egui and the exporters write it as SVG, so an export is what the user sees.

use egui::{pos2, vec2, Color32, Pos2, Rect, Vec2};
use serde::{Deserialize, Serialize};

use crate::layout::{
    self, LayoutNode, LayoutRequest, Orientation, Positions, Spacing, TextMetrics,
};
use crate::model::{BodyKind, Model, RelationKind};
use crate::view::{Presence, Visible};

/// Text sizes and padding of a body box, in chart units.
pub const SHORT_SIZE: f32 = 15.0;
pub const NAME_SIZE: f32 = 13.0;
const PAD: f32 = 8.0;
const NAME_WRAP: f32 = 128.0;
const MIN_WIDTH: f32 = 92.0;
const LINE_GAP: f32 = 3.0;

/// Light or dark colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn background(self) -> Color32 {
        match self {
            Theme::Light => Color32::from_rgb(0xf7, 0xf7, 0xf5),
            Theme::Dark => Color32::from_rgb(0x1b, 0x1d, 0x21),
        }
    }

    pub fn text(self) -> Color32 {
        match self {
            Theme::Light => Color32::from_rgb(0x1a, 0x1a, 0x1a),
            Theme::Dark => Color32::from_rgb(0xee, 0xee, 0xee),
        }
    }

    pub fn weak_text(self) -> Color32 {
        match self {
            Theme::Light => Color32::from_rgb(0x55, 0x55, 0x55),
            Theme::Dark => Color32::from_rgb(0xb0, 0xb0, 0xb0),
        }
    }

    /// Fill and outline of a body box of this kind.
    pub fn kind_colors(self, kind: BodyKind) -> (Color32, Color32) {
        let (light_fill, dark_fill, accent_light, accent_dark) = match kind {
            BodyKind::Statutory => (0xdbe7f7, 0x1f3a5c, 0x2b5c9e, 0x82b2f0),
            BodyKind::PermanentWorking => (0xdcf0de, 0x1e3f26, 0x2e7d32, 0x86c98a),
            BodyKind::Subsidiary => (0xfbeed6, 0x47361a, 0xa86400, 0xffb74d),
            BodyKind::Official => (0xece2f6, 0x3a2a4d, 0x6a3d9a, 0xc39be6),
        };
        match self {
            Theme::Light => (hex(light_fill), hex(accent_light)),
            Theme::Dark => (hex(dark_fill), hex(accent_dark)),
        }
    }

    pub fn tree_edge(self) -> Color32 {
        match self {
            Theme::Light => Color32::from_rgb(0x6b, 0x6b, 0x6b),
            Theme::Dark => Color32::from_rgb(0x9a, 0x9a, 0x9a),
        }
    }

    pub fn relation_color(self, kind: RelationKind) -> Color32 {
        let (light, dark) = match kind {
            RelationKind::AccountableTo => (0xc0392b, 0xff7b6b),
            RelationKind::Administers => (0x6a3d9a, 0xc39be6),
            RelationKind::Appoints => (0x1f78b4, 0x6cb6ff),
            RelationKind::CreatedByDecisionOf => (0x7f8c8d, 0xa0aaab),
            RelationKind::PreparesProposalsFor => (0x00897b, 0x4dd0c0),
            RelationKind::Recommends => (0xd35400, 0xffa057),
            RelationKind::Coordinates => (0x8e6c00, 0xe0c050),
            RelationKind::Organises => (0x2e7d32, 0x86c98a),
            RelationKind::WorksWith => (0xad1457, 0xf06292),
        };
        match self {
            Theme::Light => hex(light),
            Theme::Dark => hex(dark),
        }
    }

    /// Outline of the selected body, and of search matches and highlighted bodies.
    pub fn selection(self) -> Color32 {
        match self {
            Theme::Light => Color32::from_rgb(0xe6, 0x7e, 0x00),
            Theme::Dark => Color32::from_rgb(0xff, 0xc1, 0x07),
        }
    }
}

fn hex(rgb: u32) -> Color32 {
    Color32::from_rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

/// How a relation kind is dashed: (dash, gap) in chart units.
pub fn relation_dash(kind: RelationKind) -> (f32, f32) {
    match kind {
        RelationKind::CreatedByDecisionOf => (2.0, 4.0),
        RelationKind::AccountableTo | RelationKind::Administers => (8.0, 4.0),
        _ => (5.0, 4.0),
    }
}

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
    pub body: usize,
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
    pub from: usize,
    pub to: usize,
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
    pub fn node_for(&self, body: usize) -> Option<&SceneNode> {
        self.nodes.get((*self.node_of_body.get(body)?)?)
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

/// Lays out the drawn bodies and routes every edge. Run when the data, the filters or the
/// orientation change; never per frame.
pub fn build(model: &Model, visible: &Visible, orientation: Orientation) -> Scene {
    let spacing = Spacing::default();
    let drawn: Vec<usize> = (0..model.len()).filter(|&i| visible.is_drawn(i)).collect();
    let mut local = vec![None; model.len()];
    for (k, &i) in drawn.iter().enumerate() {
        local[i] = Some(k);
    }
    // A body whose parent is filtered out hangs from its nearest drawn ancestor.
    let drawn_parent = |i: usize| visible.drawn_parent(model, i).and_then(|p| local[p]);
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
        orientation,
        compact: true,
        spacing,
    };
    let positions = layout::layout(&request);

    let nodes: Vec<SceneNode> = drawn
        .iter()
        .zip(contents)
        .enumerate()
        .map(|(k, (&i, (lines, size)))| {
            let rect = positions.rect_in_chart[k];
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
                faded: visible.bodies[i] == Presence::Faded,
            }
        })
        .collect();

    let mut edges = tree_edges(&request, &positions, &drawn, orientation, &nodes);
    for (r, presence) in model.atlas.relations.iter().zip(&visible.relations) {
        if *presence == Presence::Hidden {
            continue;
        }
        let (Some(a), Some(b)) = (model.index_of(&r.from), model.index_of(&r.to)) else {
            continue;
        };
        let (Some(ka), Some(kb)) = (local[a], local[b]) else {
            continue;
        };
        edges.push(SceneEdge {
            from: a,
            to: b,
            kind: EdgeKind::Relation(r.kind),
            points: relation_path(positions.rect_in_chart[ka], positions.rect_in_chart[kb]),
            faded: *presence == Presence::Faded,
        });
    }
    Scene {
        nodes,
        edges,
        node_of_body: local,
        bounds: positions.bounds,
        orientation,
    }
}

/// Orthogonal ("taxi") connectors from each parent to its children.
fn tree_edges(
    request: &LayoutRequest,
    positions: &Positions,
    drawn: &[usize],
    orientation: Orientation,
    nodes: &[SceneNode],
) -> Vec<SceneEdge> {
    let rects = &positions.rect_in_chart;
    let spacing = request.spacing;
    let n = request.nodes.len();
    // Where the connectors of one parent turn: half a level above its nearest child.
    let mut turn = vec![f32::INFINITY; n];
    for (c, node) in request.nodes.iter().enumerate() {
        if let Some(p) = node.parent {
            let near = match orientation {
                Orientation::TopDown => rects[c].top(),
                Orientation::LeftRight => rects[c].left(),
            };
            turn[p] = turn[p].min(near - spacing.level / 2.0);
        }
    }
    let mut edges = Vec::new();
    for (c, node) in request.nodes.iter().enumerate() {
        let Some(p) = node.parent else { continue };
        let (pr, cr) = (rects[p], rects[c]);
        let points = match orientation {
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
        edges.push(SceneEdge {
            from: drawn[p],
            to: drawn[c],
            kind: EdgeKind::Tree,
            points: dedup_points(points),
            faded: nodes[c].faded || nodes[p].faded,
        });
    }
    edges
}

fn dedup_points(points: Vec<Pos2>) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_none_or(|q| q.distance(p) > 0.01) {
            out.push(p);
        }
    }
    out
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
    pub selected: Option<usize>,
    pub highlighted: Vec<usize>,
    /// Bodies on the selection's path to the apex.
    pub path: Vec<usize>,
    /// The body under the pointer, whose relations stand out like the selection's.
    pub hovered: Option<usize>,
}

impl Marks {
    pub fn is_highlighted(&self, body: usize) -> bool {
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
    let (fill, accent) = theme.kind_colors(node.kind);
    let (stroke, width) = if marks.selected == Some(node.body) {
        (theme.selection(), 3.0)
    } else if marks.is_highlighted(node.body) {
        (theme.selection(), 2.0)
    } else {
        (accent, 1.2)
    };
    if node.faded {
        (fade(fill, theme), fade(stroke, theme), width)
    } else {
        (fill, stroke, width)
    }
}

/// Colour of a line of text in a box: abbreviations in the kind's accent, names in the text colour.
pub fn text_color(node: &SceneNode, line: &TextLine, theme: Theme) -> Color32 {
    let c = if line.strong && line.size == SHORT_SIZE {
        theme.kind_colors(node.kind).1
    } else {
        theme.text()
    };
    if node.faded {
        fade(c, theme)
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
    let (color, width, dash) = match edge.kind {
        EdgeKind::Tree if marks.edge_on_path(edge) => (theme.selection(), 2.5, None),
        EdgeKind::Tree => (theme.tree_edge(), 1.3, None),
        EdgeKind::Relation(k) => {
            let touches = |b: Option<usize>| b.is_some_and(|b| b == edge.from || b == edge.to);
            if touches(marks.selected) || touches(marks.hovered) {
                (theme.relation_color(k), 2.2, Some(relation_dash(k)))
            } else {
                // Relations stay in the background until a body they touch is chosen.
                (
                    mix(theme.relation_color(k), theme.background(), 0.55),
                    1.2,
                    Some(relation_dash(k)),
                )
            }
        }
    };
    if edge.faded {
        (fade(color, theme), width, dash)
    } else {
        (color, width, dash)
    }
}

/// Blends a colour three quarters of the way into the background.
pub fn fade(c: Color32, theme: Theme) -> Color32 {
    mix(c, theme.background(), 0.75)
}

/// `a` moved a fraction `t` of the way towards `b`.
fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (x as f32 * (1.0 - t) + y as f32 * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
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
    let margin = 24.0;
    let bounds = scene.bounds.expand(margin);
    if !bounds.is_positive() || size.x <= 0.0 || size.y <= 0.0 {
        return Rect::from_center_size(Pos2::ZERO, size);
    }
    let fit = (size.x / bounds.width()).min(size.y / bounds.height());
    let zoom = fit.clamp(READABLE_ZOOM, 1.0);
    let view = size / zoom;
    // The first body in protocol order heads the chart (the CSC in the CSTO atlas).
    let apex = scene
        .nodes
        .first()
        .map_or(bounds.center(), |n| n.rect.center());
    let centre = match scene.orientation {
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
