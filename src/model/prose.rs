//! The atlas's prose (mandates, notes, summaries, paraphrases, holders' names…) in other
//! languages: gettext catalogues beside the atlas (`csto.ron` → `csto.ru.po`), which any PO
//! editor opens. The English text is the key, so a sentence edited in the atlas reads in
//! English until it is translated again, never as a stale translation; the embedded
//! catalogue's test lists what is missing or no longer used.

use std::collections::{BTreeMap, HashMap};

use super::{Atlas, Claim};

/// Translations of an atlas's prose, by language code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prose {
    by_lang: BTreeMap<String, HashMap<String, String>>,
}

/// The Russian catalogue of the embedded atlas.
pub const EMBEDDED_RU: &str = include_str!("../../assets/csto.ru.po");

impl Prose {
    /// The catalogues of the embedded atlas.
    pub fn embedded() -> Prose {
        let mut prose = Prose::default();
        // The embedded catalogue is checked by the tests; were it ever unreadable, the atlas
        // would read in English rather than not open.
        let _ = prose.add("ru", EMBEDDED_RU.as_bytes());
        prose
    }

    /// Adds the catalogue `po` (a gettext PO file) for `lang`; untranslated and fuzzy entries
    /// are left out. Says what is wrong with a file that is not a PO catalogue.
    pub fn add(&mut self, lang: &str, po: &[u8]) -> Result<usize, String> {
        // A catalogue written by hand may lack the header PO editors write; polib wants one.
        let catalog = polib::po_file::parse_from_reader(po).or_else(|e| {
            let header = b"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";
            polib::po_file::parse_from_reader([&header[..], po].concat().as_slice())
                .map_err(|_| e.to_string())
        })?;
        let map = self.by_lang.entry(lang.to_owned()).or_default();
        let before = map.len();
        for m in catalog.messages() {
            let fuzzy = m.flags().is_fuzzy();
            match m.msgstr() {
                Ok(s) if !s.is_empty() && !m.msgid().is_empty() && !fuzzy => {
                    map.insert(m.msgid().to_owned(), s.to_owned());
                }
                _ => {}
            }
        }
        let added = map.len() - before;
        // polib passes over lines it does not know: a file with none it knows is not one.
        if added == 0 && po.iter().any(|b| !b.is_ascii_whitespace()) {
            return Err("no translated message (msgid \"…\" followed by msgstr \"…\")".into());
        }
        Ok(added)
    }

    /// `text` in `lang` when the catalogue has it, else `text` itself.
    pub fn get<'a>(&'a self, lang: Option<&str>, text: &'a str) -> &'a str {
        lang.and_then(|l| self.by_lang.get(l))
            .and_then(|m| m.get(text))
            .map_or(text, String::as_str)
    }

    /// Whether `lang` has a translation of `text`.
    pub fn has(&self, lang: &str, text: &str) -> bool {
        self.by_lang.get(lang).is_some_and(|m| m.contains_key(text))
    }

    /// The English texts the catalogue of `lang` translates.
    pub fn keys(&self, lang: &str) -> Vec<&str> {
        self.by_lang
            .get(lang)
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The languages with a catalogue.
    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.by_lang.keys().map(String::as_str)
    }
}

/// Every piece of an atlas's prose that a reader sees and a catalogue translates, in file
/// order: not ids, dates, names of bodies (they have `names`) or the sources' own titles
/// (a reference gives a title as published).
pub fn texts(atlas: &Atlas) -> Vec<&str> {
    fn opt<'a>(out: &mut Vec<&'a str>, s: &'a Option<String>) {
        if let Some(s) = s {
            out.push(s);
        }
    }
    fn claim<'a>(out: &mut Vec<&'a str>, c: &'a Claim) {
        out.push(&c.text);
        opt(out, &c.note);
    }
    let mut out: Vec<&str> = Vec::new();
    out.push(&atlas.meta.description);
    for k in &atlas.kinds {
        for n in k.names.values() {
            opt(&mut out, &n.note);
        }
    }
    for k in &atlas.relation_kinds {
        for n in k.names.values() {
            opt(&mut out, &n.note);
        }
    }
    for s in &atlas.sources {
        opt(&mut out, &s.locator);
        opt(&mut out, &s.note);
    }
    for d in &atlas.documents {
        out.push(&d.title);
        out.push(&d.short);
        opt(&mut out, &d.place);
        out.push(&d.summary);
        for a in &d.articles {
            out.push(&a.topic);
            out.push(&a.paraphrase);
            opt(&mut out, &a.note);
        }
    }
    for b in &atlas.bodies {
        if let Some(e) = &b.established {
            opt(&mut out, &e.by);
            opt(&mut out, &e.place);
            opt(&mut out, &e.note);
        }
        for c in [&b.seat, &b.mandate, &b.composition, &b.chair]
            .into_iter()
            .flatten()
        {
            claim(&mut out, c);
        }
        for a in &b.articles {
            opt(&mut out, &a.note);
        }
        for c in &b.notes {
            claim(&mut out, c);
        }
        for h in &b.holders {
            out.push(&h.name);
            opt(&mut out, &h.role);
            opt(&mut out, &h.note);
        }
        for n in b.names.values() {
            opt(&mut out, &n.note);
        }
    }
    for r in &atlas.relations {
        opt(&mut out, &r.note);
    }
    for m in &atlas.members {
        for c in &m.notes {
            claim(&mut out, c);
        }
        for p in &m.periods {
            opt(&mut out, &p.note);
        }
    }
    for d in &atlas.disputes {
        out.push(&d.topic);
        for c in &d.claims {
            claim(&mut out, c);
        }
        opt(&mut out, &d.note);
    }
    for e in &atlas.events {
        out.push(&e.title);
        out.push(&e.summary);
        opt(&mut out, &e.note);
    }
    out.retain(|s| !s.trim().is_empty());
    out
}
