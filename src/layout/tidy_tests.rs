//! Tests of the tidy tree's box positions.

use super::*;
use crate::layout::{LayoutNode, Spacing};

fn request(parents: &[Option<usize>], orientation: Orientation) -> LayoutRequest {
    LayoutRequest {
        nodes: parents
            .iter()
            .enumerate()
            .map(|(i, &parent)| LayoutNode {
                parent,
                size: vec2(80.0 + (i % 3) as f32 * 30.0, 40.0 + (i % 2) as f32 * 14.0),
                group: 0,
                hides_subordinates: false,
            })
            .collect(),
        kind: crate::layout::LayoutKind::TidyTree,
        orientation,
        compact: true,
        spacing: Spacing::default(),
    }
}

fn assert_no_overlap(p: &Positions) {
    for i in 0..p.rect_in_chart.len() {
        for j in i + 1..p.rect_in_chart.len() {
            let (a, b) = (p.rect_in_chart[i], p.rect_in_chart[j]);
            assert!(
                !a.shrink(0.5).intersects(b.shrink(0.5)),
                "boxes {i} {a:?} and {j} {b:?} overlap"
            );
        }
    }
}

#[test]
fn children_sit_below_parents_without_overlap() {
    // 0 has eight children, more than a row holds: 1 and 2 have children of their own, 3..=6,
    // 12 and 13 are leaves (a stack).
    let parents = [
        None,
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(1),
        Some(1),
        Some(2),
        None,
        Some(10),
        Some(0),
        Some(0),
    ];
    let p = positions(&request(&parents, Orientation::TopDown));
    assert_no_overlap(&p);
    for (i, parent) in parents.iter().enumerate() {
        if let Some(parent) = parent {
            assert!(
                p.rect_in_chart[i].top() >= p.rect_in_chart[*parent].bottom(),
                "{i} is not below {parent}"
            );
        }
    }
    assert!(p.stacked[3] && p.stacked[6] && !p.stacked[1]);
    assert_eq!(p.rect_in_chart[3].left(), p.rect_in_chart[6].left());
    assert_eq!(p.bounds.min, Pos2::ZERO);
}

#[test]
fn parent_is_centred_over_unstacked_children() {
    let parents = [None, Some(0), Some(0), Some(0)];
    let p = positions(&request(&parents, Orientation::TopDown));
    let (first, last) = (p.rect_in_chart[1], p.rect_in_chart[3]);
    let mid = (first.center().x + last.center().x) / 2.0;
    assert!((p.rect_in_chart[0].center().x - mid).abs() < 0.01);
    // Even spacing between siblings.
    let gap1 = p.rect_in_chart[2].left() - p.rect_in_chart[1].right();
    let gap2 = p.rect_in_chart[3].left() - p.rect_in_chart[2].right();
    assert!((gap1 - gap2).abs() < 0.01, "{gap1} vs {gap2}");
}

#[test]
fn left_right_puts_children_to_the_right() {
    let parents = [None, Some(0), Some(0), Some(1)];
    let p = positions(&request(&parents, Orientation::LeftRight));
    assert_no_overlap(&p);
    for (i, parent) in parents.iter().enumerate() {
        if let Some(parent) = parent {
            assert!(p.rect_in_chart[i].left() >= p.rect_in_chart[*parent].right());
        }
    }
}

#[test]
fn deterministic() {
    let parents: Vec<Option<usize>> = (0..200)
        .map(|i| if i == 0 { None } else { Some((i * 7 + 3) % i) })
        .collect();
    let a = positions(&request(&parents, Orientation::TopDown));
    let b = positions(&request(&parents, Orientation::TopDown));
    assert_eq!(a, b);
    assert_no_overlap(&a);
}

#[test]
fn a_tall_middle_subtree_does_not_slide_under_its_neighbour() {
    // The shape of the CSTO chart that reingold-tilford alone gets wrong.
    let mut parents = vec![None];
    for _ in 0..7 {
        parents.push(Some(0)); // 1..=7
    }
    parents.extend([
        Some(2),
        Some(2),
        Some(3),
        Some(3),
        Some(3),
        Some(3),
        Some(5),
    ]);
    let mut req = request(&parents, Orientation::TopDown);
    for (i, node) in req.nodes.iter_mut().enumerate() {
        node.size = vec2(
            if i == 9 { 160.0 } else { 180.0 },
            if i == 9 { 108.0 } else { 52.0 },
        );
    }
    assert_no_overlap(&positions(&req));
}

#[test]
fn many_leaves_make_several_stack_columns() {
    let mut parents = vec![None, Some(0)];
    parents.extend(std::iter::repeat_n(Some(0), 20));
    parents.push(Some(1));
    let p = positions(&request(&parents, Orientation::TopDown));
    assert_no_overlap(&p);
    let mut lefts: Vec<i32> = (2..22).map(|i| p.rect_in_chart[i].left() as i32).collect();
    lefts.sort();
    lefts.dedup();
    assert_eq!(lefts.len(), 20_usize.div_ceil(MAX_STACK), "{lefts:?}");
    for i in 2..22 {
        assert!(p.rect_in_chart[i].top() >= p.rect_in_chart[0].bottom());
    }
}

#[test]
fn a_short_row_of_peers_with_subordinates_does_not_stack() {
    // 0 has five children, only 1 with a subordinate: a row, as the statutory councils are.
    let parents = [None, Some(0), Some(0), Some(0), Some(0), Some(0), Some(1)];
    let p = positions(&request(&parents, Orientation::TopDown));
    assert!(p.stacked.iter().all(|s| !s));
    let row = p.rect_in_chart[1].center().y;
    assert!((2..=5).all(|i| (p.rect_in_chart[i].center().y - row).abs() < 0.01));
}

#[test]
fn a_stack_stands_directly_beneath_its_parent() {
    // Eight children: the leaves stack in the middle of the row, under the parent.
    let mut parents = vec![None];
    parents.extend([Some(0); 8]);
    parents.extend([Some(1), Some(2), Some(7), Some(8)]);
    let p = positions(&request(&parents, Orientation::TopDown));
    let parent = p.rect_in_chart[0];
    for i in 3..=6 {
        assert!(p.stacked[i]);
        let r = p.rect_in_chart[i];
        assert!(
            r.left() < parent.right() && r.right() > parent.left(),
            "stacked box {i} {r:?} is not beneath its parent {parent:?}"
        );
    }
}
