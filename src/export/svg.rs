//! The chart as a self-contained SVG: each body a `<g data-id>` with its kind as class, each
//! relation a `<path>` with its kind as class, so users can restyle or script it.

use std::fmt::Write;

use egui::{Color32, Pos2, Rect};

use super::svg_parts as parts;
use crate::layout::TextMetrics;
use crate::model::Model;
use crate::scene::{self, Marks, Scene};
use crate::style::{self, Palette, Theme};
use crate::view::RelationsShown;

/// Fonts named in the SVG: the one we measured with first, then close fallbacks.
pub const FONT_FAMILY: &str =
    "Ubuntu, 'Ubuntu Light', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";
const MARGIN: f32 = 24.0;
const CAPTION_SIZE: f32 = 14.0;
const LEGEND_SIZE: f32 = 12.0;
/// The narrowest captioned picture, in CSS pixels: a one-body export still reads as a figure.
const MIN_CAPTIONED_WIDTH: f32 = 480.0;

/// What to draw besides the chart.
#[derive(Clone, Debug)]
pub struct SvgOptions {
    pub theme: Theme,
    pub marks: Marks,
    /// The part of the chart to draw, in chart coordinates; the whole chart when `None`.
    pub region: Option<Rect>,
    pub legend: bool,
    /// A line above the chart: title, filters, edition.
    pub caption: Option<String>,
    /// Which relations to draw.
    pub relations: RelationsShown,
    /// The language of names (English when `None`).
    pub lang: Option<String>,
}

pub(super) fn color(c: Color32) -> String {
    style::css(c)
}

pub(super) fn escape(text: &str) -> String {
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

pub(super) fn points_attr(points: &[Pos2], offset: egui::Vec2) -> String {
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

/// Writes the scene as SVG. Sizes are in CSS pixels at scale 1.
pub fn svg(model: &Model, scene: &Scene, options: &SvgOptions) -> String {
    let theme = options.theme;
    let palette = Palette::of(theme);
    let m = TextMetrics::get();
    let region = options.region.unwrap_or(scene.bounds);
    let region = if region.is_positive() {
        region
    } else {
        Rect::from_min_size(Pos2::ZERO, egui::vec2(200.0, 100.0))
    };
    // Legend entries, wrapped into rows no wider than the chart (or 640).
    let entries = if options.legend {
        scene::legend(
            scene,
            &options.marks,
            theme,
            options.relations,
            options.lang.as_deref(),
        )
    } else {
        Vec::new()
    };
    let legend_width = region.width().max(640.0);
    let mut legend_rows: Vec<Vec<(f32, usize)>> = Vec::new();
    let mut x = 0.0;
    for (i, (_, label)) in entries.iter().enumerate() {
        let w = 34.0 + m.width(label, LEGEND_SIZE) + 18.0;
        if legend_rows.is_empty() || x + w > legend_width {
            legend_rows.push(Vec::new());
            x = 0.0;
        }
        if let Some(row) = legend_rows.last_mut() {
            row.push((x, i));
        }
        x += w;
    }
    let legend_h = if legend_rows.is_empty() {
        0.0
    } else {
        legend_rows.len() as f32 * 22.0 + 12.0
    };

    let width = (region.width() + 2.0 * MARGIN)
        .max(if options.legend {
            legend_width + 2.0 * MARGIN
        } else {
            0.0
        })
        // A captioned picture is never too narrow to hold its caption in a few lines.
        .max(if options.caption.is_some() {
            MIN_CAPTIONED_WIDTH
        } else {
            0.0
        });
    // The caption wraps to the picture's width: it is never cut off.
    let caption_lines = options
        .caption
        .as_deref()
        .map(|c| m.wrap(c, CAPTION_SIZE, width - 2.0 * MARGIN))
        .unwrap_or_default();
    let caption_line_h = m.line_height(CAPTION_SIZE);
    let caption_h = match caption_lines.len() {
        0 => 0.0,
        n => CAPTION_SIZE * 2.0 + (n - 1) as f32 * caption_line_h,
    };
    let height = caption_h + region.height() + 2.0 * MARGIN + legend_h;
    let chart_origin = egui::vec2(
        (width - region.width()) / 2.0 - region.min.x,
        caption_h + MARGIN - region.min.y,
    );

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = width.ceil(),
        h = height.ceil()
    );
    let _ = writeln!(s, "<title>{}</title>", escape(&model.atlas.meta.title));
    let _ = writeln!(
        s,
        r#"<rect class="background" width="100%" height="100%" fill="{}"/>"#,
        color(palette.background)
    );
    for (k, line) in caption_lines.iter().enumerate() {
        let _ = writeln!(
            s,
            r#"<text class="caption" x="{MARGIN}" y="{:.1}" font-size="{CAPTION_SIZE}" fill="{}">{}</text>"#,
            MARGIN * 0.5 + m.ascent(CAPTION_SIZE) + k as f32 * caption_line_h,
            color(palette.text),
            escape(line)
        );
    }
    let clip = Rect::from_min_size(region.min + chart_origin, region.size()).expand(MARGIN * 0.5);
    let _ = writeln!(
        s,
        r#"<defs><clipPath id="chart-clip"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath></defs>"#,
        clip.min.x,
        clip.min.y,
        clip.width(),
        clip.height()
    );
    let _ = writeln!(s, r#"<g class="chart" clip-path="url(#chart-clip)">"#);
    let visible = region.expand(MARGIN);
    for edge in &scene.edges {
        let bbox = edge
            .points
            .iter()
            .fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p)));
        if !bbox.intersects(visible) {
            continue;
        }
        if scene::edge_drawn(edge, options.relations, &options.marks) {
            parts::edge(&mut s, model, edge, options, chart_origin);
        }
    }
    for node in &scene.nodes {
        if node.rect.intersects(visible) {
            parts::body(&mut s, model, node, options, chart_origin);
        }
    }
    let _ = writeln!(s, "</g>");

    if !legend_rows.is_empty() {
        let top = caption_h + region.height() + 2.0 * MARGIN;
        let _ = writeln!(s, r#"<g class="legend">"#);
        for (row_i, row) in legend_rows.iter().enumerate() {
            let y = top + row_i as f32 * 22.0;
            for &(x, i) in row {
                let x = x + MARGIN;
                let (swatch, label) = &entries[i];
                parts::swatch(&mut s, swatch, &palette, egui::pos2(x, y + 1.0));
                let _ = writeln!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" font-size="{LEGEND_SIZE}" fill="{}">{}</text>"#,
                    x + 34.0,
                    y + 12.0,
                    color(palette.weak_text),
                    escape(label)
                );
            }
        }
        let _ = writeln!(s, "</g>");
    }
    s.push_str("</svg>\n");
    s
}
