//! What the window remembers between runs, and a corrupt saved state ignored without a crash.

use std::collections::HashMap;

use csto_atlas::layout::Orientation;
use csto_atlas::model;
use csto_atlas::ui::{load_settings, Action, AtlasApp, Command, Settings};

#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn selection_filters_orientation_and_theme_survive_a_restart() {
    let mut app = AtlasApp::new(model::load_embedded().unwrap(), None, Settings::default());
    let cssc = app.model().index_of("cssc");
    app.apply(Action::Select {
        body: cssc,
        reveal: false,
    });
    app.apply(Action::SetTheme(egui::ThemePreference::Dark));
    let mut filters = app.settings().filters.clone();
    filters.as_of = csto_atlas::model::Date::parse("2010-01-01");
    app.apply(Action::SetFilters(filters));
    app.apply(Action::Run(Command::ToggleOrientation));
    let mut storage = MemoryStorage::default();
    eframe::App::save(&mut app, &mut storage);

    let settings = load_settings(&storage);
    assert_eq!(settings, app.settings_to_save());
    assert_eq!(settings.theme, egui::ThemePreference::Dark);
    let again = AtlasApp::new(model::load_embedded().unwrap(), None, settings);
    assert_eq!(
        again.selected().map(|i| again.model().body(i).id.as_str()),
        Some("cssc")
    );
    assert_eq!(again.settings().orientation, Orientation::LeftRight);
    assert_eq!(
        again.settings().filters.as_of,
        csto_atlas::model::Date::parse("2010-01-01")
    );
}

#[test]
fn a_corrupt_saved_state_is_ignored() {
    let mut storage = MemoryStorage::default();
    for junk in ["(((", "Settings(filters: 42)", "\u{0}\u{1}", ""] {
        eframe::Storage::set_string(&mut storage, "csto-atlas-settings", junk.to_owned());
        assert_eq!(load_settings(&storage), Settings::default(), "{junk:?}");
    }
    // A saved selection or focus that this atlas does not have is dropped, not a crash.
    let settings = Settings {
        selected: Some("no-such-body".into()),
        filters: csto_atlas::view::Filters {
            focus: Some("gone".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let app = AtlasApp::new(model::load_embedded().unwrap(), None, settings);
    assert_eq!(app.selected(), None);
    assert_eq!(app.settings().filters.focus, None);
}
