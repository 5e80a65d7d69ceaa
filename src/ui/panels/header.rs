//! The line under the menu: what is shown, with one click to clear the filters.

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
        let filters = &state.settings.filters;
        let undated = state
            .visible()
            .undated_note()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        ui.label(format!(
            "{}: {}, {} of {} shown{undated}",
            m.atlas.meta.short,
            crate::export::shown_in_words(m, filters),
            state.visible().shown_count(),
            m.len()
        ));
        if filters.is_active()
            && ui
                .button("Clear filters")
                .on_hover_text("Show every body again")
                .clicked()
        {
            actions.push(Action::ClearFilters);
        }
        if let Some((doc, number)) = &state.article {
            let short = m.document(doc).map_or(doc.as_str(), |d| d.short.as_str());
            if ui
                .button(format!("✖ {short} {}", crate::model::article_label(number)))
                .on_hover_text("Stop highlighting the bodies that cite this article")
                .clicked()
            {
                actions.push(Action::ChooseArticle(None));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(m.atlas.meta.currency()).weak())
                .on_hover_text(
                    "The edition is the date the data describes; the sources were read up to the \
                     second date",
                );
            if let Some(status) = &state.status {
                ui.label(RichText::new(status).weak().italics())
                    .on_hover_text("The atlas file is watched: saving it reloads the chart");
            }
        });
    }
}
