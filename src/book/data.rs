//! What the book says, gathered from the atlas as the side panel gathers it (one
//! [`BodyReport`] per body), numbered once for the whole book, and handed to the template as
//! JSON: the template lays it out, the data never becomes markup.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::model::{BodyIdx, Claim, Model, Status};
use crate::report::BodyReport;
use crate::tr;
use crate::view::Filters;

/// Everything the template typesets.
#[derive(Debug, Serialize)]
pub struct BookData {
    pub lang: String,
    pub paper: String,
    pub title: String,
    /// The view in words: "All bodies as of 3 December 2025".
    pub view: String,
    pub edition: String,
    pub checked: Option<String>,
    pub credit: Option<String>,
    pub printed: String,
    /// Whether the descriptions are the editors' translation (a note says so).
    pub translated: bool,
    /// The template's own words, in the book's language.
    pub words: BTreeMap<&'static str, String>,
    pub chart: super::chart::Chart,
    pub bodies: Vec<BookBody>,
    pub documents: Vec<BookDocument>,
    pub members: Vec<BookMember>,
    pub events: Vec<BookEvent>,
    pub sources: Vec<BookSource>,
}

/// Another body, as a link.
#[derive(Debug, Serialize)]
pub struct Ref {
    pub id: String,
    pub name: String,
}

/// A fact: its text, status word and the numbers of its sources in the bibliography.
#[derive(Debug, Serialize)]
pub struct Fact {
    pub heading: String,
    pub text: String,
    pub status: String,
    pub refs: Vec<usize>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct BookBody {
    pub id: String,
    pub name: String,
    pub short: String,
    /// "ru: Совет министров обороны (СМО)", one per other language.
    pub other_names: Vec<String>,
    pub kind: String,
    pub parent: Option<Ref>,
    pub children: Vec<Ref>,
    pub facts: Vec<Fact>,
    pub holders: Vec<Fact>,
    pub articles: Vec<Fact>,
    pub relations: Vec<Relation>,
    pub disputes: Vec<Fact>,
    pub notes: Vec<Fact>,
}

/// A relation line: the words before the other body, the body, the words after.
#[derive(Debug, Serialize)]
pub struct Relation {
    pub before: String,
    pub other: Ref,
    pub after: String,
    pub status: String,
    pub refs: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct BookDocument {
    pub title: String,
    pub signed: String,
    pub summary: String,
    pub articles: Vec<BookArticle>,
}

#[derive(Debug, Serialize)]
pub struct BookArticle {
    pub label: String,
    pub paraphrase: String,
    pub citing: Vec<Ref>,
}

#[derive(Debug, Serialize)]
pub struct BookMember {
    pub name: String,
    pub periods: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct BookEvent {
    pub date: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Serialize)]
pub struct BookSource {
    pub n: usize,
    pub citation: String,
}

/// The bibliography as the book cites it: each source numbered at its first citation.
#[derive(Default)]
struct Numbers {
    ids: Vec<String>,
}

impl Numbers {
    fn of(&mut self, id: &str) -> usize {
        match self.ids.iter().position(|i| i == id) {
            Some(k) => k + 1,
            None => {
                self.ids.push(id.to_owned());
                self.ids.len()
            }
        }
    }

    fn all(&mut self, ids: &[String]) -> Vec<usize> {
        ids.iter().map(|id| self.of(id)).collect()
    }

    /// A report's prose cites its own numbers ("[3]"); the book's are global.
    fn prose(&mut self, text: &str, r: &BodyReport) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some((before, after)) = rest.split_once('[') {
            out.push_str(before);
            let local = after.split_once(']').and_then(|(n, tail)| {
                let k: usize = n.parse().ok()?;
                Some((r.sources.get(k.checked_sub(1)?)?, tail))
            });
            match local {
                Some((source, tail)) => {
                    out.push_str(&format!("[{}]", self.of(&source.id)));
                    rest = tail;
                }
                None => {
                    out.push('[');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The book's data and its pictures (SVG files by path) for the view `filters` selects.
pub fn build(
    model: &Model,
    filters: &Filters,
    paper: &str,
    today: crate::model::Date,
) -> (BookData, Vec<(String, String)>) {
    let code = filters.lang.as_deref();
    let l = Lang::of(code);
    let meta = &model.atlas.meta;
    let date = filters.as_of.unwrap_or(model.date_range().1);
    let visible = crate::view::visible(model, filters);
    let mut numbers = Numbers::default();
    let mut translated = false;
    let order = tree_order(model);
    let bodies: Vec<BookBody> = (order.into_iter())
        .filter(|&i| visible.is_drawn(i))
        .map(|i| body(model, i, code, date, &mut numbers, &mut translated))
        .collect();
    let (chart, files) = super::chart::chart(model, filters, paper);
    let style = crate::biblio::Style::for_lang(code);
    let sources = (numbers.ids.iter().enumerate())
        .filter_map(|(k, id)| {
            let s = model.source(id)?;
            Some(BookSource {
                n: k + 1,
                citation: crate::biblio::format_one(s, style, meta.checked.as_deref()),
            })
        })
        .collect();
    let data = BookData {
        lang: if l == Lang::Ru { "ru" } else { "en" }.into(),
        paper: paper.into(),
        title: meta.title_in(code).to_owned(),
        view: crate::export::shown_in_words(model, filters),
        edition: i18n::date_words_or_text(l, meta.edition_text()),
        checked: meta
            .checked
            .as_deref()
            .map(|c| i18n::date_words_or_text(l, c)),
        credit: meta.credit_in(code).map(str::to_owned),
        printed: i18n::date_words(l, today),
        translated,
        words: words(l),
        chart,
        bodies,
        documents: documents(model, code, &visible),
        members: members(model, code),
        events: (model.events_between(None, Some(date)).into_iter())
            .map(|e| BookEvent {
                date: i18n::date_words_or_text(l, &e.date),
                title: model.tr(code, &e.title).to_owned(),
                summary: model.tr(code, &e.summary).to_owned(),
            })
            .collect(),
        sources,
    };
    (data, files)
}

/// The bodies depth first from each apex, as the outline's hierarchy lists them.
fn tree_order(model: &Model) -> Vec<BodyIdx> {
    let mut out = Vec::with_capacity(model.len());
    let mut stack: Vec<BodyIdx> = model.roots().iter().rev().copied().collect();
    while let Some(i) = stack.pop() {
        out.push(i);
        stack.extend(model.children(i).iter().rev().copied());
    }
    out
}

fn body(
    model: &Model,
    i: BodyIdx,
    code: Option<&str>,
    date: crate::model::Date,
    numbers: &mut Numbers,
    translated: &mut bool,
) -> BookBody {
    let r = BodyReport::build(model, i, code, date);
    *translated |= r.translated;
    let l = r.lang;
    let status = |s: Status| i18n::status_label(l, s);
    let fact = |heading: String, c: &Claim, numbers: &mut Numbers| Fact {
        heading,
        text: numbers.prose(&c.text, &r),
        status: status(c.status),
        refs: numbers.all(&c.sources),
        note: c.note.as_deref().map(|n| numbers.prose(n, &r)),
    };
    let mut facts = Vec::new();
    let claims = [
        ("details-mandate", r.mandate.clone()),
        ("details-composition", r.composition.clone()),
        ("details-chair", r.chair.clone()),
        ("details-established", r.established_claim()),
        ("details-seat", r.seat.clone()),
    ];
    for (key, c) in claims {
        if let Some(c) = c {
            facts.push(fact(i18n::t(l, key), &c, numbers));
        }
    }
    let holders = (r.holders.iter())
        .map(|h| Fact {
            heading: String::new(),
            text: h.label(),
            status: status(h.status),
            refs: numbers.all(&h.sources),
            note: h.note.as_deref().map(|n| numbers.prose(n, &r)),
        })
        .collect();
    let articles = (r.articles.iter())
        .map(|a| Fact {
            heading: format!(
                "{} {}{}",
                a.document_title.as_deref().unwrap_or(&a.document),
                a.label,
                a.topic
                    .as_deref()
                    .map(|t| format!(": {t}"))
                    .unwrap_or_default()
            ),
            text: a.paraphrase.clone().unwrap_or_default(),
            status: status(a.status),
            refs: numbers.all(&a.sources),
            note: a.note.as_deref().map(|n| numbers.prose(n, &r)),
        })
        .collect();
    let relations = (r.relations.iter())
        .map(|rel| relation(l, rel, numbers))
        .collect();
    let disputes = (r.disputes.iter())
        .flat_map(|d| {
            let topic = d.topic.clone();
            d.claims
                .iter()
                .map(|c| (topic.clone(), c.clone()))
                .collect::<Vec<_>>()
        })
        .map(|(topic, c)| fact(topic, &c, numbers))
        .collect();
    let notes = (r.notes.iter())
        .map(|c| fact(String::new(), c, numbers))
        .collect();
    let other_names = (r.names.iter())
        .filter(|(lang, _)| Some(lang.as_str()) != code)
        .map(|(lang, n)| match &n.short {
            Some(s) => format!("{lang}: {} ({s})", n.name),
            None => format!("{lang}: {}", n.name),
        })
        .chain(
            r.shown_name
                .is_some()
                .then(|| format!("en: {} ({})", r.name, r.short)),
        )
        .collect();
    let as_ref = |b: &crate::report::BodyRef| Ref {
        id: b.id.clone(),
        name: b.name.clone(),
    };
    BookBody {
        id: r.id.clone(),
        name: r.shown_name.clone().unwrap_or_else(|| r.name.clone()),
        // In another language, no English abbreviation heads a translated name (as on the chart).
        short: match code.filter(|c| *c != "en").and_then(|c| r.names.get(c)) {
            Some(n) => n.short.clone().unwrap_or_default(),
            None => r.shown_short.clone(),
        },
        other_names,
        kind: r.kind_name.clone(),
        parent: r.parent.as_ref().map(as_ref),
        children: r.children.iter().map(as_ref).collect(),
        facts,
        holders,
        articles,
        relations,
        disputes,
        notes,
    }
}

/// A relation in words around the other body's link: "This body is accountable to" [CSC].
fn relation(l: i18n::Lang, rel: &crate::report::RelationLine, numbers: &mut Numbers) -> Relation {
    let status = |s: Status| i18n::status_label(l, s);
    let this_start = i18n::t(l, "details-this-body-start");
    let (before, after) = match rel.outgoing {
        true => (
            format!(
                "{this_start} {}",
                tr!(l, "details-relation-to", kind = rel.kind_name.as_str())
            ),
            String::new(),
        ),
        false => (
            String::new(),
            format!(
                "{} {}",
                rel.kind_name,
                tr!(l, "details-this-body", kind = rel.kind.as_str())
            ),
        ),
    };
    Relation {
        before,
        other: Ref {
            id: rel.other.id.clone(),
            name: rel.other.name.clone(),
        },
        after,
        status: status(rel.status),
        refs: numbers.all(&rel.sources),
    }
}

fn documents(
    model: &Model,
    code: Option<&str>,
    visible: &crate::view::Visible,
) -> Vec<BookDocument> {
    let l = Lang::of(code);
    (model.atlas.documents.iter())
        .map(|d| BookDocument {
            title: model.tr(code, &d.title).to_owned(),
            signed: i18n::date_words_or_text(l, &d.signed),
            summary: model.tr(code, &d.summary).to_owned(),
            articles: (d.articles.iter())
                .map(|a| BookArticle {
                    label: format!(
                        "{}: {}",
                        crate::i18n::article_label(&a.number, code),
                        model.tr(code, &a.topic)
                    ),
                    paraphrase: model.tr(code, &a.paraphrase).to_owned(),
                    citing: (model.citing(&d.id, &a.number).into_iter())
                        .filter(|&i| visible.is_drawn(i))
                        .map(|i| Ref {
                            id: model.body(i).id.clone(),
                            name: model.display_name(i, code).0,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn members(model: &Model, code: Option<&str>) -> Vec<BookMember> {
    let l = Lang::of(code);
    (model.atlas.members.iter().enumerate())
        .map(|(i, m)| BookMember {
            name: model.member_name(i, code).to_owned(),
            periods: (m.periods.iter())
                .map(|p| {
                    format!(
                        "{} – {}: {}",
                        i18n::date_words_or_text(l, &p.from),
                        p.to.as_deref().map_or_else(
                            || tr!(l, "members-today"),
                            |d| i18n::date_words_or_text(l, d)
                        ),
                        i18n::t(l, &format!("state-{}", p.state.key()))
                    )
                })
                .collect(),
        })
        .collect()
}

/// The template's words.
fn words(l: Lang) -> BTreeMap<&'static str, String> {
    [
        "book-contents",
        "book-chart",
        "book-chart-small",
        "book-chart-sheets",
        "book-chart-sheet",
        "book-bodies",
        "book-documents",
        "book-members",
        "book-events",
        "book-bibliography",
        "book-edition",
        "book-checked",
        "book-printed",
        "book-view",
        "book-kind",
        "book-parent",
        "book-subordinates",
        "book-other-names",
        "book-citing",
        "book-page",
        "book-made-with",
        "details-holders",
        "details-legal-basis",
        "details-relations",
        "details-disputed",
        "details-notes",
        "details-translated",
    ]
    .into_iter()
    .map(|k| (k, i18n::t(l, k)))
    .collect()
}
