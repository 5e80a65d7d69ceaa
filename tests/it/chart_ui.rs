//! What the chart shows in the window, driven with egui_kittest: each highlight has its own mark
//! and legend entry, filters re-frame the chart, clicks do not move it.

use csto_atlas::model::{self, BodyIdx};
use csto_atlas::scene::{self, BoxLook};
use csto_atlas::ui::{Action, AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

fn harness() -> Harness<'static, AtlasApp> {
    let app = AtlasApp::new(model::load_embedded().unwrap(), None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

fn idx(h: &Harness<'_, AtlasApp>, id: &str) -> BodyIdx {
    h.state().model().index_of(id).unwrap()
}

/// How a body's box is drawn now.
fn look(h: &Harness<'_, AtlasApp>, id: &str) -> BoxLook {
    let app = h.state();
    let node = app.scene().node_for(idx(h, id)).unwrap();
    let kinds = app.model().kinds();
    scene::box_look(node, kinds, csto_atlas::style::Theme::Light, &app.marks())
}

fn click_outline(h: &mut Harness<'_, AtlasApp>, name: &str) {
    h.get_by_role_and_label(Role::Button, name).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, name).click();
    h.run();
}

fn in_legend(h: &Harness<'_, AtlasApp>, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

#[test]
fn selection_neighbours_and_path_each_have_their_own_mark() {
    let mut h = harness();
    assert!(!in_legend(&h, "selected"));
    click_outline(&mut h, "Military Committee");
    let selected = look(&h, "military-committee");
    assert!(selected.halo.is_some() && selected.width >= 3.0);
    // Its parent is on the path to the apex and a neighbour: a ring and a path border, no halo.
    let parent = look(&h, "cmd");
    assert!(parent.halo.is_none());
    assert!(parent.ring.is_some());
    assert_eq!(
        parent.stroke, selected.stroke,
        "path boxes share the selection's colour"
    );
    // The apex: on the path, without the selection's halo.
    let apex = look(&h, "csc");
    assert!(apex.halo.is_none() && apex.width >= 2.0 && apex.stroke == selected.stroke);
    // A body neither on the path nor related keeps its plain look.
    let plain = look(&h, "wg-afghanistan");
    assert!(plain.ring.is_none() && plain.halo.is_none() && plain.stroke != selected.stroke);
    // A body it prepares proposals for is a neighbour, in another colour than the selection.
    let js = look(&h, "joint-staff");
    assert!(js.ring.is_some_and(|c| c != selected.stroke));
    for label in ["selected", "path to the apex", "neighbour"] {
        assert!(in_legend(&h, label), "no legend entry {label:?}");
    }
    assert!(!in_legend(&h, "search match"));
}

#[test]
fn search_matches_are_underlined_and_article_citers_get_a_badge() {
    let mut h = harness();
    let search = h.get_by_role(Role::TextInput);
    search.focus();
    search.type_text("drug");
    h.run();
    let matched = look(&h, "ccbcd");
    assert!(matched.underline.is_some());
    assert!(matched.halo.is_none() && matched.ring.is_none());
    assert!(look(&h, "cmd").underline.is_none());
    assert!(in_legend(&h, "search match"));

    h.get_by_label("Articles").click();
    h.run();
    h.get_by_label_contains("Art. 16:").click_accesskit();
    h.run();
    assert!(look(&h, "cssc").badges.iter().any(|b| b.text == "§"));
    assert!(look(&h, "cmd").badges.iter().all(|b| b.text != "§"));
    assert!(in_legend(&h, "cites the chosen article"));
}

#[test]
fn uncertainty_and_unknown_dates_are_marked_and_named() {
    let h = harness();
    // The Military Committee's category is unverified; the Secretary General has no founding date.
    assert!(look(&h, "military-committee").dashed);
    assert!(look(&h, "secretary-general")
        .badges
        .iter()
        .any(|b| b.text == "n.d."));
    assert!(!look(&h, "icmec").dashed);
    assert!(in_legend(&h, "dashed: inferred, unverified or disputed"));
    assert!(in_legend(&h, "founding date not known"));
}

#[test]
fn hiding_a_kind_re_frames_the_chart_on_what_is_left() {
    let mut h = harness();
    // Wander off: zoom in far and away from the chart.
    for _ in 0..8 {
        h.state_mut()
            .apply(Action::Run(csto_atlas::ui::Command::ZoomIn));
    }
    h.run();
    let before = h.state().visible_region();
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label_contains("Subsidiary bodies (").click();
    h.run();
    let app = h.state();
    let region = app.visible_region();
    assert_ne!(region, before);
    let bounds = app.scene().bounds;
    assert!(
        region.contains_rect(bounds) || region.top() <= bounds.top() + 1.0,
        "the opening view of what is left: {region:?} vs {bounds:?}"
    );
    // Readable: a name of 13 chart units is at least 12 px.
    let zoom = 1400.0_f32.min(region.width()) / region.width();
    assert!(zoom * 13.0 >= 11.9 || region.contains_rect(bounds));
}

#[test]
fn clicking_a_body_does_not_move_the_chart_under_the_pointer() {
    let mut h = harness();
    // The Afghanistan working group's neighbour (CMFA) is in view beside the panel that opens,
    // so nothing needs to move. (A body whose neighbours the panel would cover moves them into
    // view: tests/framing.rs.)
    let cmd = idx(&h, "wg-afghanistan");
    let before = h.state().screen_rect_of(cmd).unwrap();
    // A click: press and release at the same point.
    h.hover_at(before.center());
    h.run();
    h.drag_at(before.center());
    h.step();
    h.drop_at(before.center());
    h.run();
    assert_eq!(h.state().selected(), Some(cmd));
    let after = h.state().screen_rect_of(cmd).unwrap();
    assert!(
        (after.center() - before.center()).length() < 1.0,
        "moved from {before:?} to {after:?}"
    );
}

/// The middle of the longest run of a drawn relation line, on screen.
fn on_relation_line(h: &Harness<'_, AtlasApp>, from: &str, to: &str) -> (usize, egui::Pos2) {
    let app = h.state();
    let (a, b) = (idx(h, from), idx(h, to));
    let e = app
        .scene()
        .edges
        .iter()
        .find(|e| e.from == a && e.to == b && e.relation.is_some() && !e.on_tree)
        .expect("a routed relation");
    let run = e
        .points
        .windows(2)
        .max_by(|x, y| x[0].distance(x[1]).total_cmp(&y[0].distance(y[1])))
        .unwrap();
    let mid = run[0] + (run[1] - run[0]) / 2.0;
    (e.relation.unwrap(), app.screen_pos(mid))
}

#[test]
fn a_relation_line_can_be_hovered_and_clicked_to_read_about_it() {
    let mut h = harness();
    // By default only the chosen body's relations are drawn.
    click_outline(&mut h, "Council of Ministers of Defence");
    let m = h.state().model().clone();
    let (a, b) = m
        .atlas
        .relations
        .iter()
        .find(|r| r.from == "joint-staff" && r.to == "cmd")
        .map(|r| (r.from.clone(), r.to.clone()))
        .expect("the Joint Staff prepares proposals for the CMD");
    let (index, at) = on_relation_line(&h, &a, &b);
    h.hover_at(at);
    h.run();
    assert_eq!(
        h.state().marks().relation,
        Some(index),
        "hover highlights it"
    );
    h.drag_at(at);
    h.step();
    h.drop_at(at);
    h.run();
    assert_eq!(h.state().selected_relation(), Some(index));
    h.get_by_label("Relation: prepares proposals for");
    // Both ends are links; one leads back to a body.
    h.get_all_by_role_and_label(Role::Label, "Joint Staff")
        .next()
        .expect("a link to the Joint Staff")
        .click();
    h.run();
    assert_eq!(h.state().selected(), Some(idx(&h, "joint-staff")));
    assert_eq!(h.state().selected_relation(), None);
}

#[test]
fn the_relations_switch_chooses_none_the_selections_or_all() {
    let mut h = harness();
    let drawn = |h: &Harness<'_, AtlasApp>| {
        let app = h.state();
        let marks = app.marks();
        let shown = app.settings().filters.relations;
        app.scene()
            .edges
            .iter()
            .filter(|e| e.relation.is_some() && scene::edge_drawn(e, shown, &marks))
            .count()
    };
    assert_eq!(drawn(&h), 0, "nothing chosen, no relation drawn");
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "All").click();
    h.run();
    assert_eq!(drawn(&h), h.state().model().atlas.relations.len());
    h.get_by_role_and_label(Role::RadioButton, "None").click();
    h.run();
    h.get_by_label("Outline").click();
    h.run();
    click_outline(&mut h, "Council of Ministers of Defence");
    assert_eq!(drawn(&h), 0);
}

#[test]
fn compare_mode_marks_new_bodies_and_lists_member_changes() {
    let mut h = harness();
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label("As of a date").click();
    h.run();
    assert!(look(&h, "cmd").badges.iter().all(|b| b.text != "new"));
    h.get_by_label("Compare with an earlier date").click();
    h.run();
    let filters = h.state().settings().filters.clone();
    let from = filters.compare.expect("a date to compare with");
    // The CMD (2003) is new since the Treaty; the CSC (1992) is not.
    assert!(
        look(&h, "cmd").badges.iter().any(|b| b.text == "new"),
        "{from}"
    );
    assert!(look(&h, "csc").badges.iter().all(|b| b.text != "new"));
    assert!(in_legend(&h, "established in the period"));
    h.get_by_label_contains(&format!("Members, {} →", from.in_words()));
    // Armenia froze its participation in 2024, within the period.
    h.get_by_label_contains("Armenia froze its participation");
    h.get_by_label_contains("bodies new since");
}

#[test]
fn the_side_panel_names_who_held_the_office_at_the_date() {
    let mut h = harness();
    let mut filters = h.state().settings().filters.clone();
    filters.as_of = csto_atlas::model::Date::parse("2010-01-01");
    h.state_mut().apply(Action::SetFilters(filters));
    h.run();
    click_outline(&mut h, "Secretary General");
    h.get_by_label_contains("On 1 January 2010: Nikolai Bordyuzha");
    h.get_by_label_contains("All holders (").click();
    h.run();
    h.get_by_label_contains("Valery Semerikov, acting (2017-01-01 – 2017-05-02)");
}

#[test]
fn the_language_switch_puts_russian_names_on_the_chart_and_in_the_outline() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Русский (Russian)").click();
    h.run();
    assert_eq!(h.state().settings().filters.lang.as_deref(), Some("ru"));
    let csc = idx(&h, "csc");
    let line = h.state().scene().node_for(csc).unwrap().lines[0]
        .text
        .clone();
    assert_eq!(line, "СКБ");
    assert!(h
        .query_all_by_role_and_label(Role::Button, "Совет коллективной безопасности")
        .next()
        .is_some());
    // The interface follows: the tabs, the menus, the legend.
    h.get_by_label("Список");
    h.get_by_label("Вид");
    assert!(h.query_by_label("Outline").is_none());
}
