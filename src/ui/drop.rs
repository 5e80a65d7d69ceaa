//! Files dropped on the window open as File → Open would open them (a spreadsheet whose columns
//! are not all found, in the import dialog); while a file is held over the window, a veil says
//! what letting go will do.

use crate::tr;

use super::action::Action;

/// The action of a file dropped this frame (on the desktop, where a dropped file has a path;
/// a browser hands its files over asynchronously, and File → Open serves there).
pub fn dropped(ctx: &egui::Context) -> Option<Action> {
    let file = ctx.input(|i| i.raw.dropped_files.first().cloned())?;
    let path = file.path();
    (cfg!(not(target_arch = "wasm32")) && path.is_absolute()).then(|| Action::Open(path.into()))
}

/// Paints the veil over the window while a file is held over it.
pub fn veil(ctx: &egui::Context, lang: crate::i18n::Lang) {
    let held = ctx.input(|i| {
        (i.raw.hovered_files.first()).map(|f| {
            f.path
                .as_ref()
                .and_then(|p| p.file_name())
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        })
    });
    let Some(name) = held else {
        return;
    };
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::new("drop-veil"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(150));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        tr!(lang, "drop-to-open", file = name),
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}
