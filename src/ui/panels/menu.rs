//! The menu bar: File, View, Help. Items show their shortcut from the one shortcut table.

use egui::{ThemePreference, Ui};

use crate::layout::Orientation;
use crate::ui::action::Action;
use crate::ui::shortcuts::{self, Command};
use crate::ui::state::AppState;
use crate::view::RelationsShown;

/// The menu bar.
#[derive(Default)]
pub struct MenuBar;

/// A menu button that runs `command`, with its shortcut beside it.
fn item(ui: &mut Ui, text: &str, command: Command, actions: &mut Vec<Action>) -> egui::Response {
    let shortcut = shortcuts::label(ui.ctx(), command);
    let r = ui.add(egui::Button::new(text).shortcut_text(shortcut));
    if r.clicked() {
        actions.push(Action::Run(command));
    }
    r
}

impl MenuBar {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    item(ui, "Open atlas…", Command::Open, actions);
                    item(ui, "Export…", Command::Export, actions);
                    item(ui, "Copy image", Command::CopyImage, actions)
                        .on_hover_text("The whole chart as shown, to the clipboard");
                    ui.separator();
                    item(ui, "Quit", Command::Quit, actions);
                });
                ui.menu_button("View", |ui| view_menu(ui, state, actions));
                ui.menu_button("Help", |ui| {
                    item(ui, "Cite this view", Command::CiteView, actions).on_hover_text(
                        "Copy a citation of this view, and the command line that reopens it, \
                         for a figure in a paper",
                    );
                    ui.separator();
                    help(ui);
                    ui.separator();
                    item(ui, "About CSTO Atlas", Command::About, actions)
                        .on_hover_text("Version, data edition and licence");
                });
            });
        });
    }
}

fn view_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    item(ui, "Fit all", Command::FitAll, actions);
    item(ui, "Centre on selection", Command::CentreSelection, actions);
    item(ui, "Zoom in", Command::ZoomIn, actions);
    item(ui, "Zoom out", Command::ZoomOut, actions);
    item(ui, "Reset view", Command::ResetView, actions);
    item(ui, "Go to date…", Command::GoToDate, actions)
        .on_hover_text("Type the date to show the organization at");
    ui.separator();
    let lr = state.settings.orientation == Orientation::LeftRight;
    let shortcut = shortcuts::label(ui.ctx(), Command::ToggleOrientation);
    if ui
        .add(egui::Button::selectable(lr, "Left to right").shortcut_text(shortcut))
        .clicked()
    {
        actions.push(Action::Run(Command::ToggleOrientation));
    }
    let mut overview = state.minimap_shown();
    if ui
        .checkbox(&mut overview, "Overview")
        .on_hover_text("The whole chart small in a corner: click or drag on it to move")
        .changed()
    {
        actions.push(Action::SetMinimap(overview));
    }
    ui.menu_button("Fold", |ui| {
        item(
            ui,
            "Fold or unfold the selection",
            Command::ToggleFold,
            actions,
        );
        ui.separator();
        if ui.button("Expand all").clicked() {
            actions.push(Action::ExpandTo(None));
        }
        // Levels of the tree as the other filters show it, folds undone.
        let open = state.settings.filters.unfolded();
        let presence = crate::view::visible(&state.model, &open).bodies;
        let deepest = crate::view::fold::max_depth(&state.model, &presence).max(1);
        for level in 0..deepest.min(6) {
            let label = match level {
                0 => "Only the apexes".to_owned(),
                n => format!("Expand to level {n}"),
            };
            if ui.button(label).clicked() {
                actions.push(Action::ExpandTo(Some(level)));
            }
        }
    });
    let mut showcase = state.settings.filters.showcase;
    if ui
        .checkbox(&mut showcase, "Showcase: fade filtered bodies")
        .changed()
    {
        let mut filters = state.settings.filters.clone();
        filters.showcase = showcase;
        actions.push(Action::SetFilters(filters));
    }
    ui.separator();
    ui.label("Relations");
    for which in RelationsShown::ALL {
        if ui
            .radio(state.settings.filters.relations == which, which.label())
            .clicked()
        {
            let mut filters = state.settings.filters.clone();
            filters.relations = which;
            actions.push(Action::SetFilters(filters));
        }
    }
    ui.separator();
    ui.label("Names");
    let languages = std::iter::once(None).chain(state.model.languages().into_iter().map(Some));
    for lang in languages {
        let label = language_label(lang);
        if ui
            .radio(state.settings.filters.lang.as_deref() == lang, label)
            .clicked()
        {
            let mut filters = state.settings.filters.clone();
            filters.lang = lang.map(String::from);
            actions.push(Action::SetFilters(filters));
        }
    }
    ui.menu_button("Citation style", |ui| {
        let default = crate::biblio::Style::for_lang(state.settings.filters.lang.as_deref());
        if ui
            .radio(
                state.settings.cite_style.is_none(),
                format!("As the names' language ({})", default.label()),
            )
            .on_hover_text("GOST R 7.0.5-2008 with Russian names, APA otherwise")
            .clicked()
        {
            actions.push(Action::SetCiteStyle(None));
        }
        for style in crate::biblio::Style::ALL {
            if ui
                .radio(state.settings.cite_style == Some(style), style.label())
                .clicked()
            {
                actions.push(Action::SetCiteStyle(Some(style)));
            }
        }
    });
    ui.separator();
    ui.label("Theme");
    for (preference, label) in [
        (ThemePreference::System, "Follow the system"),
        (ThemePreference::Light, "Light"),
        (ThemePreference::Dark, "Dark"),
    ] {
        if ui
            .radio(state.settings.theme == preference, label)
            .clicked()
        {
            actions.push(Action::SetTheme(preference));
        }
    }
}

fn help(ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    let key = |c| shortcuts::label(&ctx, c);
    ui.label(format!(
        "Mouse: drag to pan, wheel to zoom, click a body to read about it.\n\
         {} fit all · {} centre · {} {} zoom · {} reset · {} orientation\n\
         Arrows: the nearest box that way · Enter centre · Space fold · {} clear the search,\n\
         then the selection · Tab moves between the panels' controls and the chart\n\
         {} search (↓ ↑ walk the results) · {} go to date · {} export · {} copy image · {} open",
        key(Command::FitAll),
        key(Command::CentreSelection),
        key(Command::ZoomIn),
        key(Command::ZoomOut),
        key(Command::ResetView),
        key(Command::ToggleOrientation),
        key(Command::ClearSelection),
        key(Command::Search),
        key(Command::GoToDate),
        key(Command::Export),
        key(Command::CopyImage),
        key(Command::Open),
    ));
}

/// A language as the Names menu offers it: its own name and the English one where known.
fn language_label(code: Option<&str>) -> String {
    let known = match code {
        None => return "English".into(),
        Some("ru") => "Русский (Russian)",
        Some("fr") => "Français (French)",
        Some("es") => "Español (Spanish)",
        Some("ar") => "العربية (Arabic)",
        Some("zh") => "中文 (Chinese)",
        Some("de") => "Deutsch (German)",
        Some("kk") => "Қазақ (Kazakh)",
        Some("hy") => "Հայերեն (Armenian)",
        Some("be") => "Беларуская (Belarusian)",
        Some("ky") => "Кыргызча (Kyrgyz)",
        Some("tg") => "Тоҷикӣ (Tajik)",
        Some(other) => return other.to_owned(),
    };
    known.to_owned()
}
