//! The fonts the window, the pictures and the measurements share: egui's own four.
//!
//! A desktop build takes them whole from `epaint_default_fonts`. The web build takes the copies
//! in `assets/fonts/web` (made by `web/subset-fonts.sh`): the same outlines, advances and
//! kerning without hinting instructions, and only the symbols of the two emoji fonts that the
//! interface and egui use. That is 0.18 MB gzipped in place of 0.78 MB on every page load; egui
//! hints the instruction-free faces itself.

/// Ubuntu Light, the text of the window and of every picture.
#[cfg(not(target_arch = "wasm32"))]
pub const UBUNTU_LIGHT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
/// Hack, monospace, and the arrows Ubuntu Light lacks.
#[cfg(not(target_arch = "wasm32"))]
pub const HACK_REGULAR: &[u8] = epaint_default_fonts::HACK_REGULAR;
/// Noto Emoji, the symbols (▶, ⏸, ✖ …).
#[cfg(not(target_arch = "wasm32"))]
pub const NOTO_EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;
/// The emoji icon font, egui's fallback for symbols.
#[cfg(not(target_arch = "wasm32"))]
pub const EMOJI_ICON: &[u8] = epaint_default_fonts::EMOJI_ICON;

/// Ubuntu Light, the text of the window and of every picture.
#[cfg(target_arch = "wasm32")]
pub const UBUNTU_LIGHT: &[u8] = include_bytes!("../assets/fonts/web/Ubuntu-Light.ttf");
/// Hack, monospace, and the arrows Ubuntu Light lacks.
#[cfg(target_arch = "wasm32")]
pub const HACK_REGULAR: &[u8] = include_bytes!("../assets/fonts/web/Hack-Regular.ttf");
/// Noto Emoji, the symbols (▶, ⏸, ✖ …).
#[cfg(target_arch = "wasm32")]
pub const NOTO_EMOJI: &[u8] = include_bytes!("../assets/fonts/web/NotoEmoji-Regular.ttf");
/// The emoji icon font, egui's fallback for symbols.
#[cfg(target_arch = "wasm32")]
pub const EMOJI_ICON: &[u8] = include_bytes!("../assets/fonts/web/emoji-icon-font.ttf");

/// egui's default font set, from the fonts above, with Hack after Ubuntu Light in proportional
/// text: Ubuntu Light has no arrows (→ in "2003 → 2025", ←/→ in hints), and Hack draws them
/// rather than a missing-glyph box.
pub fn definitions() -> egui::FontDefinitions {
    use egui::{FontData, FontFamily, FontTweak};
    let mut fonts = egui::FontDefinitions::empty();
    let mut add = |name: &str, bytes: &'static [u8], scale: f32| {
        let data = FontData::from_static(bytes).tweak(FontTweak {
            scale,
            ..Default::default()
        });
        fonts.font_data.insert(name.to_owned(), data.into());
    };
    // The scales are egui's own (FontDefinitions::default): its emoji are drawn smaller.
    add("Hack", HACK_REGULAR, 1.0);
    add("NotoEmoji-Regular", NOTO_EMOJI, 0.81);
    add("Ubuntu-Light", UBUNTU_LIGHT, 1.0);
    add("emoji-icon-font", EMOJI_ICON, 0.90);
    let family = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    fonts.families.insert(
        FontFamily::Monospace,
        family(&[
            "Hack",
            "Ubuntu-Light",
            "NotoEmoji-Regular",
            "emoji-icon-font",
        ]),
    );
    fonts.families.insert(
        FontFamily::Proportional,
        family(&[
            "Ubuntu-Light",
            "NotoEmoji-Regular",
            "emoji-icon-font",
            "Hack",
        ]),
    );
    fonts
}
