//! The filters tab: body kinds, relation kinds, showcase mode, the date with ▶ Play, and focus.

use crate::tr;
use egui::{RichText, Ui};

use crate::model::Date;
use crate::ui::action::Action;
use crate::ui::state::AppState;
use crate::view::{Filters, RelationsShown, UndatedShown};

use super::date_field::DateField;
use super::widgets::{kind_swatch, lang, set_hidden};

/// The tab; `focus_date` puts the keyboard in the "as of" field (View → Go to date…).
pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>, focus_date: bool) {
    // Every control edits a copy; one action carries the new filters.
    let mut f = state.settings.filters.clone();
    kinds(ui, state, &mut f);
    ui.separator();
    relations(ui, state, &mut f);
    ui.separator();
    // An atlas with nothing dated (a plain spreadsheet) has no time to move through.
    if !state.change_dates.is_empty() {
        time(ui, state, &mut f, actions, focus_date);
        ui.separator();
    }
    focus(ui, state, &mut f);
    if f != state.settings.filters {
        actions.push(Action::SetFilters(f));
    }
}

fn kinds(ui: &mut Ui, state: &AppState, f: &mut Filters) {
    let l = lang(ui);
    ui.strong(tr!(l, "filters-body-types"));
    let m = &state.model;
    let kinds = m.kinds();
    let lang = state.settings.filters.lang.as_deref();
    let mut counts = vec![0usize; kinds.body_kinds().len()];
    for i in m.indices() {
        counts[usize::from(m.kind_of(i).0)] += 1;
    }
    for kind in kinds.body_kinds() {
        let count = counts[usize::from(kind.0)];
        let id = &kinds.body(kind).id;
        let mut on = !f.hidden_kinds.contains(id);
        ui.horizontal(|ui| {
            kind_swatch(ui, egui::vec2(14.0, 14.0), kinds, kind);
            let label = format!("{} ({count})", kinds.plural_in(kind, lang));
            if ui.checkbox(&mut on, label).changed() {
                set_hidden(&mut f.hidden_kinds, id.clone(), !on);
            }
        });
    }
    ui.checkbox(&mut f.showcase, tr!(l, "filters-showcase"))
        .on_hover_text(tr!(l, "filters-showcase-hint"));
}

fn relations(ui: &mut Ui, state: &AppState, f: &mut Filters) {
    let l = lang(ui);
    ui.strong(tr!(l, "filters-relations"));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "filters-show"));
        for which in RelationsShown::ALL {
            ui.radio_value(&mut f.relations, which, which.label_in(l));
        }
    })
    .response
    .on_hover_text(tr!(l, "filters-relations-hint"));
    let m = &state.model;
    let kinds = m.kinds();
    let lang = state.settings.filters.lang.as_deref();
    for kind in kinds.relation_kinds() {
        let count = (0..m.atlas.relations.len())
            .filter(|&r| m.relation_kind_of(r) == kind)
            .count();
        if count == 0 {
            continue;
        }
        let id = &kinds.relation(kind).id;
        let mut on = !f.hidden_relations.contains(id);
        let label = format!("{} ({count})", kinds.relation_name_in(kind, lang));
        if ui.checkbox(&mut on, label).changed() {
            set_hidden(&mut f.hidden_relations, id.clone(), !on);
        }
    }
}

fn time(ui: &mut Ui, state: &AppState, f: &mut Filters, actions: &mut Vec<Action>, focus: bool) {
    let l = lang(ui);
    ui.strong(tr!(l, "filters-time"));
    let (start, end) = state.model.date_range();
    let mut limited = f.as_of.is_some() || focus;
    let stop_playing = |actions: &mut Vec<Action>| {
        if state.playing {
            actions.push(Action::TogglePlay);
        }
    };
    if ui
        .checkbox(&mut limited, tr!(l, "filters-as-of-date"))
        .changed()
        || (focus && f.as_of.is_none())
    {
        f.as_of = limited.then_some(end);
        stop_playing(actions);
    }
    let Some(current) = f.as_of else {
        return;
    };
    let field = DateField {
        id: "as-of",
        range: (start, end),
        changes: &state.change_dates,
        events: &event_marks(state, f),
        focus,
        label: &tr!(l, "filters-as-of"),
    };
    if let Some(d) = field.ui(ui, current) {
        f.as_of = Some(d);
        stop_playing(actions);
    }
    ui.horizontal_wrapped(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        let label = if state.playing {
            tr!(l, "filters-pause")
        } else {
            tr!(l, "filters-play")
        };
        if ui
            .button(label)
            .on_hover_text(tr!(l, "filters-play-hint"))
            .clicked()
        {
            actions.push(Action::TogglePlay);
        }
        ui.checkbox(&mut f.repack, tr!(l, "filters-repack"))
            .on_hover_text(tr!(l, "filters-repack-hint"));
    });
    undated(ui, f);
    compare(ui, state, f, start);
}

/// How bodies of unknown founding date appear before the edition.
fn undated(ui: &mut Ui, f: &mut Filters) {
    let l = lang(ui);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(l, "filters-date-unknown"))
            .on_hover_text(tr!(l, "filters-date-unknown-hint"));
        for (which, label, tip) in [
            (
                UndatedShown::Ghost,
                tr!(l, "filters-lighter"),
                tr!(l, "filters-lighter-hint"),
            ),
            (
                UndatedShown::Show,
                tr!(l, "filters-show-undated"),
                tr!(l, "filters-show-undated-hint"),
            ),
            (
                UndatedShown::Hide,
                tr!(l, "filters-hide"),
                tr!(l, "filters-hide-hint"),
            ),
        ] {
            ui.radio_value(&mut f.undated, which, label)
                .on_hover_text(tip);
        }
    });
}

/// Compare mode: a second, earlier date; bodies established in between are marked "new" and the
/// members strip says which states changed.
fn compare(ui: &mut Ui, state: &AppState, f: &mut Filters, start: Date) {
    let l = lang(ui);
    let to = f.as_of.unwrap_or(state.model.date_range().1);
    let mut on = f.compare.is_some();
    if ui
        .checkbox(&mut on, tr!(l, "filters-compare"))
        .on_hover_text(tr!(l, "filters-compare-hint"))
        .changed()
    {
        f.compare = on.then_some(start);
    }
    let Some(from) = f.compare else {
        return;
    };
    let field = DateField {
        id: "compare",
        range: (start, to),
        changes: &state.change_dates,
        events: &event_marks(state, f),
        focus: false,
        label: &tr!(l, "filters-compare-with"),
    };
    if let Some(d) = field.ui(ui, from) {
        f.compare = Some(d);
    }
    ui.label(tr!(
        l,
        "filters-new-since",
        date = crate::i18n::date_words(l, from)
    ));
}

fn focus(ui: &mut Ui, state: &AppState, f: &mut Filters) {
    let l = lang(ui);
    ui.strong(tr!(l, "filters-focus"));
    let Some(id) = f.focus.clone() else {
        ui.label(RichText::new(tr!(l, "filters-focus-how")).weak());
        return;
    };
    let name = state
        .model
        .index_of(&id)
        .map_or(id.clone(), |i| state.model.body(i).short.clone());
    ui.label(tr!(l, "filters-around", name = name));
    ui.horizontal(|ui| {
        if ui
            .button("−")
            .on_hover_text(tr!(l, "filters-narrow"))
            .clicked()
            && f.depth > 1
        {
            f.depth -= 1;
        }
        ui.label(tr!(l, "filters-steps", count = f.depth));
        if ui
            .button("+")
            .on_hover_text(tr!(l, "filters-widen"))
            .clicked()
        {
            f.depth += 1;
        }
        if ui.button(tr!(l, "filters-clear-focus")).clicked() {
            f.focus = None;
        }
    });
}

/// The events under the time control, titled in the chart's language.
fn event_marks(state: &AppState, f: &Filters) -> Vec<(Date, String)> {
    let lang = f.lang.as_deref();
    (state.event_marks.iter())
        .map(|(d, title)| (*d, state.model.tr(lang, title).to_owned()))
        .collect()
}
