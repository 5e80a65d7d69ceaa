//! The articles tab: the documents and their articles. Choosing one highlights the bodies that
//! cite it.

use egui::{RichText, Ui};

use crate::model::{article_label, Document};
use crate::ui::action::Action;
use crate::ui::state::AppState;

use super::widgets::status_text;

pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    for d in &state.model.atlas.documents {
        egui::CollapsingHeader::new(format!("{} ({})", d.short, d.signed))
            .id_salt(&d.id)
            .default_open(!d.articles.is_empty())
            .show(ui, |ui| document(ui, state, d, actions));
    }
}

fn document(ui: &mut Ui, state: &AppState, d: &Document, actions: &mut Vec<Action>) {
    ui.label(RichText::new(&d.title).strong());
    let place = d
        .place
        .as_deref()
        .map(|p| format!(", {p}"))
        .unwrap_or_default();
    let in_force = d
        .in_force
        .as_deref()
        .map(|p| format!("; in force {p}"))
        .unwrap_or_default();
    ui.label(RichText::new(format!("Signed {}{place}{in_force}", d.signed)).weak());
    if !d.summary.is_empty() {
        ui.label(&d.summary);
    }
    for a in &d.articles {
        let key = (d.id.clone(), a.number.clone());
        let chosen = state.article.as_ref() == Some(&key);
        let citing = state.model.citing(&d.id, &a.number);
        let label = format!(
            "{}: {} ({})",
            article_label(&a.number),
            a.topic,
            citing.len()
        );
        let r = ui.selectable_label(chosen, label).on_hover_ui(|ui| {
            ui.set_max_width(360.0);
            ui.label(&a.paraphrase);
            ui.label(status_text(a.status));
        });
        if r.clicked() {
            actions.push(Action::ChooseArticle((!chosen).then_some(key.clone())));
        }
        if chosen {
            ui.indent(("art", &d.id, &a.number), |ui| {
                ui.label(&a.paraphrase);
                ui.label(status_text(a.status));
                for i in citing {
                    if ui.link(&state.model.body(i).name).clicked() {
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
