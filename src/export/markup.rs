//! Small pieces of XML text shared by the SVG, PDF and GraphML writers.

use std::fmt::Write;

use egui::{Color32, Pos2};

use crate::style;

/// A colour as CSS text.
pub fn color(c: Color32) -> String {
    style::css(c)
}

/// Text safe inside XML: the five entities escaped, control characters but line breaks and tabs
/// dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A polyline's points as an SVG path's `d`, moved by `offset`.
pub fn points_attr(points: &[Pos2], offset: egui::Vec2) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let p = *p + offset;
        let _ = write!(
            d,
            "{}{:.1},{:.1}",
            if i == 0 { "M" } else { " L" },
            p.x,
            p.y
        );
    }
    d
}

/// Fonts named in the SVG: the one we measured with first, then close fallbacks.
pub const FONT_FAMILY: &str =
    "Ubuntu, 'Ubuntu Light', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";
