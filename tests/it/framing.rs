//! The chart's area is what the panels leave: at the window sizes analysts use, in both themes,
//! the opening view, the view after Esc and the view with a body selected keep what matters
//! wholly inside the free rectangle.

use csto_atlas::model::{self, BodyIdx};
use csto_atlas::ui::{AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

fn harness(size: [f32; 2], dark: bool) -> Harness<'static, AtlasApp> {
    let model = model::load_embedded().expect("the embedded atlas loads");
    let settings = Settings {
        theme: if dark {
            egui::ThemePreference::Dark
        } else {
            egui::ThemePreference::Light
        },
        ..Settings::default()
    };
    let app = AtlasApp::new(model, None, settings);
    let mut h = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

/// The bodies of `ids` whose boxes are not wholly inside the chart's free area.
fn outside(h: &Harness<'_, AtlasApp>, bodies: &[BodyIdx]) -> Vec<String> {
    let app = h.state();
    let area = app.chart_area().expand(0.5);
    bodies
        .iter()
        .filter(|&&b| {
            app.screen_rect_of(b)
                .is_some_and(|r| !area.contains_rect(r))
        })
        .map(|&b| app.model().body(b).id.clone())
        .collect()
}

fn drawn(h: &Harness<'_, AtlasApp>) -> Vec<BodyIdx> {
    h.state().scene().nodes.iter().map(|n| n.body).collect()
}

const SIZES: [[f32; 2]; 2] = [[1400.0, 900.0], [1920.0, 1080.0]];

#[test]
fn the_opening_view_and_the_view_after_esc_show_every_box_whole() {
    for size in SIZES {
        for dark in [false, true] {
            let mut h = harness(size, dark);
            let all = drawn(&h);
            assert_eq!(outside(&h, &all), Vec::<String>::new(), "opening, {size:?}");
            h.get_by_role_and_label(Role::Button, "Council of Ministers of Defence")
                .click();
            h.run();
            h.key_press(egui::Key::Escape);
            h.run();
            assert!(h.state().selected().is_none());
            assert_eq!(
                outside(&h, &all),
                Vec::<String>::new(),
                "after Esc, {size:?}"
            );
        }
    }
}

#[test]
fn a_selection_and_its_neighbours_stay_beside_the_side_panel() {
    for size in SIZES {
        for name in [
            "Council of Ministers of Defence",
            "Joint Staff",
            "Parliamentary Assembly",
        ] {
            let mut h = harness(size, false);
            h.get_by_role_and_label(Role::Button, name).scroll_to_me();
            h.run();
            h.get_by_role_and_label(Role::Button, name).click();
            h.run();
            let app = h.state();
            let marks = app.marks();
            let mut must = vec![marks.selected.expect("selected")];
            must.extend(&marks.neighbours);
            assert_eq!(
                outside(&h, &must),
                Vec::<String>::new(),
                "{name} at {size:?}"
            );
        }
    }
}

#[test]
fn a_language_switch_leaves_the_left_panel_as_wide_as_it_was() {
    for size in SIZES {
        let mut h = harness(size, false);
        let before = h.state().chart_area();
        let mut filters = h.state().settings().filters.clone();
        filters.lang = Some("ru".into());
        h.state_mut()
            .apply(csto_atlas::ui::Action::SetFilters(filters));
        h.run();
        for tab in ["Фильтры", "Статьи", "Государства", "Список"] {
            h.get_by_label(tab).click();
            h.run();
        }
        let after = h.state().chart_area();
        assert!(
            (after.left() - before.left()).abs() < 1.0,
            "the chart's left edge moved from {} to {} at {size:?}",
            before.left(),
            after.left()
        );
        // And the chart is framed in what is left: every box whole.
        let all = drawn(&h);
        assert_eq!(
            outside(&h, &all),
            Vec::<String>::new(),
            "in Russian at {size:?}"
        );
    }
}

#[test]
fn a_panel_that_opens_never_enlarges_the_chart() {
    for size in SIZES {
        let mut h = harness(size, false);
        let mut filters = h.state().settings().filters.clone();
        filters.as_of = csto_atlas::model::Date::parse("2004-01-01");
        h.state_mut()
            .apply(csto_atlas::ui::Action::SetFilters(filters));
        h.run();
        let csc = h.state().model().index_of("csc").unwrap();
        let before = h.state().screen_rect_of(csc).unwrap().width();
        h.get_by_role_and_label(Role::Button, "Council of Ministers of Foreign Affairs")
            .click();
        h.run();
        let after = h.state().screen_rect_of(csc).unwrap().width();
        assert!(after <= before + 0.5, "{before} → {after} at {size:?}");
    }
}
