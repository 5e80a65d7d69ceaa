//! Sources as references a reader can cite: each formatted in a citation style (APA, Chicago,
//! GOST R 7.0.5-2008) by a CSL engine (hayagriva, with the styles and locales it ships), and
//! written as BibTeX, CSL-JSON or RIS for reference managers ([`formats`]).

pub mod formats;
mod keys;

pub use keys::{keys_in, renumber};

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest, Library,
};
use serde_json::{json, Map, Value};

use crate::model::{Model, Source, SourceKind};

/// A citation style.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// APA, 7th edition.
    #[default]
    Apa,
    /// Chicago Manual of Style, notes and bibliography.
    Chicago,
    /// GOST R 7.0.5-2008, the Russian standard for bibliographic references.
    Gost,
}

impl Style {
    pub const ALL: [Style; 3] = [Style::Apa, Style::Chicago, Style::Gost];

    /// The word on the command line: `apa`, `chicago`, `gost`.
    pub fn id(self) -> &'static str {
        match self {
            Style::Apa => "apa",
            Style::Chicago => "chicago",
            Style::Gost => "gost",
        }
    }

    /// Its name in a menu.
    pub fn label(self) -> &'static str {
        match self {
            Style::Apa => "APA (7th edition)",
            Style::Chicago => "Chicago (notes and bibliography)",
            Style::Gost => "GOST R 7.0.5-2008",
        }
    }

    /// The style a reader of `lang` expects: GOST for Russian, APA otherwise.
    pub fn for_lang(lang: Option<&str>) -> Style {
        match lang {
            Some("ru") => Style::Gost,
            _ => Style::Apa,
        }
    }

    /// Parses [`Style::id`].
    pub fn parse(text: &str) -> Option<Style> {
        Style::ALL.into_iter().find(|s| s.id() == text)
    }

    fn csl(self) -> &'static IndependentStyle {
        static STYLES: OnceLock<[IndependentStyle; 3]> = OnceLock::new();
        let all = STYLES.get_or_init(|| {
            Style::ALL.map(|s| {
                let bytes: &[u8] = match s {
                    Style::Apa => include_bytes!("../../assets/csl/apa.cbor"),
                    Style::Chicago => {
                        include_bytes!("../../assets/csl/chicago-notes-bibliography.cbor")
                    }
                    Style::Gost => {
                        include_bytes!("../../assets/csl/gost-r-7-0-5-2008-numeric.cbor")
                    }
                };
                // Compiled in and read by a test: a defect of the build, not of user input.
                match ciborium::de::from_reader(bytes).expect("the embedded CSL styles parse") {
                    hayagriva::citationberg::Style::Independent(style) => style,
                    hayagriva::citationberg::Style::Dependent(_) => {
                        unreachable!("the embedded styles are independent")
                    }
                }
            })
        });
        &all[self as usize]
    }
}

/// The locales the styles need: English and Russian.
fn locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(|| {
        [
            &include_bytes!("../../assets/csl/en-US.cbor")[..],
            &include_bytes!("../../assets/csl/ru-RU.cbor")[..],
        ]
        .into_iter()
        // Compiled in and read by a test: a defect of the build, not of user input.
        .map(|bytes| ciborium::de::from_reader(bytes).expect("the embedded CSL locales parse"))
        .collect()
    })
}

/// `sources`, each formatted as one bibliography entry in `style`, in the order given; a
/// source with no `accessed` date reads as accessed on `accessed` (the atlas's checked date).
pub fn format(sources: &[&Source], style: Style, accessed: Option<&str>) -> Vec<String> {
    static CACHE: OnceLock<Mutex<HashMap<(Style, String), String>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = |s: &Source| format!("{s:?}{accessed:?}");
    let mut out: Vec<Option<String>> = {
        let known = cache.lock().unwrap_or_else(|e| e.into_inner());
        sources
            .iter()
            .map(|s| known.get(&(style, key(s))).cloned())
            .collect()
    };
    let missing: Vec<&Source> = sources
        .iter()
        .zip(&out)
        .filter(|(_, o)| o.is_none())
        .map(|(s, _)| *s)
        .collect();
    if !missing.is_empty() {
        let formatted = render(&missing, style, accessed);
        let mut known = cache.lock().unwrap_or_else(|e| e.into_inner());
        for (s, text) in missing.iter().zip(formatted) {
            known.insert((style, key(s)), text);
        }
        for (slot, s) in out.iter_mut().zip(sources) {
            if slot.is_none() {
                *slot = known.get(&(style, key(s))).cloned();
            }
        }
    }
    out.into_iter().map(Option::unwrap_or_default).collect()
}

/// The sources the atlas cites anywhere (a fact's list, or "[key]" in prose), in the order of
/// its source list: the whole atlas's bibliography.
pub fn cited(model: &Model) -> Vec<&Source> {
    fn walk<'v>(v: &'v Value, under_sources: bool, out: &mut HashSet<&'v str>) {
        match v {
            Value::String(text) if under_sources => {
                out.insert(text);
            }
            Value::String(text) => out.extend(keys_in(text)),
            Value::Array(items) => items.iter().for_each(|i| walk(i, under_sources, out)),
            Value::Object(fields) => {
                for (name, value) in fields {
                    walk(value, name == "sources" && value.is_array(), out);
                }
            }
            _ => {}
        }
    }
    // The atlas as a tree of values: every `sources` list and every text, wherever the schema
    // puts them, without a walker to keep in step with it.
    let Ok(tree) = serde_json::to_value(&model.atlas) else {
        return Vec::new();
    };
    let mut ids = HashSet::new();
    if let Value::Object(fields) = &tree {
        for (name, value) in fields.iter().filter(|(name, _)| *name != "sources") {
            walk(value, name == "sources", &mut ids);
        }
    }
    (model.atlas.sources.iter())
        .filter(|s| ids.contains(s.id.as_str()))
        .collect()
}

/// One source in `style`.
pub fn format_one(source: &Source, style: Style, accessed: Option<&str>) -> String {
    format(&[source], style, accessed).pop().unwrap_or_default()
}

/// Runs the CSL engine over `sources`.
fn render(sources: &[&Source], style: Style, accessed: Option<&str>) -> Vec<String> {
    let library = library(sources, style, accessed);
    let csl = style.csl();
    let mut driver = BibliographyDriver::new();
    for entry in library.iter() {
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(entry)],
            csl,
            locales(),
        ));
    }
    let locale = match style {
        Style::Gost => LocaleCode("ru-RU".into()),
        Style::Apa | Style::Chicago => LocaleCode("en-US".into()),
    };
    let rendered = driver.finish(BibliographyRequest {
        style: csl,
        locale: Some(locale),
        locale_files: locales(),
    });
    let mut by_key: HashMap<String, String> = HashMap::new();
    for item in rendered.bibliography.map(|b| b.items).unwrap_or_default() {
        let mut text = String::new();
        let _ = item.content.write_buf(&mut text, BufWriteFormat::Plain);
        by_key.insert(item.key, tidy(&text));
    }
    sources
        .iter()
        .enumerate()
        .map(|(n, s)| {
            by_key
                .remove(&entry_key(n))
                .unwrap_or_else(|| s.title.clone())
        })
        .collect()
}

/// Spaces as a reader expects them: one between words, none at the ends; and no comma left
/// before a closing parenthesis where a style expects a day the source lacks ("(2014,)").
fn tidy(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(",)", ")")
}

/// Keys inside one rendering: by position, so that ids never reach the reader.
fn entry_key(n: usize) -> String {
    format!("e{n}")
}

/// The sources as a hayagriva library, built through its own serde schema.
fn library(sources: &[&Source], style: Style, accessed: Option<&str>) -> Library {
    let mut map = Map::new();
    for (n, s) in sources.iter().enumerate() {
        map.insert(entry_key(n), entry(s, style, accessed));
    }
    // A field the engine cannot read (a malformed date) must not lose the whole list: drop the
    // entries' optional fields one by one until each parses alone.
    match serde_json::from_value::<Library>(Value::Object(map.clone())) {
        Ok(lib) => lib,
        Err(_) => {
            let mut lib = Library::new();
            for (key, value) in map {
                let one = |v: Value| {
                    let mut m = Map::new();
                    m.insert(key.clone(), v);
                    serde_json::from_value::<Library>(Value::Object(m)).ok()
                };
                let parsed = one(value.clone()).or_else(|| {
                    let title = value.get("title").cloned().unwrap_or_default();
                    one(json!({"type": "misc", "title": title}))
                });
                if let Some(entry) = parsed.and_then(|l| l.iter().next().cloned()) {
                    lib.push(&entry);
                }
            }
            lib
        }
    }
}

/// One source in hayagriva's schema.
fn entry(s: &Source, style: Style, accessed: Option<&str>) -> Value {
    let kind = match (s.kind, s.link().is_some()) {
        // GOST's CSL style prints an address only for web pages: an item online is one.
        (_, true) if style == Style::Gost => "web",
        (SourceKind::News | SourceKind::Scholarship, _) => "article",
        (_, true) => "web",
        (_, false) => "misc",
    };
    let mut e = Map::new();
    e.insert("type".into(), json!(kind));
    e.insert("title".into(), json!(s.title));
    if !s.author.is_empty() {
        e.insert("author".into(), json!(s.author));
    }
    if let Some(date) = &s.date {
        e.insert("date".into(), json!(date));
    }
    if let Some(publisher) = &s.publisher {
        match kind {
            // A news item or paper is "in" its outlet: the container, as CSL styles print it.
            "article" => {
                let parent = if s.kind == SourceKind::News {
                    "newspaper"
                } else {
                    "periodical"
                };
                e.insert("parent".into(), json!({"type": parent, "title": publisher}));
            }
            _ => {
                e.insert("publisher".into(), json!(publisher));
            }
        }
    }
    if let Some(url) = s.link() {
        let visited = s.accessed.as_deref().or(accessed);
        let mut u = Map::new();
        u.insert("value".into(), json!(url));
        if let Some(date) = visited {
            u.insert("date".into(), json!(date));
        }
        e.insert("url".into(), Value::Object(u));
    }
    if let Some(lang) = &s.language {
        e.insert("language".into(), json!(lang));
    }
    let note: Vec<&str> = [s.locator.as_deref(), s.note.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !note.is_empty() {
        e.insert("note".into(), json!(note.join(". ")));
    }
    Value::Object(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Source> {
        vec![
            Source {
                id: "S23".into(),
                title: "Belarus representative appointed CSTO Secretary General".into(),
                publisher: Some("EADaily".into()),
                date: Some("2019-11-28".into()),
                url: Some("https://eadaily.com/ru/news/2019/11/28/predstavitel-belorussii-naznachen-gensekom-odkb".into()),
                language: Some("ru".into()),
                kind: SourceKind::News,
                ..Source::default()
            },
            Source {
                id: "S2".into(),
                title: "Charter of the Collective Security Treaty Organization".into(),
                publisher: Some("Collective Security Treaty Organization".into()),
                url: Some("https://en.odkb-csto.org/documents/documents/ustav/".into()),
                language: Some("en".into()),
                kind: SourceKind::OfficialText,
                ..Source::default()
            },
            Source {
                id: "S14".into(),
                title: "The Collective Security Treaty Organisation".into(),
                author: vec!["Rozanov, Anton".into(), "Douhan, Alena".into()],
                publisher: Some("DCAF".into()),
                date: Some("2013".into()),
                kind: SourceKind::Scholarship,
                locator: Some("DCAF Regional Programmes Series No. 18".into()),
                ..Source::default()
            },
        ]
    }

    #[test]
    fn each_style_formats_by_its_own_rules() {
        let s = sample();
        let refs: Vec<&Source> = s.iter().collect();
        let apa = format(&refs, Style::Apa, Some("2025-12-05"));
        assert!(
            apa[0].contains("(2019, November 28). EADaily."),
            "{}",
            apa[0]
        );
        assert!(
            apa[2].starts_with("Rozanov, A., & Douhan, A. (2013)."),
            "{}",
            apa[2]
        );
        let chicago = format(&refs, Style::Chicago, Some("2025-12-05"));
        assert!(
            chicago[1].contains("Accessed December 5, 2025."),
            "{}",
            chicago[1]
        );
        assert!(
            chicago[2].starts_with("Rozanov, Anton, and Alena Douhan."),
            "{}",
            chicago[2]
        );
        let gost = format(&refs, Style::Gost, Some("2025-12-05"));
        assert!(gost[0].contains("[Электронный ресурс]"), "{}", gost[0]);
        assert!(
            gost[0].ends_with("(дата обращения: 05.12.2025)."),
            "{}",
            gost[0]
        );
        assert!(gost[2].starts_with("Rozanov A., Douhan A."), "{}", gost[2]);
        // The cache gives the same text in any order or company.
        assert_eq!(
            format(&[&s[2]], Style::Gost, Some("2025-12-05"))[0],
            gost[2]
        );
    }

    #[test]
    fn a_year_alone_leaves_no_stray_comma() {
        let mut s = sample().remove(0);
        s.date = Some("2014".into());
        let apa = format_one(&s, Style::Apa, None);
        assert!(apa.contains("(2014)."), "{apa}");
    }

    #[test]
    fn a_date_the_engine_cannot_read_keeps_the_entry() {
        let mut s = sample().remove(1);
        s.date = Some("sometime".into());
        let apa = format_one(&s, Style::Apa, None);
        assert!(
            apa.contains("Charter of the Collective Security Treaty Organization"),
            "{apa}"
        );
    }
}
