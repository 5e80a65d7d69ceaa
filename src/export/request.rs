//! One export as a plain value: the command line and the window's dialog both build an
//! [`ExportRequest`], and [`render`] turns it into the file's bytes.

use egui::{Rect, Vec2};

use super::{export_bytes, ExportError, Format, SvgOptions};
use crate::layout::{LayoutKind, Orientation};
use crate::model::Model;
use crate::scene::{self, Marks, Scene};
use crate::style::Theme;
use crate::view::{self, Filters, Visible};

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
    /// Selection and highlights drawn on the picture.
    pub marks: Marks,
    pub area: Area,
    pub legend: bool,
    /// The line above the chart: title, filters, edition.
    pub caption: bool,
    /// PNG only: pixels per point.
    pub scale: f32,
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
            area: Area::Whole,
            legend: true,
            caption: true,
            scale: 1.0,
        }
    }

    /// The visible set and the laid-out scene this export draws.
    pub fn scene(&self, model: &Model) -> (Visible, Scene) {
        let visible = view::visible(model, &self.filters);
        let scene = scene::build(model, &visible, self.orientation, self.layout);
        (visible, scene)
    }

    /// What the SVG writer needs besides the scene.
    pub fn svg_options(&self, model: &Model, visible: &Visible, scene: &Scene) -> SvgOptions {
        let mut marks = self.marks.clone();
        marks.added = crate::history::added(model, &self.filters);
        SvgOptions {
            theme: self.theme,
            marks,
            region: match self.area {
                Area::Whole => None,
                Area::OpeningView(size) => Some(scene::default_view(scene, size)),
                Area::Region(rect) => Some(rect),
            },
            legend: self.legend,
            caption: self
                .caption
                .then(|| caption(model, &self.filters, visible.shown_count())),
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
    ) -> Result<Vec<u8>, ExportError> {
        let options = self.svg_options(model, visible, scene);
        export_bytes(model, scene, self.format, &options, self.scale)
    }
}

/// Builds the scene and renders it: the whole export in one call.
pub fn render(model: &Model, request: &ExportRequest) -> Result<Vec<u8>, ExportError> {
    let (visible, scene) = request.scene(model);
    request.render_scene(model, &visible, &scene)
}

/// The caption of an exported image: title, filters, edition and how far the sources go.
pub fn caption(model: &Model, filters: &Filters, shown: usize) -> String {
    let meta = &model.atlas.meta;
    format!(
        "{} — {}, {} of {} shown · {}",
        meta.title,
        filters.describe(model),
        shown,
        model.len(),
        meta.currency()
    )
}
