//! The chart as a self-contained SVG: each body a `<g data-id>` with its kind as class, each
//! relation a `<path>` with its kind as class, so users can restyle or script it.

use std::fmt::Write;

use egui::{Color32, Pos2, Rect};

use super::markup::{color, escape};
use super::outline;
use super::svg_parts as parts;
use super::SvgOptions;
use crate::layout::TextMetrics;
use crate::model::Model;
use crate::scene::{self, Scene};
use crate::style::Palette;

use super::markup::FONT_FAMILY;
const MARGIN: f32 = 24.0;
const TITLE_SIZE: f32 = 18.0;
const CAPTION_SIZE: f32 = 14.0;
const SOURCE_SIZE: f32 = 11.0;
const LEGEND_SIZE: f32 = 12.0;
/// The narrowest captioned picture, in CSS pixels: a one-body export still reads as a figure.
const MIN_CAPTIONED_WIDTH: f32 = 480.0;

/// A picture before its `<svg>` root: the size in CSS pixels and the elements inside, so that
/// the PDF writer can place it on a page.
#[derive(Clone, Debug)]
pub struct Picture {
    pub width: f32,
    pub height: f32,
    /// The colour behind the chart, for the paper around it.
    pub background: Color32,
    /// The elements, in picture coordinates.
    pub body: String,
    /// Where the scene's origin lies in the picture: a box at `rect` in the scene is at
    /// `rect.translate(origin)` here.
    pub origin: egui::Vec2,
}

impl Picture {
    /// The picture as a stand-alone SVG file.
    pub fn document(&self, title: &str) -> String {
        let (w, h) = (self.width.ceil(), self.height.ceil());
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n<title>{}</title>\n{}</svg>\n",
            escape(title),
            self.body
        )
    }
}

/// The page behind an exported chart: white in the light theme (a printed page gets no grey
/// wash), the window's own background in the dark one.
pub fn paper(theme: crate::style::Theme) -> Color32 {
    match theme {
        crate::style::Theme::Light => Color32::WHITE,
        crate::style::Theme::Dark => Palette::of(theme).background,
    }
}

/// Writes the scene as SVG. Sizes are in CSS pixels at scale 1.
pub fn svg(model: &Model, scene: &Scene, options: &SvgOptions) -> String {
    picture(model, scene, options).document(&model.atlas.meta.title)
}

/// Lines of `text` wrapped to `width` at `size`, with the block's height. The last line never
/// holds a single word when a narrower measure avoids it.
fn block(text: Option<&str>, size: f32, width: f32) -> (Vec<String>, f32) {
    let m = TextMetrics::get();
    let lines = text.map(|t| balanced(t, size, width)).unwrap_or_default();
    let h = lines.len() as f32 * m.line_height(size);
    (lines, h)
}

/// Wraps `text` to `width`, narrowing the measure (down to two thirds) until the last line
/// carries more than one word, without adding a line.
pub fn balanced(text: &str, size: f32, width: f32) -> Vec<String> {
    let m = TextMetrics::get();
    let lines = m.wrap(text, size, width);
    let lonely =
        |lines: &[String]| lines.len() > 1 && lines.last().is_some_and(|l| !l.contains(' '));
    if !lonely(&lines) {
        return lines;
    }
    let mut narrower = width;
    while narrower > width * 2.0 / 3.0 {
        narrower -= width / 40.0;
        let tried = m.wrap(text, size, narrower);
        if tried.len() > lines.len() {
            break;
        }
        if !lonely(&tried) {
            return tried;
        }
    }
    lines
}

/// Writes each line of a text block from its top at `y`.
fn write_block(s: &mut String, block: &Block, size: f32, y: f32, fill: Color32) {
    let m = TextMetrics::get();
    for (k, line) in block.lines.iter().enumerate() {
        let line = outline::Line {
            text: line,
            x: MARGIN,
            y: y + m.ascent(size) + k as f32 * m.line_height(size),
            size,
            fill,
            centred: false,
            class: Some(block.class),
        };
        outline::write(s, &line, block.form);
    }
}

/// A caption's block of lines, and how to write them.
struct Block<'a> {
    class: &'a str,
    lines: Vec<String>,
    form: outline::TextForm,
}

/// Legend entries in rows no wider than `width`: each entry's x and index; and the rows' height.
fn legend_rows(entries: &[(scene::Swatch, String)], width: f32) -> (Vec<Vec<(f32, usize)>>, f32) {
    let m = TextMetrics::get();
    let mut rows: Vec<Vec<(f32, usize)>> = Vec::new();
    let mut x = 0.0;
    for (i, (_, label)) in entries.iter().enumerate() {
        let w = 34.0 + m.width(label, LEGEND_SIZE) + 18.0;
        if rows.is_empty() || x + w > width {
            rows.push(Vec::new());
            x = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((x, i));
        }
        x += w;
    }
    let height = if rows.is_empty() {
        0.0
    } else {
        rows.len() as f32 * 22.0 + 12.0
    };
    (rows, height)
}

/// The legend's rows from `top`: each swatch and its label.
fn write_legend(
    s: &mut String,
    rows: &[Vec<(f32, usize)>],
    entries: &[(scene::Swatch, String)],
    top: f32,
    form: outline::TextForm,
    fill: Color32,
) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(s, r#"<g class="legend">"#);
    for (row_i, row) in rows.iter().enumerate() {
        let y = top + row_i as f32 * 22.0;
        for &(x, i) in row {
            let x = x + MARGIN;
            let (swatch, label) = &entries[i];
            parts::swatch(s, swatch, egui::pos2(x, y + 1.0), form);
            let line = outline::Line {
                text: label,
                x: x + 34.0,
                y: y + 12.0,
                size: LEGEND_SIZE,
                fill,
                centred: false,
                class: None,
            };
            outline::write(s, &line, form);
        }
    }
    let _ = writeln!(s, "</g>");
}

/// The chart's group, moved by `chart_origin`: frames, lines, headings over the lines, boxes.
fn write_chart(
    s: &mut String,
    model: &Model,
    scene: &Scene,
    options: &SvgOptions,
    region: Rect,
    chart_origin: egui::Vec2,
) {
    let (theme, form, m) = (options.theme, options.text_form(), TextMetrics::get());
    // A part of the chart is clipped to its region; the whole chart needs no clip (and
    // without one, the PNG writer can skip what lies outside each strip it draws).
    if options.region.is_some() {
        let clip =
            Rect::from_min_size(region.min + chart_origin, region.size()).expand(MARGIN * 0.5);
        let _ = writeln!(
            s,
            r#"<defs><clipPath id="chart-clip"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath></defs>"#,
            clip.min.x,
            clip.min.y,
            clip.width(),
            clip.height()
        );
        let _ = writeln!(s, r#"<g class="chart" clip-path="url(#chart-clip)">"#);
    } else {
        let _ = writeln!(s, r#"<g class="chart">"#);
    }
    let visible = region.expand(MARGIN);
    let block_look = scene::block_look(theme);
    let blocks: Vec<_> = scene
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.frame.intersects(visible))
        .collect();
    for &(k, block) in &blocks {
        let frame = block.frame.translate(chart_origin);
        let _ = writeln!(
            s,
            r#"<g class="block" data-block="{k}" data-parent="{}"><rect class="frame" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="{}" stroke="{}" stroke-width="1"/></g>"#,
            escape(&model.body(block.parent).id),
            frame.min.x,
            frame.min.y,
            frame.width(),
            frame.height(),
            color(block_look.fill),
            color(block_look.stroke)
        );
    }
    for edge in &scene.edges {
        let bbox = edge
            .points
            .iter()
            .fold(Rect::NOTHING, |r, p| r.union(Rect::from_min_max(*p, *p)));
        if !bbox.intersects(visible) {
            continue;
        }
        if scene::edge_drawn(edge, options.relations, &options.marks) {
            // Each line in its own group, which the PNG writer draws or skips as one.
            s.push_str("<g>\n");
            parts::edge(s, model, edge, options, chart_origin);
            s.push_str("</g>\n");
        }
    }
    // Headings over the lines, each on a patch of its frame's colour: a line that passes
    // behind a heading leaves it readable.
    for &(k, block) in &blocks {
        let heading = block.heading.translate(chart_origin);
        let h = m.line_height(scene::HEADING_SIZE);
        let patch = Rect::from_min_size(
            egui::pos2(heading.left() - 2.0, heading.center().y - h / 2.0),
            egui::vec2(m.width(&block.title, scene::HEADING_SIZE) + 4.0, h),
        );
        let _ = writeln!(
            s,
            r#"<g class="block-heading" data-block="{k}" data-parent="{}"><rect class="patch" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
            escape(&model.body(block.parent).id),
            patch.min.x,
            patch.min.y,
            patch.width(),
            patch.height(),
            color(block_look.fill),
        );
        let line = outline::Line {
            text: &block.title,
            x: heading.left(),
            y: heading.center().y - h / 2.0 + m.ascent(scene::HEADING_SIZE),
            size: scene::HEADING_SIZE,
            fill: block_look.text,
            centred: false,
            class: Some("heading"),
        };
        outline::write(s, &line, form);
        s.push_str("</g>\n");
    }
    // In a part of the chart, a box is drawn whole or not at all (the region already holds
    // every box the view cut).
    let clip = region.expand(MARGIN * 0.5);
    for node in &scene.nodes {
        let drawn = if options.region.is_some() {
            clip.contains_rect(node.rect)
        } else {
            node.rect.intersects(visible)
        };
        if drawn {
            parts::body(s, model, node, options, chart_origin);
        }
    }
    let _ = writeln!(s, "</g>");
}

/// Lays the scene out as a picture: title block, chart, legend, source line.
pub fn picture(model: &Model, scene: &Scene, options: &SvgOptions) -> Picture {
    let theme = options.theme;
    let palette = Palette::of(theme);
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
    let (legend_rows, legend_h) = legend_rows(&entries, legend_width);

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
    let text_width = width - 2.0 * MARGIN;
    let caption = options.caption.as_ref();
    let (title_lines, title_h) = block(caption.map(|c| c.title.as_str()), TITLE_SIZE, text_width);
    let (shown_lines, shown_h) = block(caption.map(|c| c.shown.as_str()), CAPTION_SIZE, text_width);
    let (source_lines, source_h) =
        block(caption.map(|c| c.source.as_str()), SOURCE_SIZE, text_width);
    let notes = caption.map(|c| c.notes.join(" ")).filter(|n| !n.is_empty());
    let (note_lines, note_h) = block(notes.as_deref(), SOURCE_SIZE, text_width);
    let caption_h = if caption.is_some() {
        title_h + shown_h + MARGIN * 0.5
    } else {
        0.0
    };
    let footer_h = if caption.is_some() {
        note_h + source_h + MARGIN * 0.5
    } else {
        0.0
    };
    let height = caption_h + region.height() + 2.0 * MARGIN + legend_h + footer_h;
    let chart_origin = egui::vec2(
        (width - region.width()) / 2.0 - region.min.x,
        caption_h + MARGIN - region.min.y,
    );

    let form = options.text_form();
    let block = |class, lines| Block { class, lines, form };
    let background = paper(options.theme);
    let mut s = String::new();
    if !options.transparent {
        let _ = writeln!(
            s,
            r#"<rect class="background" width="{:.1}" height="{:.1}" fill="{}"/>"#,
            width.ceil(),
            height.ceil(),
            color(background)
        );
    }
    write_block(
        &mut s,
        &block("caption title", title_lines),
        TITLE_SIZE,
        MARGIN * 0.75,
        palette.text,
    );
    write_block(
        &mut s,
        &block("caption", shown_lines),
        CAPTION_SIZE,
        MARGIN * 0.75 + title_h,
        palette.text,
    );
    write_chart(&mut s, model, scene, options, region, chart_origin);

    let top = caption_h + region.height() + 2.0 * MARGIN;
    write_legend(&mut s, &legend_rows, &entries, top, form, palette.weak_text);
    write_block(
        &mut s,
        &block("caption note", note_lines),
        SOURCE_SIZE,
        caption_h + region.height() + 2.0 * MARGIN + legend_h,
        palette.text,
    );
    write_block(
        &mut s,
        &block("caption source", source_lines),
        SOURCE_SIZE,
        caption_h + region.height() + 2.0 * MARGIN + legend_h + note_h,
        palette.weak_text,
    );
    Picture {
        width,
        height,
        background: if options.transparent {
            Color32::TRANSPARENT
        } else {
            background
        },
        body: s,
        origin: chart_origin,
    }
}
