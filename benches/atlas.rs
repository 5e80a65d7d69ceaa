//! Speed benchmarks: load, layout, one UI frame and export, on the CSTO atlas and synthetic ones.
//!
//! Run with `cargo bench`; `BENCHMARKS.md` records the figures.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use csto_atlas::export::{ExportRequest, Format};
use csto_atlas::generate;
use csto_atlas::layout::{self, LayoutKind, LayoutNode, LayoutRequest, Orientation, Spacing};
use csto_atlas::model::{self, Model};
use csto_atlas::model::{Date, Established};
use csto_atlas::scene::{self, Routing};
use csto_atlas::ui::{Action, AtlasApp, Command, Settings};
use csto_atlas::view::{self, Filters, RelationsShown};

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
        // Everything that runs on a change of data or filter: text and layout, with no relation
        // drawn (nothing routed), then with every relation routed around the boxes.
        for (id, routing) in [
            ("scene", Routing::None),
            ("scene, all relations routed", Routing::All),
        ] {
            g.bench_with_input(BenchmarkId::new(id, name), m, |b, m| {
                b.iter(|| {
                    let o = (Orientation::TopDown, LayoutKind::TidyTree);
                    scene::build(black_box(m), &visible, o.0, o.1, &routing)
                })
            });
        }
        // A change of date alone: the boxes keep their places, the relation routes are kept.
        let mut routes = scene::RouteCache::default();
        let mut build = |m: &Model| {
            scene::build_with_routes(
                m,
                &visible,
                Orientation::TopDown,
                LayoutKind::TidyTree,
                (&Routing::All, &mut routes),
            )
        };
        build(m);
        g.bench_with_input(BenchmarkId::new("scene-routes-kept", name), m, |b, m| {
            b.iter(|| build(black_box(m)))
        });
    }
    g.finish();
}

/// Benches the window's frames as `name`, after three to warm up (fonts, layout, the view).
/// The name ends with the number of boxes the view holds, so that a fast frame of a folded
/// chart is not read as one of the whole chart.
fn bench_frames(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: impl Into<String>,
    ctx: &egui::Context,
    app: &mut AtlasApp,
) {
    for _ in 0..3 {
        frame(ctx, app);
    }
    let name = format!("{} [{} boxes]", name.into(), app.scene().nodes.len());
    g.bench_function(name, |b| b.iter(|| black_box(frame(ctx, app))));
}

/// Benches one zoom step (`+`, then `-` on the next iteration) and the frame that draws it.
fn bench_zoom(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    ctx: &egui::Context,
    app: &mut AtlasApp,
) {
    for _ in 0..3 {
        frame(ctx, app);
    }
    let name = format!("{name} zoom step [{} boxes]", app.scene().nodes.len());
    let mut zoom_in = true;
    g.bench_function(name, |b| {
        b.iter(|| {
            let step = if zoom_in {
                Command::ZoomIn
            } else {
                Command::ZoomOut
            };
            zoom_in = !zoom_in;
            app.apply(Action::Run(step));
            black_box(frame(ctx, app))
        })
    });
}

/// The synthetic atlas with establishment years spread over 1990–2019, so that two dates differ.
fn dated(n: usize) -> Model {
    let mut atlas = generate::synthetic(n, 1);
    for (i, body) in atlas.bodies.iter_mut().enumerate() {
        // A parent comes before its children in the generator's list, so an earlier year
        // for a lower index keeps every child after its parent.
        let year = 1990 + (i * 30 / n.max(1)) as i32;
        body.established = Some(Established {
            date: Some(format!("{year}-01-01")),
            ..Default::default()
        });
    }
    Model::new(atlas)
}

fn with_filters(app: &mut AtlasApp, change: impl FnOnce(&mut Filters)) {
    let mut filters = app.settings().filters.clone();
    change(&mut filters);
    app.apply(Action::SetFilters(filters));
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
        bench_frames(&mut g, format!("{name} opening view"), &ctx, &mut app);
        bench_zoom(&mut g, name, &ctx, &mut app);
        // The same with every relation drawn (View → Relations → All).
        with_filters(&mut app, |f| f.relations = RelationsShown::All);
        bench_frames(&mut g, format!("{name} all relations"), &ctx, &mut app);
        // A big atlas opens folded; the same fully expanded (View → Fold → Expand all), with
        // the selection's relations, then with every relation.
        if app.settings().filters.folded.is_empty() {
            continue;
        }
        app.apply(Action::ExpandTo(None));
        with_filters(&mut app, |f| f.relations = RelationsShown::Selected);
        bench_frames(&mut g, format!("{name} expanded"), &ctx, &mut app);
        bench_zoom(&mut g, &format!("{name} expanded"), &ctx, &mut app);
        with_filters(&mut app, |f| f.relations = RelationsShown::All);
        bench_frames(
            &mut g,
            format!("{name} expanded, all relations"),
            &ctx,
            &mut app,
        );
    }
    // Compare mode: the chart at one date with what changed since another marked.
    for (name, m, from, to) in [
        ("csto", csto(), "2002-10-07", "2024-01-01"),
        ("2000 dated", dated(2000), "2000-01-01", "2015-01-01"),
    ] {
        let mut app = AtlasApp::new(m, None, Settings::default());
        app.apply(Action::ExpandTo(None));
        with_filters(&mut app, |f| {
            f.as_of = Date::parse(to);
            f.compare = Date::parse(from);
        });
        let ctx = egui::Context::default();
        bench_frames(
            &mut g,
            format!("{name} compare {from} with {to}"),
            &ctx,
            &mut app,
        );
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
        let o = (Orientation::TopDown, LayoutKind::TidyTree);
        let s = scene::build(&m, &visible, o.0, o.1, &Routing::All);
        let rects: Vec<egui::Rect> = s.nodes.iter().map(|n| n.rect).collect();
        let pairs: Vec<(usize, usize)> = s
            .edges
            .iter()
            .filter(|e| e.relation.is_some() && !e.on_tree)
            .filter_map(|e| Some((s.node_of_body[e.from.0]?, s.node_of_body[e.to.0]?)))
            .collect();
        let id = format!("{name} ({} relations)", pairs.len());
        g.bench_function(id, |b| {
            b.iter(|| layout::route(black_box(&rects), &pairs, Orientation::TopDown, &[]).0)
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
    app.apply(Action::Run(Command::FitAll));
    bench_frames(&mut g, "frame fit-all", &ctx, &mut app);
    g.finish();
}

criterion_group!(benches, load, layouts, frames, exports, routing, scale);
criterion_main!(benches);
