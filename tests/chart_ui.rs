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
    scene::box_look(node, csto_atlas::style::Theme::Light, &app.marks())
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
    let cmd = idx(&h, "cmd");
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
