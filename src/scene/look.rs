//! How each box and edge looks under the current marks, as plain values that the window and the
//! SVG writer both draw, and the legend that names what is on the picture. Each highlight has its
//! own colour *and* form, so that none can be taken for another, in colour or in greyscale.

use egui::{pos2, vec2, Color32, Pos2, Rect};

use super::{EdgeKind, Scene, SceneEdge, SceneNode, TextLine, SHORT_SIZE};
use crate::model::{BodyIdx, BodyKind, Kinds, Model};
use crate::style::{self, Palette, Theme};
use crate::tr;
use crate::view::RelationsShown;

/// What stands out on the chart besides the kind colours.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    pub selected: Option<BodyIdx>,
    /// Bodies joined to the selection by a relation or a reporting line.
    pub neighbours: Vec<BodyIdx>,
    /// Bodies on the selection's path to the apex.
    pub path: Vec<BodyIdx>,
    /// Search matches.
    pub matches: Vec<BodyIdx>,
    /// Bodies citing the chosen article.
    pub citing: Vec<BodyIdx>,
    /// Bodies established between the two dates of a comparison.
    pub added: Vec<BodyIdx>,
    /// Bodies of unknown founding date under one established in that period: new too, for all
    /// the sources tell, but not surely.
    pub added_undated: Vec<BodyIdx>,
    /// The body under the pointer, whose relations stand out like the selection's.
    pub hovered: Option<BodyIdx>,
    /// The chosen (or hovered) relation, by its index in the atlas: drawn boldest.
    pub relation: Option<usize>,
    /// The language of the badges' words ("new", "n.d.").
    pub lang: crate::i18n::Lang,
}

impl Marks {
    /// The selection, its neighbours and its path to the apex, as `export --select` draws them.
    pub fn selection(model: &Model, selected: Option<BodyIdx>) -> Marks {
        let neighbours = selected.map_or_else(Vec::new, |s| {
            let mut n: Vec<BodyIdx> = model.relations_of(s).map(|(_, other)| other).collect();
            n.extend(model.parent(s));
            n.extend_from_slice(model.children(s));
            n.sort();
            n.dedup();
            n.retain(|&b| b != s);
            n
        });
        Marks {
            selected,
            neighbours,
            path: selected.map(|s| model.path_to_root(s)).unwrap_or_default(),
            ..Default::default()
        }
    }

    /// The marks a picture for a report carries: what the data says (bodies new in a
    /// comparison) but none of the screen's highlights (selection, neighbours, path, search
    /// matches, citing bodies, hover). The selection still decides which relations are drawn
    /// when `shown` is [`RelationsShown::Selected`], all at one width.
    pub fn on_paper(&self, shown: RelationsShown) -> Marks {
        let chooses = shown == RelationsShown::Selected;
        Marks {
            added: self.added.clone(),
            added_undated: self.added_undated.clone(),
            // `hovered` picks relations without painting the box (box_look ignores it).
            hovered: self.selected.or(self.hovered).filter(|_| chooses),
            relation: self.relation.filter(|_| chooses),
            lang: self.lang,
            ..Marks::default()
        }
    }

    /// True for a tree edge on the path to the apex.
    pub fn edge_on_path(&self, edge: &SceneEdge) -> bool {
        edge.kind == EdgeKind::Tree
            && self.path.contains(&edge.from)
            && self.path.contains(&edge.to)
    }
}

/// A small label on a box's corner.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    pub text: String,
    pub fill: Color32,
    pub text_color: Color32,
    /// Where it sits, straddling the box's edge.
    pub rect: Rect,
}

/// Text size of badges, in chart units.
pub const BADGE_SIZE: f32 = 11.0;

/// Everything that decides how a box is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct BoxLook {
    pub fill: Color32,
    pub stroke: Color32,
    pub width: f32,
    /// Corner radius in points: rounded or square by kind.
    pub radius: f32,
    /// Uncertain existence, category or date: the outline is dashed.
    pub dashed: bool,
    /// The selection: a soft band around the box.
    pub halo: Option<Color32>,
    /// A neighbour of the selection: a thin ring a little outside the box.
    pub ring: Option<Color32>,
    /// A search match: a thick bar under the box.
    pub underline: Option<Color32>,
    pub badges: Vec<Badge>,
    /// One colour per text line.
    pub text: Vec<Color32>,
}

/// The colours of the highlight channels.
fn channel(theme: Theme, which: &str) -> Color32 {
    let dark = theme == Theme::Dark;
    let hex = |light: u32, dark_: u32| {
        let v = if dark { dark_ } else { light };
        Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
    };
    match which {
        "neighbour" => hex(0x0072b2, 0x56b4e9),
        "match" => hex(0xcc00aa, 0xff66dd),
        "citing" => hex(0x00796b, 0x4dd0c0),
        "added" => hex(0x2e7d32, 0x7bd389),
        "folded" => hex(0x37474f, 0x546e7a),
        _ => hex(0x757575, 0x9e9e9e),
    }
}

/// A badge's word in `lang`: "new", "new?" or "n.d." (no date).
fn badge_text(lang: crate::i18n::Lang, word: &str) -> String {
    match word {
        "new" => tr!(lang, "badge-new"),
        "new?" => tr!(lang, "badge-new-maybe"),
        _ => tr!(lang, "badge-undated"),
    }
}

/// A badge of `text` centred on a point; its text is white or near-black, whichever reads
/// better on the fill (the dark theme's light channel colours need the dark text).
fn badge(text: &str, centre: Pos2, fill: Color32) -> Badge {
    let text_color = style::on(fill);
    let w = crate::layout::TextMetrics::get().width(text, BADGE_SIZE) + 8.0;
    Badge {
        text: text.to_owned(),
        fill,
        text_color,
        rect: Rect::from_center_size(centre, vec2(w, BADGE_SIZE + 4.0)),
    }
}

/// How a box looks under `marks` in `theme`.
pub fn box_look(node: &SceneNode, kinds: &Kinds, theme: Theme, marks: &Marks) -> BoxLook {
    let palette = Palette::of(theme);
    let (fill, accent) = palette.kind(kinds, node.kind);
    let outline = style::kind_outline(node.kind);
    let b = node.body;
    let (stroke, width) = if marks.selected == Some(b) {
        (palette.selection, 3.4)
    } else if marks.path.contains(&b) {
        (palette.selection, outline.width.max(2.0))
    } else {
        (accent, outline.width)
    };
    let r = node.rect;
    let mut badges = Vec::new();
    if marks.citing.contains(&b) {
        let c = channel(theme, "citing");
        badges.push(badge("§", pos2(r.left() + 12.0, r.top()), c));
    }
    if marks.added.contains(&b) {
        let c = channel(theme, "added");
        badges.push(badge(
            &badge_text(marks.lang, "new"),
            pos2(r.right() - 18.0, r.top()),
            c,
        ));
    } else if marks.added_undated.contains(&b) {
        let c = channel(theme, "added");
        badges.push(badge(
            &badge_text(marks.lang, "new?"),
            pos2(r.right() - 20.0, r.top()),
            c,
        ));
    }
    if let (true, Some(at)) = (node.folded > 0, node.handle) {
        let c = channel(theme, "folded");
        badges.push(badge(&format!("+{}", node.folded), at, c));
    }
    if node.undated {
        let c = channel(theme, "undated");
        badges.push(badge(
            &badge_text(marks.lang, "n.d."),
            pos2(r.right() - 18.0, r.bottom()),
            c,
        ));
    }
    let text = node
        .lines
        .iter()
        .map(|l| text_color(node, kinds, l, theme))
        .collect();
    let mut look = BoxLook {
        fill,
        stroke,
        width,
        radius: outline.radius,
        dashed: node.uncertain || node.ghost,
        halo: (marks.selected == Some(b)).then_some(palette.selection),
        ring: marks
            .neighbours
            .contains(&b)
            .then(|| channel(theme, "neighbour")),
        underline: marks.matches.contains(&b).then(|| channel(theme, "match")),
        badges,
        text,
    };
    if node.faded {
        look.fill = palette.fade(look.fill);
        look.stroke = palette.fade(look.stroke);
        // A faded body's badges fade with it: a full-strength "n.d." would draw the eye.
        for b in &mut look.badges {
            b.fill = palette.fade(b.fill);
            b.text_color = palette.fade(b.text_color);
        }
    } else if node.ghost {
        // Lighter than a box that surely existed, darker than one a filter fades.
        look.fill = palette.fade(look.fill).lerp_to_gamma(look.fill, 0.4);
    }
    look
}

/// Colour of a line of text in a box: abbreviations in the kind's accent, names in the text colour.
pub fn text_color(node: &SceneNode, kinds: &Kinds, line: &TextLine, theme: Theme) -> Color32 {
    let palette = Palette::of(theme);
    let c = if line.strong && line.size == SHORT_SIZE {
        palette.kind(kinds, node.kind).1
    } else if line.size == super::SECOND_SIZE {
        palette.weak_text
    } else {
        palette.text
    };
    if node.faded {
        palette.fade(c)
    } else {
        c
    }
}

/// Dash pattern of indirect reporting lines (the bodies between are hidden).
pub const INDIRECT_DASH: [f32; 4] = [3.0, 3.0, 3.0, 3.0];

/// True for a relation of the selected or hovered body.
fn touches_mark(edge: &SceneEdge, marks: &Marks) -> bool {
    let touches = |b: Option<BodyIdx>| b.is_some_and(|b| b == edge.from || b == edge.to);
    touches(marks.selected) || touches(marks.hovered)
}

/// Whether a picture draws this edge: reporting lines always, relations as `shown` says (a
/// relation the scene did not route has nothing to draw).
pub fn edge_drawn(edge: &SceneEdge, shown: RelationsShown, marks: &Marks) -> bool {
    match (edge.kind, shown) {
        (EdgeKind::Tree, _) => true,
        _ if edge.points.is_empty() => false,
        (_, RelationsShown::None) => false,
        (_, RelationsShown::Selected) => {
            touches_mark(edge, marks)
                || (marks.relation.is_some() && marks.relation == edge.relation)
        }
        (_, RelationsShown::All) => true,
    }
}

/// The outline of a relation marker (a small diamond) on a reporting line.
pub fn marker_points(at: Pos2) -> [Pos2; 4] {
    let r = 5.0;
    [
        at + vec2(0.0, -r),
        at + vec2(r, 0.0),
        at + vec2(0.0, r),
        at + vec2(-r, 0.0),
    ]
}

/// Colour, width and dash pattern of an edge as drawn.
pub fn edge_style(
    edge: &SceneEdge,
    kinds: &Kinds,
    theme: Theme,
    marks: &Marks,
) -> (Color32, f32, Option<[f32; 4]>) {
    let palette = Palette::of(theme);
    let (color, width, dash) = match edge.kind {
        EdgeKind::Tree if marks.edge_on_path(edge) => (palette.selection, 2.5, None),
        EdgeKind::Tree if edge.indirect => (palette.tree_edge, 1.3, Some(INDIRECT_DASH)),
        EdgeKind::Tree => (palette.tree_edge, 1.3, None),
        EdgeKind::Relation(k) => {
            let dash = style::relation_dash(kinds.relation(k).dash);
            // The kind's own colour in both states, so kinds stay apart; the chosen body's
            // relations are the thicker ones.
            let width = if marks.relation.is_some() && marks.relation == edge.relation {
                3.6
            } else if touches_mark(edge, marks) {
                2.4
            } else {
                1.2
            };
            (palette.relation(kinds, k), width, dash)
        }
    };
    match edge.kind {
        // A faded relation recedes by its width, not its colour: blended into the background,
        // two kinds' colours would come within a CIEDE2000 of 20 of each other.
        EdgeKind::Relation(_) if edge.faded => (color, 0.8, dash),
        _ if edge.faded => (palette.fade(color), width, dash),
        _ => (color, width, dash),
    }
}

/// What a legend entry shows before its label.
#[derive(Clone, Debug, PartialEq)]
pub enum Swatch {
    /// A box of a kind: fill, outline colour and outline.
    Kind(Color32, Color32, style::KindOutline),
    Line {
        color: Color32,
        dash: Option<[f32; 4]>,
    },
    /// A small box drawn with this look.
    Mark(Box<BoxLook>),
    /// A badge as boxes carry it.
    Badge(Badge),
    /// A relation marker on a reporting line.
    Marker(Color32),
}

/// The legend of a picture: the kinds and lines drawn, and the marks in use, nothing else.
pub fn legend(
    scene: &Scene,
    marks: &Marks,
    theme: Theme,
    shown: RelationsShown,
    lang: Option<&str>,
) -> Vec<(Swatch, String)> {
    let palette = Palette::of(theme);
    let kinds = &scene.kinds;
    let l = crate::i18n::Lang::of(lang);
    let (others, own): (Vec<BodyKind>, Vec<BodyKind>) = scene
        .body_kinds()
        .into_iter()
        .partition(|&k| kinds.is_other(k));
    let mut out: Vec<(Swatch, String)> = own
        .into_iter()
        .map(|k| {
            let (fill, accent) = palette.kind(kinds, k);
            let swatch = Swatch::Kind(fill, accent, style::kind_outline(k));
            (swatch, kinds.name_in(k, lang).to_owned())
        })
        .collect();
    // Kinds past the palette share one grey and one entry, last of the kinds.
    if let Some(&k) = others.first() {
        let (fill, accent) = palette.kind(kinds, k);
        out.push((
            Swatch::Kind(fill, accent, style::kind_outline(k)),
            tr!(l, "legend-other-kinds", count = others.len()),
        ));
    }
    out.extend(line_entries(scene, marks, theme, shown, lang));
    out.extend(mark_entries(scene, marks, theme, l));
    out
}

/// The legend's lines: reporting lines, each relation kind drawn, markers on lines.
fn line_entries(
    scene: &Scene,
    marks: &Marks,
    theme: Theme,
    shown: RelationsShown,
    lang: Option<&str>,
) -> Vec<(Swatch, String)> {
    let (palette, kinds) = (Palette::of(theme), &scene.kinds);
    let l = crate::i18n::Lang::of(lang);
    let mut out = Vec::new();
    let line = |color, dash| Swatch::Line { color, dash };
    out.push((line(palette.tree_edge, None), tr!(l, "legend-reports-to")));
    let tree = scene.edges.iter().filter(|e| e.kind == EdgeKind::Tree);
    if tree.clone().any(|e| e.indirect) {
        out.push((
            line(palette.tree_edge, Some(INDIRECT_DASH)),
            tr!(l, "legend-reports-through-hidden"),
        ));
    }
    for k in scene.relation_kinds(|e| edge_drawn(e, shown, marks)) {
        out.push((
            line(
                palette.relation(kinds, k),
                style::relation_dash(kinds.relation(k).dash),
            ),
            kinds.relation_name_in(k, lang).to_owned(),
        ));
    }
    if scene
        .edges
        .iter()
        .any(|e| e.on_tree && edge_drawn(e, shown, marks))
    {
        out.push((
            Swatch::Marker(palette.tree_edge),
            tr!(l, "legend-relation-on-line"),
        ));
    }
    out
}

/// The legend's marks and badges in use: a sample box or badge for each.
fn mark_entries(
    scene: &Scene,
    marks: &Marks,
    theme: Theme,
    l: crate::i18n::Lang,
) -> Vec<(Swatch, String)> {
    let kinds = &scene.kinds;
    let mut out = Vec::new();
    let drawn = |list: &[BodyIdx]| list.iter().any(|&b| scene.node_for(b).is_some());
    let sample = |f: &dyn Fn(&mut Marks, &mut SceneNode)| {
        let mut node = SceneNode {
            body: BodyIdx(usize::MAX),
            // The plain outline (thin, rounded), so a sample shows the mark and not a kind.
            kind: BodyKind(1),
            rect: Rect::from_min_size(Pos2::ZERO, vec2(26.0, 14.0)),
            lines: Vec::new(),
            faded: false,
            undated: false,
            uncertain: false,
            folded: 0,
            ghost: false,
            handle: None,
        };
        let mut m = Marks {
            lang: l,
            ..Marks::default()
        };
        f(&mut m, &mut node);
        let mut look = box_look(&node, kinds, theme, &m);
        look.badges.clear();
        Swatch::Mark(Box::new(look))
    };
    let me = BodyIdx(usize::MAX);
    if marks.selected.is_some_and(|s| scene.node_for(s).is_some()) {
        out.push((
            sample(&|m, _| m.selected = Some(me)),
            tr!(l, "legend-selected"),
        ));
    }
    if marks.path.len() > 1 && drawn(&marks.path) {
        out.push((sample(&|m, _| m.path = vec![me]), tr!(l, "legend-path")));
    }
    if drawn(&marks.neighbours) {
        out.push((
            sample(&|m, _| m.neighbours = vec![me]),
            tr!(l, "legend-neighbour"),
        ));
    }
    if drawn(&marks.matches) {
        out.push((sample(&|m, _| m.matches = vec![me]), tr!(l, "legend-match")));
    }
    let sample_badge = |text: &str, which: &str| {
        let c = channel(theme, which);
        Swatch::Badge(badge(text, pos2(13.0, 7.0), c))
    };
    if drawn(&marks.citing) {
        out.push((sample_badge("§", "citing"), tr!(l, "legend-citing")));
    }
    if drawn(&marks.added) {
        out.push((
            sample_badge(&badge_text(l, "new"), "added"),
            tr!(l, "legend-added"),
        ));
    }
    if scene.nodes.iter().any(|n| n.uncertain) {
        out.push((
            sample(&|_, n| n.uncertain = true),
            tr!(l, "legend-uncertain"),
        ));
    }
    if scene.nodes.iter().any(|n| n.undated) {
        out.push((
            sample_badge(&badge_text(l, "n.d."), "undated"),
            tr!(l, "legend-undated"),
        ));
    }
    if scene.nodes.iter().any(|n| n.ghost) {
        out.push((sample(&|_, n| n.ghost = true), tr!(l, "legend-ghost")));
    }
    if drawn(&marks.added_undated) {
        out.push((
            sample_badge(&badge_text(l, "new?"), "added"),
            tr!(l, "legend-added-undated"),
        ));
    }
    if scene.nodes.iter().any(|n| n.folded > 0) {
        out.push((sample_badge("+N", "folded"), tr!(l, "legend-folded")));
    }
    out
}

/// The colours of a block of stacked subordinates: a faint tint, a light outline, a quiet
/// heading.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BlockLook {
    pub fill: Color32,
    pub stroke: Color32,
    pub text: Color32,
}

/// How blocks look in `theme`.
pub fn block_look(theme: Theme) -> BlockLook {
    let palette = Palette::of(theme);
    let mix = |a: Color32, t: f32| palette.background.lerp_to_gamma(a, t);
    BlockLook {
        fill: mix(palette.text, 0.035),
        stroke: mix(palette.text, 0.22),
        text: palette.weak_text,
    }
}
