//! `list`: the bodies, one per line or as a JSON array.

use std::path::Path;

use super::{print, print_json};

/// Names in `lang` (English when `None`); JSON keeps the English name as `name_en`.
pub fn run(atlas: Option<&Path>, lang: Option<&str>, json: bool) -> Result<(), String> {
    let m = super::load(atlas).map_err(|e| e.to_string())?;
    let lang = lang.filter(|l| *l != "en");
    let names: Vec<(String, String)> = m
        .indices()
        .map(|i| {
            let (name, short, _) = m.display_name(i, lang);
            (name, short)
        })
        .collect();
    if json {
        let rows: Vec<serde_json::Value> = m
            .atlas
            .bodies
            .iter()
            .zip(&names)
            .map(|(b, (name, short))| {
                serde_json::json!({
                    "id": b.id,
                    "name": name,
                    "name_en": b.name,
                    "short": short,
                    "kind": b.kind,
                    "parent": b.parent,
                    "established": b.established.as_ref().and_then(|e| e.date.clone()),
                })
            })
            .collect();
        return print_json(&rows);
    }
    let widest = |f: &dyn Fn(usize) -> usize, min: usize| {
        (0..names.len()).map(f).max().unwrap_or(0).max(min)
    };
    let bodies = &m.atlas.bodies;
    let (w_id, w_short, w_kind) = (
        widest(&|i| bodies[i].id.chars().count(), 2),
        widest(&|i| names[i].1.chars().count(), 5),
        widest(&|i| bodies[i].kind.chars().count(), 4),
    );
    let row = |id: &str, short: &str, kind: &str, name: &str| {
        format!("{id:w_id$}  {short:w_short$}  {kind:w_kind$}  {name}\n")
    };
    let mut text = row("ID", "SHORT", "KIND", "NAME");
    for (b, (name, short)) in bodies.iter().zip(&names) {
        text.push_str(&row(&b.id, short, &b.kind, name));
    }
    print(&text)
}
