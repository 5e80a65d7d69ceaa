//! `list`: the bodies, one per line or as a JSON array.

use std::path::Path;

use csto_atlas::model;

use super::{print, print_json};

pub fn run(atlas: Option<&Path>, json: bool) -> Result<(), String> {
    let m = model::load(atlas).map_err(|e| e.to_string())?;
    if json {
        let rows: Vec<serde_json::Value> = m
            .atlas
            .bodies
            .iter()
            .map(|b| {
                serde_json::json!({
                    "id": b.id,
                    "name": b.name,
                    "short": b.short,
                    "kind": b.kind,
                    "parent": b.parent,
                    "established": b.established.as_ref().and_then(|e| e.date.clone()),
                })
            })
            .collect();
        return print_json(&rows);
    }
    let widest = |f: fn(&model::Body) -> &str, min: usize| {
        (m.atlas.bodies.iter())
            .map(|b| f(b).chars().count())
            .max()
            .unwrap_or(0)
            .max(min)
    };
    let (w_id, w_short, w_kind) = (
        widest(|b| &b.id, 2),
        widest(|b| &b.short, 5),
        widest(|b| &b.kind, 4),
    );
    let row = |id: &str, short: &str, kind: &str, name: &str| {
        format!("{id:w_id$}  {short:w_short$}  {kind:w_kind$}  {name}\n")
    };
    let mut text = row("ID", "SHORT", "KIND", "NAME");
    for b in &m.atlas.bodies {
        text.push_str(&row(&b.id, &b.short, &b.kind, &b.name));
    }
    print(&text)
}
