//! Draws a [`BoxLook`] with egui: the same parts, in the same order, as the SVG writer.

use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind};

use crate::scene::{self, BoxLook, SceneBlock, BADGE_SIZE};
use crate::style::Theme;

/// Chart-to-screen mapping for one frame.
pub struct ToScreen<'a> {
    pub pos: &'a dyn Fn(Pos2) -> Pos2,
    pub zoom: f32,
}

impl ToScreen<'_> {
    pub fn rect(&self, r: Rect) -> Rect {
        Rect::from_min_max((self.pos)(r.min), (self.pos)(r.max))
    }
}

fn radius(zoom: f32) -> CornerRadius {
    CornerRadius::same((7.0 * zoom).clamp(0.0, 255.0) as u8)
}

/// The outline of a rect as a closed polyline, for dashed outlines.
fn outline(r: Rect) -> Vec<Pos2> {
    vec![
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ]
}

/// The box at `chart_rect`: halo, ring, fill, outline, underline (text goes on top, then
/// [`badge_shapes`]).
pub fn box_shapes(to: &ToScreen, chart_rect: Rect, look: &BoxLook) -> Vec<Shape> {
    let z = to.zoom;
    let rect = to.rect(chart_rect);
    let mut out = Vec::new();
    if let Some(c) = look.halo {
        out.push(Shape::rect_filled(
            rect.expand(5.0 * z),
            radius(z * 1.6),
            c.gamma_multiply(0.3),
        ));
    }
    if let Some(c) = look.ring {
        out.push(Shape::rect_stroke(
            rect.expand(4.0 * z),
            radius(z * 1.4),
            Stroke::new((1.8 * z).max(1.0), c),
            StrokeKind::Middle,
        ));
    }
    let corners = CornerRadius::same((look.radius * z).clamp(0.0, 255.0) as u8);
    out.push(Shape::rect_filled(rect, corners, look.fill));
    let stroke = Stroke::new(look.width, look.stroke);
    if look.dashed {
        out.extend(Shape::dashed_line(
            &outline(rect.shrink(look.width / 2.0)),
            stroke,
            5.0 * z,
            3.0 * z,
        ));
    } else {
        out.push(Shape::rect_stroke(
            rect,
            corners,
            stroke,
            StrokeKind::Inside,
        ));
    }
    if let Some(c) = look.underline {
        let bar = Rect::from_min_max(
            (to.pos)(chart_rect.left_bottom() + egui::vec2(6.0, 3.0)),
            (to.pos)(chart_rect.right_bottom() + egui::vec2(-6.0, 7.0)),
        );
        out.push(Shape::rect_filled(bar, CornerRadius::same(2), c));
    }
    out
}

/// The box's badges, drawn over its text.
pub fn badge_shapes(to: &ToScreen, look: &BoxLook, fonts: &egui::Painter) -> Vec<Shape> {
    let mut out = Vec::new();
    for b in &look.badges {
        let r = to.rect(b.rect);
        out.push(Shape::rect_filled(r, CornerRadius::same(4), b.fill));
        let galley = fonts.layout_no_wrap(
            b.text.clone(),
            FontId::proportional(BADGE_SIZE * to.zoom),
            b.text_color,
        );
        let at = Align2::CENTER_CENTER
            .anchor_size(r.center(), galley.size())
            .min;
        out.push(Shape::galley(at, galley, Color32::PLACEHOLDER));
    }
    out
}

/// A block's frame, behind its boxes and lines.
pub fn block_shapes(to: &ToScreen, block: &SceneBlock, theme: Theme) -> Vec<Shape> {
    let look = scene::block_look(theme);
    let frame = to.rect(block.frame);
    let radius = CornerRadius::same((6.0 * to.zoom).clamp(0.0, 255.0) as u8);
    vec![
        Shape::rect_filled(frame, radius, look.fill),
        Shape::rect_stroke(
            frame,
            radius,
            Stroke::new(1.0, look.stroke),
            StrokeKind::Inside,
        ),
    ]
}

/// A block's heading, over the lines (on a patch of the frame's colour, so a line behind it
/// leaves it readable); nothing when too small to read.
pub fn heading_shapes(
    to: &ToScreen,
    block: &SceneBlock,
    theme: Theme,
    fonts: &egui::Painter,
) -> Vec<Shape> {
    if scene::HEADING_SIZE * to.zoom < 6.0 {
        return Vec::new();
    }
    let look = scene::block_look(theme);
    let heading = to.rect(block.heading);
    let galley = fonts.layout_no_wrap(
        block.title.clone(),
        FontId::proportional(scene::HEADING_SIZE * to.zoom),
        look.text,
    );
    let at = Align2::LEFT_CENTER.anchor_size(heading.left_center(), galley.size());
    vec![
        Shape::rect_filled(at.expand2(egui::vec2(2.0, 0.0)), 0.0, look.fill),
        Shape::galley(at.min, galley, look.text),
    ]
}
