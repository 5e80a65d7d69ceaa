//! The SVG of one body box (with its marks and badges) and of one legend swatch: the same parts,
//! in the same order, as the window draws.

use std::fmt::Write;

use egui::{Pos2, Rect};

use super::markup::{color, escape, points_attr};
use super::outline;
use super::SvgOptions;
use crate::layout::TextMetrics;
use crate::model::Model;
use crate::scene::{self, Badge, BoxLook, EdgeKind, SceneEdge, SceneNode, Swatch, BADGE_SIZE};

fn rect_attrs(r: Rect) -> String {
    format!(
        r#"x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}""#,
        r.min.x,
        r.min.y,
        r.width(),
        r.height()
    )
}

/// The box's shapes, in chart coordinates moved by `origin`.
fn look_shapes(s: &mut String, r: Rect, look: &BoxLook) {
    if let Some(c) = look.halo {
        let _ = writeln!(
            s,
            r#"<rect class="halo" {} rx="11" fill="{}" fill-opacity="0.3"/>"#,
            rect_attrs(r.expand(5.0)),
            color(c)
        );
    }
    if let Some(c) = look.ring {
        let _ = writeln!(
            s,
            r#"<rect class="ring" {} rx="10" fill="none" stroke="{}" stroke-width="1.8"/>"#,
            rect_attrs(r.expand(4.0)),
            color(c)
        );
    }
    let dash = if look.dashed {
        r#" stroke-dasharray="5 3""#
    } else {
        ""
    };
    let w = look.width;
    let _ = writeln!(
        s,
        r#"<rect {} rx="{}" fill="{}" stroke="{}" stroke-width="{w}"{dash}/>"#,
        rect_attrs(r),
        look.radius,
        color(look.fill),
        color(look.stroke)
    );
    if let Some(c) = look.underline {
        let bar = Rect::from_min_max(
            r.left_bottom() + egui::vec2(6.0, 3.0),
            r.right_bottom() + egui::vec2(-6.0, 7.0),
        );
        let _ = writeln!(
            s,
            r#"<rect class="match" {} rx="2" fill="{}"/>"#,
            rect_attrs(bar),
            color(c)
        );
    }
}

/// One body: `<g class="body KIND …" data-id>` with its box, marks, text and badges.
pub fn body(
    s: &mut String,
    model: &Model,
    node: &SceneNode,
    options: &SvgOptions,
    origin: egui::Vec2,
) {
    let m = TextMetrics::get();
    let body = model.body(node.body);
    let look = scene::box_look(node, model.kinds(), options.theme, &options.marks);
    let r = node.rect.translate(origin);
    let mut class = format!("body {}", body.kind);
    for (on, name) in [
        (node.faded, "faded"),
        (options.marks.selected == Some(node.body), "selected"),
        (node.uncertain, "uncertain"),
        (node.undated, "undated"),
        (node.ghost, "ghost"),
        (options.marks.added.contains(&node.body), "new"),
        (
            options.marks.added_undated.contains(&node.body),
            "new-undated",
        ),
    ] {
        if on {
            class.push(' ');
            class.push_str(name);
        }
    }
    let _ = writeln!(s, r#"<g class="{class}" data-id="{}">"#, escape(&body.id));
    let _ = writeln!(s, "<title>{}</title>", escape(&body.name));
    look_shapes(s, r, &look);
    for (line, c) in node.lines.iter().zip(&look.text) {
        let p = line.pos + origin;
        // One weight in every format: the PNG, the PDF and the window draw Ubuntu Light.
        let text = outline::Line {
            text: &line.text,
            x: p.x,
            y: p.y + m.ascent(line.size),
            size: line.size,
            fill: *c,
            centred: false,
            class: None,
        };
        outline::write(s, &text, options.text_form());
    }
    for b in &look.badges {
        badge(s, b, origin, options.text_form());
    }
    let _ = writeln!(s, "</g>");
}

/// A badge: a rounded rect with its text centred.
fn badge(s: &mut String, b: &Badge, origin: egui::Vec2, form: outline::TextForm) {
    let m = TextMetrics::get();
    let r = b.rect.translate(origin);
    let _ = writeln!(
        s,
        r#"<rect class="badge" {} rx="4" fill="{}"/>"#,
        rect_attrs(r),
        color(b.fill),
    );
    let text = outline::Line {
        text: &b.text,
        x: r.center().x,
        y: r.center().y - m.line_height(BADGE_SIZE) / 2.0 + m.ascent(BADGE_SIZE),
        size: BADGE_SIZE,
        fill: b.text_color,
        centred: true,
        class: None,
    };
    outline::write(s, &text, form);
}

/// A legend swatch 26 × 14 at `at` (its top left).
pub fn swatch(s: &mut String, swatch: &Swatch, at: Pos2, form: outline::TextForm) {
    let r = Rect::from_min_size(at, egui::vec2(26.0, 14.0));
    match swatch {
        Swatch::Kind(fill, stroke, outline) => {
            let _ = writeln!(
                s,
                r#"<rect {} rx="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
                rect_attrs(r.shrink(outline.width / 2.0)),
                outline.radius.min(4.0),
                color(*fill),
                color(*stroke),
                outline.width
            );
        }
        Swatch::Line { color: c, dash } => {
            let dash_attr = dash_attr(*dash);
            let _ = writeln!(
                s,
                r#"<path d="M{:.1},{:.1} L{:.1},{:.1}" stroke="{}" stroke-width="1.6"{dash_attr}/>"#,
                r.left(),
                r.center().y,
                r.right(),
                r.center().y,
                color(*c)
            );
        }
        Swatch::Mark(look) => look_shapes(s, r.shrink(3.0), look),
        Swatch::Badge(b) => badge(s, b, at.to_vec2(), form),
        Swatch::Marker(c) => {
            let _ = writeln!(
                s,
                r#"<path d="M{:.1},{:.1} L{:.1},{:.1}" stroke="{}" stroke-width="1.3"/>"#,
                r.left(),
                r.center().y,
                r.right(),
                r.center().y,
                color(*c)
            );
            marker_shape(s, r.center(), *c, "marker");
        }
    }
}

/// A relation marker: a small diamond in the kind's colour.
fn marker_shape(s: &mut String, at: Pos2, c: egui::Color32, class: &str) {
    let p = scene::marker_points(at);
    let _ = writeln!(
        s,
        r#"<path class="{class}" d="M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="{}" stroke="white" stroke-width="1"/>"#,
        p[0].x,
        p[0].y,
        p[1].x,
        p[1].y,
        p[2].x,
        p[2].y,
        p[3].x,
        p[3].y,
        color(c)
    );
}

/// One edge: a reporting line or a relation line with its arrow head, or a relation marker.
pub fn edge(
    s: &mut String,
    model: &Model,
    edge: &SceneEdge,
    options: &SvgOptions,
    origin: egui::Vec2,
) {
    let kinds = model.kinds();
    let (c, w, dash) = scene::edge_style(edge, kinds, options.theme, &options.marks);
    let (from, to) = (
        escape(&model.body(edge.from).id),
        escape(&model.body(edge.to).id),
    );
    let (class, kind) = match edge.kind {
        EdgeKind::Tree if edge.indirect => ("edge tree indirect".to_owned(), "parent"),
        EdgeKind::Tree => ("edge tree".to_owned(), "parent"),
        EdgeKind::Relation(k) if edge.on_tree => {
            let _ = writeln!(
                s,
                r#"<g data-kind="{}" data-from="{from}" data-to="{to}">"#,
                kinds.relation(k).id
            );
            let _ = writeln!(
                s,
                "<title>{} {} {}</title>",
                escape(&model.body(edge.from).name),
                escape(kinds.relation_name_in(k, None)),
                escape(&model.body(edge.to).name)
            );
            if let Some(&at) = edge.points.first() {
                let class = format!("relation-marker {}", kinds.relation(k).id);
                marker_shape(s, at + origin, c, &class);
            }
            let _ = writeln!(s, "</g>");
            return;
        }
        EdgeKind::Relation(k) => {
            let id = kinds.relation(k).id.as_str();
            (format!("edge relation {id}"), id)
        }
    };
    let dash_attr = dash_attr(dash);
    let _ = writeln!(
        s,
        r#"<path class="{class}" data-kind="{kind}" data-from="{from}" data-to="{to}" d="{}" fill="none" stroke="{}" stroke-width="{w}"{dash_attr}/>"#,
        points_attr(&edge.points, origin),
        color(c)
    );
    if let Some([a, b, d]) = scene::arrow_head(&edge.points, 8.0) {
        let (a, b, d) = (a + origin, b + origin, d + origin);
        let _ = writeln!(
            s,
            r#"<path class="arrow {kind}" d="M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="{}"/>"#,
            a.x,
            a.y,
            b.x,
            b.y,
            d.x,
            d.y,
            color(c)
        );
    }
}

/// ` stroke-dasharray="…"` for a dash pattern, nothing for a solid line.
fn dash_attr(dash: Option<[f32; 4]>) -> String {
    dash.map_or(String::new(), |[a, b, c, d]| {
        format!(r#" stroke-dasharray="{a} {b} {c} {d}""#)
    })
}
