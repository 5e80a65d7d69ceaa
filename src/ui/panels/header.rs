//! The line under the menu: what is shown, with one click to clear the filters.

use crate::tr;
use egui::{RichText, Ui};

use crate::ui::action::Action;
use crate::ui::state::AppState;

/// The filter header.
#[derive(Default)]
pub struct Header;

impl Header {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        egui::Panel::top("filters-header").show(ui, |ui| {
            ui.horizontal(|ui| self.contents(ui, state, actions));
        });
    }

    fn contents(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let m = &state.model;
        let l = state.lang();
        let filters = &state.settings.filters;
        let undated = state
            .visible()
            .undated_note()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let shown = tr!(
            l,
            "header-shown",
            shown = state.visible().shown_count(),
            total = m.len()
        );
        ui.label(format!(
            "{}: {}, {shown}{undated}",
            m.atlas.meta.short_in(filters.lang.as_deref()),
            crate::export::shown_in_words(m, filters),
        ));
        if filters.is_active()
            && ui
                .button(tr!(l, "header-clear-filters"))
                .on_hover_text(tr!(l, "header-clear-filters-hint"))
                .clicked()
        {
            actions.push(Action::ClearFilters);
        }
        if let Some((doc, number)) = &state.article {
            let code = state.settings.filters.lang.as_deref();
            let short = m
                .document(doc)
                .map_or(doc.as_str(), |d| m.tr(code, &d.short));
            let label = crate::i18n::article_label(number, code);
            if ui
                .button(format!("✖ {short} {label}"))
                .on_hover_text(tr!(l, "header-article-hint"))
                .clicked()
            {
                actions.push(Action::ChooseArticle(None));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let meta = &m.atlas.meta;
            let currency = match &meta.checked {
                Some(c) => tr!(
                    l,
                    "header-currency-checked",
                    edition = meta.edition_text(),
                    checked = c
                ),
                None => tr!(l, "header-currency", edition = meta.edition_text()),
            };
            ui.label(RichText::new(currency).weak())
                .on_hover_text(tr!(l, "header-currency-hint"));
            if let Some(status) = &state.status {
                ui.label(RichText::new(status).weak().italics())
                    .on_hover_text(tr!(l, "header-status-hint"));
            }
        });
    }
}
