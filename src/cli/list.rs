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
                    "kind": b.kind.key(),
                    "parent": b.parent,
                    "established": b.established.as_ref().and_then(|e| e.date.clone()),
                })
            })
            .collect();
        return print_json(&rows);
    }
    let width = m
        .atlas
        .bodies
        .iter()
        .map(|b| b.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut text = format!("{:width$}  {:12}  {:17}  NAME\n", "ID", "SHORT", "KIND");
    for b in &m.atlas.bodies {
        text.push_str(&format!(
            "{:width$}  {:12}  {:17}  {}\n",
            b.id,
            b.short,
            b.kind.key(),
            b.name
        ));
    }
    print(&text)
}
