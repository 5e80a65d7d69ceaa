//! The chart view: egui_graphs' `Graph` is the one store of the drawn bodies and edges, with our
//! own display types ([`shapes`]), which draw and hit-test them; this widget pans, zooms and
//! paints. It is not egui_graphs' `GraphView`, which asks for a repaint on every frame: this one
//! only repaints on input, so an idle window costs nothing.

mod camera;
mod minimap;
mod paint;
mod shapes;

pub use paint::{badge_shapes, box_shapes, ToScreen};

use crate::tr;
use egui::{vec2, Align2, CornerRadius, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};
use egui_graphs::{DisplayEdge, DisplayNode, DrawContext};
use petgraph::stable_graph::{DefaultIx, NodeIndex};
use petgraph::Directed;

use crate::layout::Orientation;
use crate::model::BodyIdx;
use crate::scene::{self, EdgeKind, Marks, Scene, SceneEdge, SceneNode};
use crate::style::{Palette, Theme};
use crate::view::RelationsShown;

use super::settings::SavedView;
use shapes::{BodyShape, EdgeShape};

/// Below this zoom, relations that do not touch the selection or the pointer are not drawn.
const MIN_RELATION_ZOOM: f32 = 0.35;

/// At this zoom and above, with every relation shown, relation lines carry their labels.
const LABEL_ZOOM: f32 = 0.9;

/// The fold handle's radius, in chart units.
pub const HANDLE_RADIUS: f32 = 7.0;

/// How long boxes take to glide to their new places when the layout changes, in seconds.
const GLIDE_SECONDS: f64 = 0.35;

/// Boxes on their way from their old places to their new ones.
struct Glide {
    /// Per graph node: its old place less its new place.
    from: Vec<(NodeIndex, Vec2)>,
    /// When the glide started (egui's input time); set on its first frame.
    start: Option<f64>,
}

type ChartGraph =
    egui_graphs::Graph<SceneNode, SceneEdge, Directed, DefaultIx, BodyShape, EdgeShape>;

/// What happened on the chart this frame.
#[derive(Debug, Default)]
pub struct ChartResponse {
    pub clicked: Option<BodyIdx>,
    /// The empty background was clicked.
    pub clicked_background: bool,
    pub hovered: Option<BodyIdx>,
    /// The relation (index in the atlas) under the pointer, when no body is.
    pub hovered_relation: Option<usize>,
    /// A relation line or marker was clicked.
    pub clicked_relation: Option<usize>,
    /// A body's fold handle (or its "+N") was clicked.
    pub toggled: Option<BodyIdx>,
    pub response: Option<egui::Response>,
}

/// The camera: chart point `p` is drawn at `viewport.min + pan + p * zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Camera {
    pan: Vec2,
    zoom: f32,
}

/// The graph being drawn, the camera, and what the opening view still has to do.
pub struct ChartView {
    graph: ChartGraph,
    bounds: Rect,
    orientation: Orientation,
    camera: Camera,
    /// The widget's rect last frame, for fitting and centring from outside `ui`.
    viewport: Rect,
    /// Set until the first frame has fitted the chart to the widget.
    needs_initial_view: bool,
    /// Body to bring into view once the widget knows its size.
    pending_reveal: Option<BodyIdx>,
    /// Body to keep in view next frame, when a panel that opens may have covered it.
    reveal_next: Option<BodyIdx>,
    /// A saved view to open at instead of the default one.
    restore: Option<SavedView>,
    /// True while the view is the opening view, untouched by the user: a resize then recomputes it
    /// (the panels settle during the first frames) instead of keeping the old centre.
    auto_view: bool,
    /// The theme and marks the looks were last computed for.
    styled: Option<(Theme, Marks)>,
    glide: Option<Glide>,
    /// Draw the overview in the corner.
    pub minimap: bool,
    /// The atlas's kinds, for the colours of boxes and lines.
    kinds: std::sync::Arc<crate::model::Kinds>,
    /// Frames of stacked subordinates, drawn behind everything.
    blocks: Vec<scene::SceneBlock>,
    /// The chart's widget id: the chart's keys act only while it (or nothing) has the focus.
    id: Option<egui::Id>,
}

impl Default for ChartView {
    fn default() -> Self {
        ChartView {
            graph: ChartGraph::new(),
            bounds: Rect::ZERO,
            orientation: Orientation::TopDown,
            camera: Camera {
                pan: Vec2::ZERO,
                zoom: 1.0,
            },
            viewport: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            needs_initial_view: true,
            pending_reveal: None,
            reveal_next: None,
            restore: None,
            auto_view: true,
            minimap: false,
            styled: None,
            glide: None,
            kinds: Scene::default().kinds,
            blocks: Vec::new(),
            id: None,
        }
    }
}

impl ChartView {
    /// Rebuilds the graph from a scene; keeps the view unless `reset_view`. Bodies that stay on
    /// the chart but move glide to their new places (`animate`).
    ///
    /// `anchor`, a body in both scenes (the one just folded or unfolded), keeps its place on
    /// screen: the camera follows it, and the other boxes glide from where they were seen.
    pub fn set_scene(
        &mut self,
        scene: &Scene,
        reset_view: bool,
        animate: bool,
        anchor: Option<BodyIdx>,
    ) {
        let old: std::collections::HashMap<BodyIdx, Pos2> =
            self.nodes().map(|n| (n.body, n.rect.min)).collect();
        let shift = anchor
            .and_then(|a| {
                let new = scene.node_for(a)?.rect.min;
                Some(*old.get(&a)? - new)
            })
            .filter(|_| !reset_view)
            .unwrap_or(Vec2::ZERO);
        self.camera.pan += shift * self.camera.zoom;
        if anchor.is_some() && !reset_view {
            // The user works on the chart: a panel or bar that changes size must not re-frame it.
            self.auto_view = false;
        }
        let mut graph = ChartGraph::new();
        let index: Vec<NodeIndex> = scene
            .nodes
            .iter()
            .map(|n| graph.add_node_with_location(n.clone(), n.rect.center()))
            .collect();
        for e in &scene.edges {
            let ends = (scene.node_of_body[e.from.0], scene.node_of_body[e.to.0]);
            if let (Some(a), Some(b)) = ends {
                graph.add_edge(index[a], index[b], e.clone());
            }
        }
        let from: Vec<(NodeIndex, Vec2)> = scene
            .nodes
            .iter()
            .zip(&index)
            .filter_map(|(n, &i)| Some((i, *old.get(&n.body)? - n.rect.min - shift)))
            .filter(|(_, d)| d.length() > 0.5)
            .collect();
        self.glide = (animate && !from.is_empty()).then_some(Glide { from, start: None });
        self.graph = graph;
        self.bounds = scene.bounds;
        self.orientation = scene.orientation;
        self.kinds = scene.kinds.clone();
        self.blocks = scene.blocks.clone();
        self.styled = None;
        if reset_view {
            self.needs_initial_view = true;
            self.auto_view = true;
        }
    }

    /// The drawn boxes, in scene order.
    fn nodes(&self) -> impl Iterator<Item = &SceneNode> + '_ {
        self.graph.nodes_iter().map(|(_, n)| n.payload())
    }

    fn rect_of(&self, body: BodyIdx) -> Option<Rect> {
        self.nodes().find(|n| n.body == body).map(|n| n.rect)
    }

    /// Recomputes every box's and edge's look for `theme` and `marks`, when they changed.
    fn restyle(&mut self, theme: Theme, marks: &Marks) {
        if self
            .styled
            .as_ref()
            .is_some_and(|(t, m)| *t == theme && m == marks)
        {
            return;
        }
        let kinds = self.kinds.clone();
        let ids: Vec<NodeIndex> = self.graph.nodes_iter().map(|(i, _)| i).collect();
        for i in ids {
            if let Some(n) = self.graph.node_mut(i) {
                let look = scene::box_look(n.payload(), &kinds, theme, marks);
                n.display_mut().look = Some(look);
            }
        }
        let ids: Vec<_> = self.graph.edges_iter().map(|(i, _)| i).collect();
        for i in ids {
            if let Some(e) = self.graph.edge_mut(i) {
                let (color, width, dash) = scene::edge_style(e.payload(), &kinds, theme, marks);
                let d = e.display_mut();
                (d.color, d.width, d.dash) = (color, width, dash);
            }
        }
        self.styled = Some((theme, marks.clone()));
    }

    /// The body under a screen point, asked of the display shapes (the top one wins).
    /// The body whose fold handle is under a screen point (a handle is at least 16 px across).
    fn handle_at(&self, screen: Pos2) -> Option<BodyIdx> {
        let p = self.chart_from_screen(screen);
        let reach = (HANDLE_RADIUS + 2.0).max(8.0 / self.camera.zoom);
        self.graph
            .nodes_iter()
            .filter_map(|(_, n)| Some((n.payload().body, n.payload().handle?)))
            .find(|(_, h)| h.distance(p) <= reach)
            .map(|(b, _)| b)
    }

    fn body_at(&self, screen: Pos2) -> Option<BodyIdx> {
        let p = self.chart_from_screen(screen);
        self.graph
            .nodes_iter()
            .filter(|(_, n)| n.display().is_inside(p))
            .last()
            .map(|(_, n)| n.payload().body)
    }

    /// The drawn relation line or marker under a screen point, asked of the display shapes.
    fn relation_at(&self, screen: Pos2, marks: &Marks, shown: RelationsShown) -> Option<usize> {
        let p = self.chart_from_screen(screen);
        self.graph.edges_iter().find_map(|(i, e)| {
            let payload = e.payload();
            if payload.relation.is_none() || !scene::edge_drawn(payload, shown, marks) {
                return None;
            }
            let (a, b) = self.graph.edge_endpoints(i)?;
            let (a, b) = (self.graph.node(a)?, self.graph.node(b)?);
            e.display().is_inside(a, b, p).then_some(payload.relation?)
        })
    }

    /// Pans and zooms with the mouse; reports clicks and the body under the pointer.
    fn interact(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        marks: &Marks,
        shown: RelationsShown,
    ) -> ChartResponse {
        if response.dragged() {
            self.camera.pan += response.drag_delta();
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
                self.camera.pan.x += scroll.x;
            }
        }
        let mut out = ChartResponse {
            hovered: response.hover_pos().and_then(|p| self.body_at(p)),
            ..Default::default()
        };
        if out.hovered.is_none() && self.glide.is_none() {
            out.hovered_relation = response
                .hover_pos()
                .and_then(|p| self.relation_at(p, marks, shown));
        }
        if response.clicked() {
            let at = response.interact_pointer_pos();
            if let Some(body) = at.and_then(|p| self.handle_at(p)) {
                out.toggled = Some(body);
                return out;
            }
            match at.and_then(|p| self.body_at(p)) {
                Some(body) => out.clicked = Some(body),
                None if out.hovered_relation.is_some() => {
                    out.clicked_relation = out.hovered_relation;
                }
                None => out.clicked_background = true,
            }
        }
        out
    }

    /// Shows the chart in the remaining space of `ui`, styled for `theme` and `marks`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        theme: Theme,
        marks: &Marks,
        shown: RelationsShown,
    ) -> ChartResponse {
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        self.id = Some(response.id);
        // The chart takes the keyboard when used with the mouse, and keeps the arrow keys for
        // walking its boxes instead of moving the focus to a panel's widget.
        if response.clicked() || response.drag_started() {
            response.request_focus();
        }
        if response.has_focus() {
            ui.memory_mut(|m| {
                let arrows = egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                };
                m.set_focus_lock_filter(response.id, arrows);
            });
        }
        let name = crate::tr!(crate::ui::panels::widgets::lang(ui), "chart-name");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Other, true, &name));
        self.frame(rect, marks);
        let mut out = self.interact(ui, &response, marks, shown);
        self.restyle(theme, marks);
        let palette = Palette::of(theme);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, palette.background);
        self.paint(ui.ctx(), &painter, marks, shown);
        if self.graph.node_count() == 0 {
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                tr!(crate::ui::panels::widgets::lang(ui), "chart-empty"),
                FontId::proportional(16.0),
                palette.weak_text,
            );
        }
        if let Some(r) = out.hovered.and_then(|b| self.rect_of(b)) {
            let r =
                Rect::from_min_max(self.screen_from_chart(r.min), self.screen_from_chart(r.max));
            painter.rect_stroke(
                r.expand(2.0),
                CornerRadius::same(8),
                Stroke::new(1.5, palette.selection.gamma_multiply(0.7)),
                StrokeKind::Outside,
            );
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if self.minimap && self.graph.node_count() > 0 {
            let region = self.visible_region();
            let kinds = self.kinds.clone();
            let boxes = self
                .nodes()
                .map(|n| (n.rect, palette.kind(&kinds, n.kind).1));
            if let Some(target) = minimap::minimap(ui, rect, self.bounds, boxes, region, &palette) {
                self.look_at(target, self.camera.zoom);
                self.auto_view = false;
            }
        }
        if response.has_focus() {
            // Keyboard focus, as egui draws it around a focused widget.
            let focus = ui.visuals().selection.stroke;
            painter.rect_stroke(rect.shrink(1.0), 0.0, focus, StrokeKind::Inside);
        }
        out.response = Some(response);
        out
    }

    /// True when the chart's keys should act: the chart has the focus, or nothing has.
    pub fn has_keys(&self, ctx: &egui::Context) -> bool {
        ctx.memory(|m| m.focused())
            .is_none_or(|f| Some(f) == self.id)
    }

    /// Moves gliding boxes one step; true while they are still on their way.
    fn step_glide(&mut self, ctx: &egui::Context) -> bool {
        let Some(glide) = &mut self.glide else {
            return false;
        };
        let now = ctx.input(|i| i.time);
        let start = *glide.start.get_or_insert(now);
        let t = ((now - start) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
        // Ease out: quick to leave, gentle to arrive.
        let left = (1.0 - t).powi(3);
        let moves: Vec<(NodeIndex, Vec2)> =
            glide.from.iter().map(|&(i, d)| (i, d * left)).collect();
        for (i, offset) in moves {
            if let Some(n) = self.graph.node_mut(i) {
                n.display_mut().offset = offset;
            }
        }
        if t >= 1.0 {
            self.glide = None;
            false
        } else {
            ctx.request_repaint();
            true
        }
    }

    /// Draws the edges, then the boxes, that are on screen. While boxes glide, lines wait.
    fn paint(
        &mut self,
        ctx: &egui::Context,
        painter: &egui::Painter,
        marks: &Marks,
        shown: RelationsShown,
    ) {
        let gliding = self.step_glide(ctx);
        let background = self
            .styled
            .as_ref()
            .map_or(egui::Color32::TRANSPARENT, |(t, _)| {
                Palette::of(*t).background
            });
        let mut meta = egui_graphs::MetadataFrame::new(None);
        meta.zoom = self.camera.zoom;
        meta.pan = self.viewport.min.to_vec2() + self.camera.pan;
        let style = egui_graphs::SettingsStyle::default();
        let draw = DrawContext {
            ctx,
            painter,
            style: &style,
            is_directed: true,
            meta: &meta,
        };
        let visible = self.visible_region().expand(16.0);
        let zoom = self.camera.zoom;
        let mut shapes = Vec::new();
        let theme = self.styled.as_ref().map(|(t, _)| *t);
        let to = |p: Pos2| self.screen_from_chart(p);
        let mut headings = Vec::new();
        if let Some(theme) = theme {
            for block in self.blocks.iter().filter(|b| b.frame.intersects(visible)) {
                let to = ToScreen { pos: &to, zoom };
                shapes.extend(paint::block_shapes(&to, block, theme));
                headings.extend(paint::heading_shapes(&to, block, theme, painter));
            }
        }
        let mut markers = Vec::new();
        let mut labels = Vec::new();
        for (_, edge) in self.graph.edges_iter().filter(|_| !gliding) {
            if !scene::edge_drawn(edge.payload(), shown, marks) {
                continue;
            }
            if edge.payload().on_tree {
                markers.extend(edge.display().draw(&draw));
                continue;
            }
            let bbox = edge
                .payload()
                .points
                .iter()
                .fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p)));
            // Far out, relations other than the chosen body's give way to the hierarchy.
            let minor = edge.display().width < 2.0 && edge.payload().kind != EdgeKind::Tree;
            if !bbox.intersects(visible) || (minor && zoom < MIN_RELATION_ZOOM) {
                continue;
            }
            shapes.extend(edge.display().draw(&draw));
            // With every relation shown and room to read, each line says what it is.
            if let (RelationsShown::All, true, Some(at), EdgeKind::Relation(k)) = (
                shown,
                zoom >= LABEL_ZOOM,
                edge.payload().label_at,
                edge.payload().kind,
            ) {
                let c = self.screen_from_chart(at);
                let lang = marks.lang.names_code();
                let galley = painter.layout_no_wrap(
                    self.kinds.relation_name_in(k, lang).to_owned(),
                    egui::FontId::proportional(scene::LABEL_SIZE * zoom),
                    // The kind's colour, darkened (or lightened) until it reads as text.
                    Palette::of(self.styled.as_ref().map_or(Theme::Light, |(t, _)| *t))
                        .readable(edge.display().color),
                );
                let r = Align2::CENTER_CENTER.anchor_size(c, galley.size());
                labels.push(egui::Shape::rect_filled(r.expand(1.0), 2.0, background));
                labels.push(egui::Shape::galley(
                    r.min,
                    galley,
                    egui::Color32::PLACEHOLDER,
                ));
            }
        }
        shapes.extend(headings);
        let node_ids: Vec<NodeIndex> = self.graph.nodes_iter().map(|(i, _)| i).collect();
        for i in node_ids {
            if let Some(node) = self.graph.node_mut(i) {
                if node.payload().rect.intersects(visible) {
                    shapes.extend(node.display_mut().shapes(&draw));
                }
            }
        }
        shapes.extend(markers);
        shapes.extend(labels);
        painter.extend(shapes);
    }
}
