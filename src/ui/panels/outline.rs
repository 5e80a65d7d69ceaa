//! The outline tab: every drawn body, grouped by kind or as the tree. Also how screen readers
//! reach the bodies.

use egui::Ui;

use crate::model::BodyIdx;
use crate::ui::action::Action;
use crate::ui::settings::OutlineMode;
use crate::ui::state::AppState;

pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        for (mode, label, tip) in [
            (
                OutlineMode::ByKind,
                "By kind",
                "Bodies under headings by kind",
            ),
            (
                OutlineMode::Hierarchy,
                "Hierarchy",
                "Each body under the body it reports to",
            ),
        ] {
            if ui
                .selectable_label(state.settings.outline == mode, label)
                .on_hover_text(tip)
                .clicked()
            {
                actions.push(Action::SetOutlineMode(mode));
            }
        }
    });
    match state.settings.outline {
        OutlineMode::ByKind => by_kind(ui, state, actions),
        OutlineMode::Hierarchy => {
            let (roots, kids) = drawn_tree(state);
            for r in roots {
                tree(ui, state, &kids, r, actions);
            }
        }
    }
}

/// A body's row: its name, selectable, with its short name and kind on hover.
fn row(ui: &mut Ui, state: &AppState, i: BodyIdx, actions: &mut Vec<Action>) {
    let b = state.model.body(i);
    let lang = state.settings.filters.lang.as_deref();
    let (name, short, fallback) = state.model.display_name(i, lang);
    let kind_name = state.model.kinds().name_in(state.model.kind_of(i), lang);
    let name = if fallback {
        format!("{name} [en]")
    } else {
        name
    };
    let r = ui
        .selectable_label(state.selected == Some(i), name)
        .on_hover_text(format!("{short} · {} · {}", kind_name, b.name));
    if r.clicked() {
        actions.push(Action::Select {
            body: Some(i),
            reveal: true,
        });
    }
}

fn by_kind(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let m = &state.model;
    let kinds = m.kinds();
    let lang = state.settings.filters.lang.as_deref();
    for kind in kinds.body_kinds() {
        let bodies: Vec<BodyIdx> = m
            .indices()
            .filter(|&i| m.kind_of(i) == kind && state.visible().is_drawn(i))
            .collect();
        if bodies.is_empty() {
            continue;
        }
        let heading = format!("{} ({})", kinds.plural_in(kind, lang), bodies.len());
        egui::CollapsingHeader::new(heading)
            .default_open(true)
            .show(ui, |ui| {
                for i in bodies {
                    row(ui, state, i, actions);
                }
            });
    }
}

/// The drawn forest: its apexes, and each body's drawn subordinates (through hidden ones).
fn drawn_tree(state: &AppState) -> (Vec<BodyIdx>, Vec<Vec<BodyIdx>>) {
    let v = state.visible();
    let mut roots = Vec::new();
    let mut kids = vec![Vec::new(); state.model.len()];
    for i in state.model.indices().filter(|&i| v.is_drawn(i)) {
        match v.drawn_parent(&state.model, i) {
            Some(p) => kids[p.0].push(i),
            None => roots.push(i),
        }
    }
    (roots, kids)
}

fn tree(
    ui: &mut Ui,
    state: &AppState,
    kids: &[Vec<BodyIdx>],
    i: BodyIdx,
    actions: &mut Vec<Action>,
) {
    let children = &kids[i.0];
    if children.is_empty() {
        row(ui, state, i, actions);
        return;
    }
    let id = ui.make_persistent_id(("outline-tree", i.0));
    egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, true)
        .show_header(ui, |ui| row(ui, state, i, actions))
        .body(|ui| {
            for &c in children {
                tree(ui, state, kids, c, actions);
            }
        });
}
