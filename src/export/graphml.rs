//! GraphML for yEd, Gephi, Cytoscape and networkx: the drawn bodies with their kind, names and
//! positions, the reporting lines and every relation among them, as typed data keys. yEd also
//! reads the `y:ShapeNode` graphics, so the chart opens there as drawn.

use std::fmt::Write;

use super::markup::escape;
use crate::model::{Dash, Model};
use crate::scene::{EdgeKind, Scene};
use crate::style::{self, Palette, Theme};

/// The data keys: (id, for, name, type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("d_label", "node", "label", "string"),
    ("d_name", "node", "name", "string"),
    ("d_name_en", "node", "name_en", "string"),
    ("d_kind", "node", "kind", "string"),
    ("d_parent", "node", "parent", "string"),
    ("d_x", "node", "x", "double"),
    ("d_y", "node", "y", "double"),
    ("d_width", "node", "width", "double"),
    ("d_height", "node", "height", "double"),
    ("e_kind", "edge", "kind", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_indirect", "edge", "indirect", "boolean"),
];

/// The drawn bodies and edges as a GraphML document.
/// Names in `lang` (English when `None`); the English and every other language in their own keys.
pub fn graphml(model: &Model, scene: &Scene, lang: Option<&str>) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xmlns:y=\"http://www.yworks.com/xml/graphml\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n",
    );
    for (id, target, name, ty) in KEYS {
        let _ = writeln!(
            s,
            r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{ty}"/>"#
        );
    }
    // Names in other languages, one key per language the drawn bodies have.
    let mut langs: Vec<&str> = scene
        .nodes
        .iter()
        .flat_map(|n| model.body(n.body).names.keys().map(String::as_str))
        .collect();
    langs.sort_unstable();
    langs.dedup();
    for lang in &langs {
        let _ = writeln!(
            s,
            r#"  <key id="d_name_{l}" for="node" attr.name="name_{l}" attr.type="string"/>"#,
            l = escape(lang)
        );
    }
    s.push_str("  <key id=\"d_yg\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    s.push_str("  <key id=\"e_yg\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
    let _ = writeln!(
        s,
        r#"  <graph id="{}" edgedefault="directed">"#,
        escape(&model.atlas.meta.short)
    );
    let palette = Palette::of(Theme::Light);
    for node in &scene.nodes {
        write_node(&mut s, model, node, lang, &palette);
    }
    for (i, edge) in scene.edges.iter().enumerate() {
        write_edge(&mut s, model, i, edge);
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// A body: its data keys and a yEd shape with its kind's colours.
fn write_node(
    s: &mut String,
    model: &Model,
    node: &crate::scene::SceneNode,
    lang: Option<&str>,
    palette: &Palette,
) {
    let b = model.body(node.body);
    let r = node.rect;
    let _ = writeln!(s, r#"    <node id="{}">"#, escape(&b.id));
    let data = |s: &mut String, key: &str, value: &str| {
        let _ = writeln!(
            s,
            r#"      <data key="{}">{}</data>"#,
            escape(key),
            escape(value)
        );
    };
    let (name, short, _) = model.display_name(node.body, lang);
    data(s, "d_label", &short);
    data(s, "d_name", &name);
    data(s, "d_name_en", &b.name);
    data(s, "d_kind", &b.kind);
    if let Some(parent) = &b.parent {
        data(s, "d_parent", parent);
    }
    data(s, "d_x", &format!("{:.1}", r.min.x));
    data(s, "d_y", &format!("{:.1}", r.min.y));
    data(s, "d_width", &format!("{:.1}", r.width()));
    data(s, "d_height", &format!("{:.1}", r.height()));
    for (lang, name) in &b.names {
        data(s, &format!("d_name_{lang}"), &name.name);
    }
    let (fill, accent) = palette.kind(model.kinds(), node.kind);
    let _ = writeln!(
        s,
        "      <data key=\"d_yg\"><y:ShapeNode><y:Geometry x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>\
         <y:Fill color=\"{}\" transparent=\"false\"/><y:BorderStyle color=\"{}\" type=\"line\" width=\"1.0\"/>\
         <y:NodeLabel>{}</y:NodeLabel><y:Shape type=\"roundrectangle\"/></y:ShapeNode></data>",
        r.min.x,
        r.min.y,
        r.width(),
        r.height(),
        style::css(fill),
        style::css(accent),
        escape(&format!("{short}\n{name}"))
    );
    s.push_str("    </node>\n");
}

/// A reporting line or a relation, with yEd's line style for its kind.
fn write_edge(s: &mut String, model: &Model, i: usize, edge: &crate::scene::SceneEdge) {
    let (kind, label, line) = match edge.kind {
        EdgeKind::Tree => ("parent", String::new(), "line"),
        EdgeKind::Relation(k) => {
            let kind = model.kinds().relation(k);
            let line = match kind.dash {
                Dash::Solid => "line",
                Dash::Dashed => "dashed",
                Dash::Dotted => "dotted",
                Dash::DashDot => "dashed_dotted",
            };
            (kind.id.as_str(), kind.name.clone(), line)
        }
    };
    let _ = writeln!(
        s,
        r#"    <edge id="e{i}" source="{}" target="{}">"#,
        escape(&model.body(edge.from).id),
        escape(&model.body(edge.to).id)
    );
    let _ = writeln!(s, r#"      <data key="e_kind">{}</data>"#, escape(kind));
    if !label.is_empty() {
        let _ = writeln!(s, r#"      <data key="e_label">{}</data>"#, escape(&label));
    }
    if edge.indirect {
        s.push_str("      <data key=\"e_indirect\">true</data>\n");
    }
    let _ = writeln!(
        s,
        "      <data key=\"e_yg\"><y:PolyLineEdge><y:LineStyle color=\"#555555\" type=\"{line}\" width=\"1.0\"/>\
         <y:Arrows source=\"none\" target=\"standard\"/>{}</y:PolyLineEdge></data>",
        if label.is_empty() {
            String::new()
        } else {
            format!("<y:EdgeLabel>{}</y:EdgeLabel>", escape(&label))
        }
    );
    s.push_str("    </edge>\n");
}
