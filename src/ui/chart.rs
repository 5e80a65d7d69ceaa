//! The chart view: egui_graphs' `Graph` holds the drawn bodies and edges, with our own display
//! types; this widget pans, zooms, hit-tests and paints them. It is not egui_graphs' `GraphView`,
//! which asks for a repaint on every frame: this one only repaints on input, so an idle window
//! costs nothing.

use egui::{
    vec2, Align2, Color32, CornerRadius, FontId, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Vec2,
};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext, EdgeProps, Node, NodeProps};
use petgraph::stable_graph::{DefaultIx, NodeIndex};
use petgraph::Directed;

use crate::scene::{self, Marks, Scene, SceneEdge, SceneNode, Theme};

/// How a box looks, set whenever the theme or the marks change.
#[derive(Clone, Debug, Default)]
pub struct Look {
    fill: Color32,
    stroke: Color32,
    width: f32,
    text: Vec<Color32>,
}

/// A body box, drawn from its [`SceneNode`].
#[derive(Clone, Debug)]
pub struct BodyShape {
    node: SceneNode,
    look: Look,
}

impl From<NodeProps<SceneNode>> for BodyShape {
    fn from(props: NodeProps<SceneNode>) -> Self {
        BodyShape {
            node: props.payload,
            look: Look::default(),
        }
    }
}

/// Below this zoom, relations that do not touch the selection or the pointer are not drawn.
const MIN_RELATION_ZOOM: f32 = 0.35;

/// Below this text height (in pixels) boxes are drawn without text.
const MIN_TEXT_PX: f32 = 5.0;

impl DisplayNode<SceneNode, SceneEdge, Directed, DefaultIx> for BodyShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        let r = self.node.rect;
        scene::boundary_point(r, r.center() + dir)
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        let zoom = ctx.meta.zoom;
        let to_screen = |p: Pos2| ctx.meta.canvas_to_screen_pos(p);
        let rect = Rect::from_min_max(to_screen(self.node.rect.min), to_screen(self.node.rect.max));
        let mut shapes = vec![Shape::rect_filled(
            rect,
            CornerRadius::same((7.0 * zoom).min(255.0) as u8),
            self.look.fill,
        )];
        shapes.push(Shape::rect_stroke(
            rect,
            CornerRadius::same((7.0 * zoom).min(255.0) as u8),
            Stroke::new(self.look.width, self.look.stroke),
            StrokeKind::Inside,
        ));
        if scene::NAME_SIZE * zoom >= MIN_TEXT_PX {
            for (line, color) in self.node.lines.iter().zip(&self.look.text) {
                let galley = ctx.painter.layout_no_wrap(
                    line.text.clone(),
                    FontId::proportional(line.size * zoom),
                    *color,
                );
                shapes.push(Shape::galley(to_screen(line.pos), galley, *color));
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
    color: Color32,
    width: f32,
    dash: Option<(f32, f32)>,
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

type ChartNode = Node<SceneNode, SceneEdge, Directed, DefaultIx, BodyShape>;

impl DisplayEdge<SceneNode, SceneEdge, Directed, DefaultIx, BodyShape> for EdgeShape {
    fn shapes(&mut self, _start: &ChartNode, _end: &ChartNode, ctx: &DrawContext) -> Vec<Shape> {
        let zoom = ctx.meta.zoom;
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
                    Some((d, g)) => {
                        shapes.extend(Shape::dashed_line(run, stroke, d * zoom, g * zoom))
                    }
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

    fn update(&mut self, state: &EdgeProps<SceneEdge>) {
        self.edge = state.payload.clone();
    }

    fn is_inside(&self, _start: &ChartNode, _end: &ChartNode, pos: Pos2) -> bool {
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

pub type ChartGraph =
    egui_graphs::Graph<SceneNode, SceneEdge, Directed, DefaultIx, BodyShape, EdgeShape>;

/// What happened on the chart this frame.
#[derive(Debug, Default)]
pub struct ChartResponse {
    /// A body was clicked (by index into the atlas).
    pub clicked: Option<usize>,
    /// The empty background was clicked.
    pub clicked_background: bool,
    pub hovered: Option<usize>,
    pub response: Option<egui::Response>,
}

/// Pan and zoom state plus the graph being drawn.
pub struct ChartView {
    graph: ChartGraph,
    /// Graph node per scene node.
    node_index: Vec<NodeIndex>,
    pub scene: Scene,
    /// Screen position of the chart origin, relative to the widget's top left.
    pan: Vec2,
    zoom: f32,
    /// The widget's rect last frame, for fitting and centring from outside `ui`.
    pub viewport: Rect,
    /// Set until the first frame has fitted the chart to the widget.
    needs_initial_view: bool,
    /// Body to centre on once the widget knows its size.
    pending_centre: Option<usize>,
    /// A saved zoom and centre to open at instead of the default view.
    restore: Option<(f32, Pos2)>,
    /// True while the view is the opening view, untouched by the user: a resize then recomputes it
    /// (the panels settle during the first frames) instead of keeping the old centre.
    auto_view: bool,
}

impl Default for ChartView {
    fn default() -> Self {
        ChartView {
            graph: ChartGraph::new(),
            node_index: Vec::new(),
            scene: Scene::default(),
            pan: Vec2::ZERO,
            zoom: 1.0,
            viewport: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            needs_initial_view: true,
            pending_centre: None,
            restore: None,
            auto_view: true,
        }
    }
}

impl ChartView {
    /// Replaces the scene; keeps the view unless `reset_view`.
    pub fn set_scene(&mut self, scene: Scene, reset_view: bool) {
        let mut graph = ChartGraph::new();
        let node_index: Vec<NodeIndex> = scene
            .nodes
            .iter()
            .map(|n| graph.add_node_with_location(n.clone(), n.rect.center()))
            .collect();
        for e in &scene.edges {
            let (Some(a), Some(b)) = (scene.node_of_body[e.from], scene.node_of_body[e.to]) else {
                continue;
            };
            graph.add_edge(node_index[a], node_index[b], e.clone());
        }
        self.graph = graph;
        self.node_index = node_index;
        self.scene = scene;
        if reset_view {
            self.needs_initial_view = true;
        }
    }

    /// Applies colours for `theme` and `marks` to every box and edge.
    pub fn restyle(&mut self, theme: Theme, marks: &Marks) {
        for (k, node) in self.scene.nodes.iter().enumerate() {
            let (fill, stroke, width) = scene::node_style(node, theme, marks);
            let text = node
                .lines
                .iter()
                .map(|l| scene::text_color(node, l, theme))
                .collect();
            if let Some(n) = self.graph.node_mut(self.node_index[k]) {
                n.display_mut().look = Look {
                    fill,
                    stroke,
                    width,
                    text,
                };
            }
        }
        let indices: Vec<_> = self.graph.edges_iter().map(|(i, _)| i).collect();
        for i in indices {
            if let Some(e) = self.graph.edge_mut(i) {
                let (color, width, dash) = scene::edge_style(&e.payload().clone(), theme, marks);
                let d = e.display_mut();
                d.color = color;
                d.width = width;
                d.dash = dash;
            }
        }
    }

    /// Opens at a saved zoom and centre (chart coordinates) once the widget knows its size.
    pub fn restore_view(&mut self, zoom: f32, centre: Pos2) {
        if zoom.is_finite() && centre.x.is_finite() && centre.y.is_finite() {
            self.restore = Some((zoom, centre));
        }
    }

    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// The part of the chart on screen, in chart coordinates.
    pub fn visible_region(&self) -> Rect {
        Rect::from_min_max(
            self.chart_from_screen(self.viewport.min),
            self.chart_from_screen(self.viewport.max),
        )
    }

    fn screen_from_chart(&self, p: Pos2) -> Pos2 {
        self.viewport.min + self.pan + p.to_vec2() * self.zoom
    }

    fn chart_from_screen(&self, p: Pos2) -> Pos2 {
        ((p - self.viewport.min - self.pan) / self.zoom).to_pos2()
    }

    /// Shows `region` (chart coordinates) as large as fits.
    pub fn show_region(&mut self, region: Rect) {
        let size = self.viewport.size();
        if !region.is_positive() || size.x <= 0.0 {
            return;
        }
        self.zoom = (size.x / region.width())
            .min(size.y / region.height())
            .clamp(0.02, 4.0);
        self.pan = size / 2.0 - region.center().to_vec2() * self.zoom;
    }

    /// F: the whole chart.
    pub fn fit_all(&mut self) {
        self.auto_view = false;
        self.show_region(self.scene.bounds.expand(24.0));
    }

    /// 0: the view the chart opens at.
    pub fn reset_view(&mut self) {
        self.show_region(scene::default_view(&self.scene, self.viewport.size()));
    }

    /// Centres on a body; zooms in to a readable size if needed.
    pub fn centre_on(&mut self, body: usize) {
        if self.needs_initial_view {
            self.pending_centre = Some(body);
            return;
        }
        let Some(node) = self.scene.node_for(body) else {
            return;
        };
        self.auto_view = false;
        self.zoom = self.zoom.max(scene::READABLE_ZOOM);
        self.pan = self.viewport.size() / 2.0 - node.rect.center().to_vec2() * self.zoom;
    }

    /// Brings a body into view with the least movement (zooming in to a readable size if
    /// needed), so that choosing a body nearby does not throw the whole chart around.
    pub fn reveal(&mut self, body: usize) {
        if self.needs_initial_view {
            self.pending_centre = Some(body);
            return;
        }
        let Some(node) = self.scene.node_for(body) else {
            return;
        };
        if self.zoom < scene::READABLE_ZOOM {
            self.centre_on(body);
            return;
        }
        let r = node.rect;
        let on_screen = Rect::from_min_max(
            self.screen_from_chart(r.min) - self.viewport.min.to_vec2(),
            self.screen_from_chart(r.max) - self.viewport.min.to_vec2(),
        );
        let view = Rect::from_min_size(Pos2::ZERO, self.viewport.size()).shrink(32.0);
        let shift = |lo: f32, hi: f32, min: f32, max: f32| {
            if hi - lo > max - min || lo < min {
                min - lo
            } else if hi > max {
                max - hi
            } else {
                0.0
            }
        };
        let d = vec2(
            shift(
                on_screen.left(),
                on_screen.right(),
                view.left(),
                view.right(),
            ),
            shift(
                on_screen.top(),
                on_screen.bottom(),
                view.top(),
                view.bottom(),
            ),
        );
        if d != Vec2::ZERO {
            self.auto_view = false;
            self.pan += d;
        }
    }

    /// Zooms by `factor` about a screen point (the centre when `None`).
    pub fn zoom_by(&mut self, factor: f32, about: Option<Pos2>) {
        self.auto_view = false;
        let about = about.unwrap_or(self.viewport.center()) - self.viewport.min;
        let new_zoom = (self.zoom * factor).clamp(0.02, 4.0);
        self.pan = about - (about - self.pan) * (new_zoom / self.zoom);
        self.zoom = new_zoom;
    }

    /// The body under a screen point.
    pub fn body_at(&self, screen: Pos2) -> Option<usize> {
        let p = self.chart_from_screen(screen);
        self.scene
            .nodes
            .iter()
            .rev()
            .find(|n| n.rect.contains(p))
            .map(|n| n.body)
    }

    /// Shows the chart in the remaining space of `ui`.
    pub fn ui(&mut self, ui: &mut egui::Ui, theme: Theme) -> ChartResponse {
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let moved = rect != self.viewport;
        let centre_in_chart = self.chart_from_screen(self.viewport.center());
        self.viewport = rect;
        if moved && self.auto_view && !self.needs_initial_view && rect.is_positive() {
            self.reset_view();
        } else if self.needs_initial_view && rect.is_positive() {
            self.needs_initial_view = false;
            self.reset_view();
            if let Some((zoom, centre)) = self.restore.take() {
                self.auto_view = false;
                self.zoom = zoom.clamp(0.02, 4.0);
                self.pan = rect.size() / 2.0 - centre.to_vec2() * self.zoom;
            }
            if let Some(body) = self.pending_centre.take() {
                // Opening on a body: centred across, the opening view kept where it shows it.
                if let Some(node) = self.scene.node_for(body) {
                    self.pan.x = rect.width() / 2.0 - node.rect.center().x * self.zoom;
                }
                self.reveal(body);
                self.auto_view = false;
            }
        } else if moved {
            // Keep what was in the middle in the middle when the panels or the window resize.
            self.pan = rect.size() / 2.0 - centre_in_chart.to_vec2() * self.zoom;
        }
        let mut out = ChartResponse::default();

        if response.dragged() {
            self.pan += response.drag_delta();
            self.auto_view = false;
        }
        if response.hovered() {
            let (scroll, zoom_delta, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            let mut factor = zoom_delta;
            if scroll.y != 0.0 {
                factor *= (scroll.y / 200.0).exp();
            }
            if factor != 1.0 {
                self.zoom_by(factor, pointer);
            }
            if scroll.x != 0.0 {
                self.pan.x += scroll.x;
            }
        }
        let pointer = response.hover_pos();
        out.hovered = pointer.and_then(|p| self.body_at(p));
        if response.clicked() {
            match response
                .interact_pointer_pos()
                .and_then(|p| self.body_at(p))
            {
                Some(body) => out.clicked = Some(body),
                None => out.clicked_background = true,
            }
        }

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, theme.background());
        let mut meta = egui_graphs::MetadataFrame::new(None);
        meta.zoom = self.zoom;
        meta.pan = rect.min.to_vec2() + self.pan;
        let style = egui_graphs::SettingsStyle::default();
        let ctx = DrawContext {
            ctx: ui.ctx(),
            painter: &painter,
            style: &style,
            is_directed: true,
            meta: &meta,
        };
        let visible = self.visible_region().expand(16.0);
        let mut shapes = Vec::new();
        let edge_ids: Vec<_> = self.graph.edges_iter().map(|(i, _)| i).collect();
        for i in edge_ids {
            let Some((a, b)) = self.graph.edge_endpoints(i) else {
                continue;
            };
            let Some(edge) = self.graph.edge(i) else {
                continue;
            };
            let bbox = edge
                .payload()
                .points
                .iter()
                .fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p)));
            // Far out, relations other than the chosen body's give way to the hierarchy.
            let minor = edge.display().width < 2.0 && edge.payload().kind != scene::EdgeKind::Tree;
            if !bbox.intersects(visible) || (minor && self.zoom < MIN_RELATION_ZOOM) {
                continue;
            }
            let (Some(start), Some(end)) =
                (self.graph.node(a).cloned(), self.graph.node(b).cloned())
            else {
                continue;
            };
            let Some(edge) = self.graph.edge_mut(i) else {
                continue;
            };
            shapes.extend(edge.display_mut().shapes(&start, &end, &ctx));
        }
        for &idx in &self.node_index {
            let Some(node) = self.graph.node_mut(idx) else {
                continue;
            };
            if node.payload().rect.intersects(visible) {
                shapes.extend(node.display_mut().shapes(&ctx));
            }
        }
        painter.extend(shapes);
        if self.scene.nodes.is_empty() {
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                "No body matches the filters",
                FontId::proportional(16.0),
                theme.weak_text(),
            );
        }
        if let Some(body) = out.hovered {
            if let Some(node) = self.scene.node_for(body) {
                let r = Rect::from_min_max(
                    self.screen_from_chart(node.rect.min),
                    self.screen_from_chart(node.rect.max),
                );
                painter.rect_stroke(
                    r.expand(2.0),
                    CornerRadius::same(8),
                    Stroke::new(1.5, theme.selection().gamma_multiply(0.7)),
                    StrokeKind::Outside,
                );
            }
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        out.response = Some(response);
        out
    }
}
