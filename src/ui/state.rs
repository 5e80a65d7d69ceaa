//! The window's state: the atlas, the user's choices, and one cache of what is derived from them.
//! Panels read it; only [`super::AtlasApp::apply`] changes it.

use std::path::PathBuf;

use egui::Key;

use crate::layout::{LayoutKind, Orientation};
use crate::model::{BodyIdx, Date, Model};
use crate::scene::{self, Marks, RouteCache, Scene};
use crate::style::Theme;
use crate::view::{self, Filters, Visible};

use super::settings::Settings;

/// A message for the user, shown until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    /// A file the message is about, offered with "Open folder" and "Copy path".
    pub path: Option<std::path::PathBuf>,
}

impl Notice {
    /// A problem to show in red.
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_error: true,
            path: None,
        }
    }
}

/// Everything the visible set and the scene depend on. When it is unchanged, nothing is
/// recomputed (as Rerun's graph view does with its layout request).
#[derive(Clone, Debug, PartialEq)]
pub struct ViewRequest {
    pub filters: Filters,
    pub orientation: Orientation,
    pub layout: LayoutKind,
    /// Bumped each time an atlas is opened or reloaded.
    pub revision: u64,
}

/// The cache: the request it was built for and what it gave.
struct Derived {
    request: ViewRequest,
    visible: Visible,
    scene: Scene,
    /// Which bodies would be drawn with every fold open: the outline lists them all, so that a
    /// body folded away stays reachable (and a screen reader reaches it).
    unfolded: Vec<bool>,
    /// Bumped each time the scene is rebuilt, so the chart knows to rebuild its graph.
    generation: u64,
    /// The relations the scene routed.
    routing: scene::Routing,
}

/// How the scene changed in [`AppState::refresh`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rebuilt {
    /// The chart's frame changed (orientation, layout, another atlas, a filter that hides or
    /// shows bodies): go back to the opening view of what is shown.
    pub reset_view: bool,
    /// Another atlas (or the same file, reloaded): nothing to glide from.
    pub new_atlas: bool,
}

/// The whole window's state.
pub struct AppState {
    pub model: Model,
    /// The atlas file, watched for changes; `None` for the embedded atlas.
    pub source: Option<PathBuf>,
    /// How the atlas file was read (a spreadsheet's sheet and column roles); a reload reads
    /// it the same way.
    pub import: crate::model::import::Import,
    /// Where the atlas came from, for messages.
    pub origin: String,
    pub revision: u64,
    pub settings: Settings,
    pub selected: Option<BodyIdx>,
    /// The body under the pointer last frame.
    pub hovered: Option<BodyIdx>,
    /// The chosen relation (index in the atlas), shown in the side panel instead of a body.
    pub relation: Option<usize>,
    /// The relation under the pointer last frame.
    pub hovered_relation: Option<usize>,
    pub search: String,
    /// The bodies the search matches, best first, with the field each matched in.
    pub hits: Vec<crate::search::Hit>,
    /// A chosen article: (document id, number).
    pub article: Option<(String, String)>,
    pub notice: Option<Notice>,
    /// A short message in the header: what just happened.
    pub status: Option<String>,
    pub playing: bool,
    /// True while an export runs in the background.
    pub exporting: bool,
    /// The name of a file being read in the background (a large one), if any.
    pub loading: Option<String>,
    /// The chart theme in force (the window's, as of the last frame).
    pub theme: Theme,
    /// The dates on which the atlas changes, for ‹ and › beside the dates.
    pub change_dates: Vec<crate::model::Date>,
    /// The atlas's events by date, for the marks under the time slider.
    pub event_marks: Vec<(crate::model::Date, String)>,
    /// Set by a change of fold level, until the chart is framed anew.
    pub(super) refit: bool,
    /// Set when another atlas was opened, until the chart has reset its view.
    pub(super) fresh_atlas: bool,
    derived: Derived,
    /// Relation routes, kept while the layout stays (a date change moves no box).
    routes: RouteCache,
}

/// Above this many bodies, the window opens folded.
const BIG_ATLAS: usize = 150;
/// About as many boxes as read at once on a laptop screen at a readable zoom.
const OPENING_BODIES: usize = 40;

impl AppState {
    pub fn new(model: Model, source: Option<PathBuf>, mut settings: Settings) -> AppState {
        // Fold a big atlas before its first scene is built: the whole of a 20,000-body one,
        // routed, would take seconds to throw away.
        forget_missing_focus(&model, &mut settings.filters);
        if settings.filters.folded.is_empty() && settings.filters.expand.is_none() {
            settings.filters.folded = opening_folds(&model, &settings.filters);
        }
        let selected = settings
            .selected
            .as_deref()
            .and_then(|id| model.index_of(id));
        let request = ViewRequest {
            filters: settings.filters.clone(),
            orientation: settings.orientation,
            layout: settings.layout,
            revision: 0,
        };
        let origin = source.as_ref().map_or_else(
            || crate::model::EMBEDDED_NAME.to_owned(),
            |p| p.display().to_string(),
        );
        let mut routes = RouteCache::default();
        let mut state = AppState {
            derived: Derived::build(&model, request, &mut routes),
            change_dates: crate::history::change_dates(&model),
            event_marks: event_marks(&model),
            routes,
            model,
            import: source
                .as_ref()
                .and_then(|p| settings.imports.get(&p.display().to_string()).cloned())
                .unwrap_or_default(),
            source,
            origin,
            revision: 0,
            settings,
            selected,
            hovered: None,
            relation: None,
            hovered_relation: None,
            search: String::new(),
            hits: Vec::new(),
            article: None,
            notice: None,
            status: None,
            playing: false,
            exporting: false,
            loading: None,
            theme: Theme::Light,
            fresh_atlas: false,
            refit: false,
        };
        state.refresh();
        state
    }

    /// A big atlas opens folded to the deepest level whose bodies still read on one screen;
    /// a small one (the CSTO's) opens whole.
    pub(super) fn fold_if_big(&mut self) {
        self.settings.filters.expand = None;
        self.settings.filters.folded = opening_folds(&self.model, &self.settings.filters);
    }

    /// Drops a focus the atlas does not have (from saved settings or before a reload).
    pub(super) fn forget_missing_focus(&mut self) {
        forget_missing_focus(&self.model, &mut self.settings.filters);
    }

    pub fn visible(&self) -> &Visible {
        &self.derived.visible
    }

    /// Whether a body would be drawn with every fold open.
    pub fn drawn_unfolded(&self, body: BodyIdx) -> bool {
        self.derived.unfolded[body.0]
    }

    pub fn scene(&self) -> &Scene {
        &self.derived.scene
    }

    pub fn scene_generation(&self) -> u64 {
        self.derived.generation
    }

    fn request(&self) -> ViewRequest {
        ViewRequest {
            filters: self.settings.filters.clone(),
            orientation: self.settings.orientation,
            layout: self.settings.layout,
            revision: self.revision,
        }
    }

    /// Brings the cache up to date. The layout runs again only when the visible set, the
    /// orientation, the layout or the atlas changed: moving the date within a year in which
    /// nothing was founded costs one comparison.
    pub fn refresh(&mut self) -> Option<Rebuilt> {
        let d = &self.derived;
        let current = d.request.filters == self.settings.filters
            && d.request.orientation == self.settings.orientation
            && d.request.layout == self.settings.layout
            && d.request.revision == self.revision
            && self.routing(&d.visible) == d.routing;
        if current {
            return None;
        }
        let request = self.request();
        let visible = view::visible(&self.model, &request.filters);
        let frame_changed =
            request.orientation != d.request.orientation || request.layout != d.request.layout;
        let routing = self.routing(&visible);
        let same_picture = visible == d.visible
            && !frame_changed
            && request.revision == d.request.revision
            && routing == d.routing;
        if same_picture {
            self.derived.request = request;
            return None;
        }
        // A filter that hides or shows bodies frames the chart anew; the date does not, so that
        // the organization grows in place.
        let (old, new) = (&d.request.filters, &request.filters);
        let refit = old.hidden_kinds != new.hidden_kinds
            || old.focus != new.focus
            || old.depth != new.depth
            || old.repack != new.repack
            // Names in another language size the boxes anew.
            || old.lang != new.lang;
        let new_atlas = request.revision != d.request.revision;
        let generation = self.derived.generation + 1;
        self.derived = Derived::build_with(
            &self.model,
            request,
            (visible, routing),
            generation,
            &mut self.routes,
        );
        let reset_view = frame_changed
            || refit
            || std::mem::take(&mut self.fresh_atlas)
            || std::mem::take(&mut self.refit);
        Some(Rebuilt {
            reset_view,
            new_atlas,
        })
    }

    /// The relations the scene should route for what the window shows.
    fn routing(&self, visible: &Visible) -> scene::Routing {
        let chosen = (self.selected, self.relation);
        routing(&self.model, &self.settings.filters, visible, chosen)
    }

    /// The marks: selection, its path to the apex, search matches and bodies citing an article.
    pub fn marks(&self) -> Marks {
        let mut marks = Marks::selection(&self.model, self.selected);
        marks.matches = self.hits.iter().map(|h| h.body).collect();
        if let Some((doc, number)) = &self.article {
            marks.citing = self.model.citing(doc, number);
        }
        marks.hovered = self.hovered;
        marks.added = crate::history::added(&self.model, &self.settings.filters);
        marks.added_undated = crate::history::added_undated(&self.model, &marks.added);
        marks.relation = self.hovered_relation.or(self.relation);
        marks.lang = self.lang();
        marks
    }

    /// The language of the interface: the one the names are shown in, when the interface has
    /// it, else English.
    pub fn lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::of(self.settings.filters.lang.as_deref())
    }

    /// The bodies to fold so that `level` levels stay open, on the tree the other filters show.
    fn folds_for_level(&self, level: usize) -> Vec<String> {
        folds_for_level(&self.model, &self.settings.filters, level)
    }

    /// A level set by `--expand` becomes the list of the bodies it folds, so that each can
    /// then be opened on its own.
    fn explicit_folds(&mut self) {
        if let Some(level) = self.settings.filters.expand.take() {
            let mut folds = self.folds_for_level(level);
            folds.retain(|id| !self.settings.filters.folded.contains(id));
            self.settings.filters.folded.extend(folds);
        }
    }

    /// Folds `body` into one box, or unfolds it.
    pub fn toggle_fold(&mut self, body: BodyIdx) {
        self.explicit_folds();
        let id = self.model.body(body).id.clone();
        let folded = &mut self.settings.filters.folded;
        match folded.iter().position(|f| *f == id) {
            Some(k) => {
                folded.remove(k);
            }
            None => folded.push(id),
        }
    }

    /// Opens the folds that hide `body` (its folded ancestors, and a level that folds it away),
    /// so that a body chosen in search or a link can be shown.
    pub fn unfold_to(&mut self, body: BodyIdx) {
        if self.visible().is_drawn(body) {
            return;
        }
        self.explicit_folds();
        let path: Vec<String> = self
            .model
            .path_to_root(body)
            .into_iter()
            .skip(1)
            .map(|a| self.model.body(a).id.clone())
            .collect();
        self.settings.filters.folded.retain(|id| !path.contains(id));
    }

    /// Opens `level` levels below each apex and folds the rest (`None`: opens everything).
    /// The chart is framed anew (rule of the opening view).
    pub fn expand_to(&mut self, level: Option<usize>) {
        self.refit = true;
        self.settings.filters.expand = None;
        self.settings.filters.folded = match level {
            Some(level) => self.folds_for_level(level),
            None => Vec::new(),
        };
    }

    /// Whether the overview shows: as chosen, else for atlases of more than 150 bodies.
    pub fn minimap_shown(&self) -> bool {
        self.settings
            .minimap
            .unwrap_or(self.model.len() > BIG_ATLAS)
    }

    /// The view on screen: the filters and the selection, as a link or a citation writes it.
    pub fn view_spec(&self) -> crate::view::spec::ViewSpec {
        crate::view::spec::ViewSpec {
            filters: self.settings.filters.clone(),
            selected: self.selected.map(|i| self.model.body(i).id.clone()),
        }
    }

    /// The "as of" date in force: the filter's, else the edition.
    /// The citation style of sources: the one chosen, else the language's.
    pub fn cite_style(&self) -> crate::biblio::Style {
        (self.settings.cite_style).unwrap_or_else(|| {
            crate::biblio::Style::for_lang(self.settings.filters.lang.as_deref())
        })
    }

    pub fn date(&self) -> Date {
        self.settings
            .filters
            .as_of
            .unwrap_or(self.model.date_range().1)
    }

    /// Where an arrow key goes from the selection: the nearest drawn box in that direction on
    /// screen (straight on counts double against sideways), a tie going to the tree neighbour
    /// (parent, first subordinate, previous or next sibling). With nothing selected, the first
    /// drawn body.
    pub fn navigate_from(&self, selected: Option<BodyIdx>, key: Key) -> Option<BodyIdx> {
        let scene = self.scene();
        let first = scene.nodes.first()?.body;
        let visible = self.visible();
        let Some(sel) = selected.filter(|&s| visible.is_drawn(s)) else {
            return Some(first);
        };
        let from = scene.node_for(sel)?.rect.center();
        let tree = self.tree_neighbour(sel, key);
        // Distance along the direction and across it, for a box whose centre lies that way.
        let reach = |to: egui::Pos2| -> Option<f32> {
            let d = to - from;
            let (along, across) = match key {
                Key::ArrowRight => (d.x, d.y),
                Key::ArrowLeft => (-d.x, d.y),
                Key::ArrowDown => (d.y, d.x),
                Key::ArrowUp => (-d.y, d.x),
                _ => return None,
            };
            (along > 1.0).then_some(along + 2.0 * across.abs())
        };
        let best = scene
            .nodes
            .iter()
            .filter(|n| n.body != sel)
            .filter_map(|n| Some((reach(n.rect.center())?, n.body)))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let tree_cost = tree.and_then(|t| reach(scene.node_for(t)?.rect.center()));
        match (best, tree_cost) {
            (Some((cost, _)), Some(t)) if t <= cost + 1.0 => tree,
            (Some((_, body)), _) => Some(body),
            (None, _) => tree,
        }
    }

    /// The neighbour in the tree of drawn bodies that an arrow names.
    fn tree_neighbour(&self, sel: BodyIdx, key: Key) -> Option<BodyIdx> {
        let drawn: Vec<BodyIdx> = self.scene().nodes.iter().map(|n| n.body).collect();
        let visible = self.visible();
        let drawn_parent = |i: BodyIdx| visible.drawn_parent(&self.model, i);
        match key {
            Key::ArrowUp => drawn_parent(sel),
            Key::ArrowDown => drawn
                .iter()
                .copied()
                .find(|&b| drawn_parent(b) == Some(sel)),
            Key::ArrowLeft | Key::ArrowRight => {
                let parent = drawn_parent(sel);
                let siblings: Vec<BodyIdx> = drawn
                    .iter()
                    .copied()
                    .filter(|&b| drawn_parent(b) == parent)
                    .collect();
                let pos = siblings.iter().position(|&b| b == sel).unwrap_or(0);
                if key == Key::ArrowLeft {
                    pos.checked_sub(1).map(|p| siblings[p])
                } else {
                    siblings.get(pos + 1).copied()
                }
            }
            _ => None,
        }
    }
}

impl Derived {
    fn build(model: &Model, request: ViewRequest, routes: &mut RouteCache) -> Derived {
        let visible = view::visible(model, &request.filters);
        let routing = routing(model, &request.filters, &visible, (None, None));
        Derived::build_with(model, request, (visible, routing), 0, routes)
    }

    fn build_with(
        model: &Model,
        request: ViewRequest,
        (visible, routing): (Visible, scene::Routing),
        generation: u64,
        routes: &mut RouteCache,
    ) -> Derived {
        let scene = scene::build_with_routes(
            model,
            &visible,
            request.orientation,
            request.layout,
            (&routing, routes),
        );
        let folds = &request.filters;
        let unfolded = if folds.folded.is_empty() && folds.expand.is_none() {
            model.indices().map(|i| visible.is_drawn(i)).collect()
        } else {
            let v = view::visible(model, &folds.unfolded());
            model.indices().map(|i| v.is_drawn(i)).collect()
        };
        Derived {
            request,
            visible,
            scene,
            unfolded,
            generation,
            routing,
        }
    }
}

/// Above this many boxes in the layout, the window routes only the relations of the selection
/// and the chosen relation: all of a 5,000-body chart's take seconds, and the scene is built
/// on the window's thread.
const ROUTE_ALL_UP_TO: usize = 1_000;

/// What the window routes: nothing when no relation is shown; every relation among the placed
/// boxes on a chart of up to [`ROUTE_ALL_UP_TO`], so that hovering a body draws its relations at
/// once; on a larger one, with "selected", the selection's (and the chosen relation).
fn routing(
    model: &Model,
    filters: &crate::view::Filters,
    visible: &Visible,
    (selected, relation): (Option<BodyIdx>, Option<usize>),
) -> scene::Routing {
    use crate::view::RelationsShown;
    let placed = visible.placed.iter().filter(|&&p| p).count();
    match filters.relations {
        RelationsShown::None => scene::Routing::None,
        RelationsShown::Selected if placed > ROUTE_ALL_UP_TO => {
            let mut marks = Marks::selection(model, selected);
            marks.relation = relation;
            scene::Routing::for_picture(model, RelationsShown::Selected, &marks)
        }
        _ => scene::Routing::All,
    }
}

/// The bodies to fold at `level` under `filters` (their own folds left out).
fn folds_for_level(model: &Model, filters: &crate::view::Filters, level: usize) -> Vec<String> {
    let v = crate::view::visible(model, &filters.unfolded());
    crate::view::fold::fold_to_level(model, &v.bodies, level)
}

/// What a window opens folded: nothing for an atlas of at most 150 bodies; for a bigger one, the
/// deepest level with about as many boxes as read on one screen.
fn opening_folds(model: &Model, filters: &crate::view::Filters) -> Vec<String> {
    if model.len() <= BIG_ATLAS {
        return Vec::new();
    }
    let v = crate::view::visible(model, &filters.unfolded());
    let sizes = crate::view::fold::level_sizes(model, &v.bodies);
    // How many boxes a level shows in all.
    let count = |l: usize| sizes.iter().take(l + 1).sum::<usize>();
    let mut level = 1;
    while count(level + 1) <= OPENING_BODIES && count(level + 1) > count(level) {
        level += 1;
    }
    crate::view::fold::fold_to_level(model, &v.bodies, level)
}

/// Drops a focus the atlas does not have (from saved settings or before a reload).
fn forget_missing_focus(model: &Model, filters: &mut crate::view::Filters) {
    if filters
        .focus
        .as_deref()
        .is_some_and(|f| model.index_of(f).is_none())
    {
        filters.focus = None;
    }
}

/// The atlas's events as (date, title), by date.
pub fn event_marks(model: &Model) -> Vec<(crate::model::Date, String)> {
    (model.events_between(None, None).into_iter())
        .filter_map(|e| Some((crate::model::Date::parse(&e.date)?, e.title.clone())))
        .collect()
}
