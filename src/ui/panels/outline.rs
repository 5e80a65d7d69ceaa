//! The outline tab: every drawn body, grouped by kind or as the tree. Also how screen readers
//! reach the bodies.
//!
//! The outline is one flat list of rows (headings and bodies), so that a long one lays out only
//! the rows in view: 20,000 bodies scroll as smoothly as 20. While a screen reader listens
//! (AccessKit is on) every row is laid out, so that it can reach every body.

use super::widgets::lang;
use crate::tr;
use std::collections::HashSet;

use egui::{Id, Ui};

use crate::model::{BodyIdx, BodyKind};
use crate::ui::action::Action;
use crate::ui::settings::OutlineMode;
use crate::ui::state::AppState;

/// Above this many rows, only those in view are laid out (each on one line, names cut with "…"
/// and whole on hover).
pub const VIRTUAL_ABOVE: usize = 300;

/// One line of the outline.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    /// A kind's heading with its count of drawn bodies.
    Kind(BodyKind, usize),
    /// A body, indented by its depth in the hierarchy (0 by kind); `open` when it has drawn
    /// subordinates, whether they are listed.
    Body {
        body: BodyIdx,
        depth: usize,
        open: Option<bool>,
    },
}

/// What the user closed: kinds and bodies, by key.
type Closed = HashSet<u64>;

fn kind_key(k: BodyKind) -> u64 {
    1 << 40 | u64::from(k.0)
}

fn body_key(b: BodyIdx) -> u64 {
    b.0 as u64
}

pub fn ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let l = lang(ui);
    ui.horizontal_wrapped(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        for (mode, label, tip) in [
            (
                OutlineMode::ByKind,
                tr!(l, "outline-by-kind"),
                tr!(l, "outline-by-kind-hint"),
            ),
            (
                OutlineMode::Hierarchy,
                tr!(l, "outline-hierarchy"),
                tr!(l, "outline-hierarchy-hint"),
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
    let memory = Id::new("outline-closed");
    let mut closed: Closed = ui.data(|d| d.get_temp(memory)).unwrap_or_default();
    let rows = match state.settings.outline {
        OutlineMode::ByKind => by_kind(state, &closed),
        OutlineMode::Hierarchy => hierarchy(state, &closed),
    };
    let screen_reader = ui.ctx().accesskit_node_builder(ui.id(), |_| ()).is_some();
    let scroll = egui::ScrollArea::vertical()
        .id_salt("outline")
        .auto_shrink([false, false]);
    let laid_out = if rows.len() <= VIRTUAL_ABOVE || screen_reader {
        scroll.show(ui, |ui| {
            for &r in &rows {
                row_ui(ui, state, r, false, &mut closed, actions);
            }
        });
        rows.len()
    } else {
        let height = ui.spacing().interact_size.y;
        let out = scroll.show_rows(ui, height, rows.len(), |ui, range| {
            for &r in &rows[range.clone()] {
                row_ui(ui, state, r, true, &mut closed, actions);
            }
            range.len()
        });
        out.inner
    };
    ui.data_mut(|d| {
        d.insert_temp(memory, closed);
        d.insert_temp(Id::new(ROWS_ID), (laid_out, rows.len()));
    });
}

/// The egui temp-data id under which each frame leaves `(rows laid out, rows in all)`: how a
/// test sees that a long outline is virtualised.
pub const ROWS_ID: &str = "outline-rows";

fn row_ui(
    ui: &mut Ui,
    state: &AppState,
    row: Row,
    one_line: bool,
    closed: &mut Closed,
    actions: &mut Vec<Action>,
) {
    let l = lang(ui);
    match row {
        Row::Kind(kind, count) => {
            let kinds = state.model.kinds();
            let lang = state.settings.filters.lang.as_deref();
            let open = !closed.contains(&kind_key(kind));
            let arrow = if open { "⏷" } else { "⏵" };
            let text = format!("{arrow} {} ({count})", kinds.plural_in(kind, lang));
            let r = ui
                .add(egui::Button::new(egui::RichText::new(text).strong()).frame(false))
                .on_hover_text(if open {
                    tr!(l, "outline-close-group")
                } else {
                    tr!(l, "outline-open-group")
                });
            if r.clicked() {
                toggle(closed, kind_key(kind));
            }
        }
        // Under a kind's heading (or an apex on its own): indented as under a heading.
        Row::Body {
            body,
            depth: 0,
            open: None,
        } => {
            ui.indent(("outline-row", body.0), |ui| {
                body_row(ui, state, body, one_line, actions)
            });
        }
        Row::Body { body, depth, open } => {
            ui.horizontal_top(|ui| {
                ui.add_space(depth as f32 * 14.0);
                match open {
                    Some(open) => {
                        let arrow = if open { "⏷" } else { "⏵" };
                        let tip = if open {
                            tr!(l, "outline-close-row")
                        } else {
                            tr!(l, "outline-open-row")
                        };
                        let folded = state.visible().folded[body.0] > 0;
                        let tip = if folded {
                            tr!(l, "outline-unfold-row")
                        } else {
                            tip
                        };
                        if ui.small_button(arrow).on_hover_text(tip).clicked() {
                            if folded {
                                actions.push(Action::ToggleFold(body));
                            } else {
                                toggle(closed, body_key(body));
                            }
                        }
                    }
                    None if depth > 0 => ui.add_space(18.0),
                    None => {}
                }
                // A column of its own, so that a long name wraps within the panel.
                ui.vertical(|ui| body_row(ui, state, body, one_line, actions));
            });
        }
    }
}

fn toggle(closed: &mut Closed, key: u64) {
    if !closed.remove(&key) {
        closed.insert(key);
    }
}

/// A body's row: its name, selectable, with its short name and kind on hover.
fn body_row(ui: &mut Ui, state: &AppState, i: BodyIdx, one_line: bool, actions: &mut Vec<Action>) {
    let b = state.model.body(i);
    let lang = state.settings.filters.lang.as_deref();
    let (name, short, fallback) = state.model.display_name(i, lang);
    let kind_name = state.model.kind_name(i, lang);
    let mut name = if fallback {
        format!("{name} [en]")
    } else {
        name
    };
    // A folded body says how many it stands for, as its box does.
    let beneath = state.visible().folded[i.0];
    if beneath > 0 {
        name.push_str(&format!("  +{beneath}"));
    }
    let mut button = egui::Button::selectable(state.selected == Some(i), name);
    if one_line {
        button = button.truncate();
    }
    let r = ui
        .add(button)
        .on_hover_text(format!("{short} · {} · {}", kind_name, b.name));
    if r.clicked() {
        actions.push(Action::Select {
            body: Some(i),
            reveal: true,
        });
    }
}

/// Headings by kind, each followed by its bodies in file order unless closed: the drawn ones and
/// those folded away (choosing one opens the folds above it).
fn by_kind(state: &AppState, closed: &Closed) -> Vec<Row> {
    let m = &state.model;
    let mut groups: Vec<Vec<BodyIdx>> = vec![Vec::new(); m.kinds().body_kinds().len()];
    for i in m.indices().filter(|&i| state.drawn_unfolded(i)) {
        groups[usize::from(m.kind_of(i).0)].push(i);
    }
    let mut rows = Vec::new();
    for (kind, bodies) in m.kinds().body_kinds().zip(groups) {
        if bodies.is_empty() {
            continue;
        }
        rows.push(Row::Kind(kind, bodies.len()));
        if !closed.contains(&kind_key(kind)) {
            rows.extend(bodies.into_iter().map(|body| Row::Body {
                body,
                depth: 0,
                open: None,
            }));
        }
    }
    rows
}

/// The drawn forest depth first: each body under the body it reports to (through hidden ones).
fn hierarchy(state: &AppState, closed: &Closed) -> Vec<Row> {
    let m = &state.model;
    let v = state.visible();
    let mut roots = Vec::new();
    let mut kids = vec![Vec::new(); m.len()];
    // Every body that folds hide too, each under its nearest listed ancestor.
    for i in m.indices().filter(|&i| state.drawn_unfolded(i)) {
        match m.nearest_ancestor(i, |p| state.drawn_unfolded(p)) {
            Some(p) => kids[p.0].push(i),
            None => roots.push(i),
        }
    }
    let mut rows = Vec::new();
    let mut stack: Vec<(BodyIdx, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
    while let Some((body, depth)) = stack.pop() {
        let children = &kids[body.0];
        // A body folded on the chart is a closed row, as on the chart.
        let open = !closed.contains(&body_key(body)) && v.folded[body.0] == 0;
        rows.push(Row::Body {
            body,
            depth,
            open: (!children.is_empty()).then_some(open),
        });
        if open {
            stack.extend(children.iter().rev().map(|&c| (c, depth + 1)));
        }
    }
    rows
}
