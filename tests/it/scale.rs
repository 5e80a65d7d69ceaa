//! Big charts: the 2,000-body synthetic atlas laid out compact, within 4:1 in both orientations,
//! every box clear of the others and of the reporting lines, none reading as under a stranger.

use csto_atlas::layout::{Orientation, MAX_ASPECT};
use csto_atlas::model::Model;
use csto_atlas::scene::{EdgeKind, Scene};
use csto_atlas::view::Filters;

fn synthetic_scene(n: usize, orientation: Orientation) -> (Model, Scene) {
    let m = Model::new(csto_atlas::generate::synthetic(n, 1));
    let s = crate::common::routed_scene(&m, &Filters::default(), orientation);
    (m, s)
}

fn assert_clear(s: &Scene) {
    let mut rects: Vec<(usize, egui::Rect)> = s
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (i, n.rect))
        .collect();
    rects.sort_by(|a, b| a.1.left().total_cmp(&b.1.left()));
    // Sweep along x: only boxes that overlap across can collide.
    for (k, (i, a)) in rects.iter().enumerate() {
        for (j, b) in &rects[k + 1..] {
            if b.left() >= a.right() {
                break;
            }
            assert!(
                !a.shrink(0.5).intersects(b.shrink(0.5)),
                "boxes {i} {a:?} and {j} {b:?} overlap"
            );
        }
    }
    for e in s.edges.iter().filter(|e| e.kind == EdgeKind::Tree) {
        for seg in e.points.windows(2) {
            let seg_box = egui::Rect::from_two_pos(seg[0], seg[1]).expand(0.1);
            for n in &s.nodes {
                if n.body == e.from || n.body == e.to {
                    continue;
                }
                assert!(
                    !seg_box.intersects(n.rect.shrink(1.0)),
                    "the line {:?}->{:?} crosses {:?}",
                    e.from,
                    e.to,
                    n.body
                );
            }
        }
    }
}

#[test]
fn the_2000_body_chart_stays_within_4_to_1_in_both_orientations() {
    for orientation in [Orientation::TopDown, Orientation::LeftRight] {
        let (_, s) = synthetic_scene(2000, orientation);
        assert_eq!(s.nodes.len(), 2000);
        let (w, h) = (s.bounds.width(), s.bounds.height());
        assert!(
            w.max(h) <= MAX_ASPECT * w.min(h),
            "{orientation:?}: {w} x {h} is more than {MAX_ASPECT}:1"
        );
        assert_clear(&s);
    }
}

#[test]
fn in_wrapped_rows_no_box_reads_as_under_a_stranger() {
    let (m, s) = synthetic_scene(2000, Orientation::TopDown);
    let mut wrapped_rows = 0;
    for n in &s.nodes {
        let Some(parent) = m.parent(n.body) else {
            continue;
        };
        let above = s
            .nodes
            .iter()
            .filter(|o| {
                o.body != n.body
                    && o.rect.bottom() <= n.rect.top()
                    && o.rect.left() < n.rect.right() - 1.0
                    && o.rect.right() > n.rect.left() + 1.0
            })
            .max_by(|a, b| a.rect.bottom().total_cmp(&b.rect.bottom()));
        let Some(above) = above else { continue };
        if above.body == parent || m.parent(above.body) == Some(parent) {
            continue;
        }
        // A box of another family stands above: the body's own line must come down into it
        // from a bus in the gap between the two, so that it reads as hanging from that line.
        wrapped_rows += 1;
        let line = s
            .edges
            .iter()
            .find(|e| e.kind == EdgeKind::Tree && e.to == n.body)
            .expect("a reporting line");
        let k = line.points.len();
        let (bus, end) = (line.points[k - 2], line.points[k - 1]);
        assert!(
            (bus.x - end.x).abs() < 0.5 && (end.y - n.rect.top()).abs() < 0.5,
            "{}: the line enters from above",
            m.body(n.body).id
        );
        assert!(
            bus.y > above.rect.bottom() && bus.y < n.rect.top(),
            "{}: its bus runs between it and {}",
            m.body(n.body).id,
            m.body(above.body).id
        );
    }
    assert!(wrapped_rows > 0, "the chart has wrapped rows to check");
}

#[test]
fn a_long_chain_lays_out_in_a_column_without_overlap() {
    // A chain cannot wrap: the layout keeps the tidy tree.
    let mut atlas = csto_atlas::generate::synthetic(1, 1);
    let template = atlas.bodies[0].clone();
    for i in 1..400 {
        let mut b = template.clone();
        b.id = format!("b{i}");
        b.name = format!("Body number {i}");
        b.short = format!("B{i}");
        b.parent = Some(atlas.bodies[i - 1].id.clone());
        atlas.bodies.push(b);
    }
    let m = Model::new(atlas);
    let s = crate::common::routed_scene(&m, &Filters::default(), Orientation::TopDown);
    assert_eq!(s.nodes.len(), 400);
    assert_clear(&s);
}

/// A tall PNG is drawn in strips on other threads and encoded in order: it is the same picture
/// as one drawn whole (strip edges may differ in the anti-aliasing of a few pixels), and with a
/// page behind it, it has no alpha channel.
#[test]
fn a_png_drawn_in_strips_is_the_picture_drawn_whole() {
    use csto_atlas::export::{self, ExportRequest, Format};
    let m = Model::new(csto_atlas::generate::synthetic(300, 1));
    let svg =
        String::from_utf8(export::render(&m, &ExportRequest::new(Format::Svg)).unwrap()).unwrap();
    let scale = 1.5;
    let (png, raster) =
        export::render_png_fitted(&svg, scale, export::DEFAULT_MAX_SIDE, true).unwrap();
    let strips = image::load_from_memory(&png).unwrap();
    assert_eq!(strips.color(), image::ColorType::Rgb8, "an opaque picture");
    let strips = strips.to_rgb8();
    let (whole, w, h) = export::render_rgba(&svg, scale).unwrap();
    assert_eq!((raster.width, raster.height), (w, h));
    assert!(
        u64::from(w) * u64::from(h) > 4 << 20,
        "several strips of a million pixels: {w} × {h}"
    );
    let differ = strips
        .pixels()
        .zip(whole.chunks_exact(4))
        .filter(|(a, b)| a.0.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 16))
        .count();
    assert!(
        differ * 10_000 < (w * h) as usize,
        "{differ} of {} pixels differ",
        w * h
    );
}
