//! The articles tab: the documents and their articles. Choosing one highlights the bodies that
//! cite it.

use crate::tr;
use egui::{RichText, Ui};

use crate::i18n::article_label;
use crate::model::Document;
use crate::ui::action::Action;
use crate::ui::state::AppState;

use super::widgets::status_text;

pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    // A newly chosen article (a link in the side panel, say) is brought into view once: its
    // document opens and the list scrolls to it.
    let seen = egui::Id::new("article-brought-into-view");
    let fresh = state.article.is_some()
        && ui.data(|d| d.get_temp::<Option<(String, String)>>(seen)) != Some(state.article.clone());
    let code = state.settings.filters.lang.as_deref();
    let m = &state.model;
    for d in &state.model.atlas.documents {
        let holds_it = state.article.as_ref().is_some_and(|(doc, _)| *doc == d.id);
        // egui's collapsing header never wraps its title, which would widen the panel: a header
        // of our own whose title wraps.
        let id = ui.make_persistent_id(("document", &d.id));
        let mut section = egui::collapsing_header::CollapsingState::load_with_default_open(
            ui.ctx(),
            id,
            !d.articles.is_empty(),
        );
        if fresh && holds_it {
            section.set_open(true);
        }
        section
            .show_header(ui, |ui| {
                ui.label(RichText::new(format!("{} ({})", m.tr(code, &d.short), d.signed)).strong())
            })
            .body(|ui| document(ui, state, d, fresh, actions));
    }
    ui.data_mut(|d| d.insert_temp(seen, state.article.clone()));
}

fn document(ui: &mut Ui, state: &AppState, d: &Document, fresh: bool, actions: &mut Vec<Action>) {
    let l = super::widgets::lang(ui);
    let code = state.settings.filters.lang.as_deref();
    let m = &state.model;
    ui.label(RichText::new(m.tr(code, &d.title)).strong());
    let place = d
        .place
        .as_deref()
        .map(|p| format!(", {}", m.tr(code, p)))
        .unwrap_or_default();
    let in_force = d
        .in_force
        .as_deref()
        .map(|p| {
            tr!(
                l,
                "articles-in-force",
                date = crate::i18n::date_words_or_text(l, p)
            )
        })
        .unwrap_or_default();
    let signed = crate::i18n::date_words_or_text(l, &d.signed);
    let line = tr!(
        l,
        "articles-signed",
        date = signed,
        place = place,
        in_force = in_force
    );
    ui.label(RichText::new(line).weak());
    if !d.summary.is_empty() {
        ui.label(m.tr(code, &d.summary));
    }
    for a in &d.articles {
        let key = (d.id.clone(), a.number.clone());
        let chosen = state.article.as_ref() == Some(&key);
        let citing = state.model.citing(&d.id, &a.number);
        let label = format!(
            "{}: {} ({})",
            article_label(&a.number, code),
            m.tr(code, &a.topic),
            citing.len()
        );
        let r = ui.selectable_label(chosen, label).on_hover_ui(|ui| {
            ui.set_max_width(360.0);
            ui.label(m.tr(code, &a.paraphrase));
            ui.label(status_text(ui, a.status));
        });
        if r.clicked() {
            actions.push(Action::ChooseArticle((!chosen).then_some(key.clone())));
        }
        if chosen && fresh {
            r.scroll_to_me(Some(egui::Align::Center));
        }
        if chosen {
            ui.indent(("art", &d.id, &a.number), |ui| {
                ui.label(m.tr(code, &a.paraphrase));
                if let Some(note) = &a.note {
                    ui.label(RichText::new(m.tr(code, note)).weak().small());
                }
                ui.label(status_text(ui, a.status));
                for i in citing {
                    if ui.link(m.display_name(i, code).0).clicked() {
                        actions.push(Action::Select {
                            body: Some(i),
                            reveal: true,
                        });
                    }
                }
            });
        }
    }
}
