//! Relations: routed around the boxes, never doubling a reporting line, each kind its own colour.

use crate::common::ciede2000;
use csto_atlas::export::{self, ExportRequest, Format};
use csto_atlas::layout::Orientation;
use csto_atlas::model;
use csto_atlas::scene::{self, EdgeKind, Scene};
use csto_atlas::style::{delta_e, Palette, Theme};
use csto_atlas::view::{Filters, RelationsShown};

fn scene(orientation: Orientation, filters: &Filters) -> (model::Model, Scene) {
    let m = model::load_embedded().unwrap();
    let s = crate::common::routed_scene(&m, filters, orientation);
    (m, s)
}

/// True when the segment a–b passes through the inside of `r`.
fn crosses(a: egui::Pos2, b: egui::Pos2, r: egui::Rect) -> bool {
    let r = r.shrink(1.0);
    // Sample the segment: routes are short orthogonal runs, so a fine step is exact enough.
    let n = (a.distance(b) / 2.0).ceil().max(1.0) as usize;
    (0..=n).any(|k| r.contains(a + (b - a) * (k as f32 / n as f32)))
}

#[test]
fn no_relation_line_passes_through_a_box_but_its_ends() {
    for orientation in [Orientation::TopDown, Orientation::LeftRight] {
        for filters in [
            Filters::default(),
            Filters {
                hidden_kinds: vec!["subsidiary".into()],
                ..Default::default()
            },
        ] {
            let (m, s) = scene(orientation, &filters);
            let mut lines = 0;
            for e in s
                .edges
                .iter()
                .filter(|e| e.relation.is_some() && !e.on_tree)
            {
                lines += 1;
                for w in e.points.windows(2) {
                    for n in s
                        .nodes
                        .iter()
                        .filter(|n| n.body != e.from && n.body != e.to)
                    {
                        assert!(
                            !crosses(w[0], w[1], n.rect),
                            "{orientation:?}: {} → {} runs through {}",
                            m.body(e.from).id,
                            m.body(e.to).id,
                            m.body(n.body).id
                        );
                    }
                }
            }
            assert!(lines > 5, "only {lines} routed relations");
        }
    }
}

/// Proper crossings between two orthogonal routes.
fn crossings(s: &Scene) -> usize {
    let routes: Vec<&Vec<egui::Pos2>> = s
        .edges
        .iter()
        .filter(|e| e.relation.is_some() && !e.on_tree)
        .map(|e| &e.points)
        .collect();
    let mut n = 0;
    for (i, a) in routes.iter().enumerate() {
        for b in &routes[i + 1..] {
            for sa in a.windows(2) {
                for sb in b.windows(2) {
                    let (h, v) = if (sa[0].y - sa[1].y).abs() < 0.01 {
                        (sa, sb)
                    } else {
                        (sb, sa)
                    };
                    let horizontal = (h[0].y - h[1].y).abs() < 0.01;
                    let vertical = (v[0].x - v[1].x).abs() < 0.01;
                    if horizontal && vertical {
                        let (x0, x1) = (h[0].x.min(h[1].x), h[0].x.max(h[1].x));
                        let (y0, y1) = (v[0].y.min(v[1].y), v[0].y.max(v[1].y));
                        if v[0].x > x0 + 0.5
                            && v[0].x < x1 - 0.5
                            && h[0].y > y0 + 0.5
                            && h[0].y < y1 - 0.5
                        {
                            n += 1;
                        }
                    }
                }
            }
        }
    }
    n
}

#[test]
fn relation_lines_cross_each_other_rarely() {
    let (_, s) = scene(Orientation::TopDown, &Filters::default());
    let n = crossings(&s);
    // 37 relations, a few of which must cross the hierarchy's middle (the Joint Staff's four to
    // the collective forces run across the chart). 56 were recorded while lines could share a
    // lane (a shared stretch hides where two lines swap sides); with lanes kept 6 units apart
    // those swaps show as crossings: 74 recorded. The ceiling catches a change that tangles them.
    assert!(n <= 80, "{n} crossings between relation lines");
}

#[test]
fn a_relation_along_a_reporting_line_is_a_marker_not_a_second_line() {
    let (m, s) = scene(Orientation::TopDown, &Filters::default());
    let tree: Vec<_> = s
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::Tree)
        .collect();
    let mut markers = 0;
    for e in s.edges.iter().filter(|e| e.relation.is_some()) {
        let along = tree
            .iter()
            .any(|t| (t.from == e.from && t.to == e.to) || (t.from == e.to && t.to == e.from));
        assert_eq!(
            along,
            e.on_tree,
            "{} → {}",
            m.body(e.from).id,
            m.body(e.to).id
        );
        if e.on_tree {
            markers += 1;
            assert_eq!(e.points.len(), 1);
        }
    }
    assert!(markers >= 10, "{markers} markers");
    // In the SVG, no relation path joins two bodies a reporting line joins.
    let request = ExportRequest {
        filters: Filters {
            relations: RelationsShown::All,
            ..Default::default()
        },
        ..ExportRequest::new(Format::Svg)
    };
    let svg = String::from_utf8(export::render(&m, &request).unwrap()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let pair = |n: &roxmltree::Node| {
        (
            n.attribute("data-from").unwrap().to_owned(),
            n.attribute("data-to").unwrap().to_owned(),
        )
    };
    let class_starts =
        |n: &roxmltree::Node, c: &str| n.attribute("class").is_some_and(|k| k.starts_with(c));
    let tree: Vec<_> = doc
        .descendants()
        .filter(|n| class_starts(n, "edge tree"))
        .map(|n| pair(&n))
        .collect();
    let mut lines = 0;
    for n in doc
        .descendants()
        .filter(|n| class_starts(n, "edge relation"))
    {
        lines += 1;
        let (a, b) = pair(&n);
        assert!(!tree.contains(&(a.clone(), b.clone())) && !tree.contains(&(b, a)));
    }
    assert!(lines > 5);
    assert!(
        doc.descendants()
            .filter(|n| class_starts(n, "relation-marker"))
            .count()
            >= 10
    );
}

#[test]
fn by_default_the_chart_shows_only_the_chosen_bodys_relations() {
    let m = model::load_embedded().unwrap();
    let count = |request: &ExportRequest| {
        let svg = String::from_utf8(export::render(&m, request).unwrap()).unwrap();
        svg.matches(r#"class="edge relation"#).count()
            + svg.matches(r#"class="relation-marker"#).count()
    };
    let none = ExportRequest {
        filters: Filters {
            relations: RelationsShown::None,
            ..Default::default()
        },
        ..ExportRequest::new(Format::Svg)
    };
    assert_eq!(count(&none), 0);
    let cmd = m.index_of("cmd").unwrap();
    let selected = ExportRequest {
        marks: scene::Marks::selection(&m, Some(cmd)),
        filters: Filters::default(),
        ..ExportRequest::new(Format::Svg)
    };
    let of_cmd = m.relations_of(cmd).count();
    assert_eq!(count(&selected), of_cmd);
    let all = ExportRequest {
        filters: Filters {
            relations: RelationsShown::All,
            ..Default::default()
        },
        ..ExportRequest::new(Format::Svg)
    };
    assert_eq!(count(&all), m.atlas.relations.len());
}

/// The colour a relation line of `kind` is drawn in, faded (showcase) or not.
fn drawn(
    kinds: &csto_atlas::model::Kinds,
    kind: csto_atlas::model::RelationKind,
    theme: Theme,
    faded: bool,
) -> egui::Color32 {
    let edge = scene::SceneEdge {
        from: csto_atlas::model::BodyIdx(0),
        to: csto_atlas::model::BodyIdx(1),
        kind: EdgeKind::Relation(kind),
        points: vec![],
        faded,
        indirect: false,
        relation: None,
        on_tree: false,
        label_at: None,
    };
    scene::edge_style(&edge, kinds, theme, &scene::Marks::default()).0
}

#[test]
fn every_two_relation_kinds_differ_by_a_ciede2000_of_at_least_20_as_drawn() {
    let csto = model::load_embedded().unwrap();
    // An atlas that declares no colours gets the built-in ones.
    let plain = model::Model::new(csto_atlas::generate::synthetic(40, 1));
    for m in [&csto, &plain] {
        let all = m.kinds();
        let kinds: Vec<_> = all.relation_kinds().collect();
        assert!(kinds.len() >= 2);
        for theme in [Theme::Light, Theme::Dark] {
            let p = Palette::of(theme);
            for (i, &a) in kinds.iter().enumerate() {
                for &b in &kinds[i + 1..] {
                    for faded in [false, true] {
                        let (ca, cb) = (drawn(all, a, theme, faded), drawn(all, b, theme, faded));
                        let d = ciede2000(ca, cb);
                        assert!(
                            d >= 20.0,
                            "{theme:?}, faded {faded}: {a:?} and {b:?} differ by ΔE00 {d:.1}"
                        );
                    }
                }
                // And every kind stands out from the background.
                assert!(
                    delta_e(p.relation(all, a), p.background) >= 20.0,
                    "{a:?} on the background"
                );
            }
        }
    }
}

/// Labels that overlap a box or another label.
fn crowded_labels(m: &model::Model, s: &Scene) -> Vec<String> {
    let labels: Vec<(String, egui::Rect)> = s
        .edges
        .iter()
        .filter_map(|e| {
            let EdgeKind::Relation(k) = e.kind else {
                return None;
            };
            let name = m.kinds().relation_name_in(k, None);
            let at = e.label_at?;
            Some((
                name.to_owned(),
                egui::Rect::from_center_size(at, scene::label_size(name)),
            ))
        })
        .collect();
    let mut out = Vec::new();
    for (i, (a, ra)) in labels.iter().enumerate() {
        if let Some(n) = s.nodes.iter().find(|n| n.rect.intersects(*ra)) {
            out.push(format!("label {a:?} over {:?}", n.body));
        }
        for (b, rb) in &labels[i + 1..] {
            if ra.intersects(*rb) {
                out.push(format!("labels {a:?} and {b:?} overlap"));
            }
        }
    }
    out
}

#[test]
fn relation_labels_keep_clear_of_boxes_and_of_each_other() {
    let all = Filters {
        relations: RelationsShown::All,
        ..Default::default()
    };
    let (csto, s) = scene(Orientation::TopDown, &all);
    let big = model::Model::new(csto_atlas::generate::synthetic(300, 1));
    let s300 = crate::common::routed_scene(&big, &all, Orientation::TopDown);
    let mut problems = crowded_labels(&csto, &s);
    problems.extend(crowded_labels(&big, &s300));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        s.edges.iter().any(|e| e.label_at.is_some()),
        "some labels are placed (else the test says nothing)"
    );
}

/// How many of a synthetic chart's relation lines cross a box other than their ends, of all.
/// Each line that crosses one is among those the scene counts as routed plainly (what
/// `export --timings` reports).
fn crossing_lines(bodies: usize) -> (usize, usize) {
    let m = model::Model::new(csto_atlas::generate::synthetic(bodies, 1));
    let s = crate::common::routed_scene(&m, &Filters::default(), Orientation::TopDown);
    let lines: Vec<_> = s
        .edges
        .iter()
        .filter(|e| e.relation.is_some() && !e.on_tree)
        .collect();
    // Only the boxes near a line can be in its way: check those.
    let crossing = lines
        .iter()
        .filter(|e| {
            let span = e.points.iter().fold(egui::Rect::NOTHING, |r, p| {
                r.union(egui::Rect::from_min_max(*p, *p))
            });
            let near: Vec<_> = s
                .nodes
                .iter()
                .filter(|n| n.body != e.from && n.body != e.to && n.rect.intersects(span))
                .collect();
            e.points
                .windows(2)
                .any(|w| near.iter().any(|n| crosses(w[0], w[1], n.rect)))
        })
        .count();
    assert!(
        crossing <= s.plain_routes,
        "{crossing} lines cross a box, {} counted as plain",
        s.plain_routes
    );
    (crossing, lines.len())
}

#[test]
fn every_line_clears_the_boxes_at_300_bodies_and_at_least_70_percent_at_2000() {
    let (crossing, lines) = crossing_lines(300);
    assert_eq!(
        crossing, 0,
        "{crossing} of {lines} relation lines cross a box"
    );
    // On 2,000 bodies the routing budget runs out for some (68 of 300 cross a box when this
    // was written): this holds the floor at 70 % clear, and issue #29's goal is 100 %.
    let (crossing, lines) = crossing_lines(2000);
    assert!(
        crossing * 10 <= lines * 3,
        "{crossing} of {lines} relation lines cross a box"
    );
}

/// Pairs of relation lines that run side by side closer than `gap` over more than 20 units: lines
/// a reader cannot tell apart. Bundles are not counted: lines of one pair of bodies, or of one
/// kind from or to one body (a trunk that branches, as JS "coordinates" the four forces).
fn close_lanes(m: &model::Model, s: &Scene, gap: f32) -> Vec<String> {
    // Each run: the relation, its two bodies, whether it is horizontal, its coordinate across
    // and its extent along.
    let mut runs = Vec::new();
    for e in s
        .edges
        .iter()
        .filter(|e| e.relation.is_some() && !e.on_tree)
    {
        let pair = if e.from.0 < e.to.0 {
            (e.from, e.to)
        } else {
            (e.to, e.from)
        };
        for w in e.points.windows(2) {
            let horizontal = (w[0].y - w[1].y).abs() < 0.01;
            let (across, a, b) = if horizontal {
                (w[0].y, w[0].x, w[1].x)
            } else {
                (w[0].x, w[0].y, w[1].y)
            };
            runs.push((
                e.relation,
                pair,
                horizontal,
                across,
                a.min(b),
                a.max(b),
                e.kind,
            ));
        }
    }
    let mut out = Vec::new();
    for (i, r) in runs.iter().enumerate() {
        for q in &runs[i + 1..] {
            let shares_end = [r.1 .0, r.1 .1]
                .iter()
                .any(|b| *b == q.1 .0 || *b == q.1 .1);
            let bundled = r.1 == q.1 || (r.6 == q.6 && shares_end);
            if r.0 == q.0 || bundled || r.2 != q.2 || (r.3 - q.3).abs() >= gap {
                continue;
            }
            let overlap = r.5.min(q.5) - r.4.max(q.4);
            if overlap > 20.0 {
                let name = |rel: Option<usize>| {
                    let rel = &m.atlas.relations[rel.unwrap_or_default()];
                    format!("{}→{}", rel.from, rel.to)
                };
                out.push(format!(
                    "{} and {} run {:.1} apart over {overlap:.0} ({})",
                    name(r.0),
                    name(q.0),
                    (r.3 - q.3).abs(),
                    if r.2 { "across" } else { "down" },
                ));
            }
        }
    }
    out
}

#[test]
fn parallel_relation_lines_keep_at_least_6_units_apart() {
    let all = Filters {
        relations: RelationsShown::All,
        ..Default::default()
    };
    let mut problems = Vec::new();
    let (csto, s) = scene(Orientation::TopDown, &all);
    problems.extend(close_lanes(&csto, &s, 6.0));
    let (_, s) = scene(Orientation::LeftRight, &all);
    problems.extend(close_lanes(&csto, &s, 6.0));
    let big = model::Model::new(csto_atlas::generate::synthetic(300, 1));
    let s300 = crate::common::routed_scene(&big, &all, Orientation::TopDown);
    problems.extend(close_lanes(&big, &s300, 6.0));
    // 114 pairs ran closer than 6 units (most in one lane) before lanes were kept apart; the
    // last two, lines through a narrow gap between stacked boxes, part since a group that the
    // nearest lanes cannot part is packed from the gap's edges.
    assert!(
        problems.is_empty(),
        "{} close pairs:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The relation lines in the window's scene that are routed (two points or more), and those
/// that are not, leaving out markers on reporting lines.
fn routed_in(app: &csto_atlas::ui::AtlasApp) -> (Vec<&scene::SceneEdge>, Vec<&scene::SceneEdge>) {
    app.scene()
        .edges
        .iter()
        .filter(|e| e.relation.is_some() && !e.on_tree)
        .partition(|e| e.points.len() >= 2)
}

/// Routing every relation of a 2,000-body chart takes longer than a change may (the scene is
/// built on the window's thread): the window routes the selection's relations there, and
/// every relation of a small chart, so hovering draws them at once.
#[test]
fn a_big_chart_in_the_window_routes_the_selections_relations() {
    use csto_atlas::ui::{Action, AtlasApp, Settings};
    use egui_kittest::Harness;
    let harness = |m: model::Model| {
        let app = AtlasApp::new(m, None, Settings::default());
        assert_eq!(app.settings().filters.relations, RelationsShown::Selected);
        Harness::builder()
            .with_size([1400.0, 900.0])
            .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
    };
    let mut small = harness(model::load_embedded().unwrap());
    small.run();
    let (routed, unrouted) = routed_in(small.state());
    assert!(
        routed.len() >= 8 && unrouted.is_empty(),
        "{}",
        unrouted.len()
    );

    let big = model::Model::new(csto_atlas::generate::synthetic(2000, 1));
    let mut h = harness(big);
    h.state_mut().apply(Action::ExpandTo(None));
    h.run();
    let (routed, unrouted) = routed_in(h.state());
    assert_eq!(h.state().scene().nodes.len(), 2000);
    assert!(
        routed.is_empty() && unrouted.len() > 200,
        "{}",
        routed.len()
    );
    let body = unrouted[0].from;
    h.state_mut().apply(Action::Select {
        body: Some(body),
        reveal: false,
    });
    h.run();
    let (routed, unrouted) = routed_in(h.state());
    assert!(!routed.is_empty());
    assert!(routed.iter().all(|e| e.from == body || e.to == body));
    assert!(unrouted.iter().all(|e| e.from != body && e.to != body));
    // Each routed line leaves one of its own boxes, reaches the other, and passes through no
    // other box, however far it runs across the chart (a few lines can afford a wide search).
    // The bodies of the four longest relations: their lines pass near the most boxes.
    let s = h.state().scene();
    let centre = |b| s.node_for(b).unwrap().rect.center();
    let mut far: Vec<_> = (unrouted.iter())
        .map(|e| (centre(e.from).distance(centre(e.to)), e.from))
        .collect();
    far.sort_by(|a, b| b.0.total_cmp(&a.0));
    let bodies: Vec<_> = far.iter().map(|f| f.1).take(4).collect();
    for &body in &bodies {
        h.state_mut().apply(Action::Select {
            body: Some(body),
            reveal: false,
        });
        h.run();
        let s = h.state().scene();
        let (routed, _) = routed_in(h.state());
        assert!(!routed.is_empty());
        for e in routed {
            let (a, b) = (
                s.node_for(e.from).unwrap().rect,
                s.node_for(e.to).unwrap().rect,
            );
            let ends = [e.points[0], *e.points.last().unwrap()];
            let on = |r: egui::Rect, p: egui::Pos2| r.expand(1.0).contains(p);
            assert!(on(a, ends[0]) && on(b, ends[1]) || on(b, ends[0]) && on(a, ends[1]));
            for n in s
                .nodes
                .iter()
                .filter(|n| n.body != e.from && n.body != e.to)
            {
                for w in e.points.windows(2) {
                    assert!(
                        !crosses(w[0], w[1], n.rect),
                        "{:?} crosses a box",
                        e.relation
                    );
                }
            }
        }
    }
}

/// A relation the scene did not route (on a big chart, one of a hovered body's) has nothing to
/// draw: it is not drawn, and the legend names no kind for it (only the reporting line and the
/// kinds of the markers on it).
#[test]
fn an_unrouted_relation_is_neither_drawn_nor_in_the_legend() {
    let m = model::load_embedded().unwrap();
    let v = csto_atlas::view::visible(&m, &Filters::default());
    let kind = csto_atlas::layout::LayoutKind::TidyTree;
    let o = Orientation::TopDown;
    let cmd = m.index_of("cmd").unwrap();
    let marks = scene::Marks::selection(&m, Some(cmd));
    let shown = RelationsShown::Selected;
    let lines_in_legend = |s: &Scene| -> Vec<String> {
        (scene::legend(s, &marks, Theme::Light, shown, None).into_iter())
            .filter(|(swatch, _)| matches!(swatch, scene::Swatch::Line { .. }))
            .map(|(_, label)| label)
            .collect()
    };
    let routed = scene::build(&m, &v, o, kind, &scene::Routing::All);
    let unrouted = scene::build(&m, &v, o, kind, &scene::Routing::None);
    let drawn = |s: &Scene| -> Vec<String> {
        (s.edges.iter())
            .filter(|e| e.relation.is_some() && scene::edge_drawn(e, shown, &marks))
            .filter(|e| !e.on_tree)
            .map(|e| match e.kind {
                EdgeKind::Relation(k) => m.kinds().relation(k).name.clone(),
                EdgeKind::Tree => unreachable!(),
            })
            .collect()
    };
    assert!(drawn(&routed).len() >= 2);
    assert!(drawn(&unrouted).is_empty());
    let markers: Vec<String> = (unrouted.edges.iter())
        .filter(|e| e.on_tree && scene::edge_drawn(e, shown, &marks))
        .filter_map(|e| match e.kind {
            EdgeKind::Relation(k) => Some(m.kinds().relation(k).name.clone()),
            EdgeKind::Tree => None,
        })
        .collect();
    let lines = lines_in_legend(&unrouted);
    for label in &lines[1..] {
        assert!(
            markers.contains(label),
            "{label:?} in the legend, drawn nowhere"
        );
    }
    // With the lines routed, their kinds are named too.
    for label in drawn(&routed) {
        assert!(lines_in_legend(&routed).contains(&label), "{label:?}");
    }
}
