//! The right-hand panel: everything about the selected body, in a fixed order, each fact with its
//! status and numbered sources.

use crate::tr;
use egui::{RichText, Ui};

use crate::model::{BodyIdx, Status};
use crate::report::{BodyRef, BodyReport};
use crate::ui::action::Action;
use crate::ui::shortcuts::Command;
use crate::ui::state::AppState;

use super::widgets::{
    claim_ui, kind_badge, lang, quiet, section, status_text, Citations, TAG_SIZE,
};

/// The details of the selection.
#[derive(Default)]
pub struct DetailsPanel {
    /// The report on screen and what it was built for (atlas revision, body, language, date):
    /// built once per selection, not on every frame.
    report: Option<(ReportKey, BodyReport)>,
}

type ReportKey = (
    u64,
    BodyIdx,
    Option<String>,
    crate::model::Date,
    crate::biblio::Style,
);

impl DetailsPanel {
    fn report(&mut self, state: &AppState, i: BodyIdx) -> &BodyReport {
        let lang = state.settings.filters.lang.as_deref();
        let date = state.date();
        let style = state.cite_style();
        let key = (state.revision, i, lang.map(str::to_owned), date, style);
        if self.report.as_ref().is_some_and(|(k, _)| *k != key) {
            self.report = None;
        }
        let (_, report) = self.report.get_or_insert_with(|| {
            let mut report = BodyReport::build(&state.model, i, lang, date);
            if report.style != style {
                report.cite(&state.model, style);
            }
            (key, report)
        });
        report
    }
}

/// A link that selects `body`.
fn go_to(ui: &mut Ui, body: &BodyRef, actions: &mut Vec<Action>) {
    if ui.link(&body.name).clicked() {
        actions.push(Action::Select {
            body: Some(body.index),
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
                        (Some(i), _) => body_ui(ui, state, self.report(state, i), actions),
                        (None, Some(r)) => relation_ui(ui, state, r, actions),
                        (None, None) => {}
                    });
            });
    }
}

fn body_ui(ui: &mut Ui, state: &AppState, r: &BodyReport, actions: &mut Vec<Action>) {
    let l = lang(ui);
    let cites = Citations::of_report(&state.model, r, state.cite_style());
    let cites = &cites;
    title(ui, state, r, cites, actions);
    for (title, claim) in [
        (tr!(l, "details-mandate"), &r.mandate),
        (tr!(l, "details-composition"), &r.composition),
        (tr!(l, "details-chair"), &r.chair),
    ] {
        if let Some(c) = claim {
            section(ui, &title);
            claim_ui(ui, c, cites);
        }
    }
    holders(ui, r, cites);
    if let Some(c) = r.established_claim() {
        section(ui, &tr!(l, "details-established"));
        claim_ui(ui, &c, cites);
    }
    if let Some(seat) = &r.seat {
        section(ui, &tr!(l, "details-seat"));
        claim_ui(ui, seat, cites);
    }
    legal_basis(ui, r, cites, actions);
    relations(ui, r, cites, actions);
    if !r.disputes.is_empty() {
        section(ui, &tr!(l, "details-disputed"));
        for d in &r.disputes {
            ui.label(RichText::new(&d.topic).italics());
            for c in &d.claims {
                ui.horizontal_wrapped(|ui| {
                    ui.label("•");
                    claim_ui(ui, c, cites);
                });
            }
        }
    }
    if !r.notes.is_empty() {
        section(ui, &tr!(l, "details-notes"));
        for n in &r.notes {
            claim_ui(ui, n, cites);
        }
    }
    if !r.fields.is_empty() {
        section(ui, &tr!(l, "details-fields"));
        egui::Grid::new(("fields", &r.id))
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (column, value) in &r.fields {
                    ui.label(RichText::new(column).color(quiet(ui)));
                    ui.label(value);
                    ui.end_row();
                }
            });
    }
    events(ui, &tr!(l, "details-events"), &r.events, cites);
    let after = tr!(
        l,
        "details-events-after",
        date = crate::i18n::date_words(l, r.date)
    );
    events(ui, &after, &r.later_events, cites);
    // The reader is told that the words are the editors', not the sources'.
    if r.translated {
        ui.add_space(4.0);
        ui.label(
            RichText::new(tr!(l, "details-translated"))
                .weak()
                .size(TAG_SIZE),
        );
    }
    // A body with nothing cited (a plain spreadsheet's row) has no empty heading.
    if !r.sources.is_empty() {
        section(ui, &tr!(l, "details-sources"));
        cites.list_ui(ui, actions);
    }
}

fn holders(ui: &mut Ui, r: &BodyReport, cites: &Citations) {
    let l = lang(ui);
    if r.holders.is_empty() {
        return;
    }
    section(ui, &tr!(l, "details-holders"));
    if let Some(h) = &r.holder_at_date {
        let on = crate::i18n::date_words(l, r.date);
        ui.label(
            RichText::new(tr!(l, "details-holder-on", date = on, holder = h.label())).strong(),
        );
    }
    egui::CollapsingHeader::new(tr!(l, "details-all-holders", count = r.holders.len()))
        .id_salt(("holders", &r.id))
        .default_open(false)
        .show(ui, |ui| {
            for h in &r.holders {
                ui.horizontal_wrapped(|ui| {
                    ui.label(h.label());
                    ui.label(status_text(ui, h.status));
                    cites.keys_ui(ui, &h.sources);
                });
                if let Some(note) = &h.note {
                    ui.label(RichText::new(note).color(quiet(ui)).size(TAG_SIZE));
                }
            }
        });
}

fn title(
    ui: &mut Ui,
    state: &AppState,
    r: &BodyReport,
    cites: &Citations,
    actions: &mut Vec<Action>,
) {
    let l = lang(ui);
    ui.heading(r.title());
    if r.shown_name.is_some() {
        ui.label(RichText::new(&r.name).color(quiet(ui)));
    }
    if r.name_missing {
        ui.label(RichText::new(tr!(l, "details-no-name")).color(quiet(ui)));
    }
    for (code, n) in &r.names {
        ui.horizontal_wrapped(|ui| {
            let short = n
                .short
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            ui.label(RichText::new(format!("{code}: {}{short}", n.name)).size(TAG_SIZE));
            ui.label(status_text(ui, n.status));
            cites.keys_ui(ui, &n.sources);
        });
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&r.shown_short).strong());
        let m = &state.model;
        if let Some(i) = m.index_of(&r.id) {
            kind_badge(
                ui,
                m.kinds(),
                m.kind_of(i),
                state.settings.filters.lang.as_deref(),
            );
        }
        if r.kind_status != Status::Verified {
            ui.label(status_text(ui, r.kind_status))
                .on_hover_text(tr!(l, "details-kind-status-hint"));
        }
    });
    if !r.aliases.is_empty() {
        let also = tr!(l, "details-also", names = r.aliases.join("; "));
        ui.label(RichText::new(also).color(quiet(ui)));
    }
    ui.horizontal(|ui| {
        if ui
            .button(tr!(l, "details-focus"))
            .on_hover_text(tr!(l, "details-focus-hint"))
            .clicked()
        {
            let mut filters = state.settings.filters.clone();
            filters.focus = Some(r.id.clone());
            actions.push(Action::SetFilters(filters));
        }
        if ui.button(tr!(l, "details-centre")).clicked() {
            actions.push(Action::Run(Command::CentreSelection));
        }
        if ui.button(tr!(l, "details-close")).clicked() {
            actions.push(Action::Select {
                body: None,
                reveal: false,
            });
        }
    });
}

fn legal_basis(ui: &mut Ui, r: &BodyReport, cites: &Citations, actions: &mut Vec<Action>) {
    let l = lang(ui);
    if r.articles.is_empty() {
        return;
    }
    section(ui, &tr!(l, "details-legal-basis"));
    for a in &r.articles {
        let doc = a.document_title.as_deref().unwrap_or(&a.document);
        ui.horizontal_wrapped(|ui| {
            if ui
                .link(format!("{doc} {}", a.label))
                .on_hover_text(tr!(l, "details-article-hint"))
                .clicked()
            {
                actions.push(Action::ChooseArticle(Some((
                    a.document.clone(),
                    a.article.clone(),
                ))));
            }
            ui.label(status_text(ui, a.status));
            cites.keys_ui(ui, &a.sources);
        });
        if let Some(p) = &a.paraphrase {
            ui.label(RichText::new(p).color(quiet(ui)));
        }
        if let Some(note) = &a.note {
            ui.label(
                RichText::new(tr!(l, "details-note", note = note))
                    .color(quiet(ui))
                    .size(TAG_SIZE),
            );
        }
    }
}

fn relations(ui: &mut Ui, r: &BodyReport, cites: &Citations, actions: &mut Vec<Action>) {
    let l = lang(ui);
    later(ui, r, cites, actions);
    if r.parent.is_none() && r.children.is_empty() && r.relations.is_empty() {
        return;
    }
    section(ui, &tr!(l, "details-relations"));
    if let Some(p) = &r.parent {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!(l, "details-sits-under"));
            go_to(ui, p, actions);
        });
    }
    for c in &r.children {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!(l, "details-over"));
            go_to(ui, c, actions);
        });
    }
    for l in &r.relations {
        relation_line(ui, l, cites, actions);
    }
}

/// Dated events: the date, the title, its status and sources, the summary below.
fn events(ui: &mut Ui, title: &str, events: &[crate::model::Event], cites: &Citations) {
    let l = lang(ui);
    if events.is_empty() {
        return;
    }
    section(ui, title);
    for e in events {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(crate::i18n::date_words_or_text(l, &e.date)).strong());
            ui.label(&e.title);
            ui.label(status_text(ui, e.status));
            cites.keys_ui(ui, &e.sources);
        });
        if !e.summary.is_empty() {
            ui.label(RichText::new(&e.summary).color(quiet(ui)));
        }
        if let Some(note) = &e.note {
            ui.label(
                RichText::new(tr!(l, "details-note", note = note))
                    .color(quiet(ui))
                    .size(TAG_SIZE),
            );
        }
    }
}

/// What did not exist yet at the date shown: subordinates and relations, each with its date.
fn later(ui: &mut Ui, r: &BodyReport, cites: &Citations, actions: &mut Vec<Action>) {
    let l = lang(ui);
    if r.later_children.is_empty() && r.later_relations.is_empty() {
        return;
    }
    let on = crate::i18n::date_words(l, r.date);
    section(ui, &tr!(l, "details-later", date = on));
    for c in &r.later_children {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!(l, "details-over"));
            go_to(ui, &c.body, actions);
            let when = c.established.map_or_else(
                || tr!(l, "details-founding-unknown"),
                |d| tr!(l, "details-set-up-on", date = crate::i18n::date_words(l, d)),
            );
            ui.label(RichText::new(when).color(quiet(ui)));
        });
    }
    for l in &r.later_relations {
        relation_line(ui, l, cites, actions);
    }
}

fn relation_line(
    ui: &mut Ui,
    l: &crate::report::RelationLine,
    cites: &Citations,
    actions: &mut Vec<Action>,
) {
    let lg = lang(ui);
    ui.horizontal_wrapped(|ui| {
        // The kind is a link to the relation itself: its status, note and sources.
        let kind = |ui: &mut Ui, actions: &mut Vec<Action>| {
            // Russian cannot decline the other's name after the verb: "взаимодействует с: КССБ".
            let text = match l.outgoing {
                true => tr!(lg, "details-relation-to", kind = l.kind_name.as_str()),
                false => l.kind_name.clone(),
            };
            if ui
                .link(text)
                .on_hover_text(tr!(lg, "details-relation-hint"))
                .clicked()
            {
                actions.push(Action::SelectRelation(Some(l.index)));
            }
        };
        if l.outgoing {
            ui.label(tr!(lg, "details-this-body-start"));
            kind(ui, actions);
            go_to(ui, &l.other, actions);
        } else {
            go_to(ui, &l.other, actions);
            kind(ui, actions);
            ui.label(tr!(lg, "details-this-body", kind = l.kind.as_str()));
        }
        ui.label(status_text(ui, l.status));
        cites.keys_ui(ui, &l.sources);
    });
}

/// A chosen relation: its kind, both ends as links, status, note and numbered sources.
fn relation_ui(ui: &mut Ui, state: &AppState, index: usize, actions: &mut Vec<Action>) {
    let l = lang(ui);
    let m = &state.model;
    let Some(r) = m.atlas.relations.get(index) else {
        return;
    };
    let lang = state.settings.filters.lang.as_deref();
    let mut cites = Citations::new(m, state.cite_style(), ("relation", index)).in_lang(lang);
    cites.add_ids(&r.sources);
    if let Some(note) = &r.note {
        cites.add_named(note);
    }
    let kind = m.relation_kind_name(r, lang);
    ui.heading(tr!(l, "details-relation-heading", kind = kind));
    ui.horizontal_wrapped(|ui| {
        for (n, id) in [&r.from, &r.to].into_iter().enumerate() {
            if n == 1 {
                ui.label(kind);
            }
            match m.index_of(id) {
                Some(i) => {
                    let other = BodyRef {
                        id: id.clone(),
                        name: m.display_name(i, lang).0,
                        index: i,
                    };
                    go_to(ui, &other, actions);
                }
                None => {
                    ui.label(id.as_str());
                }
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(status_text(ui, r.status));
        cites.keys_ui(ui, &r.sources);
    });
    if let Some(note) = &r.note {
        section(ui, &tr!(l, "details-note-heading"));
        ui.label(cites.prose(note));
    }
    section(ui, &tr!(l, "details-sources"));
    cites.list_ui(ui, actions);
    if ui.button(tr!(l, "details-close")).clicked() {
        actions.push(Action::SelectRelation(None));
    }
}
