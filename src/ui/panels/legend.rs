//! The bar under the chart: the legend of what is drawn, and the member states at the date.

use crate::tr;
use egui::{Color32, RichText, Ui};

use crate::history;
use crate::model::MemberState;
use crate::scene::{self, Swatch};
use crate::ui::action::Action;
use crate::ui::chart::{badge_shapes, box_shapes, ToScreen};
use crate::ui::state::AppState;
use crate::view::{self, Filters};

use super::widgets;

/// The legend and members strip.
#[derive(Default)]
pub struct LegendBar;

/// A line swatch and its label.
fn line(ui: &mut Ui, color: Color32, dash: Option<[f32; 4]>, label: egui::WidgetText) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
    let pts = [rect.left_center(), rect.right_center()];
    let stroke = egui::Stroke::new(1.6, color);
    match dash {
        Some([d1, g1, d2, g2]) => {
            let shapes =
                egui::Shape::dashed_line_with_offset(&pts, stroke, &[d1, d2], &[g1, g2], 0.0);
            ui.painter().extend(shapes);
        }
        None => {
            ui.painter().line_segment(pts, stroke);
        }
    }
    ui.label(label);
}

impl LegendBar {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        egui::Panel::bottom("legend").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| legend(ui, state, actions));
            if !state.model.atlas.members.is_empty() {
                ui.horizontal_wrapped(|ui| members(ui, state));
            }
        });
    }
}

/// What a click on a kind's legend entry does: fade the other kinds, then hide them, then show
/// every kind again.
fn toggled(filters: &Filters, all: &[String], kind: &str) -> Filters {
    let others: Vec<String> = all.iter().filter(|k| *k != kind).cloned().collect();
    let mut f = filters.clone();
    // The kind alone is shown: the others, and only they, are hidden.
    let alone =
        f.hidden_kinds.len() == others.len() && others.iter().all(|o| f.hidden_kinds.contains(o));
    match (alone, f.showcase) {
        (true, true) => f.showcase = false,
        (true, false) => f.hidden_kinds.clear(),
        (false, _) => {
            f.hidden_kinds = others;
            f.showcase = true;
        }
    }
    f
}

fn legend(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let theme = widgets::theme(ui);
    let shown = state.settings.filters.relations;
    let lang = state.settings.filters.lang.as_deref();
    let kinds = state.model.kinds();
    let all: Vec<String> = kinds
        .body_kinds()
        .map(|k| kinds.body(k).id.clone())
        .collect();
    // The legend lists the drawn kinds first, in this order; those past the palette share
    // the last kind entry ("other kinds"), which filters nothing by itself.
    let drawn_kinds: Vec<_> = (state.scene().body_kinds().into_iter())
        .filter(|&k| !kinds.is_other(k))
        .collect();
    let entries = scene::legend(state.scene(), &state.marks(), theme, shown, lang);
    for (i, (swatch, label)) in entries.into_iter().enumerate() {
        // An entry is its swatch and its label together: when the pair does not fit on the
        // row, both start the next one (never a swatch at a row's end and its label below).
        let galley = egui::WidgetText::from(label).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        );
        let needed = 26.0 + 2.0 * ui.spacing().item_spacing.x + galley.size().x;
        if needed > ui.available_size_before_wrap().x {
            ui.end_row();
        }
        let label = egui::WidgetText::from(galley);
        match swatch {
            Swatch::Kind(fill, accent, outline) => {
                widgets::swatch(ui, egui::vec2(22.0, 12.0), fill, accent, outline);
                let clicked = ui
                    .add(egui::Label::new(label).sense(egui::Sense::click()))
                    .on_hover_text(tr!(widgets::lang(ui), "legend-kind-hint"))
                    .clicked();
                if let (true, Some(&k)) = (clicked, drawn_kinds.get(i)) {
                    let id = &kinds.body(k).id;
                    actions.push(Action::SetFilters(toggled(
                        &state.settings.filters,
                        &all,
                        id,
                    )));
                }
            }
            Swatch::Line { color, dash } => line(ui, color, dash, label),
            Swatch::Mark(look) => {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(26.0, 14.0), egui::Sense::hover());
                let pos = |p: egui::Pos2| p;
                let to = ToScreen {
                    pos: &pos,
                    zoom: 1.0,
                };
                ui.painter()
                    .extend(box_shapes(&to, rect.shrink(3.0), &look));
                ui.label(label);
            }
            Swatch::Marker(c) => {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(26.0, 14.0), egui::Sense::hover());
                let pos = |p: egui::Pos2| p + rect.center().to_vec2();
                ui.painter().line_segment(
                    [rect.left_center(), rect.right_center()],
                    egui::Stroke::new(1.3, c),
                );
                ui.painter().add(egui::Shape::convex_polygon(
                    scene::marker_points(egui::Pos2::ZERO).map(pos).to_vec(),
                    c,
                    egui::Stroke::new(1.0, Color32::WHITE),
                ));
                ui.label(label);
            }
            Swatch::Badge(b) => {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(26.0, 14.0), egui::Sense::hover());
                let pos = |p: egui::Pos2| p + rect.min.to_vec2();
                let to = ToScreen {
                    pos: &pos,
                    zoom: 1.0,
                };
                let look = scene::BoxLook {
                    badges: vec![b],
                    ..look_none()
                };
                ui.painter().extend(badge_shapes(&to, &look, ui.painter()));
                ui.label(label);
            }
        }
    }
}

fn members(ui: &mut Ui, state: &AppState) {
    let date = state.date();
    let l = state.lang();
    let lang = state.settings.filters.lang.as_deref();
    let words = |d: crate::model::Date| crate::i18n::date_words(l, d);
    if let Some(from) = state.settings.filters.compare {
        let changes = history::changes(&state.model, from, date);
        let heading = tr!(l, "members-compare", from = words(from), to = words(date));
        ui.label(RichText::new(heading).strong());
        if changes.members.is_empty() {
            ui.label(tr!(l, "members-no-change"));
        }
        for c in changes.members {
            let name = state.model.member_name(c.member, lang);
            let verb = crate::i18n::t(l, c.verb_key());
            ui.label(format!("{name} {verb}"));
        }
        return;
    }
    let states = view::members_at(&state.model, date);
    let heading = view::members_heading(&states, l);
    let on = tr!(l, "members-on", heading = heading, date = words(date));
    ui.label(RichText::new(on).strong());
    for (i, member_state) in states {
        let name = state.model.member_name(i, lang);
        let label = crate::i18n::t(l, &format!("state-{}", member_state.key()));
        match member_state {
            MemberState::Member => {
                ui.label(name);
            }
            MemberState::TreatyParty => {
                ui.label(name).on_hover_text(tr!(l, "members-party-hint"));
            }
            MemberState::Signatory => {
                ui.label(RichText::new(format!("{name} ({label})")).italics())
                    .on_hover_text(tr!(l, "members-signatory-hint"));
            }
            _ => {
                ui.label(RichText::new(format!("{name} ({label})")).italics())
                    .on_hover_text(tr!(l, "members-still-member-hint"));
            }
        }
    }
}

/// A look that draws nothing but what is set on it.
fn look_none() -> scene::BoxLook {
    scene::BoxLook {
        fill: Color32::TRANSPARENT,
        stroke: Color32::TRANSPARENT,
        width: 0.0,
        radius: 0.0,
        dashed: false,
        halo: None,
        ring: None,
        underline: None,
        badges: Vec::new(),
        text: Vec::new(),
    }
}
