//! The overview: the whole chart small in a corner, the part in view as a rectangle. Click or
//! drag on it to move the view there.

use crate::tr;
use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

use crate::style::Palette;

/// The overview's longest side, in points.
const SIDE: f32 = 180.0;
/// Its distance from the chart's corner.
const INSET: f32 = 12.0;

/// Draws the overview of a chart with `bounds` and `boxes` in the bottom-right corner of
/// `viewport`, with `in_view` (chart coordinates) outlined. Returns the chart point to centre
/// on when the user clicks or drags on it.
pub fn minimap(
    ui: &mut egui::Ui,
    viewport: Rect,
    bounds: Rect,
    boxes: impl Iterator<Item = (Rect, Color32)>,
    in_view: Rect,
    palette: &Palette,
) -> Option<Pos2> {
    if !bounds.is_positive() || viewport.width() < SIDE * 2.5 || viewport.height() < SIDE * 2.0 {
        return None;
    }
    let scale = SIDE / bounds.width().max(bounds.height());
    let size = bounds.size() * scale;
    let rect = Rect::from_min_size(viewport.max - size - Vec2::splat(INSET), size);
    let to_map = |p: Pos2| rect.min + (p - bounds.min) * scale;
    let response = ui.interact(rect, ui.id().with("minimap"), Sense::click_and_drag());
    let painter = ui.painter_at(rect.expand(2.0));
    painter.rect(
        rect.expand(2.0),
        3.0,
        palette.background,
        Stroke::new(1.0, palette.weak_text),
        StrokeKind::Inside,
    );
    for (r, fill) in boxes {
        let m = Rect::from_min_max(to_map(r.min), to_map(r.max));
        // At least a pixel, so small boxes still show where the chart is.
        let m = Rect::from_center_size(m.center(), m.size().max(Vec2::splat(1.0)));
        painter.rect_filled(m, 0.0, fill);
    }
    let view = Rect::from_min_max(to_map(in_view.min), to_map(in_view.max)).intersect(rect);
    painter.rect(
        view,
        0.0,
        palette.selection.gamma_multiply(0.12),
        Stroke::new(1.5, palette.selection),
        StrokeKind::Middle,
    );
    let hint = tr!(crate::ui::panels::widgets::lang(ui), "minimap-hint");
    let response = response.on_hover_text(hint);
    if response.clicked() || response.dragged() {
        if let Some(p) = response.interact_pointer_pos() {
            return Some(bounds.min + (p - rect.min) / scale);
        }
    }
    None
}
