//! The outline at scale: a long one lays out only the rows in view, yet a screen reader reaches
//! every body.

use csto_atlas::generate::synthetic;
use csto_atlas::model::Model;
use csto_atlas::ui::{Action, AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;

/// An app on a synthetic atlas, fully expanded, with the outline showing.
fn app(bodies: usize) -> AtlasApp {
    let mut app = AtlasApp::new(Model::new(synthetic(bodies, 1)), None, Settings::default());
    app.apply(Action::ExpandTo(None));
    app
}

/// The outline's rows laid out in a frame, and in all, in a plain egui context (no screen
/// reader listening).
fn rows(app: &mut AtlasApp) -> (usize, usize) {
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let mut out = ctx.run_ui(input(), |ui| app.ui(ui));
        out.textures_delta.clear();
    }
    let id = egui::Id::new(csto_atlas::ui::OUTLINE_ROWS_ID);
    ctx.data(|d| d.get_temp(id)).expect("the outline was shown")
}

#[test]
fn a_long_outline_lays_out_only_the_rows_in_view() {
    // 120 bodies under their kinds' headings: every row is laid out.
    let (laid_out, all) = rows(&mut app(120));
    assert!(all > 120);
    assert_eq!(laid_out, all);
    // 3,000 bodies: the rows in view (a 900-px window holds fewer than 60), not 3,000.
    let (laid_out, all) = rows(&mut app(3000));
    assert!(all > 3000);
    assert!(laid_out < 60, "{laid_out} rows laid out");
}

#[test]
fn with_a_screen_reader_every_body_of_a_long_outline_is_reachable() {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app(1000));
    h.run();
    // kittest reads the window through AccessKit, as a screen reader does: the last body is
    // there without scrolling.
    let last = h
        .state()
        .model()
        .body(csto_atlas::model::BodyIdx(999))
        .name
        .clone();
    assert!(
        h.query_all_by_role_and_label(Role::Button, &last)
            .next()
            .is_some(),
        "{last} not reachable"
    );
}
