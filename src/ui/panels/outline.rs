//! The outline tab: every drawn body, grouped by kind. Also how screen readers reach the bodies.

use egui::Ui;

use crate::model::{BodyIdx, BodyKind};
use crate::ui::action::Action;
use crate::ui::state::AppState;

pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let m = &state.model;
    for &kind in BodyKind::ALL {
        let bodies: Vec<BodyIdx> = m
            .indices()
            .filter(|&i| m.body(i).kind == kind && state.visible().is_drawn(i))
            .collect();
        if bodies.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(format!("{} ({})", kind.plural(), bodies.len()))
            .default_open(true)
            .show(ui, |ui| {
                for i in bodies {
                    let b = m.body(i);
                    let r = ui
                        .selectable_label(state.selected == Some(i), &b.name)
                        .on_hover_text(format!("{} · {}", b.short, b.kind.label()));
                    if r.clicked() {
                        actions.push(Action::Select {
                            body: Some(i),
                            reveal: true,
                        });
                    }
                }
            });
    }
}
