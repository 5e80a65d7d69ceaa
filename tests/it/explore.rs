//! Filters, search, time and articles, driven through the UI with egui_kittest.

use csto_atlas::model;
use csto_atlas::ui::{Action, AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

fn harness() -> Harness<'static, AtlasApp> {
    let model = model::load_embedded().expect("the embedded atlas loads");
    let app = AtlasApp::new(model, None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

fn in_outline(h: &Harness<'_, AtlasApp>, name: &str) -> bool {
    h.query_all_by_role_and_label(Role::Button, name)
        .next()
        .is_some()
}

#[test]
fn unticking_a_kind_removes_its_bodies_from_the_outline_and_the_chart() {
    let mut h = harness();
    assert!(in_outline(&h, "Military Committee"));
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label_contains("Subsidiary bodies (").click();
    h.run();
    h.get_by_label("Outline").click();
    h.run();
    assert!(!in_outline(&h, "Military Committee"));
    assert!(in_outline(&h, "Council of Ministers of Defence"));
    let app = h.state();
    let mc = app.model().index_of("military-committee").unwrap();
    assert!(app.scene().node_for(mc).is_none(), "still on the chart");
    // The header names the filter, with the count.
    let shown = h.state().visible().shown_count();
    h.get_by_label_contains(&format!(
        "Statutory bodies, permanent working bodies, officials and collective forces as of 3 December 2025, {shown} of 26 shown"
    ));
}

#[test]
fn showcase_keeps_filtered_bodies_in_place_but_faded() {
    let mut h = harness();
    let before = {
        let a = h.state();
        a.scene()
            .node_for(a.model().index_of("icmec").unwrap())
            .unwrap()
            .rect
    };
    let mut filters = h.state().settings().filters.clone();
    filters.showcase = true;
    h.state_mut().apply(Action::SetFilters(filters));
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label_contains("Subsidiary bodies (").click();
    h.run();
    let a = h.state();
    let node = a
        .scene()
        .node_for(a.model().index_of("icmec").unwrap())
        .unwrap();
    assert!(node.faded);
    assert_eq!(node.rect, before, "nothing moves in showcase mode");
}

#[test]
fn typing_a_fuzzy_query_and_enter_selects_the_match() {
    let mut h = harness();
    let search = h.get_by_role(Role::TextInput);
    search.focus();
    search.type_text("milcom");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let a = h.state();
    assert_eq!(
        a.selected().map(|i| a.model().body(i).id.as_str()),
        Some("military-committee")
    );
}

#[test]
fn moving_the_date_back_removes_later_bodies() {
    let mut h = harness();
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label("As of a date").click();
    h.run();
    let slider = h.get_by_role(Role::Slider).rect();
    // Press at the slider's left end: the first day of the range.
    h.drag_at(egui::pos2(slider.left() + 2.0, slider.center().y));
    h.run();
    h.drop_at(egui::pos2(slider.left() + 2.0, slider.center().y));
    h.run();
    let a = h.state();
    let as_of = a.settings().filters.as_of.unwrap();
    assert!(
        as_of < csto_atlas::model::Date::parse("1995-01-01").unwrap(),
        "{as_of}"
    );
    let mc = a.model().index_of("military-committee").unwrap();
    assert!(
        !a.visible().is_drawn(mc),
        "the Military Committee (2012) is still shown in {as_of}"
    );
    let csc = a.model().index_of("csc").unwrap();
    assert!(a.visible().is_drawn(csc));
    // An undated body appears no earlier than the date the data allows (the Secretary General's
    // office, provided for on 2002-10-07), nor before its parent.
    let sg = a.model().index_of("secretary-general").unwrap();
    assert!(
        !a.visible().is_drawn(sg),
        "the Secretary General is shown in {as_of}"
    );
    assert!(a.scene().node_for(sg).is_none());
    // Before the Organization existed, the states were parties to the Treaty (signatories, before
    // it came into force on 20 Apr 1994).
    if as_of < csto_atlas::model::Date::parse("1994-04-20").unwrap() {
        h.get_by_label_contains("Signatories of the Treaty on");
    } else {
        h.get_by_label_contains("Treaty parties on");
    }
    h.get_by_label_contains(&format!("as of {}", as_of.in_words()));
}

#[test]
fn choosing_an_article_marks_the_bodies_that_cite_it() {
    let mut h = harness();
    h.get_by_label("Articles").click();
    h.run();
    // Below the fold of the panel: ask through AccessKit, as a screen reader would.
    h.get_by_label_contains("Art. 16:").click_accesskit();
    h.run();
    let (cssc, cmd) = {
        let a = h.state();
        (
            a.model().index_of("cssc").unwrap(),
            a.model().index_of("cmd").unwrap(),
        )
    };
    assert!(h.state().marks().citing.contains(&cssc));
    assert!(!h.state().marks().citing.contains(&cmd));
    // Choosing it again clears the mark.
    h.get_by_label_contains("Art. 16:").click_accesskit();
    h.run();
    assert!(!h.state().marks().citing.contains(&cssc));
}
