//! Speed benchmarks: load, layout, one UI frame and export, on the CSTO atlas and synthetic ones.
//!
//! Run with `cargo bench`; `BENCHMARKS.md` records the figures.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use csto_atlas::export::{ExportRequest, Format};
use csto_atlas::generate;
use csto_atlas::layout::{self, LayoutKind, LayoutNode, LayoutRequest, Orientation, Spacing};
use csto_atlas::model::{self, Model};
use csto_atlas::scene;
use csto_atlas::ui::{AtlasApp, Settings};
use csto_atlas::view::{self, Filters};

mod common;
use common::frame;

fn synthetic(n: usize) -> Model {
    Model::new(generate::synthetic(n, 1))
}

fn csto() -> Model {
    model::load_embedded().expect("the embedded atlas loads")
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load+validate");
    g.bench_function("csto", |b| {
        b.iter(|| model::load_bytes(black_box(model::EMBEDDED_ATLAS.as_bytes()), "csto"))
    });
    let text = generate::to_ron(&generate::synthetic(2000, 1)).unwrap();
    g.bench_function("2000", |b| {
        b.iter(|| model::load_bytes(black_box(text.as_bytes()), "syn"))
    });
    g.finish();
}

fn layouts(c: &mut Criterion) {
    let mut g = c.benchmark_group("layout");
    let cases: Vec<(String, Model)> = std::iter::once(("csto".to_owned(), csto()))
        .chain([500, 2000, 5000].map(|n| (n.to_string(), synthetic(n))))
        .collect();
    for (name, m) in &cases {
        let visible = view::visible(m, &Filters::default());
        // The pure tidy-tree layout of given box sizes.
        let request = LayoutRequest {
            nodes: m
                .indices()
                .map(|i| LayoutNode {
                    parent: m.parent(i).map(|p| p.0),
                    size: egui::vec2(
                        120.0 + (i.0 % 5) as f32 * 12.0,
                        52.0 + (i.0 % 3) as f32 * 14.0,
                    ),
                    group: 0,
                    hides_subordinates: false,
                })
                .collect(),
            kind: LayoutKind::TidyTree,
            orientation: Orientation::TopDown,
            compact: true,
            spacing: Spacing::default(),
        };
        g.bench_with_input(BenchmarkId::new("tidy-tree", name), &request, |b, r| {
            b.iter(|| layout::place(black_box(r)))
        });
        // Everything that runs on a change of data or filter: text, layout, edge routing.
        // A change of date alone: the boxes keep their places, the relation routes are kept.
        let mut routes = scene::RouteCache::default();
        scene::build_with_routes(
            m,
            &visible,
            Orientation::TopDown,
            LayoutKind::TidyTree,
            &mut routes,
        );
        g.bench_with_input(BenchmarkId::new("scene-routes-kept", name), m, |b, m| {
            b.iter(|| {
                scene::build_with_routes(
                    black_box(m),
                    &visible,
                    Orientation::TopDown,
                    LayoutKind::TidyTree,
                    &mut routes,
                )
            })
        });
        g.bench_with_input(BenchmarkId::new("scene", name), m, |b, m| {
            b.iter(|| {
                scene::build(
                    black_box(m),
                    &visible,
                    Orientation::TopDown,
                    LayoutKind::TidyTree,
                )
            })
        });
    }
    g.finish();
}

/// Benches the window's frames as `name`, after three to warm up (fonts, layout, the view).
fn bench_frames(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: impl Into<String>,
    ctx: &egui::Context,
    app: &mut AtlasApp,
) {
    for _ in 0..3 {
        frame(ctx, app);
    }
    g.bench_function(name.into(), |b| b.iter(|| black_box(frame(ctx, app))));
}

fn frames(c: &mut Criterion) {
    let mut g = c.benchmark_group("ui-frame");
    for (name, m) in [
        ("csto", csto()),
        ("2000", synthetic(2000)),
        ("5000", synthetic(5000)),
    ] {
        let mut app = AtlasApp::new(m, None, Settings::default());
        let ctx = egui::Context::default();
        bench_frames(&mut g, name, &ctx, &mut app);
        // The same with every relation drawn (View → Relations → All).
        let mut filters = app.settings().filters.clone();
        filters.relations = csto_atlas::view::RelationsShown::All;
        app.apply(csto_atlas::ui::Action::SetFilters(filters));
        bench_frames(&mut g, format!("{name} all relations"), &ctx, &mut app);
        // A big atlas opens folded; the same fully expanded (View → Fold → Expand all), with
        // the selection's relations.
        if app.settings().filters.folded.is_empty() {
            continue;
        }
        app.apply(csto_atlas::ui::Action::ExpandTo(None));
        let mut filters = app.settings().filters.clone();
        filters.relations = csto_atlas::view::RelationsShown::Selected;
        app.apply(csto_atlas::ui::Action::SetFilters(filters));
        bench_frames(&mut g, format!("{name} expanded"), &ctx, &mut app);
    }
    g.finish();
}

fn exports(c: &mut Criterion) {
    let mut g = c.benchmark_group("export");
    g.sample_size(20);
    let m = csto();
    // The scene is built once: these measure writing and rasterizing.
    let svg = ExportRequest::new(Format::Svg);
    let png = ExportRequest {
        scale: 2.0,
        ..ExportRequest::new(Format::Png)
    };
    let (visible, s) = svg.scene(&m);
    g.bench_function("svg csto", |b| {
        b.iter(|| svg.render_scene(&m, &visible, &s))
    });
    g.bench_function("png csto 2x", |b| {
        b.iter(|| png.render_scene(&m, &visible, &s))
    });
    let pdf = ExportRequest::new(Format::Pdf);
    g.bench_function("pdf csto", |b| {
        b.iter(|| pdf.render_scene(&m, &visible, &s))
    });
    let a3 = ExportRequest {
        page: csto_atlas::export::PageSetup {
            paper: csto_atlas::export::Paper::A3,
            ..Default::default()
        },
        ..ExportRequest::new(Format::Pdf)
    };
    g.bench_function("pdf csto a3", |b| {
        b.iter(|| a3.render_scene(&m, &visible, &s))
    });
    g.finish();

    // A whole 5,000-body chart at the default scale, fitted to 16,384 px and drawn in strips:
    // the whole export, layout included.
    let mut g = c.benchmark_group("export-big");
    g.sample_size(10);
    let big = synthetic(5000);
    let png = ExportRequest {
        scale: 2.0,
        ..ExportRequest::new(Format::Png)
    };
    g.bench_function("png 5000 whole", |b| {
        b.iter(|| csto_atlas::export::render_noted(&big, &png))
    });
    g.finish();
}

/// Routing every relation around the boxes, as it runs on a change of layout.
fn routing(c: &mut Criterion) {
    let mut g = c.benchmark_group("route");
    for (name, m) in [("csto", csto()), ("2000", synthetic(2000))] {
        let visible = view::visible(&m, &Filters::default());
        let s = scene::build(&m, &visible, Orientation::TopDown, LayoutKind::TidyTree);
        let rects: Vec<egui::Rect> = s.nodes.iter().map(|n| n.rect).collect();
        let pairs: Vec<(usize, usize)> = s
            .edges
            .iter()
            .filter(|e| e.relation.is_some() && !e.on_tree)
            .filter_map(|e| Some((s.node_of_body[e.from.0]?, s.node_of_body[e.to.0]?)))
            .collect();
        let id = format!("{name} ({} relations)", pairs.len());
        g.bench_function(id, |b| {
            b.iter(|| layout::route(black_box(&rects), &pairs, Orientation::TopDown, &[]))
        });
    }
    g.finish();
}

/// The 20,000-body targets: a chain that deep lays out in near-linear time; a 20,000-body atlas
/// builds its opening scene, and frames stay within 16.7 ms in the opening and fit-all views.
fn scale(c: &mut Criterion) {
    let mut g = c.benchmark_group("scale-20k");
    g.sample_size(10);
    let chain = LayoutRequest {
        nodes: (0..20_000usize)
            .map(|i| LayoutNode {
                parent: i.checked_sub(1),
                size: egui::vec2(140.0, 52.0),
                group: 0,
                hides_subordinates: false,
            })
            .collect(),
        kind: LayoutKind::TidyTree,
        orientation: Orientation::TopDown,
        compact: true,
        spacing: Spacing::default(),
    };
    g.bench_function("chain layout", |b| {
        b.iter(|| layout::place(black_box(&chain)))
    });
    let m = synthetic(20_000);
    g.bench_function("open (model, settings, opening scene)", |b| {
        b.iter(|| AtlasApp::new(black_box(m.clone()), None, Settings::default()))
    });
    let mut app = AtlasApp::new(m, None, Settings::default());
    let ctx = egui::Context::default();
    bench_frames(&mut g, "frame opening view", &ctx, &mut app);
    app.apply(csto_atlas::ui::Action::Run(csto_atlas::ui::Command::FitAll));
    bench_frames(&mut g, "frame fit-all", &ctx, &mut app);
    g.finish();
}

criterion_group!(benches, load, layouts, frames, exports, routing, scale);
criterion_main!(benches);
