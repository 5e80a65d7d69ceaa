//! The members tab: each state's history with the organization.

use egui::{RichText, Ui};

use crate::ui::state::AppState;

use super::widgets::{claim_ui, status_text};

pub fn ui(ui: &mut Ui, state: &AppState) {
    for m in &state.model.atlas.members {
        egui::CollapsingHeader::new(&m.name)
            .id_salt(&m.id)
            .default_open(true)
            .show(ui, |ui| {
                for p in &m.periods {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!(
                            "{} – {}: {}",
                            p.from,
                            p.to.as_deref().unwrap_or("today"),
                            p.state.label()
                        ));
                        ui.label(status_text(p.status));
                    });
                    if let Some(note) = &p.note {
                        ui.label(RichText::new(note).weak().small());
                    }
                }
                for n in &m.notes {
                    claim_ui(ui, n);
                }
            });
    }
}
