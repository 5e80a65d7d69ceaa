//! The right-hand panel: everything about the selected body, in a fixed order, each fact with its
//! status and numbered sources.

use egui::{RichText, Ui};

use crate::model::{article_label, Body, BodyIdx, Claim, Model, Status};
use crate::ui::action::Action;
use crate::ui::shortcuts::Command;
use crate::ui::state::AppState;

use super::widgets::{claim_ui, kind_badge, section, status_text, Citations, TAG_SIZE};

/// The details of the selection.
#[derive(Default)]
pub struct DetailsPanel;

/// A link that selects `body`.
fn go_to(ui: &mut Ui, m: &Model, body: BodyIdx, actions: &mut Vec<Action>) {
    if ui.link(&m.body(body).name).clicked() {
        actions.push(Action::Select {
            body: Some(body),
            reveal: true,
        });
    }
}

impl DetailsPanel {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        if state.selected.is_none() && state.relation.is_none() {
            return;
        }
        egui::Panel::right("details")
            .resizable(true)
            .default_size(380.0)
            .min_size(260.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| match (state.selected, state.relation) {
                        (Some(i), _) => body_ui(ui, state, i, actions),
                        (None, Some(r)) => relation_ui(ui, state, r, actions),
                        (None, None) => {}
                    });
            });
    }
}

/// Every source the panel cites, numbered in the order the panel shows them.
fn citations<'a>(m: &'a Model, i: BodyIdx) -> Citations<'a> {
    let b = m.body(i);
    let mut cites = Citations::new(m);
    cites.add(m.sources_of(i));
    for h in &b.holders {
        cites.add_ids(&h.sources);
    }
    for (r, _) in m.relations_of(i) {
        cites.add_ids(&r.sources);
    }
    for d in m.disputes_of(&b.id) {
        for c in &d.claims {
            cites.add_ids(&c.sources);
        }
    }
    cites
}

fn body_ui(ui: &mut Ui, state: &AppState, i: BodyIdx, actions: &mut Vec<Action>) {
    let m = &state.model;
    let b = m.body(i);
    let cites = citations(m, i);
    let cites = &cites;
    title(ui, state, b, actions);
    for (title, claim) in [
        ("Mandate", &b.mandate),
        ("Composition", &b.composition),
        ("Chair", &b.chair),
    ] {
        if let Some(c) = claim {
            section(ui, title);
            claim_ui(ui, c, cites);
        }
    }
    if !b.holders.is_empty() {
        section(ui, "Holders");
        let date = state.date();
        if let Some(h) = m.holder_at(i, date) {
            ui.label(RichText::new(format!("On {date}: {}", h.label())).strong());
        }
        egui::CollapsingHeader::new(format!("All holders ({})", b.holders.len()))
            .id_salt(("holders", &b.id))
            .default_open(false)
            .show(ui, |ui| {
                for h in &b.holders {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(h.label());
                        ui.label(status_text(h.status));
                        cites.keys_ui(ui, &h.sources);
                    });
                    if let Some(note) = &h.note {
                        ui.label(RichText::new(note).weak().size(TAG_SIZE));
                    }
                }
            });
    }
    if let Some(e) = &b.established {
        section(ui, "Established");
        let mut text = e
            .date
            .clone()
            .unwrap_or_else(|| "Date not documented".into());
        if let Some(by) = &e.by {
            text.push_str(&format!(", by {by}"));
        }
        if let Some(place) = &e.place {
            text.push_str(&format!(", in {place}"));
        }
        claim_ui(
            ui,
            &Claim {
                text,
                status: e.status,
                sources: e.sources.clone(),
                note: e.note.clone(),
            },
            cites,
        );
    }
    if let Some(seat) = &b.seat {
        section(ui, "Seat");
        claim_ui(ui, seat, cites);
    }
    legal_basis(ui, m, b, cites, actions);
    let lang = state.settings.filters.lang.as_deref();
    relations(ui, m, i, lang, cites, actions);
    let disputes: Vec<_> = m.disputes_of(&b.id).collect();
    if !disputes.is_empty() {
        section(ui, "Disputed");
        for d in disputes {
            ui.label(RichText::new(&d.topic).italics());
            for c in &d.claims {
                ui.horizontal_wrapped(|ui| {
                    ui.label("•");
                    claim_ui(ui, c, cites);
                });
            }
        }
    }
    if !b.notes.is_empty() {
        section(ui, "Notes");
        for n in &b.notes {
            claim_ui(ui, n, cites);
        }
    }
    section(ui, "Sources");
    cites.list_ui(ui);
}

fn title(ui: &mut Ui, state: &AppState, b: &Body, actions: &mut Vec<Action>) {
    let lang = state.settings.filters.lang.as_deref();
    let shown_name = state
        .model
        .index_of(&b.id)
        .map(|i| state.model.display_name(i, lang));
    match shown_name {
        Some((name, _, false)) if name != b.name => {
            ui.heading(name);
            ui.label(RichText::new(&b.name).weak());
        }
        Some((_, _, true)) => {
            ui.heading(&b.name);
            ui.label(RichText::new("No name in the chosen language in the sources read").weak());
        }
        _ => {
            ui.heading(&b.name);
        }
    }
    for (l, n) in &b.names {
        ui.horizontal_wrapped(|ui| {
            let short = n
                .short
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            ui.label(RichText::new(format!("{l}: {}{short}", n.name)).size(TAG_SIZE));
            ui.label(status_text(n.status));
        });
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&b.short).strong());
        let m = &state.model;
        if let Some(i) = m.index_of(&b.id) {
            kind_badge(ui, m.kinds(), m.kind_of(i), lang);
        }
        if b.kind_status != Status::Verified {
            ui.label(status_text(b.kind_status))
                .on_hover_text("How sure the category is");
        }
    });
    if !b.aliases.is_empty() {
        ui.label(RichText::new(format!("Also: {}", b.aliases.join("; "))).weak());
    }
    ui.horizontal(|ui| {
        if ui
            .button("Focus")
            .on_hover_text("Show only this body and its neighbours")
            .clicked()
        {
            let mut filters = state.settings.filters.clone();
            filters.focus = Some(b.id.clone());
            actions.push(Action::SetFilters(filters));
        }
        if ui.button("Centre (C)").clicked() {
            actions.push(Action::Run(Command::CentreSelection));
        }
        if ui.button("Close (Esc)").clicked() {
            actions.push(Action::Select {
                body: None,
                reveal: false,
            });
        }
    });
}

fn legal_basis(ui: &mut Ui, m: &Model, b: &Body, cites: &Citations, actions: &mut Vec<Action>) {
    section(ui, "Legal basis");
    for r in &b.articles {
        let doc = m
            .document(&r.document)
            .map_or(r.document.as_str(), |d| d.short.as_str());
        ui.horizontal_wrapped(|ui| {
            if ui
                .link(format!("{doc} {}", article_label(&r.article)))
                .on_hover_text("Show in the articles panel")
                .clicked()
            {
                actions.push(Action::ChooseArticle(Some((
                    r.document.clone(),
                    r.article.clone(),
                ))));
            }
            ui.label(status_text(r.status));
            cites.keys_ui(ui, &r.sources);
        });
        if let Some(a) = m.article(&r.document, &r.article) {
            ui.label(RichText::new(&a.paraphrase).weak());
        }
        if let Some(note) = &r.note {
            ui.label(RichText::new(format!("Note: {note}")).weak().size(TAG_SIZE));
        }
    }
}

fn relations(
    ui: &mut Ui,
    m: &Model,
    i: BodyIdx,
    lang: Option<&str>,
    cites: &Citations,
    actions: &mut Vec<Action>,
) {
    let parent = m.parent(i);
    let children = m.children(i);
    let mut relations = m.relations_of(i).peekable();
    if parent.is_none() && children.is_empty() && relations.peek().is_none() {
        return;
    }
    section(ui, "Relations");
    if let Some(p) = parent {
        ui.horizontal_wrapped(|ui| {
            ui.label("Sits under");
            go_to(ui, m, p, actions);
        });
    }
    for &c in children {
        ui.horizontal_wrapped(|ui| {
            ui.label("Over");
            go_to(ui, m, c, actions);
        });
    }
    let id = &m.body(i).id;
    for (r, other) in relations {
        let index = m.atlas.relations.iter().position(|x| std::ptr::eq(x, r));
        ui.horizontal_wrapped(|ui| {
            // The kind is a link to the relation itself: its status, note and sources.
            let kind = |ui: &mut Ui, actions: &mut Vec<Action>| {
                if ui
                    .link(m.relation_kind_name(r, lang))
                    .on_hover_text("Read about this relation")
                    .clicked()
                {
                    actions.push(Action::SelectRelation(index));
                }
            };
            if &r.from == id {
                ui.label("This body");
                kind(ui, actions);
                go_to(ui, m, other, actions);
            } else {
                go_to(ui, m, other, actions);
                kind(ui, actions);
                ui.label("this body");
            }
            ui.label(status_text(r.status));
            cites.keys_ui(ui, &r.sources);
        });
    }
}

/// A chosen relation: its kind, both ends as links, status, note and numbered sources.
fn relation_ui(ui: &mut Ui, state: &AppState, index: usize, actions: &mut Vec<Action>) {
    let m = &state.model;
    let Some(r) = m.atlas.relations.get(index) else {
        return;
    };
    let mut cites = Citations::new(m);
    cites.add_ids(&r.sources);
    let lang = state.settings.filters.lang.as_deref();
    let kind = m.relation_kind_name(r, lang);
    ui.heading(format!("Relation: {kind}"));
    ui.horizontal_wrapped(|ui| {
        for (n, id) in [&r.from, &r.to].into_iter().enumerate() {
            if n == 1 {
                ui.label(kind);
            }
            match m.index_of(id) {
                Some(i) => go_to(ui, m, i, actions),
                None => {
                    ui.label(id.as_str());
                }
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(status_text(r.status));
        cites.keys_ui(ui, &r.sources);
    });
    if let Some(note) = &r.note {
        section(ui, "Note");
        ui.label(note);
    }
    section(ui, "Sources");
    cites.list_ui(ui);
    if ui.button("Close (Esc)").clicked() {
        actions.push(Action::SelectRelation(None));
    }
}
