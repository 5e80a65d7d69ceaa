//! The CSTO chart's geometry: readable, no collisions, ranks that follow the organization.

use crate::common;

use csto_atlas::layout::Orientation;
use csto_atlas::model;
use csto_atlas::scene::{self, Scene, NAME_SIZE};
use csto_atlas::view::{self, Filters};

fn scene_with(filters: &Filters, orientation: Orientation) -> (model::Model, Scene) {
    let m = model::load_embedded().unwrap();
    let s = crate::common::routed_scene(&m, filters, orientation);
    (m, s)
}

fn assert_no_overlap(s: &Scene) {
    for (i, a) in s.nodes.iter().enumerate() {
        for b in &s.nodes[i + 1..] {
            assert!(
                !a.rect.shrink(0.5).intersects(b.rect.shrink(0.5)),
                "{:?} and {:?} overlap",
                a.body,
                b.body
            );
        }
    }
}

#[test]
fn no_two_boxes_overlap_in_either_orientation_or_under_filters() {
    for orientation in [Orientation::TopDown, Orientation::LeftRight] {
        assert_no_overlap(&scene_with(&Filters::default(), orientation).1);
        let early = Filters {
            as_of: csto_atlas::model::Date::parse("2008-01-01"),
            ..Default::default()
        };
        assert_no_overlap(&scene_with(&early, orientation).1);
    }
}

#[test]
fn every_subordinate_sits_below_its_parent_and_the_csc_is_on_top() {
    let (m, s) = scene_with(&Filters::default(), Orientation::TopDown);
    let csc = s.node_for(m.index_of("csc").unwrap()).unwrap();
    assert_eq!(csc.rect.top(), s.bounds.top());
    for n in &s.nodes {
        if let Some(p) = m.parent(n.body) {
            let parent = s.node_for(p).unwrap();
            assert!(
                n.rect.top() >= parent.rect.bottom(),
                "{} above its parent",
                m.body(n.body).id
            );
        }
    }
    // Boxes are sized to their text: every line fits inside its box.
    let metrics = csto_atlas::layout::TextMetrics::get();
    for n in &s.nodes {
        for l in &n.lines {
            let w = metrics.width(&l.text, l.size);
            assert!(
                l.pos.x >= n.rect.left() && l.pos.x + w <= n.rect.right() + 0.5,
                "{:?}",
                l.text
            );
            assert!(
                l.pos.y + metrics.line_height(l.size) <= n.rect.bottom() + 0.5,
                "{:?}",
                l.text
            );
        }
    }
}

#[test]
fn the_chart_opens_readable_in_the_default_window() {
    let (_, s) = scene_with(&Filters::default(), Orientation::TopDown);
    // The chart areas of a 1400x900 and a 1920x1080 window, less the side panels and bars: the
    // whole chart, names at least 9 px.
    for size in [egui::vec2(1130.0, 780.0), egui::vec2(1650.0, 960.0)] {
        let view = scene::default_view(&s, size);
        let zoom = size.x / view.width();
        assert!(NAME_SIZE * zoom >= 9.0, "names are {} px", NAME_SIZE * zoom);
        assert!(
            view.contains_rect(s.bounds),
            "the whole chart fits in {size:?}: {view:?}"
        );
    }
}

#[test]
fn layout_is_deterministic_and_tree_edges_never_cross_a_box() {
    let (_, a) = scene_with(&Filters::default(), Orientation::TopDown);
    let (_, b) = scene_with(&Filters::default(), Orientation::TopDown);
    assert_eq!(a, b);
    for e in a.edges.iter().filter(|e| e.kind == scene::EdgeKind::Tree) {
        for seg in e.points.windows(2) {
            for n in &a.nodes {
                if n.body == e.from || n.body == e.to {
                    continue;
                }
                let r = n.rect.shrink(1.0);
                // Segments are axis-aligned: test the segment's box against the node.
                let seg_box = egui::Rect::from_two_pos(seg[0], seg[1]).expand(0.1);
                assert!(
                    !seg_box.intersects(r),
                    "edge {:?}->{:?} crosses {:?}",
                    e.from,
                    e.to,
                    n.body
                );
            }
        }
    }
}

#[test]
fn left_to_right_opens_on_the_apex() {
    let (m, s) = scene_with(&Filters::default(), Orientation::LeftRight);
    let view = scene::default_view(&s, egui::vec2(1130.0, 780.0));
    let csc = s.node_for(m.index_of("csc").unwrap()).unwrap();
    assert!(
        view.contains_rect(csc.rect),
        "the CSC is in the opening view"
    );
    assert!(view.left() <= s.bounds.left());
}

/// Filters that show only bodies of the kind `kind`.
fn only_kind(m: &model::Model, kind: &str) -> Filters {
    Filters {
        hidden_kinds: m
            .kinds()
            .body_kinds()
            .map(|k| m.kinds().body(k).id.clone())
            .filter(|id| id != kind)
            .collect(),
        ..Default::default()
    }
}

/// What an exported SVG draws: each body's box, and each block's frame and heading with the
/// id of the parent it names.
struct Drawn {
    boxes: Vec<(String, egui::Rect)>,
    blocks: Vec<(String, egui::Rect, egui::Rect)>,
}

fn drawn(svg: &str) -> Drawn {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let boxes = common::svg_boxes(&doc);
    let blocks = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("block"))
        .map(|g| {
            let frame = g
                .children()
                .find(|n| n.has_tag_name("rect"))
                .map(common::svg_rect)
                .unwrap();
            let text = doc
                .descendants()
                .find(|h| {
                    h.attribute("class") == Some("block-heading")
                        && h.attribute("data-block") == g.attribute("data-block")
                })
                .and_then(|h| h.children().find(|n| n.has_tag_name("text")))
                .unwrap();
            let y = text.attribute("y").unwrap().parse::<f32>().unwrap();
            let heading = egui::Rect::from_min_max(
                egui::pos2(frame.left(), frame.top()),
                egui::pos2(frame.right(), y + 3.0),
            );
            (
                g.attribute("data-parent").unwrap().to_owned(),
                frame,
                heading,
            )
        })
        .collect();
    Drawn { boxes, blocks }
}

/// Checks that the nearest thing above each box (overlapping it across) is its parent, the
/// heading of the block it is in, or a sibling of its kind in the same block.
fn false_heads(m: &model::Model, filters: &Filters, case: &str) -> Vec<String> {
    let mut problems = Vec::new();
    use csto_atlas::export::{self, ExportRequest, Format};
    let request = ExportRequest {
        filters: filters.clone(),
        legend: false,
        caption: false,
        ..ExportRequest::new(Format::Svg)
    };
    let svg = String::from_utf8(export::render(m, &request).unwrap()).unwrap();
    let d = drawn(&svg);
    let v = view::visible(m, filters);
    let id = |i: model::BodyIdx| m.body(i).id.clone();
    let parent_of = |b: &str| v.drawn_parent(m, m.index_of(b).unwrap()).map(id);
    let block_of = |r: egui::Rect| d.blocks.iter().find(|(_, f, _)| f.contains_rect(r));
    assert!(!d.boxes.is_empty(), "{case}: nothing drawn");
    for (b, r) in &d.boxes {
        let overlaps = |o: egui::Rect| {
            o.bottom() <= r.top() + 0.5 && o.left() < r.right() - 1.0 && o.right() > r.left() + 1.0
        };
        let above_box = d
            .boxes
            .iter()
            .filter(|(o, q)| o != b && overlaps(*q))
            .max_by(|x, y| x.1.bottom().total_cmp(&y.1.bottom()));
        let above_heading = d
            .blocks
            .iter()
            .filter(|(_, f, h)| overlaps(*h) && f.contains_rect(*r))
            .map(|(p, _, h)| (p, h.bottom()))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        let parent = parent_of(b);
        match (above_box, above_heading) {
            (_, Some((p, hb))) if above_box.is_none_or(|(_, q)| q.bottom() <= hb) => {
                // A heading names an ancestor: the parent, or one whose block holds the parent.
                let ancestor = m
                    .path_to_root(m.index_of(b).unwrap())
                    .iter()
                    .any(|&a| m.body(a).id == *p);
                if !ancestor {
                    problems.push(format!("{case}: {b} is under the heading of {p}"));
                }
            }
            (Some((o, q)), _) => {
                let kind = |x: &str| m.body(m.index_of(x).unwrap()).kind.clone();
                let same_block = block_of(*r).is_some() && block_of(*r) == block_of(*q);
                let sibling = same_block && parent_of(o) == parent && kind(o) == kind(b);
                // An ancestor further up is true, if less direct: it never misreads.
                let ancestor = m
                    .path_to_root(m.index_of(b).unwrap())
                    .iter()
                    .skip(1)
                    .any(|&a| m.body(a).id == *o);
                if !ancestor && !sibling {
                    problems.push(format!(
                        "{case}: {b} reads as under {o} (its parent: {parent:?})"
                    ));
                }
            }
            _ => {}
        }
    }
    problems
}

#[test]
fn no_box_reads_as_under_a_body_that_is_not_its_parent() {
    let csto = model::load_embedded().unwrap();
    let only = |k: &str| only_kind(&csto, k);
    let cases = [
        ("default", Filters::default()),
        ("only subsidiary", only("subsidiary")),
        ("only statutory", only("statutory")),
        (
            "as of 2004",
            Filters {
                as_of: model::Date::parse("2004-01-01"),
                ..Default::default()
            },
        ),
        (
            "no subsidiary",
            Filters {
                hidden_kinds: vec!["subsidiary".into()],
                ..Default::default()
            },
        ),
    ];
    let mut problems = Vec::new();
    for (case, filters) in &cases {
        problems.extend(false_heads(&csto, filters, case));
    }
    let synthetic = model::Model::new(csto_atlas::generate::synthetic(300, 1));
    problems.extend(false_heads(&synthetic, &Filters::default(), "300 bodies"));
    for sheet in ["ministry.csv", "ministry-semicolon.csv", "un-system.ron"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(sheet);
        let m = model::load(Some(&path)).unwrap();
        problems.extend(false_heads(&m, &Filters::default(), sheet));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn without_subsidiary_bodies_the_councils_stand_in_a_row() {
    let filters = Filters {
        hidden_kinds: vec!["subsidiary".to_string()],
        ..Default::default()
    };
    let (m, s) = scene_with(&filters, Orientation::TopDown);
    let row = |id: &str| s.node_for(m.index_of(id).unwrap()).unwrap().rect.center().y;
    for id in ["cmd", "cssc", "permanent-council"] {
        assert_eq!(row(id), row("cmfa"), "{id} is not in the councils' row");
    }
}

#[test]
fn a_faded_bodys_badges_fade_with_it() {
    let filters = Filters {
        hidden_kinds: vec!["subsidiary".into()],
        showcase: true,
        ..Default::default()
    };
    let (m, s) = scene_with(&filters, Orientation::TopDown);
    let marks = scene::Marks::default();
    let faded_badges: Vec<_> = s
        .nodes
        .iter()
        .filter(|n| n.faded && n.undated)
        .flat_map(|n| scene::box_look(n, m.kinds(), egui::Theme::Light, &marks).badges)
        .collect();
    assert!(
        !faded_badges.is_empty(),
        "undated subsidiary bodies are faded here"
    );
    let plain = s
        .nodes
        .iter()
        .find(|n| !n.faded && n.undated)
        .map(|n| scene::box_look(n, m.kinds(), egui::Theme::Light, &marks).badges[0].fill)
        .expect("an undated body shown in full");
    for b in faded_badges {
        assert_ne!(
            b.fill, plain,
            "{}: a faded body's badge is not at full strength",
            b.text
        );
        // Lighter: nearer the white paper.
        let sum = |c: egui::Color32| c.r() as u32 + c.g() as u32 + c.b() as u32;
        assert!(sum(b.fill) > sum(plain));
    }
}

#[test]
fn only_statutory_bodies_stand_as_peers_in_a_row() {
    let filters = only_kind(&model::load_embedded().unwrap(), "statutory");
    let (m, s) = scene_with(&filters, Orientation::TopDown);
    let row = |id: &str| s.node_for(m.index_of(id).unwrap()).unwrap().rect.center().y;
    for id in ["cmd", "cssc", "permanent-council"] {
        assert_eq!(row(id), row("cmfa"), "{id} is not in the councils' row");
    }
    assert!(
        s.blocks.is_empty(),
        "no stack: the councils only look childless"
    );
}

#[test]
fn only_subsidiary_bodies_are_framed_under_their_hidden_parents() {
    use csto_atlas::export::{self, ExportRequest, Format};
    let m = model::load_embedded().unwrap();
    let request = ExportRequest {
        filters: only_kind(&m, "subsidiary"),
        ..ExportRequest::new(Format::Svg)
    };
    let svg = String::from_utf8(export::render(&m, &request).unwrap()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let headings: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("heading"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    for h in [
        "Under the CSC",
        "Under the CMD",
        "Under the CMFA",
        "Under the CSSC",
    ] {
        assert!(
            headings.iter().any(|x| x == h),
            "no frame {h:?} in {headings:?}"
        );
    }
    // Each working group of the CSSC sits inside the CSSC's frame.
    let d = drawn(&svg);
    let cssc = d
        .blocks
        .iter()
        .find(|(p, _, _)| p == "cssc")
        .map(|(_, f, _)| *f)
        .unwrap();
    for wg in [
        "wg-information-security",
        "wg-terrorism-extremism",
        "narcologists",
        "circc",
    ] {
        let r = d.boxes.iter().find(|(id, _)| id == wg).unwrap().1;
        assert!(cssc.contains_rect(r), "{wg} is outside the CSSC's frame");
    }
}

#[test]
fn every_text_colour_reads_at_wcag_aa_in_both_themes() {
    use csto_atlas::style::{contrast, Palette, Theme};
    let m = model::load_embedded().unwrap();
    // Bodies carrying every badge: new, new?, n.d., +N, §.
    let filters = Filters {
        as_of: model::Date::parse("2025-01-01"),
        compare: model::Date::parse("2003-01-01"),
        ..Default::default()
    };
    let (_, s) = scene_with(&filters, Orientation::TopDown);
    let mut marks = scene::Marks::default();
    marks.added = csto_atlas::history::added(&m, &filters);
    marks.added_undated = csto_atlas::history::added_undated(&m, &marks.added);
    marks.citing = s.nodes.iter().map(|n| n.body).collect();
    let mut problems = Vec::new();
    let mut check = |what: String, fg: egui::Color32, bg: egui::Color32| {
        let c = contrast(fg, bg);
        if c < 4.5 {
            problems.push(format!("{what}: {c:.2}:1"));
        }
    };
    for theme in [Theme::Light, Theme::Dark] {
        let p = Palette::of(theme);
        check(format!("{theme:?} text"), p.text, p.background);
        check(format!("{theme:?} weak text"), p.weak_text, p.background);
        let block = scene::block_look(theme);
        check(format!("{theme:?} block heading"), block.text, block.fill);
        let mut badges = 0;
        for n in &s.nodes {
            let mut n = n.clone();
            n.folded = 2;
            n.handle = Some(n.rect.center_bottom());
            for b in scene::box_look(&n, m.kinds(), theme, &marks).badges {
                badges += 1;
                check(
                    format!("{theme:?} badge {:?}", b.text),
                    b.text_color,
                    b.fill,
                );
            }
        }
        assert!(badges > 0);
        for k in m.kinds().relation_kinds() {
            let label = p.readable(p.relation(m.kinds(), k));
            check(format!("{theme:?} label of {k:?}"), label, p.background);
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
