//! `search QUERY`: the bodies matching a query, best first, with the window's search engine.

use std::path::Path;

use csto_atlas::search;

use super::{print, print_json};

/// Hits best first, named in `lang` (English when `None`; JSON keeps it as `name_en`).
pub fn run(
    query: &str,
    atlas: Option<&Path>,
    lang: Option<&str>,
    json: bool,
) -> Result<(), String> {
    let m = super::load(atlas).map_err(|e| e.to_string())?;
    let hits = search::search(&m, query);
    if json {
        let rows: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let b = m.body(h.body);
                serde_json::json!({
                    "id": b.id,
                    "name": m.display_name(h.body, lang).0,
                    "name_en": b.name,
                    // Three decimals: an f32 in JSON would print as 0.8999999761581421.
                    "score": (f64::from(h.score) * 1000.0).round() / 1000.0,
                    "field": h.field,
                })
            })
            .collect();
        return print_json(&rows);
    }
    let width = hits
        .iter()
        .map(|h| m.body(h.body).id.len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for h in &hits {
        let b = m.body(h.body);
        text.push_str(&format!(
            "{:width$}  {:.2}  {:11}  {}\n",
            b.id,
            h.score,
            h.field.key(),
            m.display_name(h.body, lang).0
        ));
    }
    print(&text)
}
