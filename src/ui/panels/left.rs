//! The left panel: the search box and the tabs (outline, filters, articles, members).

use crate::tr;
use egui::{RichText, Ui};

use crate::ui::action::Action;
use crate::ui::settings::LeftTab;
use crate::ui::shortcuts::{self, Command};
use crate::ui::state::AppState;

use super::{articles, filters, members, outline};

/// How many search results the panel lists.
const MAX_RESULTS: usize = 8;

/// The search box and the tabs.
#[derive(Default)]
pub struct LeftPanel {
    /// Set by Ctrl+F: the search box takes the focus next frame.
    pub focus_search: bool,
    /// Set by Ctrl+G: the "as of" date field takes the focus next frame.
    pub focus_date: bool,
    /// The search result ↓ and ↑ have moved to (Enter picks it); the first, the best match,
    /// when `None`.
    cursor: Option<usize>,
}

impl LeftPanel {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let l = state.lang();
        egui::Panel::left("left")
            .resizable(true)
            .default_size(228.0)
            .min_size(180.0)
            .show(ui, |ui| {
                // The panel is as wide as the user made it: long text (a name in Russian, a
                // kind's plural) wraps instead of widening it.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                self.search_ui(ui, state, actions);
                ui.separator();
                // Tabs keep their words whole and flow onto a second row in a narrow panel.
                ui.horizontal_wrapped(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                    // No Articles or Members tab for an atlas with no documents or members.
                    let atlas = &state.model.atlas;
                    let tabs = [
                        (LeftTab::Outline, tr!(l, "tab-outline"), true),
                        (LeftTab::Filters, tr!(l, "tab-filters"), true),
                        (
                            LeftTab::Articles,
                            tr!(l, "tab-articles"),
                            !atlas.documents.is_empty(),
                        ),
                        (
                            LeftTab::Members,
                            tr!(l, "tab-members"),
                            !atlas.members.is_empty(),
                        ),
                    ];
                    for (tab, label, _) in tabs.into_iter().filter(|t| t.2) {
                        if ui
                            .selectable_label(state.settings.left_tab == tab, label)
                            .clicked()
                        {
                            actions.push(Action::SetLeftTab(tab));
                        }
                    }
                });
                ui.separator();
                // A tab the atlas has nothing for shows the outline instead.
                let atlas = &state.model.atlas;
                let tab = match state.settings.left_tab {
                    LeftTab::Articles if atlas.documents.is_empty() => LeftTab::Outline,
                    LeftTab::Members if atlas.members.is_empty() => LeftTab::Outline,
                    tab => tab,
                };
                // The outline scrolls itself: a long one lays out only the rows in view.
                if tab == LeftTab::Outline {
                    outline::ui(ui, state, actions);
                    return;
                }
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| match tab {
                        LeftTab::Outline => {}
                        LeftTab::Filters => {
                            let focus = std::mem::take(&mut self.focus_date);
                            filters::ui(ui, state, actions, focus);
                        }
                        LeftTab::Articles => articles::ui(ui, state, actions),
                        LeftTab::Members => members::ui(ui, state, actions),
                    });
            });
    }

    fn search_ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let l = state.lang();
        let mut query = state.search.clone();
        let key = shortcuts::label(ui.ctx(), Command::Search);
        let id = egui::Id::new("search-field");
        let shown = state.hits.len().min(MAX_RESULTS);
        // ↓ and ↑ walk the results while the field has the keyboard; the field never sees them.
        if ui.memory(|m| m.has_focus(id)) && shown > 0 {
            let (down, up) = ui.input_mut(|i| {
                (
                    i.count_and_consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                    i.count_and_consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                )
            });
            let at = self.cursor.unwrap_or(0) as i64 + down as i64 - up as i64;
            if down + up > 0 {
                self.cursor = Some(at.clamp(0, shown as i64 - 1) as usize);
            }
        }
        let edit = ui.add(
            egui::TextEdit::singleline(&mut query)
                .id(id)
                .hint_text(tr!(l, "search-hint", key = key))
                .desired_width(f32::INFINITY),
        );
        if std::mem::take(&mut self.focus_search) {
            edit.request_focus();
        }
        if query != state.search {
            self.cursor = None;
            actions.push(Action::SetSearch(query));
        }
        if edit.lost_focus() {
            let (enter, escape) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::Enter),
                    i.key_pressed(egui::Key::Escape),
                )
            });
            if enter {
                let pick = state.hits.get(self.cursor.unwrap_or(0)).map(|h| h.body);
                if let Some(body) = pick {
                    actions.push(Action::Select {
                        body: Some(body),
                        reveal: true,
                    });
                }
            } else if escape && !state.search.is_empty() {
                // The first Esc clears the query and its marks; the next, the selection.
                self.cursor = None;
                actions.push(Action::SetSearch(String::new()));
            }
        }
        if state.search.trim().is_empty() {
            return;
        }
        if state.hits.is_empty() {
            ui.label(RichText::new(tr!(l, "search-no-match")).weak());
        }
        let lang = state.settings.filters.lang.as_deref();
        for (n, hit) in state.hits.iter().take(MAX_RESULTS).enumerate() {
            let m = hit.body;
            let (title, detail) = result_text(state, hit, lang);
            let highlighted = self.cursor.unwrap_or(0) == n;
            let row = ui
                .selectable_label(highlighted, RichText::new(title))
                .on_hover_text(&detail);
            ui.label(RichText::new(detail).weak().small());
            if row.clicked() {
                actions.push(Action::Select {
                    body: Some(m),
                    reveal: true,
                });
            }
        }
    }
}

/// A search result's two lines: "CMD  Council of Ministers of Defence", then what tells it from
/// others of the same name: "statutory body · under the CSC", and the field that matched when it
/// is not the name.
fn result_text(state: &AppState, hit: &crate::search::Hit, lang: Option<&str>) -> (String, String) {
    use crate::search::Field;
    let m = &state.model;
    let l = state.lang();
    let (name, short, _) = m.display_name(hit.body, lang);
    // A sheet's second line (a position) first: it tells apart people of one name.
    let second = (m.atlas.meta.second_line.as_ref()).and_then(|f| m.body(hit.body).fields.get(f));
    let mut detail = match second {
        Some(s) => format!("{s} · {}", m.kind_name(hit.body, lang).to_lowercase()),
        None => m.kind_name(hit.body, lang).to_lowercase(),
    };
    match m.parent(hit.body) {
        Some(p) => detail.push_str(&tr!(l, "search-under", parent = m.display_name(p, lang).1)),
        None => detail.push_str(&tr!(l, "search-at-top")),
    }
    if !matches!(hit.field, Field::Name | Field::Short) {
        let field = crate::i18n::t(l, &format!("field-{}", hit.field.key()));
        detail.push_str(&tr!(l, "search-matched-in", field = field));
    }
    (format!("{short}  {name}"), detail)
}
