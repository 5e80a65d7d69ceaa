//! Pure geometry: from the drawn forest and box sizes to box positions and routed reporting lines.
//! No drawing, no egui state.
//!
//! A layout algorithm is one file here and one arm of [`LayoutKind`]; it returns a [`Placement`]:
//! the boxes *and* the connectors between them, so that drawing only draws.

mod compact;
mod grid;
pub(crate) mod lanes;
mod route;
mod tidy;

use egui::{Pos2, Rect, Vec2};
use serde::{Deserialize, Serialize};

pub use crate::metrics::TextMetrics;
pub use route::route;
pub use tidy::{MAX_ROW, MAX_STACK};

/// Which way the hierarchy grows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Orientation {
    /// Apex at the top, subordinates below (default).
    #[default]
    TopDown,
    /// Apex on the left, subordinates to the right.
    LeftRight,
}

impl Orientation {
    pub fn key(self) -> &'static str {
        match self {
            Orientation::TopDown => "tb",
            Orientation::LeftRight => "lr",
        }
    }

    pub fn flipped(self) -> Orientation {
        match self {
            Orientation::TopDown => Orientation::LeftRight,
            Orientation::LeftRight => Orientation::TopDown,
        }
    }
}

/// The layout algorithms. A new one is a file in `src/layout/` and an arm here and in [`place`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LayoutKind {
    /// A tidy tree (Reingold–Tilford) with wide rows of leaves stacked in columns; a chart
    /// that would come out more than [`MAX_ASPECT`] times as wide as tall (or the reverse) is
    /// laid out compact instead.
    #[default]
    TidyTree,
    /// Every family's subtrees wrap into rows under their parent, as blocks (d3-org-chart's
    /// compact mode): big charts stay near the screen's shape.
    Compact,
}

/// The most a tidy tree may stretch (long side over short side) before it turns compact.
pub const MAX_ASPECT: f32 = 4.0;

/// Gaps between boxes, in chart units (points at zoom 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spacing {
    /// Between siblings. Default 18.
    pub sibling: f32,
    /// Between a parent's row and its children's row. Default 48.
    pub level: f32,
    /// Between boxes of a compact stack. Default 14.
    pub stack: f32,
    /// How far the stack's connector runs left of its boxes. Default 14.
    pub stack_indent: f32,
}

impl Default for Spacing {
    fn default() -> Self {
        Spacing {
            sibling: 18.0,
            level: 48.0,
            stack: 14.0,
            stack_indent: 14.0,
        }
    }
}

/// One box to place: its parent in the drawn forest (an index into the request), its size, and
/// its group (the body's kind): stacked leaves of a parent form one block per group.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LayoutNode {
    pub parent: Option<usize>,
    pub size: Vec2,
    pub group: u32,
    /// Childless here only because a filter or a fold hides its subordinates: such a box is a
    /// peer of its siblings and stays in their row rather than in a stack.
    pub hides_subordinates: bool,
}

/// A block of stacked leaves of one parent and one group, framed, under a heading that names
/// the parent, so the block reads as the parent's and no box in it as the head of the others.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The parent (an index into the request).
    pub parent: usize,
    /// The boxes in the block, top to bottom (then column by column).
    pub members: Vec<usize>,
    /// The frame around the heading, the boxes and their connector.
    pub frame: Rect,
    /// Where the heading's text goes: the frame's top strip, right of the connector.
    pub heading: Rect,
}

/// The height of a block's heading strip, in chart units.
pub const BLOCK_HEADING: f32 = 16.0;

impl Block {
    /// A block of `members` framed around `extent` (its boxes and connectors), with the
    /// heading strip above them; the heading's text runs from `text_from` to at most `text_to`.
    pub(crate) fn around(
        parent: usize,
        members: Vec<usize>,
        extent: Rect,
        text_from: f32,
        text_to: f32,
    ) -> Block {
        let frame = Rect::from_min_max(
            extent.min - Vec2::new(4.0, BLOCK_HEADING + 4.0),
            extent.max + Vec2::new(4.0, 6.0),
        );
        let heading = Rect::from_min_max(
            Pos2::new(text_from, frame.top()),
            Pos2::new(
                text_to.min(frame.right() - 2.0),
                frame.top() + BLOCK_HEADING,
            ),
        );
        Block {
            parent,
            members,
            frame,
            heading,
        }
    }
}

/// What to lay out. Children keep the order in which they appear in `nodes`.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutRequest {
    pub nodes: Vec<LayoutNode>,
    pub kind: LayoutKind,
    pub orientation: Orientation,
    /// Stack wide rows of leaves (top-down only).
    pub compact: bool,
    pub spacing: Spacing,
}

/// A reporting line from a parent box to a child box (indices into the request), as a polyline.
#[derive(Clone, Debug, PartialEq)]
pub struct Connector {
    pub parent: usize,
    pub child: usize,
    pub points: Vec<Pos2>,
}

/// Where each box goes and how the reporting lines run, in chart coordinates (y grows
/// downwards), with the top left of the chart at the origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub rect_in_chart: Vec<Rect>,
    /// One per node with a parent, in node order.
    pub connectors: Vec<Connector>,
    /// The framed blocks of stacked leaves.
    pub blocks: Vec<Block>,
    pub bounds: Rect,
}

impl Default for Placement {
    fn default() -> Self {
        Placement {
            rect_in_chart: Vec::new(),
            connectors: Vec::new(),
            blocks: Vec::new(),
            bounds: Rect::ZERO,
        }
    }
}

/// Lays out the forest with the requested algorithm. Deterministic: the same request gives the
/// same placement.
pub fn place(request: &LayoutRequest) -> Placement {
    match request.kind {
        LayoutKind::TidyTree => {
            let tidy = tidy::place(request);
            let (w, h) = (tidy.bounds.width(), tidy.bounds.height());
            if request.compact && w.max(h) > MAX_ASPECT * w.min(h).max(1.0) {
                let compact = compact::place(request);
                let (cw, ch) = (compact.bounds.width(), compact.bounds.height());
                // Only when wrapping helps (a long chain, say, cannot wrap).
                if cw.max(ch) / cw.min(ch).max(1.0) < w.max(h) / w.min(h).max(1.0) {
                    return compact;
                }
            }
            tidy
        }
        LayoutKind::Compact => compact::place(request),
    }
}

/// Each node's children, in node order, and the roots (nodes without a parent in the request;
/// a parent out of range or a node its own parent counts as none).
pub(crate) fn forest(nodes: &[LayoutNode]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let n = nodes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        match node.parent.filter(|&p| p < n && p != i) {
            Some(p) => children[p].push(i),
            None => roots.push(i),
        }
    }
    (children, roots)
}

/// Drops points that repeat the one before (a connector with a straight run has some).
pub(crate) fn dedup_points(points: Vec<Pos2>) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_none_or(|q| q.distance(p) > 0.01) {
            out.push(p);
        }
    }
    out
}
