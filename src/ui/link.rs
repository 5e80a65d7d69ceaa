//! A view as a link: the part of a web address after `#` that reopens it, with the selection,
//! the date, the filters and the language, as in `#select=cmd&as-of=2005-01-01&lang=ru`.

use crate::view::{Filters, RelationsShown};

/// The fragment (without `#`) for `filters` with `selected` chosen; empty for the default view.
pub fn fragment(filters: &Filters, selected: Option<&str>) -> String {
    let mut parts: Vec<(&str, String)> = Vec::new();
    if let Some(id) = selected {
        parts.push(("select", id.to_owned()));
    }
    let optional = [
        ("as-of", &filters.as_of),
        ("compare", &filters.compare),
        ("focus", &filters.focus),
        ("lang", &filters.lang),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            parts.push((key, v.clone()));
        }
    }
    if filters.focus.is_some() && filters.depth != Filters::default().depth {
        parts.push(("depth", filters.depth.to_string()));
    }
    if !filters.hidden_kinds.is_empty() {
        parts.push(("hide", filters.hidden_kinds.join(",")));
    }
    if !filters.hidden_relations.is_empty() {
        parts.push(("hide-relations", filters.hidden_relations.join(",")));
    }
    if filters.relations != RelationsShown::default() {
        parts.push(("relations", relations_key(filters.relations).to_owned()));
    }
    if filters.showcase {
        parts.push(("showcase", "1".into()));
    }
    if let Some(level) = filters.expand {
        parts.push(("expand", level.to_string()));
    }
    if !filters.folded.is_empty() {
        parts.push(("fold", filters.folded.join(",")));
    }
    parts
        .iter()
        .map(|(k, v)| format!("{k}={}", escape(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The view a fragment asks for, over `base` (what it does not say stays as in `base`); also the
/// body to select. Unknown keys and malformed values are ignored: a link is never an error.
pub fn parse(fragment: &str, base: &Filters) -> (Filters, Option<String>) {
    let mut filters = base.clone();
    let mut select = None;
    let list = |v: &str| -> Vec<String> {
        v.split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let date = |v: &str| crate::model::Date::parse(v).map(|d| d.to_string());
    for pair in fragment.trim_start_matches('#').split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = unescape(value);
        match key {
            "select" => select = Some(value),
            "as-of" => filters.as_of = date(&value),
            "compare" => filters.compare = date(&value),
            "focus" => filters.focus = Some(value),
            "depth" => filters.depth = value.parse().unwrap_or(filters.depth),
            "lang" => filters.lang = Some(value).filter(|l| l != "en"),
            "hide" => filters.hidden_kinds = list(&value),
            "hide-relations" => filters.hidden_relations = list(&value),
            "relations" => {
                if let Some(r) = RelationsShown::ALL
                    .into_iter()
                    .find(|r| relations_key(*r) == value)
                {
                    filters.relations = r;
                }
            }
            "showcase" => filters.showcase = value == "1",
            "expand" => filters.expand = value.parse().ok(),
            "fold" => filters.folded = list(&value),
            _ => {}
        }
    }
    (filters, select)
}

fn relations_key(r: RelationsShown) -> &'static str {
    match r {
        RelationsShown::None => "none",
        RelationsShown::Selected => "selected",
        RelationsShown::All => "all",
    }
}

/// Percent-escapes all but letters, digits and `-_.,:`.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.,:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
