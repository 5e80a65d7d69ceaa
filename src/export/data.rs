//! The chart's data for other tools: Graphviz DOT, and JSON with positions.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::model::{Dash, Model};
use crate::scene::{EdgeKind, Scene};
use crate::style::{self, Palette, Theme};

fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The drawn bodies and edges as a Graphviz digraph: the hierarchy solid, relations dashed as
/// their kinds are, named by external labels (`xlabel`: a label that takes part in the ranking
/// makes Graphviz fail on some charts).
pub fn dot(model: &Model, scene: &Scene) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "digraph {} {{", quote(&model.atlas.meta.short));
    let _ = writeln!(
        s,
        "  rankdir={};\n  forcelabels=true;\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];",
        match scene.orientation {
            crate::layout::Orientation::TopDown => "TB",
            crate::layout::Orientation::LeftRight => "LR",
        }
    );
    for node in &scene.nodes {
        let b = model.body(node.body);
        let (fill, _) = Palette::of(Theme::Light).kind(model.kinds(), node.kind);
        // Uncertain bodies are dashed, as in the pictures.
        let dashed = if node.uncertain || node.ghost {
            ", style=\"rounded,filled,dashed\""
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  {} [label={}, class={}, fillcolor={}{dashed}];",
            quote(&b.id),
            // The box's own lines: wrapped at the same breaks, the name once when the short
            // name is the name.
            quote(
                &node
                    .lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            quote(&b.kind),
            quote(&style::css(fill))
        );
    }
    for edge in &scene.edges {
        let (from, to) = (
            quote(&model.body(edge.from).id),
            quote(&model.body(edge.to).id),
        );
        match edge.kind {
            EdgeKind::Tree if edge.indirect => {
                let _ = writeln!(s, "  {from} -> {to} [style=dotted, class=\"indirect\"];");
            }
            EdgeKind::Tree => {
                let _ = writeln!(s, "  {from} -> {to};");
            }
            EdgeKind::Relation(k) => {
                let kind = model.kinds().relation(k);
                let style = match kind.dash {
                    Dash::Solid => "solid",
                    Dash::Dotted => "dotted",
                    Dash::Dashed | Dash::DashDot => "dashed",
                };
                let _ = writeln!(
                    s,
                    "  {from} -> {to} [style={style}, constraint=false, xlabel={}, class={}];",
                    quote(&kind.name),
                    quote(&kind.id)
                );
            }
        }
    }
    // Graphviz puts all siblings in one rank; three or more childless siblings are stacked in
    // a column instead (as the atlas's own layout does), so the drawing is not a long strip.
    let tree: Vec<_> = scene
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::Tree)
        .collect();
    let mut parents: Vec<_> = tree.iter().map(|e| e.from).collect();
    parents.sort();
    parents.dedup();
    for parent in parents {
        let leaves: Vec<_> = tree
            .iter()
            .filter(|e| e.from == parent && !tree.iter().any(|c| c.from == e.to))
            .map(|e| e.to)
            .collect();
        if leaves.len() >= 3 {
            for pair in leaves.windows(2) {
                let _ = writeln!(
                    s,
                    "  {} -> {} [style=invis];",
                    quote(&model.body(pair[0]).id),
                    quote(&model.body(pair[1]).id)
                );
            }
        }
    }
    s.push_str("}\n");
    s
}

/// The JSON export: the atlas's drawn bodies and relations with their positions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartJson {
    pub title: String,
    pub edition: String,
    pub orientation: String,
    pub width: f32,
    pub height: f32,
    pub bodies: Vec<BodyJson>,
    pub edges: Vec<EdgeJson>,
    /// The events up to the view's date that concern a drawn body (or no body at all), by date.
    #[serde(default)]
    pub events: Vec<crate::model::Event>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyJson {
    pub id: String,
    /// The name in the language of the export.
    pub name: String,
    /// The English name, whatever the language of the export.
    #[serde(default)]
    pub name_en: String,
    pub short: String,
    pub kind: String,
    pub parent: Option<String>,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub faded: bool,
    /// A folded body: how many bodies beneath it are left out of the chart.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub folded: usize,
    /// Its existence, category or date is inferred, unverified or disputed (drawn dashed).
    #[serde(default)]
    pub uncertain: bool,
    /// No founding date is known.
    #[serde(default)]
    pub undated: bool,
    /// At a date before the edition, drawn as possibly not yet in existence.
    #[serde(default)]
    pub ghost: bool,
    /// In a comparison: `true` when established in the period, `"undated"` when of unknown
    /// date under a body that was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<serde_json::Value>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EdgeJson {
    pub from: String,
    pub to: String,
    /// "parent" for the hierarchy, otherwise the relation kind.
    pub kind: String,
    /// A reporting line from the nearest shown ancestor, the bodies between being hidden.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub indirect: bool,
    pub points: Vec<[f32; 2]>,
}

/// The chart as data: boxes and routed lines, names in `lang` (English when `None`).
pub fn chart_json(
    model: &Model,
    scene: &Scene,
    marks: &crate::scene::Marks,
    lang: Option<&str>,
    date: crate::model::Date,
) -> ChartJson {
    let drawn: std::collections::HashSet<&str> = (scene.nodes.iter())
        .map(|n| model.body(n.body).id.as_str())
        .collect();
    let events = (model.events_between(None, Some(date)).into_iter())
        .filter(|e| e.bodies.is_empty() || e.bodies.iter().any(|b| drawn.contains(b.as_str())))
        .cloned()
        .collect();
    ChartJson {
        events,
        title: model.atlas.meta.title.clone(),
        edition: model.atlas.meta.edition.clone(),
        orientation: scene.orientation.key().to_owned(),
        width: scene.bounds.width(),
        height: scene.bounds.height(),
        bodies: scene
            .nodes
            .iter()
            .map(|n| {
                let b = model.body(n.body);
                let (name, short, _) = model.display_name(n.body, lang);
                BodyJson {
                    id: b.id.clone(),
                    name,
                    name_en: b.name.clone(),
                    short,
                    kind: b.kind.clone(),
                    parent: b.parent.clone(),
                    x: n.rect.min.x,
                    y: n.rect.min.y,
                    width: n.rect.width(),
                    height: n.rect.height(),
                    faded: n.faded,
                    folded: n.folded,
                    uncertain: n.uncertain,
                    undated: n.undated,
                    ghost: n.ghost,
                    new: if marks.added.contains(&n.body) {
                        Some(serde_json::Value::Bool(true))
                    } else if marks.added_undated.contains(&n.body) {
                        Some(serde_json::Value::String("undated".into()))
                    } else {
                        None
                    },
                }
            })
            .collect(),
        edges: scene
            .edges
            .iter()
            .map(|e| EdgeJson {
                from: model.body(e.from).id.clone(),
                to: model.body(e.to).id.clone(),
                kind: match e.kind {
                    EdgeKind::Tree => "parent".to_owned(),
                    EdgeKind::Relation(k) => model.kinds().relation(k).id.clone(),
                },
                indirect: e.indirect,
                points: e.points.iter().map(|p| [p.x, p.y]).collect(),
            })
            .collect(),
    }
}
