//! Folding: a body stands for everything beneath it, as "+N", in the window (handle, Space, the
//! View menu) and in exports (`--expand N`, `--fold ID`).

use std::process::Command;

use csto_atlas::export::{ChartJson, ExportRequest, Format};
use csto_atlas::model::{self, BodyIdx, Model};
use csto_atlas::ui::{AtlasApp, Settings};
use csto_atlas::view::{self, Filters};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

/// Every body's depth below its apex, and how many bodies hang beneath it.
fn depth_and_beneath(m: &Model) -> (Vec<usize>, Vec<usize>) {
    let depth: Vec<usize> = m.indices().map(|i| m.path_to_root(i).len() - 1).collect();
    let mut beneath = vec![0; m.len()];
    for i in m.indices() {
        for a in m.path_to_root(i).into_iter().skip(1) {
            beneath[a.0] += 1;
        }
    }
    (depth, beneath)
}

#[test]
fn export_expand_1_draws_the_apexes_and_their_subordinates_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chart.json");
    let o = Command::new(env!("CARGO_BIN_EXE_csto-atlas"))
        .args(["export", "--out", out.to_str().unwrap(), "--expand", "1"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let chart: ChartJson = serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap();
    let m = model::load_embedded().unwrap();
    let (depth, beneath) = depth_and_beneath(&m);
    let mut expected: Vec<&str> = m
        .indices()
        .filter(|i| depth[i.0] <= 1)
        .map(|i| m.body(i).id.as_str())
        .collect();
    let mut drawn: Vec<&str> = chart.bodies.iter().map(|b| b.id.as_str()).collect();
    expected.sort_unstable();
    drawn.sort_unstable();
    assert_eq!(
        drawn, expected,
        "exactly the apexes and their direct subordinates"
    );
    for b in &chart.bodies {
        let i = m.index_of(&b.id).unwrap();
        let want = if depth[i.0] == 1 { beneath[i.0] } else { 0 };
        assert_eq!(b.folded, want, "{}: +{}", b.id, b.folded);
    }
    assert!(chart.bodies.iter().any(|b| b.folded > 0));
}

#[test]
fn a_folded_body_is_one_box_with_its_count_and_its_subordinates_give_up_their_places() {
    let m = model::load_embedded().unwrap();
    let cssc = m.index_of("cssc").unwrap();
    let (_, beneath) = depth_and_beneath(&m);
    let open = ExportRequest::new(Format::Svg);
    let (_, whole) = open.scene(&m);
    let folded = ExportRequest {
        filters: Filters {
            folded: vec!["cssc".into()],
            ..Default::default()
        },
        ..ExportRequest::new(Format::Svg)
    };
    let (v, scene) = folded.scene(&m);
    assert_eq!(v.folded[cssc.0], beneath[cssc.0]);
    assert_eq!(scene.nodes.len(), whole.nodes.len() - beneath[cssc.0]);
    for i in m
        .indices()
        .filter(|&i| m.path_to_root(i)[1..].contains(&cssc))
    {
        assert!(
            scene.node_for(i).is_none(),
            "{} is folded away",
            m.body(i).id
        );
        assert!(!v.placed[i.0], "{} gives up its place", m.body(i).id);
    }
    let svg = String::from_utf8(csto_atlas::export::render(&m, &folded).unwrap()).unwrap();
    assert!(
        svg.contains(&format!(">+{}</text>", beneath[cssc.0])),
        "the +N badge"
    );
    assert!(
        svg.contains("folded: N bodies beneath"),
        "the legend says what +N means"
    );
}

#[test]
fn folds_apply_to_the_tree_as_shown_after_the_date() {
    let m = model::load_embedded().unwrap();
    // In 1995 only the Treaty's council existed: folding to the apexes leaves it alone, with
    // nothing beneath it to count.
    let v = view::visible(
        &m,
        &Filters {
            as_of: csto_atlas::model::Date::parse("1995-01-01"),
            expand: Some(0),
            ..Default::default()
        },
    );
    let drawn: Vec<BodyIdx> = m.indices().filter(|&i| v.is_drawn(i)).collect();
    assert!(!drawn.is_empty());
    for &i in &drawn {
        assert!(m.body(i).parent.is_none(), "{} is an apex", m.body(i).id);
    }
    let total: usize = v.folded.iter().sum();
    let open = view::visible(
        &m,
        &Filters {
            as_of: csto_atlas::model::Date::parse("1995-01-01"),
            ..Default::default()
        },
    );
    let shown_then = m.indices().filter(|&i| open.is_drawn(i)).count();
    assert_eq!(
        total + drawn.len(),
        shown_then,
        "+N counts the bodies shown at the date"
    );
}

/// A click with the mouse at a screen point (press, a frame, release, then settle).
fn click_at(h: &mut Harness<'_, AtlasApp>, at: egui::Pos2) {
    h.drag_at(at);
    h.step();
    h.drop_at(at);
    h.run();
}

fn harness() -> Harness<'static, AtlasApp> {
    let app = AtlasApp::new(model::load_embedded().unwrap(), None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

#[test]
fn space_folds_the_selection_and_its_handle_unfolds_it() {
    let mut h = harness();
    let cssc = h.state().model().index_of("cssc").unwrap();
    let beneath = depth_and_beneath(h.state().model()).1[cssc.0];
    let total = h.state().scene().nodes.len();
    assert_eq!(total, h.state().model().len(), "the CSTO atlas opens whole");
    h.state_mut().apply(csto_atlas::ui::Action::Select {
        body: Some(cssc),
        reveal: true,
    });
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(h.state().scene().nodes.len(), total - beneath);
    let node = h.state().scene().node_for(cssc).unwrap();
    assert_eq!(node.folded, beneath);
    // The "+N" on the box is its handle: a click there opens it again.
    let at = h.state().screen_pos(node.handle.unwrap());
    click_at(&mut h, at);
    assert_eq!(h.state().scene().nodes.len(), total, "unfolded");
    assert!(h.state().settings().filters.folded.is_empty());
}

#[test]
fn the_view_menu_expands_to_a_level_and_back() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Fold").click();
    h.run();
    h.get_by_label("Only the apexes").click();
    h.run();
    let apexes = h
        .state()
        .model()
        .indices()
        .filter(|&i| h.state().model().parent(i).is_none())
        .count();
    assert_eq!(h.state().scene().nodes.len(), apexes);
    h.state_mut().apply(csto_atlas::ui::Action::ExpandTo(None));
    h.run();
    assert_eq!(h.state().scene().nodes.len(), h.state().model().len());
}

#[test]
fn a_big_atlas_opens_folded_and_a_small_one_whole() {
    let big = Model::new(csto_atlas::generate::synthetic(2000, 1));
    let app = AtlasApp::new(big, None, Settings::default());
    let filters = &app.settings().filters;
    assert!(!filters.folded.is_empty(), "2,000 bodies open folded");
    let drawn = app.scene().nodes.len();
    assert!(
        (2..=60).contains(&drawn),
        "{drawn} boxes read on one screen"
    );
}

fn big_harness() -> Harness<'static, AtlasApp> {
    let big = Model::new(csto_atlas::generate::synthetic(400, 3));
    let app = AtlasApp::new(big, None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

/// A point inside the overview, near its bottom-right corner (it sits in the chart's corner).
fn in_overview(h: &Harness<'_, AtlasApp>) -> egui::Pos2 {
    let region = h.state().visible_region();
    h.state().screen_pos(region.max) - egui::vec2(20.0, 16.0)
}

#[test]
fn a_click_on_the_overview_moves_the_view_there() {
    let mut h = big_harness();
    let before = h.state().visible_region();
    let at = in_overview(&h);
    click_at(&mut h, at);
    let after = h.state().visible_region();
    assert!(
        after.center().distance(before.center()) > 10.0,
        "the view moved: {before:?} -> {after:?}"
    );
    assert!(
        (after.size() - before.size()).length() < 1.0,
        "the zoom stays"
    );
    // Hidden from the View menu, the same click lands on the chart and moves nothing.
    h.state_mut()
        .apply(csto_atlas::ui::Action::SetMinimap(false));
    h.run();
    let before = h.state().visible_region();
    click_at(&mut h, at);
    assert_eq!(h.state().visible_region(), before);
}

#[test]
fn the_overview_is_off_for_a_small_atlas_and_can_be_switched_on() {
    let mut h = harness();
    let before = h.state().visible_region();
    let at = in_overview(&h);
    click_at(&mut h, at);
    assert_eq!(
        h.state().visible_region(),
        before,
        "no overview on 22 bodies"
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Overview").click();
    h.run();
    assert_eq!(h.state().settings().minimap, Some(true));
}

#[test]
fn folding_keeps_the_folded_box_in_place_and_in_the_outline() {
    let mut h = harness();
    let cssc = h.state().model().index_of("cssc").unwrap();
    let before = h.state().screen_rect_of(cssc).unwrap();
    let node = h.state().scene().node_for(cssc).unwrap().clone();
    // The − handle under the box folds it.
    let at = h.state().screen_pos(node.handle.unwrap());
    click_at(&mut h, at);
    // Let the glide finish.
    for _ in 0..60 {
        h.step();
    }
    h.run();
    assert!(h.state().scene().node_for(cssc).unwrap().folded > 0);
    let after = h.state().screen_rect_of(cssc).unwrap();
    assert!(
        (after.min - before.min).length() <= 2.0,
        "CSSC moved from {before:?} to {after:?}"
    );
    // Folded away from the chart, but still in the outline; the folded box says "+N".
    let beneath = depth_and_beneath(h.state().model()).1[cssc.0];
    h.get_by_label(&format!(
        "Committee of Secretaries of Security Councils  +{beneath}"
    ));
    h.get_by_label("Working Group on Combating Terrorism and Extremism");
}

#[test]
fn a_search_match_inside_a_fold_is_unfolded_selected_and_shown() {
    let mut h = harness();
    let cssc = h.state().model().index_of("cssc").unwrap();
    h.state_mut()
        .apply(csto_atlas::ui::Action::ToggleFold(cssc));
    h.run();
    let wg = h
        .state()
        .model()
        .index_of("wg-terrorism-extremism")
        .unwrap();
    assert!(!h.state().visible().is_drawn(wg), "folded away");
    let search = h.get_by_role(egui::accesskit::Role::TextInput);
    search.focus();
    search.type_text("Combating Terrorism");
    h.run();
    h.key_press(egui::Key::Enter);
    for _ in 0..60 {
        h.step();
    }
    h.run();
    assert_eq!(h.state().selected(), Some(wg));
    assert!(h.state().visible().is_drawn(wg), "its fold opened");
    let area = h.state().chart_area();
    let r = h.state().screen_rect_of(wg).unwrap();
    assert!(area.contains_rect(r), "{r:?} in the free area {area:?}");
}

#[test]
fn expanding_to_a_level_frames_the_chart_anew() {
    let mut h = harness();
    h.state_mut()
        .apply(csto_atlas::ui::Action::ExpandTo(Some(1)));
    h.run();
    let area = h.state().chart_area().expand(0.5);
    let app = h.state();
    for n in &app.scene().nodes {
        let r = app.screen_rect_of(n.body).unwrap();
        assert!(
            area.contains_rect(r),
            "{} at {r:?}",
            app.model().body(n.body).id
        );
    }
}
