//! Frames on the chart: blocks of a parent's stacked subordinates, and frames standing in for
//! hidden ancestors, each under a heading that names the body it belongs to.

use egui::{pos2, vec2, Rect};

use super::{SceneBlock, SceneNode, HEADING_SIZE};
use crate::layout::{self, LayoutNode, LayoutRequest, TextMetrics, BLOCK_HEADING};
use crate::model::{BodyIdx, Model};
use crate::view::Visible;

/// "Under the CSC" (or, for a body without a short name, "Under Jane Doe"), in the chart's
/// language, shortened to `width` if need be.
fn heading(model: &Model, parent: BodyIdx, lang: Option<&str>, width: f32) -> String {
    let (name, short, _) = model.display_name(parent, lang);
    let abbreviated = !short.trim().is_empty();
    let short = if abbreviated { short } else { name };
    let m = TextMetrics::get();
    let fits = |t: &str| m.width(t, HEADING_SIZE) <= width;
    let phrase = match lang {
        Some("ru") => format!("В подчинении {short}"),
        _ if abbreviated => format!("Under the {short}"),
        _ => format!("Under {short}"),
    };
    if fits(&phrase) {
        return phrase;
    }
    if fits(&short) {
        return short;
    }
    // Elided to the room there is: a heading never runs into a line or past its frame.
    let mut t = short;
    while !t.is_empty() && !fits(&format!("{t}…")) {
        t.pop();
    }
    if t.is_empty() {
        t
    } else {
        format!("{t}…")
    }
}

/// A block as drawn: its frame down to its lowest drawn box (at an earlier date the later
/// ones are absent), titled with the parent's short name; `None` when none of it is drawn.
pub(super) fn block(
    model: &Model,
    lang: Option<&str>,
    placed: &[BodyIdx],
    local: &[Option<usize>],
    by_left: &[Rect],
    b: &layout::Block,
) -> Option<SceneBlock> {
    if !b.members.iter().any(|&k| local[placed[k].0].is_some()) {
        return None;
    }
    // The members and everything beneath them: the drawn boxes inside the laid-out frame,
    // looked up among the boxes sorted by their left edge (a chart has hundreds of blocks).
    let first = by_left.partition_point(|r| r.left() < b.frame.left());
    let drawn = by_left[first..]
        .iter()
        .take_while(|r| r.left() <= b.frame.right())
        .filter(|r| b.frame.contains_rect(**r))
        .copied()
        .reduce(Rect::union)?;
    let parent = placed[b.parent];
    let title = heading(model, parent, lang, b.heading.width());
    Some(SceneBlock {
        parent,
        frame: Rect::from_min_max(
            b.frame.min,
            egui::pos2(b.frame.right(), drawn.bottom() + 6.0),
        ),
        heading: b.heading,
        title,
    })
}

/// The drawn boxes sorted by their left edge, for [`block`].
pub(super) fn by_left(nodes: &[SceneNode]) -> Vec<Rect> {
    let mut rects: Vec<Rect> = nodes.iter().map(|n| n.rect).collect();
    rects.sort_by(|a, b| a.left().total_cmp(&b.left()));
    rects
}

/// The hidden ancestors that stand in for the missing context of shown bodies: every ancestor of
/// a placed body that has no placed ancestor, laid out as a heading-sized node after the placed
/// ones (`first` onwards).
pub(super) struct Phantoms {
    bodies: Vec<BodyIdx>,
    /// Layout index per body, for the hidden ancestors here.
    index: Vec<Option<usize>>,
    titles: Vec<String>,
}

impl Phantoms {
    /// The stand-ins for the ancestors of `unheld`: placed bodies that no placed ancestor
    /// holds (the others hang from that ancestor). Layout indices start at `first`.
    pub(super) fn find(
        model: &Model,
        unheld: impl Iterator<Item = BodyIdx>,
        first: usize,
        lang: Option<&str>,
    ) -> Phantoms {
        let mut bodies = Vec::new();
        let mut index = vec![None; model.len()];
        for i in unheld {
            let mut at = model.parent(i);
            // Up to an ancestor already standing in; bounded, as a cycle would loop.
            for _ in 0..model.len() {
                let Some(a) = at.filter(|a| index[a.0].is_none()) else {
                    break;
                };
                index[a.0] = Some(first + bodies.len());
                bodies.push(a);
                at = model.parent(a);
            }
        }
        let titles = bodies
            .iter()
            .map(|&b| heading(model, b, lang, f32::INFINITY))
            .collect();
        Phantoms {
            bodies,
            index,
            titles,
        }
    }

    /// The layout index of the stand-in for a body's hidden parent.
    pub(super) fn parent_of(&self, model: &Model, i: BodyIdx) -> Option<usize> {
        model.parent(i).and_then(|p| self.index[p.0])
    }

    /// Layout nodes for the stand-ins, the size of their headings.
    pub(super) fn nodes<'a>(&'a self, model: &'a Model) -> impl Iterator<Item = LayoutNode> + 'a {
        let m = TextMetrics::get();
        self.bodies
            .iter()
            .zip(&self.titles)
            .map(move |(&b, title)| LayoutNode {
                parent: self.parent_of(model, b),
                size: vec2(m.width(title, HEADING_SIZE) + 8.0, BLOCK_HEADING),
                group: u32::MAX,
                hides_subordinates: false,
            })
    }

    /// A frame per stand-in around the drawn boxes beneath it, under its heading.
    pub(super) fn frames<'a>(
        &'a self,
        request: &'a LayoutRequest,
        rects: &'a [Rect],
        placed: &'a [BodyIdx],
        visible: &'a Visible,
    ) -> impl Iterator<Item = SceneBlock> + 'a {
        let first = placed.len();
        // For each stand-in, the union of the drawn boxes beneath it (no walk up the tree when
        // nothing stands in: the usual case, on every rebuild of the scene).
        let mut under = vec![Rect::NOTHING; self.bodies.len()];
        for (k, &b) in placed.iter().enumerate() {
            if self.bodies.is_empty() || !visible.is_drawn(b) {
                continue;
            }
            let mut at = request.nodes[k].parent;
            for _ in 0..request.nodes.len() {
                let Some(p) = at else { break };
                if p >= first {
                    under[p - first] = under[p - first].union(rects[k]);
                }
                at = request.nodes[p].parent;
            }
        }
        // Frames nest: a stand-in's frame holds the frames beneath it, so grow them bottom up.
        let mut frames: Vec<Rect> = (0..self.bodies.len())
            .map(|q| {
                let heading = rects[first + q];
                under[q].union(heading).expand2(vec2(6.0, 6.0))
            })
            .collect();
        for q in (0..self.bodies.len()).rev() {
            if let Some(p) = request.nodes[first + q].parent.filter(|&p| p >= first) {
                frames[p - first] = frames[p - first].union(frames[q].expand(4.0));
            }
        }
        (0..self.bodies.len())
            .filter(move |&q| under[q].is_positive())
            .map(move |q| {
                let heading = rects[first + q];
                SceneBlock {
                    parent: self.bodies[q],
                    frame: frames[q],
                    heading: Rect::from_min_max(
                        pos2(heading.left() + 4.0, heading.top()),
                        heading.max,
                    ),
                    title: self.titles[q].clone(),
                }
            })
    }
}
