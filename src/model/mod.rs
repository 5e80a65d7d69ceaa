//! The atlas: plain serde types, loading, validation and lookups. Knows nothing of egui.

mod date;
pub mod import;
mod kinds;
mod load;
mod prose;
pub mod sheet;
mod types;
mod validate;
mod warnings;
pub mod workbook;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

pub use date::Date;
pub use kinds::{
    builtin_kinds, builtin_relation_kinds, parse_colour, valid_kind_id, BodyKind, Dash, KindDef,
    Kinds, RelationKind, RelationKindDef,
};
pub use load::{
    column_roles, load_bytes, load_bytes_with, load_embedded, load_file, load_file_with,
    parse_bytes, preview, LoadError, EMBEDDED_ATLAS, EMBEDDED_NAME,
};
pub use prose::{texts as prose_texts, Prose, EMBEDDED_RU};
pub use types::*;
pub use validate::{validate, Problem};
pub use warnings::warnings;

/// A body's place in `atlas.bodies`: file order, which is protocol order.
///
/// A newtype so that a body index is never confused with a position in a scene or a graph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BodyIdx(pub usize);

/// No body has this id; carries the closest ids for a "did you mean" message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no body {id:?}; did you mean {}?", quoted(suggestions))]
pub struct UnknownBody {
    pub id: String,
    pub suggestions: Vec<String>,
}

fn quoted(ids: &[String]) -> String {
    ids.iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Loads the atlas file at `path`, or the embedded CSTO atlas when there is none.
pub fn load(path: Option<&Path>) -> Result<Model, LoadError> {
    load_with(path, &import::Import::default())
}

/// [`load`], reading a spreadsheet as `import` says (its sheet, its columns' roles).
pub fn load_with(path: Option<&Path>, import: &import::Import) -> Result<Model, LoadError> {
    match path {
        Some(path) => load_file_with(path, import),
        None => load_embedded(),
    }
}

/// A validated atlas with the lookups every view needs.
///
/// Bodies are addressed by their index in `atlas.bodies` (file order is protocol order).
#[derive(Clone, Debug)]
pub struct Model {
    pub atlas: Atlas,
    by_id: HashMap<String, BodyIdx>,
    parent: Vec<Option<BodyIdx>>,
    children: Vec<Vec<BodyIdx>>,
    roots: Vec<BodyIdx>,
    kinds: Arc<Kinds>,
    body_kind: Vec<BodyKind>,
    relation_kind: Vec<RelationKind>,
    /// Whether the atlas says how sure its facts are (it has sources): if not (a plain
    /// spreadsheet), nothing is drawn as uncertain.
    tracks_certainty: bool,
    /// Whether any body has a founding date: if none has, none is marked "n.d.".
    tracks_dates: bool,
    /// The atlas's prose in other languages.
    prose: Arc<Prose>,
}

impl Model {
    /// Indexes an atlas. Expects one that [`validate`] accepts; unknown parents count as roots.
    pub fn new(atlas: Atlas) -> Model {
        let by_id: HashMap<String, BodyIdx> = atlas
            .bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.clone(), BodyIdx(i)))
            .collect();
        let parent: Vec<Option<BodyIdx>> = atlas
            .bodies
            .iter()
            .map(|b| b.parent.as_ref().and_then(|p| by_id.get(p).copied()))
            .collect();
        let mut children = vec![Vec::new(); atlas.bodies.len()];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p {
                Some(p) => children[p.0].push(BodyIdx(i)),
                None => roots.push(BodyIdx(i)),
            }
        }
        let kinds = Kinds::of(&atlas);
        let body_kind = (atlas.bodies.iter())
            .map(|b| kinds.body_kind(&b.kind).unwrap_or_default())
            .collect();
        let relation_kind = (atlas.relations.iter())
            .map(|r| kinds.relation_kind(&r.kind).unwrap_or_default())
            .collect();
        let tracks_certainty = !atlas.sources.is_empty();
        let tracks_dates =
            (atlas.bodies.iter()).any(|b| b.established.as_ref().is_some_and(|e| e.date.is_some()));
        Model {
            atlas,
            by_id,
            parent,
            children,
            roots,
            kinds: Arc::new(kinds),
            body_kind,
            relation_kind,
            tracks_certainty,
            tracks_dates,
            prose: Arc::default(),
        }
    }

    /// The same atlas with its prose translated by `prose`.
    pub fn with_prose(mut self, prose: Prose) -> Model {
        self.prose = Arc::new(prose);
        self
    }

    /// The atlas's translations of its prose.
    pub fn prose(&self) -> &Prose {
        &self.prose
    }

    /// `text` (a mandate, a note, a summary… of this atlas) in `lang`, when the atlas's
    /// catalogue translates it; as written otherwise.
    pub fn tr<'a>(&'a self, lang: Option<&str>, text: &'a str) -> &'a str {
        self.prose.get(lang, text)
    }

    /// An office holder with the name and role in `lang`, where the catalogue has them.
    pub fn holder_in(&self, h: &Holder, lang: Option<&str>) -> Holder {
        Holder {
            name: self.tr(lang, &h.name).to_owned(),
            role: h.role.as_deref().map(|r| self.tr(lang, r).to_owned()),
            ..h.clone()
        }
    }

    /// True when the atlas says how sure its facts are (it cites sources). A plain sheet does
    /// not: its boxes are not drawn uncertain for want of statuses it never had.
    pub fn tracks_certainty(&self) -> bool {
        self.tracks_certainty
    }

    /// True when some body has a founding date: otherwise "date unknown" says nothing.
    pub fn tracks_dates(&self) -> bool {
        self.tracks_dates
    }

    pub fn len(&self) -> usize {
        self.atlas.bodies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.atlas.bodies.is_empty()
    }

    /// Every body index, in file order.
    pub fn indices(&self) -> impl Iterator<Item = BodyIdx> + '_ {
        (0..self.len()).map(BodyIdx)
    }

    pub fn body(&self, i: BodyIdx) -> &Body {
        &self.atlas.bodies[i.0]
    }

    /// The kinds of body and relation the atlas uses.
    pub fn kinds(&self) -> &Arc<Kinds> {
        &self.kinds
    }

    /// The kind of body `i`.
    pub fn kind_of(&self, i: BodyIdx) -> BodyKind {
        self.body_kind[i.0]
    }

    /// The kind of `atlas.relations[r]`.
    pub fn relation_kind_of(&self, r: usize) -> RelationKind {
        self.relation_kind[r]
    }

    /// The name of a relation's kind in `lang`; its id when the atlas does not know it.
    pub fn relation_kind_name<'a>(&'a self, r: &'a Relation, lang: Option<&str>) -> &'a str {
        match self.kinds.relation_kind(&r.kind) {
            Some(k) => self.kinds.relation_name_in(k, lang),
            None => &r.kind,
        }
    }

    /// The languages the atlas gives names in besides English, by code, sorted.
    pub fn languages(&self) -> Vec<&str> {
        let bodies = self.atlas.bodies.iter().flat_map(|b| b.names.keys());
        let kinds = (self.atlas.kinds.iter()).flat_map(|k| k.names.keys());
        let relations = (self.atlas.relation_kinds.iter()).flat_map(|k| k.names.keys());
        let set: std::collections::BTreeSet<&str> = bodies
            .chain(kinds)
            .chain(relations)
            .map(String::as_str)
            .collect();
        set.into_iter().filter(|l| *l != "en").collect()
    }

    /// The name of body `i`'s kind in `lang`.
    pub fn kind_name(&self, i: BodyIdx, lang: Option<&str>) -> &str {
        self.kinds.name_in(self.kind_of(i), lang)
    }

    pub fn index_of(&self, id: &str) -> Option<BodyIdx> {
        self.by_id.get(id).copied()
    }

    /// The body with this id, or an error naming the closest ids.
    pub fn lookup(&self, id: &str) -> Result<BodyIdx, UnknownBody> {
        self.index_of(id).ok_or_else(|| UnknownBody {
            id: id.to_owned(),
            suggestions: self.suggest(id).into_iter().map(str::to_owned).collect(),
        })
    }

    pub fn parent(&self, i: BodyIdx) -> Option<BodyIdx> {
        self.parent[i.0]
    }

    pub fn children(&self, i: BodyIdx) -> &[BodyIdx] {
        &self.children[i.0]
    }

    /// Bodies without a parent, in file order.
    pub fn roots(&self) -> &[BodyIdx] {
        &self.roots
    }

    /// The chain from `i` up to its root, `i` first.
    pub fn path_to_root(&self, i: BodyIdx) -> Vec<BodyIdx> {
        let mut path = vec![i];
        let mut at = i;
        while let Some(p) = self.parent[at.0] {
            if path.contains(&p) {
                break;
            }
            path.push(p);
            at = p;
        }
        path
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.atlas.sources.iter().find(|s| s.id == id)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.atlas.documents.iter().find(|d| d.id == id)
    }

    pub fn article(&self, document: &str, number: &str) -> Option<&Article> {
        self.document(document)?
            .articles
            .iter()
            .find(|a| a.number == number)
    }

    /// Relations that start or end at body `i`, with the other end's index.
    pub fn relations_of(&self, i: BodyIdx) -> impl Iterator<Item = (&Relation, BodyIdx)> + '_ {
        let id = &self.body(i).id;
        self.atlas.relations.iter().filter_map(move |r| {
            if &r.from == id {
                Some((r, self.index_of(&r.to)?))
            } else if &r.to == id {
                Some((r, self.index_of(&r.from)?))
            } else {
                None
            }
        })
    }

    pub fn disputes_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Dispute> + 'a {
        self.atlas
            .disputes
            .iter()
            .filter(move |d| d.about.iter().any(|a| a == id))
    }

    /// Member state `i`'s name in `lang` (English when it has none there).
    pub fn member_name(&self, i: usize, lang: Option<&str>) -> &str {
        let m = &self.atlas.members[i];
        lang.and_then(|l| m.names.get(l))
            .map_or(m.name.as_str(), String::as_str)
    }

    /// The events that concern body `id`, by date (then file order).
    pub fn events_of(&self, id: &str) -> Vec<&Event> {
        let mut events: Vec<&Event> = (self.atlas.events.iter())
            .filter(|e| e.bodies.iter().any(|b| b == id))
            .collect();
        events.sort_by(|a, b| a.date.cmp(&b.date));
        events
    }

    /// The events from `from` (exclusive) to `to` (inclusive), by date; every event when both
    /// are `None`.
    pub fn events_between(&self, from: Option<Date>, to: Option<Date>) -> Vec<&Event> {
        let mut events: Vec<(Date, &Event)> = (self.atlas.events.iter())
            .filter_map(|e| Some((Date::parse(&e.date)?, e)))
            .filter(|(d, _)| from.is_none_or(|f| *d > f) && to.is_none_or(|t| *d <= t))
            .collect();
        events.sort_by_key(|(d, _)| *d);
        events.into_iter().map(|(_, e)| e).collect()
    }

    /// Bodies whose legal basis cites `document` article `number`.
    pub fn citing(&self, document: &str, number: &str) -> Vec<BodyIdx> {
        self.indices()
            .filter(|&i| {
                self.body(i)
                    .articles
                    .iter()
                    .any(|r| r.document == document && r.article == number)
            })
            .collect()
    }

    /// Every source a body relies on, in first-use order, without repeats.
    pub fn sources_of(&self, i: BodyIdx) -> Vec<&str> {
        let b = self.body(i);
        let claims = [&b.mandate, &b.composition, &b.chair, &b.seat];
        let lists = std::iter::once(&b.sources)
            .chain(claims.into_iter().flatten().map(|c| &c.sources))
            .chain(b.established.iter().map(|e| &e.sources))
            .chain(b.articles.iter().map(|r| &r.sources))
            .chain(b.notes.iter().map(|n| &n.sources));
        let mut ids: Vec<&str> = Vec::new();
        for s in lists.flatten() {
            if !ids.contains(&s.as_str()) {
                ids.push(s);
            }
        }
        ids
    }

    /// A body's name and short name in `lang` (English when `None`), and whether it fell back to
    /// English because the atlas has no name in that language.
    pub fn display_name(&self, i: BodyIdx, lang: Option<&str>) -> (String, String, bool) {
        let b = self.body(i);
        match lang.filter(|l| *l != "en") {
            None => (b.name.clone(), b.short.clone(), false),
            Some(l) => match b.names.get(l) {
                Some(n) => (
                    n.name.clone(),
                    n.short.clone().unwrap_or_else(|| b.short.clone()),
                    false,
                ),
                None => (b.name.clone(), b.short.clone(), true),
            },
        }
    }

    /// Who held a body's office on `date`, if the data says.
    pub fn holder_at(&self, i: BodyIdx, date: Date) -> Option<&Holder> {
        self.body(i).holders.iter().find(|h| {
            let from = Date::parse_loose(&h.from);
            let to = h.to.as_deref().and_then(Date::parse_loose);
            from.is_some_and(|f| f <= date) && to.is_none_or(|t| date < t)
        })
    }

    /// The nearest ancestor of `body` for which `keep` holds (walking up from its parent).
    /// Bounded by the atlas's size, so that a parent cycle (which validation rejects) never hangs.
    pub fn nearest_ancestor(
        &self,
        body: BodyIdx,
        keep: impl Fn(BodyIdx) -> bool,
    ) -> Option<BodyIdx> {
        let mut at = self.parent(body);
        for _ in 0..self.len() {
            match at {
                Some(p) if !keep(p) => at = self.parent(p),
                _ => return at,
            }
        }
        None
    }

    /// The ids closest to `id`, for "did you mean" messages.
    pub fn suggest(&self, id: &str) -> Vec<&str> {
        let mut scored: Vec<(f64, &str)> = self
            .atlas
            .bodies
            .iter()
            .map(|b| (strsim::jaro_winkler(id, &b.id), b.id.as_str()))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(3).map(|(_, id)| id).collect()
    }

    /// The dates the time slider spans: the atlas start (or earliest date) to its edition.
    pub fn date_range(&self) -> (Date, Date) {
        // An atlas without an edition describes the present.
        let edition = Date::parse(&self.atlas.meta.edition).unwrap_or_else(Date::today);
        let start = self
            .atlas
            .meta
            .start
            .as_deref()
            .and_then(Date::parse)
            .or_else(|| {
                self.atlas
                    .bodies
                    .iter()
                    .filter_map(|b| Date::parse(b.established.as_ref()?.date.as_deref()?))
                    .min()
            })
            .unwrap_or(edition);
        (start.min(edition), edition)
    }
}
