//! What the benches share.

use csto_atlas::ui::AtlasApp;

/// One frame of the window at 1400 × 900, tessellated.
pub fn frame(ctx: &egui::Context, app: &mut AtlasApp) -> Vec<egui::ClippedPrimitive> {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    };
    let out = ctx.run_ui(input, |ui| app.ui(ui));
    ctx.tessellate(out.shapes, out.pixels_per_point)
}
