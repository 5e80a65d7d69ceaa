//! What several test files need to run the real binary as a user would. Each test file uses
//! some of it.
#![allow(dead_code)]

use std::process::{Command, Output};

/// The `csto-atlas` binary of this build.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_csto-atlas"))
}

/// Runs the binary with `args` and waits for it.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// Bytes a process printed, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// True when running under CI (`CI=true`), where a test that cannot test must fail.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Whether an outside tool (`pdfinfo`, `dot`, …) can be run. Missing under CI is a failure
/// naming the tool; elsewhere the caller skips that check and says so.
pub fn tool(name: &str, version_arg: &str) -> bool {
    let found = Command::new(name).arg(version_arg).output().is_ok();
    if !found {
        assert!(
            !under_ci(),
            "{name} is not installed, so this test cannot check what it promises; \
             .ci/run installs it (CI=true makes a missing tool a failure)"
        );
        eprintln!("{name} is not installed: that check is skipped here (under CI it fails)");
    }
    found
}

/// Whether the snapshot tests should rewrite their references (`UPDATE_SNAPSHOTS=1`); refused
/// under CI, where a rewritten reference would make every snapshot test pass.
pub fn updating_snapshots() -> bool {
    let updating = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    assert!(
        !(updating && under_ci()),
        "UPDATE_SNAPSHOTS is refused under CI: references are rewritten by hand and reviewed"
    );
    updating
}

/// An SVG `<rect>`'s box.
pub fn svg_rect(n: roxmltree::Node) -> egui::Rect {
    let f = |a: &str| n.attribute(a).unwrap().parse::<f32>().unwrap();
    egui::Rect::from_min_size(
        egui::pos2(f("x"), f("y")),
        egui::vec2(f("width"), f("height")),
    )
}

/// Each body's box in an exported SVG: the first plain rect of its `<g data-id>`.
pub fn svg_boxes(doc: &roxmltree::Document) -> Vec<(String, egui::Rect)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("data-id").is_some())
        .map(|g| {
            let r = g
                .children()
                .find(|n| n.has_tag_name("rect") && n.attribute("class").is_none())
                .map(svg_rect)
                .unwrap();
            (g.attribute("data-id").unwrap().to_owned(), r)
        })
        .collect()
}

/// CIEDE2000 between two colours as drawn (sRGB, D65), by the `palette` crate.
pub fn ciede2000(a: egui::Color32, b: egui::Color32) -> f32 {
    use palette::color_difference::Ciede2000;
    use palette::{IntoColor, Lab, Srgb};
    let lab = |c: egui::Color32| -> Lab {
        Srgb::new(c.r(), c.g(), c.b())
            .into_format::<f32>()
            .into_color()
    };
    lab(a).difference(lab(b))
}

/// Writes a synthetic atlas of `bodies` bodies to `path` with `csto-atlas generate`.
pub fn generate(path: &std::path::Path, bodies: usize) {
    let n = bodies.to_string();
    let o = run(&["generate", "--bodies", &n, "--out", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
}

/// The chart of `m` under `filters` as a tidy tree, every relation routed: what a picture with
/// every relation drawn shows.
pub fn routed_scene(
    m: &csto_atlas::model::Model,
    filters: &csto_atlas::view::Filters,
    orientation: csto_atlas::layout::Orientation,
) -> csto_atlas::scene::Scene {
    use csto_atlas::scene;
    let v = csto_atlas::view::visible(m, filters);
    let kind = csto_atlas::layout::LayoutKind::TidyTree;
    scene::build(m, &v, orientation, kind, &scene::Routing::All)
}
