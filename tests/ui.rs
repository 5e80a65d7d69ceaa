//! The window's UI, headless with egui_kittest: click by label, read the side panel.

use csto_atlas::model;
use csto_atlas::ui::{AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

fn app() -> AtlasApp {
    let model = model::load_embedded().expect("the embedded atlas loads");
    AtlasApp::new(model, None, Settings::default())
}

fn harness(app: AtlasApp) -> Harness<'static, AtlasApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    // The chart idles: `run` settles instead of running out of steps.
    h.run();
    h
}

/// Clicks a body in the outline, scrolling it into view first.
fn click_outline(h: &mut Harness<'_, AtlasApp>, name: &str) {
    h.get_by_role_and_label(Role::Button, name).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, name).click();
    h.run();
}

fn selected_id(h: &Harness<'_, AtlasApp>) -> Option<String> {
    let app = h.state();
    app.selected().map(|i| app.model().body(i).id.clone())
}

#[test]
fn clicking_a_body_in_the_outline_shows_its_mandate_and_composition() {
    let mut h = harness(app());
    let (mandate, composition) = {
        let m = &h.state().model();
        let b = m.body(m.index_of("military-committee").unwrap());
        (
            b.mandate.clone().unwrap().text,
            b.composition.clone().unwrap().text,
        )
    };
    assert!(
        h.query_by_label(&mandate).is_none(),
        "no panel before a click"
    );
    click_outline(&mut h, "Military Committee");
    assert_eq!(selected_id(&h).as_deref(), Some("military-committee"));
    h.get_by_label(&mandate);
    h.get_by_label(&composition);
    h.get_by_label("Legal basis");
}

/// Links in the side panel (egui reports `ui.link` with the label role; outline items are buttons).
fn click_link(h: &mut Harness<'_, AtlasApp>, label: &str) {
    h.get_all_by_role_and_label(Role::Label, label)
        .next()
        .unwrap_or_else(|| panic!("no link {label:?} in the side panel"))
        .click();
    h.run();
}

#[test]
fn clicking_a_relation_link_moves_the_selection() {
    let mut h = harness(app());
    click_outline(&mut h, "Secretary General");
    assert_eq!(selected_id(&h).as_deref(), Some("secretary-general"));
    click_link(&mut h, "Secretariat");
    assert_eq!(selected_id(&h).as_deref(), Some("secretariat"));
    click_link(&mut h, "Secretary General");
    assert_eq!(selected_id(&h).as_deref(), Some("secretary-general"));
}

#[test]
fn arrow_keys_walk_the_hierarchy_and_escape_clears() {
    let mut h = harness(app());
    click_outline(&mut h, "Military Committee");
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(selected_id(&h).as_deref(), Some("cmd"));
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(selected_id(&h).as_deref(), Some("csc"));
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let first_child = {
        let m = &h.state().model();
        m.body(m.children(m.index_of("csc").unwrap())[0]).id.clone()
    };
    assert_eq!(selected_id(&h), Some(first_child));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(selected_id(&h), None);
    assert!(
        h.query_by_label("Legal basis").is_none(),
        "the panel closes"
    );
}

#[test]
fn tab_moves_through_bodies_in_protocol_order() {
    let mut h = harness(app());
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(selected_id(&h).as_deref(), Some("csc"));
    h.key_press(egui::Key::Tab);
    h.run();
    let second = h.state().scene().nodes[1].body;
    assert_eq!(h.state().selected(), Some(second));
}

#[test]
fn o_toggles_the_orientation_and_f_fits_the_chart() {
    let mut h = harness(app());
    h.key_press(egui::Key::O);
    h.run();
    assert_eq!(
        h.state().settings().orientation,
        csto_atlas::layout::Orientation::LeftRight
    );
    let s = &h.state().scene();
    let csc = s
        .node_for(h.state().model().index_of("csc").unwrap())
        .unwrap()
        .rect;
    let cmd = s
        .node_for(h.state().model().index_of("cmd").unwrap())
        .unwrap()
        .rect;
    assert!(cmd.left() > csc.right(), "children stand to the right");
    h.key_press(egui::Key::F);
    h.run();
    let region = h.state().visible_region();
    assert!(
        region.contains_rect(h.state().scene().bounds),
        "fit shows the whole chart"
    );
}

#[test]
fn the_side_panel_lists_the_same_numbered_sources_as_show() {
    let mut h = harness(app());
    click_outline(&mut h, "Council of Ministers of Defence");
    let report = {
        let app = h.state();
        let m = app.model();
        let i = m.index_of("cmd").unwrap();
        csto_atlas::report::BodyReport::build(m, i, None, m.date_range().1)
    };
    assert!(report.sources.len() > 10);
    for s in &report.sources {
        h.get_by_label(&format!("[{}] {}", s.number, s.id));
    }
    // The holders' and relations' sources are numbered too: no raw key is left in the panel.
    assert!(h.query_by_label_contains("[S").is_none());
}
