//! One export as a plain value: the command line and the window's dialog both build an
//! [`ExportRequest`], and [`render`] turns it into the file's bytes.

use egui::{Rect, Vec2};

use super::pdf::PageSetup;
use super::{export_bytes, ExportError, Format};

use crate::i18n::{self, Lang};
use crate::layout::{LayoutKind, Orientation};
use crate::model::{BodyKind, Model};
use crate::scene::{self, Marks, Routing, Scene};
use crate::style::Theme;
use crate::tr;
use crate::view::{self, Filters, RelationsShown, Visible};

/// Which part of the chart a picture shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Area {
    /// The whole chart.
    Whole,
    /// What a window of this size (in points) opens at.
    OpeningView(Vec2),
    /// A region in chart coordinates, such as the window's current view.
    Region(Rect),
}

/// Everything that decides an export's content.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    pub format: Format,
    pub filters: Filters,
    pub orientation: Orientation,
    pub layout: LayoutKind,
    pub theme: Theme,
    /// The window's marks: the selection (which also picks the relations drawn), search
    /// matches, comparison.
    pub marks: Marks,
    /// Draw the screen's highlights (selection, neighbours, path, search matches) on the
    /// picture; by default a picture carries only what the data says.
    pub highlights: bool,
    /// PNG and SVG: no page behind the chart.
    pub transparent: bool,
    /// SVG: text drawn as outlines (the default for SVG), so every renderer shows what the PNG
    /// shows; otherwise as `<text>` in the named fonts.
    pub text_as_paths: bool,
    pub area: Area,
    pub legend: bool,
    /// The title block above the chart and the source line below it.
    pub caption: bool,
    /// A title in place of the atlas's own.
    pub title: Option<String>,
    /// PNG only: pixels per point.
    pub scale: f32,
    /// PNG only: the longest side in pixels; a larger picture is scaled down to fit.
    pub max_side: u32,
    /// PDF only: the paper.
    pub page: PageSetup,
    /// JSON only: each relation's route around the boxes (otherwise relations are pairs, as in
    /// DOT and GraphML, and nothing is routed).
    pub routes: bool,
}

/// What to draw besides the chart.
#[derive(Clone, Debug)]
pub struct SvgOptions {
    pub theme: Theme,
    /// The marks drawn (see [`Marks::on_paper`]).
    pub marks: Marks,
    /// No page behind the chart.
    pub transparent: bool,
    /// Text as outlines rather than `<text>` in a named font.
    pub text_as_paths: bool,
    /// Text a little heavier, for print (the PDF): Ubuntu Light is faint on paper.
    pub print_weight: bool,
    /// The part of the chart to draw, in chart coordinates; the whole chart when `None`.
    pub region: Option<Rect>,
    pub legend: bool,
    /// The title block above the chart and the source line below it.
    pub caption: Option<Caption>,
    /// Which relations to draw.
    pub relations: RelationsShown,
    /// The language of names (English when `None`).
    pub lang: Option<String>,
}

/// An export's bytes, and anything the user should be told about them.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Such as "scaled to 0.23× to fit 16,384 px".
    pub note: Option<String>,
}

/// The words around a picture: a title block above the chart, a source line below.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caption {
    pub title: String,
    /// What the picture shows, in words: "Subsidiary bodies as of 1 January 2005".
    pub shown: String,
    /// Edition, how far the sources go, and the atlas's own credit.
    pub source: String,
    /// Remarks a reader needs to read the picture right, such as why a body has no parent.
    pub notes: Vec<String>,
}

impl SvgOptions {
    /// How the picture's text is written.
    pub fn text_form(&self) -> super::outline::TextForm {
        super::outline::TextForm {
            as_paths: self.text_as_paths,
            for_print: self.print_weight,
        }
    }
}

impl ExportRequest {
    /// The whole chart, unfiltered, light, with legend and caption, at scale 1.
    pub fn new(format: Format) -> ExportRequest {
        ExportRequest {
            format,
            filters: Filters::default(),
            orientation: Orientation::default(),
            layout: LayoutKind::default(),
            theme: Theme::Light,
            marks: Marks::default(),
            highlights: false,
            transparent: false,
            // An SVG file is read by programs that may lack the font; a PDF embeds it.
            text_as_paths: format == Format::Svg,
            area: Area::Whole,
            legend: true,
            caption: true,
            title: None,
            scale: 1.0,
            max_side: super::png::DEFAULT_MAX_SIDE,
            page: PageSetup::default(),
            routes: false,
        }
    }

    /// The visible set and the laid-out scene this export draws.
    pub fn scene(&self, model: &Model) -> (Visible, Scene) {
        let visible = view::visible(model, &self.filters);
        // A picture routes the relations it draws; data routes only when asked to.
        let routing = match self.format {
            Format::Json if self.routes => Routing::All,
            format if !format.is_picture() => Routing::None,
            _ => Routing::for_picture(model, self.filters.relations, &self.marks),
        };
        let scene = scene::build(model, &visible, self.orientation, self.layout, &routing);
        (visible, scene)
    }

    /// What the SVG writer needs besides the scene.
    pub fn svg_options(&self, model: &Model, visible: &Visible, scene: &Scene) -> SvgOptions {
        let mut marks = if self.highlights {
            self.marks.clone()
        } else {
            self.marks.on_paper(self.filters.relations)
        };
        marks.lang = crate::i18n::Lang::of(self.filters.lang.as_deref());
        marks.added = crate::history::added(model, &self.filters);
        marks.added_undated = crate::history::added_undated(model, &marks.added);
        let view = match self.area {
            Area::Whole => None,
            Area::OpeningView(size) => Some(scene::default_view(scene, size)),
            Area::Region(rect) => Some(rect),
        };
        let region = view.map(|v| whole_boxes(scene, v));
        SvgOptions {
            theme: self.theme,
            marks,
            transparent: self.transparent && self.format != Format::Pdf,
            // The PNG is drawn from the font itself, and the PDF embeds it.
            text_as_paths: self.text_as_paths && self.format == Format::Svg,
            print_weight: self.format == Format::Pdf,
            region,
            legend: self.legend,
            caption: self.caption.then(|| {
                let mut c = caption(model, &self.filters, visible);
                if let Some(title) = &self.title {
                    c.title = title.clone();
                }
                if let Some(view) = view {
                    c.shown
                        .push_str(&view_in_words(model, scene, view, &self.filters));
                }
                c
            }),
            relations: self.filters.relations,
            lang: self.filters.lang.clone(),
        }
    }

    /// The file's bytes from a scene built by [`ExportRequest::scene`].
    pub fn render_scene(
        &self,
        model: &Model,
        visible: &Visible,
        scene: &Scene,
    ) -> Result<Rendered, ExportError> {
        let options = self.svg_options(model, visible, scene);
        export_bytes(model, scene, self, &options)
    }
}

/// The part of the chart a view shows, grown to the whole boxes it cuts and shrunk to the
/// chart, so a picture of a view never slices a name and never carries empty paper.
pub fn whole_boxes(scene: &Scene, view: Rect) -> Rect {
    let inside = view.intersect(scene.bounds);
    let mut region = if inside.is_positive() { inside } else { view };
    for node in scene.nodes.iter().filter(|n| n.rect.intersects(view)) {
        region = region.union(node.rect);
    }
    region
}

/// "; view of 12 of them, around the Council of Ministers of Defence": what part of the chart a
/// picture of a view shows, for its caption.
fn view_in_words(model: &Model, scene: &Scene, view: Rect, filters: &Filters) -> String {
    let in_view: Vec<_> = scene
        .nodes
        .iter()
        .filter(|n| n.rect.intersects(view))
        .collect();
    let centre = in_view.iter().min_by(|a, b| {
        let d = |n: &&&scene::SceneNode| n.rect.center().distance_sq(view.center());
        d(a).total_cmp(&d(b))
    });
    let l = Lang::of(filters.lang.as_deref());
    match centre {
        None => tr!(l, "caption-view-empty"),
        Some(_) if in_view.len() == scene.nodes.len() => String::new(),
        Some(n) => tr!(
            l,
            "caption-view-part",
            count = in_view.len(),
            name = model.display_name(n.body, filters.lang.as_deref()).0
        ),
    }
}

/// Builds the scene and renders it: the whole export in one call.
pub fn render(model: &Model, request: &ExportRequest) -> Result<Vec<u8>, ExportError> {
    render_noted(model, request).map(|r| r.bytes)
}

/// Like [`render`], with the note the user should see.
pub fn render_noted(model: &Model, request: &ExportRequest) -> Result<Rendered, ExportError> {
    let (visible, scene) = request.scene(model);
    request.render_scene(model, &visible, &scene)
}

/// The caption of an exported picture: the title, what is shown in words, and the source line
/// with the edition, how far the sources go and the atlas's own credit.
pub fn caption(model: &Model, filters: &Filters, visible: &Visible) -> Caption {
    let shown = visible.shown_count();
    let meta = &model.atlas.meta;
    let l = Lang::of(filters.lang.as_deref());
    let edition = i18n::date_words_or_text(l, meta.edition_text());
    let today = i18n::date_words(l, crate::model::Date::today());
    let mut source = match (&meta.read_from, &meta.checked) {
        // A spreadsheet's picture credits the spreadsheet, never this program's data.
        (Some(file), _) => tr!(l, "caption-source-file", file = file, date = today),
        (None, Some(checked)) => tr!(
            l,
            "caption-source-checked",
            edition = edition,
            checked = i18n::date_words_or_text(l, checked)
        ),
        (None, None) => tr!(l, "caption-source", edition = edition),
    };
    // One full stop, also after a date that ends in one ("2025 г.").
    if !source.ends_with('.') {
        source.push('.');
    }
    let credit = meta.credit_in(filters.lang.as_deref());
    if let Some(credit) = credit.filter(|c| !c.trim().is_empty()) {
        source.push(' ');
        source.push_str(credit.trim());
    }
    Caption {
        notes: apex_notes(model, visible),
        title: meta.title_in(filters.lang.as_deref()).to_owned(),
        shown: format!(
            "{} · {}{}",
            shown_in_words(model, filters),
            {
                let (noun, word) = meta.noun();
                tr!(
                    l,
                    "caption-shown",
                    shown = shown,
                    total = model.len(),
                    noun = noun,
                    word = word
                )
            },
            visible
                .undated_note()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        ),
        source,
    }
}

/// "The Parliamentary Assembly has no parent body: it was set up by …": for each drawn body
/// without a parent and without subordinates drawn, beside a chart with an apex of its own, so
/// that the picture says why it stands apart. The reason is the founding claim's own words.
fn apex_notes(model: &Model, visible: &Visible) -> Vec<String> {
    let roots: Vec<_> = model
        .indices()
        .filter(|&i| visible.is_drawn(i) && model.parent(i).is_none())
        .collect();
    let alone = |i: crate::model::BodyIdx| !model.children(i).iter().any(|&c| visible.is_drawn(c));
    // One apex heads the chart; a lone body beside it needs a word.
    if roots.iter().filter(|&&r| !alone(r)).count() != 1 {
        return Vec::new();
    }
    let lang = visible.lang.as_deref();
    let l = Lang::of(lang);
    let lone: Vec<_> = roots.into_iter().filter(|&r| alone(r)).collect();
    // Past a few, one line for all: a caption is not a list.
    if lone.len() > 3 {
        return vec![tr!(l, "caption-apex-many", count = lone.len())];
    }
    lone.into_iter()
        .map(|r| {
            let (name, short, _) = model.display_name(r, lang);
            // English names of bodies take an article ("The Parliamentary Assembly"), unless
            // they have one; a person's name (no short form) does not.
            let name = match l {
                Lang::En if !name.starts_with("The ") && !short.trim().is_empty() => {
                    format!("The {name}")
                }
                _ => name,
            };
            match model
                .body(r)
                .established
                .as_ref()
                .and_then(|e| e.by.as_deref())
                .and_then(|by| crate::i18n::prose_in(model, lang, by))
            {
                Some(by) => tr!(l, "caption-apex-note-by", name = name, by = by),
                _ => tr!(l, "caption-apex-note", name = name),
            }
        })
        .collect()
}

/// What a view shows, as a sentence a reader of a report understands: "Subsidiary bodies as of
/// 1 January 2005", "Council of Ministers of Defence and its neighbours".
pub fn shown_in_words(model: &Model, filters: &Filters) -> String {
    let all = model.kinds();
    let lang = filters.lang.as_deref();
    let l = Lang::of(lang);
    let kinds: Vec<BodyKind> = all
        .body_kinds()
        .filter(|&k| !filters.hidden_kinds.contains(&all.body(k).id))
        .collect();
    let kinds_text = if kinds.len() == all.body_kinds().len() {
        None
    } else if kinds.is_empty() {
        Some(tr!(l, "view-no-bodies"))
    } else {
        let plural: Vec<String> = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let p = all.plural_in(*k, lang);
                if i == 0 {
                    p.to_owned()
                } else {
                    p.to_lowercase()
                }
            })
            .collect();
        Some(match plural.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                tr!(l, "view-and", rest = rest.join(", "), last = last)
            }
            _ => plural.join(""),
        })
    };
    let focus = filters.focus.as_deref().map(|id| {
        let name = model.index_of(id).map_or_else(
            || id.to_owned(),
            |i| model.display_name(i, filters.lang.as_deref()).0,
        );
        match filters.depth {
            0 => name,
            1 => tr!(l, "view-neighbours", name = name),
            n => tr!(l, "view-within", name = name, count = n),
        }
    });
    let mut text = match (focus, kinds_text) {
        (Some(f), Some(k)) => format!("{f} ({})", k.to_lowercase()),
        (Some(f), None) => f,
        (None, Some(k)) => k,
        (None, None) => {
            let (noun, word) = model.atlas.meta.noun();
            tr!(l, "view-all", noun = noun, word = word)
        }
    };
    let date = filters
        .as_of
        .map_or_else(|| model.atlas.meta.edition.clone(), |d| d.to_string());
    if !date.is_empty() {
        let date = i18n::date_words_or_text(l, &date);
        text = tr!(l, "view-as-of", view = text, date = date);
    }
    if let Some(compare) = filters.compare {
        let date = i18n::date_words(l, compare);
        text.push_str(&tr!(l, "view-compare", date = date));
    }
    if let Some(level) = filters.expand {
        text.push_str(&match level {
            0 => tr!(l, "view-folded-to-apexes"),
            n => tr!(l, "view-levels-open", count = n),
        });
    }
    if !filters.folded.is_empty() {
        text.push_str(&tr!(l, "view-folded", count = filters.folded.len()));
    }
    if !filters.hidden_relations.is_empty() {
        let n = filters.hidden_relations.len();
        text.push_str(&tr!(l, "view-relations-hidden", count = n));
    }
    text
}
