//! The members tab: each state's history with the organization.

use crate::tr;
use egui::{RichText, Ui};

use crate::ui::action::Action;
use crate::ui::state::AppState;

use super::widgets::{claim_ui, status_text, Citations, TAG_SIZE};

pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let l = super::widgets::lang(ui);
    let lang = state.settings.filters.lang.as_deref();
    for (i, m) in state.model.atlas.members.iter().enumerate() {
        let mut cites =
            Citations::new(&state.model, state.cite_style(), ("member", &m.id)).in_lang(lang);
        for p in &m.periods {
            cites.add_ids(&p.sources);
            if let Some(note) = &p.note {
                cites.add_named(note);
            }
        }
        for n in &m.notes {
            cites.add_ids(&n.sources);
            cites.add_named(&n.text);
            if let Some(note) = &n.note {
                cites.add_named(note);
            }
        }
        cites.add_ids(&m.sources);
        egui::CollapsingHeader::new(state.model.member_name(i, lang))
            .id_salt(&m.id)
            .default_open(true)
            .show(ui, |ui| {
                for p in &m.periods {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!(
                            "{} – {}: {}",
                            crate::i18n::date_words_or_text(l, &p.from),
                            p.to.as_deref().map_or_else(
                                || tr!(l, "members-today"),
                                |d| crate::i18n::date_words_or_text(l, d)
                            ),
                            crate::i18n::t(l, &format!("state-{}", p.state.key()))
                        ));
                        ui.label(status_text(ui, p.status));
                        cites.keys_ui(ui, &p.sources);
                    });
                    if let Some(note) = &p.note {
                        ui.label(RichText::new(cites.prose(note)).weak().size(TAG_SIZE));
                    }
                }
                for n in &m.notes {
                    claim_ui(ui, n, &cites);
                }
                ui.collapsing(tr!(l, "details-sources"), |ui| cites.list_ui(ui, actions));
            });
    }
}
