//! Sources for reference managers: BibTeX (written by the `biblatex` crate), CSL-JSON (the
//! schema Zotero and pandoc read) and RIS.

use std::collections::HashSet;

use biblatex::{Chunk, Entry, EntryType, Spanned};
use serde_json::{json, Map, Value};

use crate::model::{Source, SourceKind};

/// A file format for a bibliography.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One formatted reference per line, numbered.
    Text,
    Bibtex,
    CslJson,
    Ris,
}

/// Citation keys a reader can type: the first author's family name or the publisher's first
/// word, then the year ("eadaily2019"), made unique with a letter ("tass2012b").
pub fn keys(sources: &[&Source]) -> Vec<String> {
    let mut used = HashSet::new();
    sources
        .iter()
        .map(|s| {
            let who = s
                .author
                .first()
                .map(|a| a.split(',').next().unwrap_or(a).to_owned())
                .or_else(|| s.publisher.clone())
                .unwrap_or_else(|| s.title.clone());
            let word: String = deunicode::deunicode(&who)
                .split(|c: char| !c.is_ascii_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("source")
                .to_ascii_lowercase();
            let year = s.date.as_deref().map_or("nd", |d| d.get(..4).unwrap_or(d));
            let base = format!("{word}{year}");
            let mut key = base.clone();
            for suffix in 'b'..='z' {
                if used.insert(key.clone()) {
                    break;
                }
                key = format!("{base}{suffix}");
            }
            key
        })
        .collect()
}

/// The sources as BibTeX entries; a source with no address keeps its locator in `note`.
pub fn bibtex(sources: &[&Source], accessed: Option<&str>) -> String {
    let mut out = String::new();
    for (s, key) in sources.iter().zip(keys(sources)) {
        let kind = match s.kind {
            SourceKind::News | SourceKind::Scholarship if s.publisher.is_some() => {
                EntryType::Article
            }
            _ => EntryType::Misc,
        };
        let article = kind == EntryType::Article;
        let mut e = Entry::new(key, kind);
        // Verbatim: braces keep the title's capitals and any character BibTeX treats specially.
        let set = |e: &mut Entry, field: &str, text: &str| {
            e.set(
                field,
                vec![Spanned::detached(Chunk::Verbatim(text.to_owned()))],
            );
        };
        set(&mut e, "title", &s.title);
        if !s.author.is_empty() {
            set(&mut e, "author", &s.author.join(" and "));
        }
        if let Some(p) = &s.publisher {
            let field = if article { "journal" } else { "publisher" };
            set(&mut e, field, p);
        }
        if let Some(date) = &s.date {
            set(&mut e, "year", date.get(..4).unwrap_or(date));
            if let Some(month) = date.get(5..7) {
                set(&mut e, "month", month);
            }
        }
        if let Some(url) = s.link() {
            set(&mut e, "url", url);
            if let Some(d) = s.accessed.as_deref().or(accessed) {
                set(&mut e, "urldate", d);
            }
        }
        if let Some(lang) = &s.language {
            set(&mut e, "language", lang);
        }
        let note = note(s);
        if !note.is_empty() {
            set(&mut e, "note", &note);
        }
        out.push_str(&e.to_biblatex_string());
        out.push_str("\n\n");
    }
    out
}

/// The locator and the caveat, as one note.
fn note(s: &Source) -> String {
    [s.locator.as_deref(), s.note.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(". ")
}

/// CSL-JSON's date: `{"date-parts": [[2019, 11, 28]]}`.
fn csl_date(text: &str) -> Option<Value> {
    let parts: Vec<i64> = text
        .split('-')
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    (!parts.is_empty()).then(|| json!({ "date-parts": [parts] }))
}

/// The sources as a CSL-JSON array.
pub fn csl_json(sources: &[&Source], accessed: Option<&str>) -> Value {
    let items = sources.iter().zip(keys(sources)).map(|(s, key)| {
        let (kind, container) = match s.kind {
            SourceKind::News => ("article-newspaper", true),
            SourceKind::Scholarship => ("article-journal", true),
            SourceKind::OfficialText => ("legislation", false),
            _ if s.link().is_some() => ("webpage", true),
            _ => ("document", false),
        };
        let mut m = Map::new();
        m.insert("id".into(), json!(key));
        m.insert("type".into(), json!(kind));
        m.insert("title".into(), json!(s.title));
        if !s.author.is_empty() {
            let authors: Vec<Value> = s
                .author
                .iter()
                .map(|a| match a.split_once(',') {
                    Some((family, given)) => {
                        json!({"family": family.trim(), "given": given.trim()})
                    }
                    None => json!({ "literal": a }),
                })
                .collect();
            m.insert("author".into(), Value::Array(authors));
        }
        if let Some(p) = &s.publisher {
            let field = if container {
                "container-title"
            } else {
                "publisher"
            };
            m.insert(field.into(), json!(p));
        }
        if let Some(d) = s.date.as_deref().and_then(csl_date) {
            m.insert("issued".into(), d);
        }
        if let Some(url) = s.link() {
            m.insert("URL".into(), json!(url));
            if let Some(d) = s.accessed.as_deref().or(accessed).and_then(csl_date) {
                m.insert("accessed".into(), d);
            }
        }
        if let Some(lang) = &s.language {
            m.insert("language".into(), json!(lang));
        }
        let note = note(s);
        if !note.is_empty() {
            m.insert("note".into(), json!(note));
        }
        Value::Object(m)
    });
    Value::Array(items.collect())
}

/// The sources as RIS records.
pub fn ris(sources: &[&Source], accessed: Option<&str>) -> String {
    let mut out = String::new();
    let mut line = |tag: &str, value: &str| {
        // RIS is line-based: a line break inside a value would start a bogus tag.
        let value = value.replace(['\r', '\n'], " ");
        out.push_str(&format!("{tag}  - {value}\n"));
    };
    for (s, key) in sources.iter().zip(keys(sources)) {
        let kind = match s.kind {
            SourceKind::News => "NEWS",
            SourceKind::Scholarship => "JOUR",
            SourceKind::OfficialText => "STAT",
            _ if s.link().is_some() => "ELEC",
            _ => "GEN",
        };
        line("TY", kind);
        line("ID", &key);
        line("TI", &s.title);
        for a in &s.author {
            line("AU", a);
        }
        if let Some(p) = &s.publisher {
            line(
                if kind == "NEWS" || kind == "JOUR" {
                    "T2"
                } else {
                    "PB"
                },
                p,
            );
        }
        if let Some(date) = &s.date {
            line("PY", date.get(..4).unwrap_or(date));
            line("DA", &date.replace('-', "/"));
        }
        if let Some(url) = s.link() {
            line("UR", url);
            if let Some(d) = s.accessed.as_deref().or(accessed) {
                line("Y2", &d.replace('-', "/"));
            }
        }
        if let Some(lang) = &s.language {
            line("LA", lang);
        }
        let note = note(s);
        if !note.is_empty() {
            line("N1", &note);
        }
        line("ER", "");
    }
    out
}
