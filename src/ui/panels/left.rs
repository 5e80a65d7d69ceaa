//! The left panel: the search box and the tabs (outline, filters, articles, members).

use egui::{RichText, Ui};

use crate::ui::action::Action;
use crate::ui::settings::LeftTab;
use crate::ui::shortcuts::{self, Command};
use crate::ui::state::AppState;

use super::{articles, filters, members, outline};

/// The search box and the tabs.
#[derive(Default)]
pub struct LeftPanel {
    /// Set by Ctrl+F: the search box takes the focus next frame.
    pub focus_search: bool,
}

impl LeftPanel {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        egui::Panel::left("left")
            .resizable(true)
            .default_size(210.0)
            .min_size(180.0)
            .show(ui, |ui| {
                self.search_ui(ui, state, actions);
                ui.separator();
                ui.horizontal(|ui| {
                    for (tab, label) in [
                        (LeftTab::Outline, "Outline"),
                        (LeftTab::Filters, "Filters"),
                        (LeftTab::Articles, "Articles"),
                        (LeftTab::Members, "Members"),
                    ] {
                        if ui
                            .selectable_label(state.settings.left_tab == tab, label)
                            .clicked()
                        {
                            actions.push(Action::SetLeftTab(tab));
                        }
                    }
                });
                ui.separator();
                // The outline scrolls itself: a long one lays out only the rows in view.
                if state.settings.left_tab == LeftTab::Outline {
                    outline::ui(ui, state, actions);
                    return;
                }
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| match state.settings.left_tab {
                        LeftTab::Outline => {}
                        LeftTab::Filters => filters::ui(ui, state, actions),
                        LeftTab::Articles => articles::ui(ui, state, actions),
                        LeftTab::Members => members::ui(ui, state),
                    });
            });
    }

    fn search_ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        let mut query = state.search.clone();
        let key = shortcuts::label(ui.ctx(), Command::Search);
        let edit = ui.add(
            egui::TextEdit::singleline(&mut query)
                .hint_text(format!("Search bodies ({key})"))
                .desired_width(f32::INFINITY),
        );
        if std::mem::take(&mut self.focus_search) {
            edit.request_focus();
        }
        if query != state.search {
            actions.push(Action::SetSearch(query));
        }
        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            if let Some(&first) = state.matches.first() {
                actions.push(Action::Select {
                    body: Some(first),
                    reveal: true,
                });
            }
        }
        if state.search.trim().is_empty() {
            return;
        }
        if state.matches.is_empty() {
            ui.label(RichText::new("No match").weak());
        }
        for &m in state.matches.iter().take(8) {
            let b = state.model.body(m);
            let label = format!("{}  {}", b.short, b.name);
            if ui
                .selectable_label(state.selected == Some(m), label)
                .clicked()
            {
                actions.push(Action::Select {
                    body: Some(m),
                    reveal: true,
                });
            }
        }
    }
}
