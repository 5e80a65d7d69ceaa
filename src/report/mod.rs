//! One body's report: everything the atlas knows about a body, in the order every surface shows
//! it, with its sources numbered once. Built here and only here; the side panel draws it, `show`
//! prints it ([`BodyReport::to_text`]) and `show --json` serializes it, so none can lack a fact
//! the others have.

mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::biblio::{keys_in, renumber, Style};
use crate::i18n::article_label;

use crate::model::{
    BodyIdx, Claim, Date, Dispute, Established, Event, Holder, Model, Name, SourceKind, Status,
};

/// Everything known about one body, in the side panel's order.
#[derive(Clone, Debug, Serialize)]
pub struct BodyReport {
    pub id: String,
    /// The English name.
    pub name: String,
    pub short: String,
    /// The name in the language asked for, when there is one and it is not English.
    pub shown_name: Option<String>,
    /// The short name in the language asked for (the English one when it has none).
    pub shown_short: String,
    /// True when a language was asked for and the atlas has no name in it.
    pub name_missing: bool,
    /// Sourced names in other languages, by language code.
    pub names: BTreeMap<String, Name>,
    pub aliases: Vec<String>,
    /// The kind's id.
    pub kind: String,
    /// The kind's name, in the language asked for.
    pub kind_name: String,
    pub kind_status: Status,
    pub parent: Option<BodyRef>,
    /// Subordinates that existed on [`BodyReport::date`].
    pub children: Vec<BodyRef>,
    /// Subordinates set up after that date, with their founding date where known: listed
    /// apart, never as present.
    pub later_children: Vec<LaterBody>,
    pub mandate: Option<Claim>,
    pub composition: Option<Claim>,
    pub chair: Option<Claim>,
    /// The date the report was made for (the "as of" date, else the edition).
    pub date: Date,
    /// Who held the office on [`BodyReport::date`].
    pub holder_at_date: Option<Holder>,
    pub holders: Vec<Holder>,
    pub established: Option<Established>,
    pub seat: Option<Claim>,
    pub articles: Vec<ArticleLine>,
    /// Relations with bodies that existed on the report's date.
    pub relations: Vec<RelationLine>,
    /// Relations with bodies set up after it.
    pub later_relations: Vec<RelationLine>,
    pub disputes: Vec<Dispute>,
    pub notes: Vec<Claim>,
    /// What else the body's spreadsheet row said, by column.
    pub fields: BTreeMap<String, String>,
    /// Events that concern the body, by date, on or before [`BodyReport::date`].
    pub events: Vec<Event>,
    /// Events that concern it after that date.
    pub later_events: Vec<Event>,
    /// Every source cited above, numbered in first-use order.
    pub sources: Vec<SourceEntry>,
    /// The style of [`SourceEntry::citation`].
    pub style: Style,
    /// The language of the report's own words (headings, statuses).
    #[serde(skip)]
    pub lang: crate::i18n::Lang,
    /// True when some of its prose is the atlas's translation, not the text as written.
    pub translated: bool,
}

/// Another body, named in the language asked for.
#[derive(Clone, Debug, Serialize)]
pub struct BodyRef {
    pub id: String,
    pub name: String,
    #[serde(skip)]
    pub index: BodyIdx,
}

/// A body that did not exist yet on the report's date.
#[derive(Clone, Debug, Serialize)]
pub struct LaterBody {
    #[serde(flatten)]
    pub body: BodyRef,
    /// Its founding date, when the sources give one.
    pub established: Option<Date>,
}

/// One article of the body's legal basis.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleLine {
    pub document: String,
    /// The document's short title ("Charter"), when the atlas has the document.
    pub document_title: Option<String>,
    pub article: String,
    /// "Art. 13" or "Chapter IV".
    pub label: String,
    pub topic: Option<String>,
    pub paraphrase: Option<String>,
    pub status: Status,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

/// One relation of the body with another.
#[derive(Clone, Debug, Serialize)]
pub struct RelationLine {
    /// Its place in the atlas's relations, which is how the window selects it.
    #[serde(skip)]
    pub index: usize,
    pub from: String,
    pub kind: String,
    /// The kind's name, in the language asked for ("works with").
    pub kind_name: String,
    pub to: String,
    /// True when this body is `from`.
    pub outgoing: bool,
    pub other: BodyRef,
    pub status: Status,
    pub note: Option<String>,
    pub sources: Vec<String>,
}

/// A source in the report's numbered list.
#[derive(Clone, Debug, Serialize)]
pub struct SourceEntry {
    /// Its number in this report, from 1: what "[3]" refers to.
    pub number: usize,
    /// The atlas's key, for whoever edits the atlas file; readers see [`SourceEntry::number`].
    pub id: String,
    /// The whole reference in the report's citation style.
    pub citation: String,
    pub title: String,
    /// Its address, when it has one a browser opens.
    pub url: Option<String>,
    /// Where to find it when it has no address.
    pub locator: Option<String>,
    /// A caveat, such as that the item's own address was not recorded.
    pub note: Option<String>,
    pub kind: SourceKind,
}

impl BodyReport {
    /// The report on body `i`, with names in `lang` (English when `None`) and the office
    /// holder on `date`.
    pub fn build(model: &Model, i: BodyIdx, lang: Option<&str>, date: Date) -> BodyReport {
        let b = model.body(i);
        let body_ref = |j: BodyIdx| BodyRef {
            id: model.body(j).id.clone(),
            name: model.display_name(j, lang).0,
            index: j,
        };
        let (shown, shown_short, missing) = model.display_name(i, lang);
        let articles = b
            .articles
            .iter()
            .map(|r| {
                let a = model.article(&r.document, &r.article);
                ArticleLine {
                    document: r.document.clone(),
                    document_title: model.document(&r.document).map(|d| d.short.clone()),
                    article: r.article.clone(),
                    label: article_label(&r.article, lang),
                    topic: a.map(|a| a.topic.clone()),
                    paraphrase: a.map(|a| a.paraphrase.clone()),
                    status: r.status,
                    note: r.note.clone(),
                    sources: r.sources.clone(),
                }
            })
            .collect();
        let exists = crate::view::existing_at(model, date);
        let (relations, later_relations): (Vec<RelationLine>, Vec<RelationLine>) = model
            .relations_of(i)
            .map(|(r, other)| RelationLine {
                index: model
                    .atlas
                    .relations
                    .iter()
                    .position(|x| std::ptr::eq(x, r))
                    .unwrap_or_default(),
                from: r.from.clone(),
                kind: r.kind.clone(),
                kind_name: model.relation_kind_name(r, lang).to_owned(),
                to: r.to.clone(),
                outgoing: r.from == b.id,
                other: body_ref(other),
                status: r.status,
                note: r.note.clone(),
                sources: r.sources.clone(),
            })
            .partition(|l| exists[l.other.index.0]);
        let on = date.to_string();
        let (events, later_events): (Vec<Event>, Vec<Event>) = model
            .events_of(&b.id)
            .into_iter()
            .cloned()
            .partition(|e| e.date <= on);
        let (children, later): (Vec<BodyIdx>, Vec<BodyIdx>) =
            model.children(i).iter().partition(|c| exists[c.0]);
        let mut report = BodyReport {
            id: b.id.clone(),
            name: b.name.clone(),
            short: b.short.clone(),
            shown_name: (!missing && shown != b.name).then_some(shown),
            shown_short,
            name_missing: missing,
            names: b.names.clone(),
            aliases: b.aliases.clone(),
            kind: b.kind.clone(),
            kind_name: model.kind_name(i, lang).to_owned(),
            kind_status: b.kind_status,
            parent: model.parent(i).map(body_ref),
            children: children.into_iter().map(body_ref).collect(),
            later_children: later
                .into_iter()
                .map(|c| LaterBody {
                    body: body_ref(c),
                    established: crate::view::established(model, c),
                })
                .collect(),
            mandate: b.mandate.clone(),
            composition: b.composition.clone(),
            chair: b.chair.clone(),
            date,
            holder_at_date: model.holder_at(i, date).cloned(),
            holders: b.holders.clone(),
            established: b.established.clone(),
            seat: b.seat.clone(),
            articles,
            relations,
            later_relations,
            disputes: model.disputes_of(&b.id).cloned().collect(),
            notes: b.notes.clone(),
            fields: b.fields.clone(),
            events,
            later_events,
            sources: Vec::new(),
            style: Style::for_lang(lang),
            lang: crate::i18n::Lang::of(lang),
            translated: false,
        };
        report.translate_and_number(model, i, lang);
        report.cite(model, Style::for_lang(lang));
        report
    }

    /// Prose in the atlas's own translation where it has one (the catalogue's keys are the
    /// English texts, source keys and all), and the sources numbered in order of citation,
    /// prose that cites one by its key ("[S81]") citing it by its number.
    fn translate_and_number(&mut self, model: &Model, i: BodyIdx, lang: Option<&str>) {
        let mut translated = false;
        self.for_each_prose(|text| {
            let shown = model.tr(lang, text);
            if shown != text.as_str() {
                *text = shown.to_owned();
                translated = true;
            }
        });
        self.translated = translated;
        let mut named: Vec<String> = Vec::new();
        self.for_each_prose(|text| named.extend(keys_in(text).map(str::to_owned)));
        self.sources = self.number_sources(model, i, &named);
        for s in &mut self.sources {
            for text in [&mut s.locator, &mut s.note].into_iter().flatten() {
                *text = model.tr(lang, text).to_owned();
            }
        }
        // Prose that cites a source by its key ("[S81]") cites it by its number, as the facts do.
        let numbers: Vec<(String, usize)> = self
            .sources
            .iter()
            .map(|s| (s.id.clone(), s.number))
            .collect();
        self.for_each_prose(|text| *text = renumber(text, &numbers));
    }

    /// Calls `f` on every piece of prose in the report: texts and notes.
    fn for_each_prose(&mut self, mut f: impl FnMut(&mut String)) {
        let claims = [
            &mut self.mandate,
            &mut self.composition,
            &mut self.chair,
            &mut self.seat,
        ];
        let claims = claims
            .into_iter()
            .flatten()
            .chain(self.notes.iter_mut())
            .chain(self.disputes.iter_mut().flat_map(|d| d.claims.iter_mut()));
        for c in claims {
            f(&mut c.text);
            c.note.as_mut().map(&mut f);
        }
        for d in &mut self.disputes {
            f(&mut d.topic);
        }
        for a in &mut self.articles {
            let texts = [&mut a.topic, &mut a.paraphrase, &mut a.document_title];
            texts.into_iter().flatten().for_each(&mut f);
        }
        for h in self
            .holders
            .iter_mut()
            .chain(self.holder_at_date.iter_mut())
        {
            f(&mut h.name);
            h.role.as_mut().map(&mut f);
        }
        let notes = self
            .established
            .iter_mut()
            .flat_map(|e| [&mut e.note, &mut e.by, &mut e.place])
            .chain(self.disputes.iter_mut().map(|d| &mut d.note))
            .chain(self.articles.iter_mut().map(|a| &mut a.note))
            .chain(self.relations.iter_mut().map(|r| &mut r.note))
            .chain(self.later_relations.iter_mut().map(|r| &mut r.note))
            .chain(self.holders.iter_mut().map(|h| &mut h.note))
            .chain(self.holder_at_date.iter_mut().map(|h| &mut h.note));
        for note in notes.flatten() {
            f(note);
        }
        for e in self.events.iter_mut().chain(self.later_events.iter_mut()) {
            f(&mut e.title);
            f(&mut e.summary);
            e.note.as_mut().map(&mut f);
        }
    }

    /// The sources in the order the panel first cites them: the body's own facts, its names,
    /// its holders, its relations, the disputes, then those only `named` in prose by key.
    fn number_sources(&self, model: &Model, i: BodyIdx, named: &[String]) -> Vec<SourceEntry> {
        let mut ids: Vec<&str> = model.sources_of(i);
        let lists = self
            .names
            .values()
            .map(|n| &n.sources)
            .chain(self.holders.iter().map(|h| &h.sources))
            .chain(self.relations.iter().map(|r| &r.sources))
            .chain(self.later_relations.iter().map(|r| &r.sources))
            .chain(
                self.disputes
                    .iter()
                    .flat_map(|d| d.claims.iter().map(|c| &c.sources)),
            )
            .chain(self.events.iter().map(|e| &e.sources))
            .chain(self.later_events.iter().map(|e| &e.sources));
        for id in lists.flatten() {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        let named = named
            .iter()
            .filter_map(|id| model.source(id).map(|s| s.id.as_str()));
        for id in named {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.into_iter()
            .filter_map(|id| model.source(id))
            .enumerate()
            .map(|(n, s)| SourceEntry {
                number: n + 1,
                id: s.id.clone(),
                citation: String::new(),
                title: s.title.clone(),
                url: s.link().map(str::to_owned),
                locator: s.locator.clone(),
                note: s.note.clone(),
                kind: s.kind,
            })
            .collect()
    }

    /// Formats every source of the report in `style` (the style of its language after
    /// [`BodyReport::build`]).
    pub fn cite(&mut self, model: &Model, style: Style) {
        self.style = style;
        let sources: Vec<&crate::model::Source> = self
            .sources
            .iter()
            .filter_map(|e| model.source(&e.id))
            .collect();
        let checked = model.atlas.meta.checked.as_deref();
        let lines = crate::biblio::format(&sources, style, checked);
        for (entry, line) in self.sources.iter_mut().zip(lines) {
            entry.citation = line;
        }
    }

    /// The number "[n]" of a source in this report.
    pub fn number_of(&self, id: &str) -> Option<usize> {
        self.sources.iter().find(|s| s.id == id).map(|s| s.number)
    }

    /// "[1][4]" for a fact's sources; an id the atlas does not have stays as it is.
    pub fn keys(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| match self.number_of(id) {
                Some(n) => format!("[{n}]"),
                None => format!("[{id}]"),
            })
            .collect()
    }

    /// The name a reader sees first: in the language asked for, else English.
    pub fn title(&self) -> &str {
        self.shown_name.as_deref().unwrap_or(&self.name)
    }

    /// "1 Jan 2002, by …, in Moscow", or that the date is not documented.
    pub fn established_text(&self) -> Option<String> {
        let e = self.established.as_ref()?;
        let l = self.lang;
        let mut text = e.date.as_deref().map_or_else(
            || crate::tr!(l, "established-undated"),
            |d| crate::i18n::date_words_or_text(l, d),
        );
        if let Some(by) = &e.by {
            text.push_str(&crate::tr!(l, "established-by", by = by));
        }
        if let Some(place) = &e.place {
            text.push_str(&crate::tr!(l, "established-in", place = place));
        }
        Some(text)
    }

    /// The establishment as a claim, so that it is shown like the other facts.
    pub fn established_claim(&self) -> Option<Claim> {
        let e = self.established.as_ref()?;
        Some(Claim {
            text: self.established_text()?,
            status: e.status,
            sources: e.sources.clone(),
            note: e.note.clone(),
        })
    }

    /// The report as plain text, section by section, for a terminal.
    pub fn to_text(&self) -> String {
        text::text(self)
    }
}
