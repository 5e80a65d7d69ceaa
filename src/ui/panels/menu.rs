//! The menu bar: File, View, Help. Items show their shortcut from the one shortcut table.

use egui::{ThemePreference, Ui};

use crate::i18n::Lang;
use crate::layout::Orientation;
use crate::tr;
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
        let l = state.lang();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(tr!(l, "menu-file"), |ui| {
                    item(ui, &tr!(l, "menu-open"), Command::Open, actions);
                    let sheet = (state.source.as_ref())
                        .is_some_and(|p| crate::model::sheet::is_sheet(&p.display().to_string()));
                    if ui
                        .add_enabled(sheet, egui::Button::new(tr!(l, "menu-import-settings")))
                        .on_hover_text(tr!(l, "menu-import-settings-hint"))
                        .on_disabled_hover_text(tr!(l, "menu-import-settings-none"))
                        .clicked()
                    {
                        actions.push(Action::ImportSettings);
                    }
                    item(ui, &tr!(l, "menu-export"), Command::Export, actions);
                    item(ui, &tr!(l, "menu-copy-image"), Command::CopyImage, actions)
                        .on_hover_text(tr!(l, "menu-copy-image-hint"));
                    ui.separator();
                    item(ui, &tr!(l, "menu-quit"), Command::Quit, actions);
                });
                ui.menu_button(tr!(l, "menu-view"), |ui| view_menu(ui, state, actions));
                ui.menu_button(tr!(l, "menu-help"), |ui| {
                    item(ui, &tr!(l, "menu-cite-view"), Command::CiteView, actions)
                        .on_hover_text(tr!(l, "menu-cite-view-hint"));
                    ui.separator();
                    help(ui, l);
                    ui.separator();
                    item(ui, &tr!(l, "menu-about"), Command::About, actions)
                        .on_hover_text(tr!(l, "menu-about-hint"));
                });
            });
        });
    }
}

fn view_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let l = state.lang();
    item(ui, &tr!(l, "menu-fit-all"), Command::FitAll, actions);
    item(
        ui,
        &tr!(l, "menu-centre"),
        Command::CentreSelection,
        actions,
    );
    item(ui, &tr!(l, "menu-zoom-in"), Command::ZoomIn, actions);
    item(ui, &tr!(l, "menu-zoom-out"), Command::ZoomOut, actions);
    item(ui, &tr!(l, "menu-reset-view"), Command::ResetView, actions);
    item(ui, &tr!(l, "menu-go-to-date"), Command::GoToDate, actions)
        .on_hover_text(tr!(l, "menu-go-to-date-hint"));
    ui.separator();
    let lr = state.settings.orientation == Orientation::LeftRight;
    let shortcut = shortcuts::label(ui.ctx(), Command::ToggleOrientation);
    if ui
        .add(egui::Button::selectable(lr, tr!(l, "menu-left-to-right")).shortcut_text(shortcut))
        .clicked()
    {
        actions.push(Action::Run(Command::ToggleOrientation));
    }
    let mut overview = state.minimap_shown();
    if ui
        .checkbox(&mut overview, tr!(l, "menu-overview"))
        .on_hover_text(tr!(l, "menu-overview-hint"))
        .changed()
    {
        actions.push(Action::SetMinimap(overview));
    }
    fold_menu(ui, state, actions);
    let mut showcase = state.settings.filters.showcase;
    if ui
        .checkbox(&mut showcase, tr!(l, "menu-showcase"))
        .changed()
    {
        let mut filters = state.settings.filters.clone();
        filters.showcase = showcase;
        actions.push(Action::SetFilters(filters));
    }
    ui.separator();
    ui.label(tr!(l, "menu-relations"));
    for which in RelationsShown::ALL {
        if ui
            .radio(state.settings.filters.relations == which, which.label_in(l))
            .clicked()
        {
            let mut filters = state.settings.filters.clone();
            filters.relations = which;
            actions.push(Action::SetFilters(filters));
        }
    }
    names_menu(ui, state, actions);
    ui.separator();
    ui.label(tr!(l, "menu-theme"));
    for (preference, label) in [
        (ThemePreference::System, &tr!(l, "menu-theme-system")),
        (ThemePreference::Light, &tr!(l, "menu-theme-light")),
        (ThemePreference::Dark, &tr!(l, "menu-theme-dark")),
    ] {
        if ui
            .radio(state.settings.theme == preference, label)
            .clicked()
        {
            actions.push(Action::SetTheme(preference));
        }
    }
}

fn fold_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let l = state.lang();
    ui.menu_button(tr!(l, "menu-fold"), |ui| {
        item(
            ui,
            &tr!(l, "menu-fold-selection"),
            Command::ToggleFold,
            actions,
        );
        ui.separator();
        if ui.button(tr!(l, "menu-expand-all")).clicked() {
            actions.push(Action::ExpandTo(None));
        }
        // Levels of the tree as the other filters show it, folds undone.
        let open = state.settings.filters.unfolded();
        let presence = crate::view::visible(&state.model, &open).bodies;
        let deepest = crate::view::fold::max_depth(&state.model, &presence).max(1);
        for level in 0..deepest.min(6) {
            let label = match level {
                0 => tr!(l, "menu-only-apexes"),
                n => tr!(l, "menu-expand-to", level = n),
            };
            if ui.button(label).clicked() {
                actions.push(Action::ExpandTo(Some(level)));
            }
        }
    });
}

/// The language of names and the citation style.
fn names_menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let l = state.lang();
    ui.separator();
    ui.label(tr!(l, "menu-names"));
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
    ui.menu_button(tr!(l, "menu-cite-style"), |ui| {
        let default = crate::biblio::Style::for_lang(state.settings.filters.lang.as_deref());
        if ui
            .radio(
                state.settings.cite_style.is_none(),
                tr!(l, "menu-cite-style-default", style = default.label()),
            )
            .on_hover_text(tr!(l, "menu-cite-style-hint"))
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
}

fn help(ui: &mut Ui, l: Lang) {
    let ctx = ui.ctx().clone();
    let key = |c| shortcuts::label(&ctx, c);
    ui.label(tr!(
        l,
        "help-keys",
        fit = key(Command::FitAll),
        centre = key(Command::CentreSelection),
        zoom_in = key(Command::ZoomIn),
        zoom_out = key(Command::ZoomOut),
        reset = key(Command::ResetView),
        orientation = key(Command::ToggleOrientation),
        clear = key(Command::ClearSelection),
        search = key(Command::Search),
        date = key(Command::GoToDate),
        export = key(Command::Export),
        copy = key(Command::CopyImage),
        open = key(Command::Open),
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
