//! The CSTO chart's geometry: readable, no collisions, ranks that follow the organization.

use csto_atlas::layout::{LayoutKind, Orientation};
use csto_atlas::model;
use csto_atlas::scene::{self, Scene, NAME_SIZE};
use csto_atlas::view::{self, Filters};

fn scene_with(filters: &Filters, orientation: Orientation) -> (model::Model, Scene) {
    let m = model::load_embedded().unwrap();
    let v = view::visible(&m, filters);
    let s = scene::build(&m, &v, orientation, LayoutKind::TidyTree);
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
    // The chart area of a 1400x900 window, less the side panels and bars.
    let size = egui::vec2(1130.0, 780.0);
    let view = scene::default_view(&s, size);
    let zoom = size.x / view.width();
    assert!(
        NAME_SIZE * zoom >= 10.0,
        "names are {} px",
        NAME_SIZE * zoom
    );
    assert!(
        view.contains_rect(s.bounds),
        "the whole chart fits: {view:?}"
    );
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

/// The nearest box straight above `n` (overlapping it across), if any.
fn box_above<'a>(s: &'a Scene, n: &scene::SceneNode) -> Option<&'a scene::SceneNode> {
    s.nodes
        .iter()
        .filter(|o| {
            o.body != n.body
                && o.rect.bottom() <= n.rect.top()
                && o.rect.left() < n.rect.right() - 1.0
                && o.rect.right() > n.rect.left() + 1.0
        })
        .max_by(|a, b| a.rect.bottom().total_cmp(&b.rect.bottom()))
}

#[test]
fn no_box_reads_as_under_a_body_that_is_not_its_parent() {
    let kinds = [
        Filters::default(),
        Filters {
            hidden_kinds: vec!["subsidiary".to_string()],
            ..Default::default()
        },
        Filters {
            as_of: csto_atlas::model::Date::parse("2005-01-01"),
            ..Default::default()
        },
    ];
    for filters in &kinds {
        let (m, s) = scene_with(filters, Orientation::TopDown);
        let v = view::visible(&m, filters);
        for n in &s.nodes {
            let Some(above) = box_above(&s, n) else {
                continue;
            };
            let parent = v.drawn_parent(&m, n.body);
            let sibling = parent.is_some() && v.drawn_parent(&m, above.body) == parent;
            assert!(
                Some(above.body) == parent || sibling,
                "{} reads as under {} ({filters:?})",
                m.body(n.body).id,
                m.body(above.body).id
            );
        }
    }
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
