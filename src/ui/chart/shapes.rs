//! The display types egui_graphs draws and hit-tests: a body box and an edge polyline, each
//! holding its scene payload and its current look.

use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, Vec2};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::stable_graph::DefaultIx;
use petgraph::Directed;

use super::paint::{badge_shapes, box_shapes, ToScreen};
use crate::scene::{self, BoxLook, SceneEdge, SceneNode};

/// A body box, drawn from its [`SceneNode`].
#[derive(Clone, Debug)]
pub struct BodyShape {
    node: SceneNode,
    /// Set whenever the theme or the marks change.
    pub look: Option<BoxLook>,
    /// While the layout changes, how far (in chart units) the box still is from its place.
    pub offset: Vec2,
}

impl From<NodeProps<SceneNode>> for BodyShape {
    fn from(props: NodeProps<SceneNode>) -> Self {
        BodyShape {
            node: props.payload,
            look: None,
            offset: Vec2::ZERO,
        }
    }
}

/// Below this text height (in pixels) boxes are drawn without text.
const MIN_TEXT_PX: f32 = 5.0;

impl DisplayNode<SceneNode, SceneEdge, Directed, DefaultIx> for BodyShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        let r = self.node.rect;
        scene::boundary_point(r, r.center() + dir)
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        let zoom = ctx.meta.zoom;
        let offset = self.offset;
        let to_screen = |p: Pos2| ctx.meta.canvas_to_screen_pos(p + offset);
        let to = ToScreen {
            pos: &to_screen,
            zoom,
        };
        let Some(look) = &self.look else {
            return Vec::new();
        };
        let mut shapes = box_shapes(&to, self.node.rect, look);
        if scene::NAME_SIZE * zoom >= MIN_TEXT_PX {
            for (line, color) in self.node.lines.iter().zip(&look.text) {
                let galley = ctx.painter.layout_no_wrap(
                    line.text.clone(),
                    FontId::proportional(line.size * zoom),
                    *color,
                );
                shapes.push(Shape::galley(to_screen(line.pos), galley, *color));
            }
            shapes.extend(badge_shapes(&to, look, ctx.painter));
            // An open body's handle: "−" folds it (a folded one shows "+N" there instead).
            if let (Some(h), 0) = (self.node.handle, self.node.folded) {
                let c = to_screen(h);
                let r = super::HANDLE_RADIUS * zoom;
                shapes.push(Shape::circle_filled(c, r, look.fill));
                shapes.push(Shape::circle_stroke(c, r, Stroke::new(1.0, look.stroke)));
                shapes.push(Shape::line_segment(
                    [c - Vec2::new(r * 0.5, 0.0), c + Vec2::new(r * 0.5, 0.0)],
                    Stroke::new((1.5 * zoom).max(1.0), look.stroke),
                ));
            }
        }
        shapes
    }

    fn update(&mut self, state: &NodeProps<SceneNode>) {
        self.node = state.payload.clone();
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        self.node.rect.contains(pos)
    }
}

/// An edge polyline with an arrow head.
#[derive(Clone, Debug)]
pub struct EdgeShape {
    edge: SceneEdge,
    pub color: Color32,
    pub width: f32,
    pub dash: Option<[f32; 4]>,
}

impl From<EdgeProps<SceneEdge>> for EdgeShape {
    fn from(props: EdgeProps<SceneEdge>) -> Self {
        EdgeShape {
            edge: props.payload,
            color: Color32::GRAY,
            width: 1.0,
            dash: None,
        }
    }
}

pub type ChartNode = Node<SceneNode, SceneEdge, Directed, DefaultIx, BodyShape>;

impl EdgeShape {
    /// The edge's shapes on screen. Its ends are not needed: the scene routed the whole path.
    pub fn draw(&self, ctx: &DrawContext) -> Vec<Shape> {
        let zoom = ctx.meta.zoom;
        if self.edge.on_tree {
            let Some(&at) = self.edge.points.first() else {
                return Vec::new();
            };
            let c = ctx.meta.canvas_to_screen_pos(at);
            let points = scene::marker_points(Pos2::ZERO)
                .map(|p| c + p.to_vec2() * zoom.clamp(0.6, 2.0))
                .to_vec();
            return vec![Shape::convex_polygon(
                points,
                self.color,
                Stroke::new(1.0, Color32::WHITE),
            )];
        }
        let points: Vec<Pos2> = self
            .edge
            .points
            .iter()
            .map(|p| ctx.meta.canvas_to_screen_pos(*p))
            .collect();
        let stroke = Stroke::new(self.width * zoom.clamp(0.5, 1.5), self.color);
        // Only the runs of segments that cross the screen are drawn: a long edge of a large chart
        // would otherwise cost dashes and vertices far off screen.
        let clip = ctx.painter.clip_rect().expand(8.0);
        let mut shapes = Vec::new();
        let mut run: Vec<Pos2> = Vec::new();
        let dash = self.dash;
        let flush = |run: &mut Vec<Pos2>, shapes: &mut Vec<Shape>| {
            if run.len() >= 2 {
                match dash {
                    Some([d1, g1, d2, g2]) => shapes.extend(Shape::dashed_line_with_offset(
                        run,
                        stroke,
                        &[d1 * zoom, d2 * zoom],
                        &[g1 * zoom, g2 * zoom],
                        0.0,
                    )),
                    None => shapes.push(Shape::line(run.clone(), stroke)),
                }
            }
            run.clear();
        };
        for w in points.windows(2) {
            if Rect::from_two_pos(w[0], w[1]).intersects(clip) {
                if run.is_empty() {
                    run.push(w[0]);
                }
                run.push(w[1]);
            } else {
                flush(&mut run, &mut shapes);
            }
        }
        flush(&mut run, &mut shapes);
        if let Some(head) = scene::arrow_head(&points, 8.0 * zoom.clamp(0.4, 1.5)) {
            if clip.contains(head[0]) {
                shapes.push(Shape::convex_polygon(
                    head.to_vec(),
                    self.color,
                    Stroke::NONE,
                ));
            }
        }
        shapes
    }
}

impl DisplayEdge<SceneNode, SceneEdge, Directed, DefaultIx, BodyShape> for EdgeShape {
    fn shapes(&mut self, _start: &ChartNode, _end: &ChartNode, ctx: &DrawContext) -> Vec<Shape> {
        self.draw(ctx)
    }

    fn update(&mut self, state: &EdgeProps<SceneEdge>) {
        self.edge = state.payload.clone();
    }

    fn is_inside(&self, _start: &ChartNode, _end: &ChartNode, pos: Pos2) -> bool {
        if self.edge.on_tree {
            return self
                .edge
                .points
                .first()
                .is_some_and(|p| p.distance(pos) < 7.0);
        }
        self.edge
            .points
            .windows(2)
            .any(|w| distance_to_segment(pos, w[0], w[1]) < 4.0)
    }
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}
