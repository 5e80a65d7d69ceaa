//! The camera: where the chart is on screen, the opening view, fitting, centring, revealing
//! and zooming.

use egui::{vec2, Pos2, Rect, Vec2};

use super::ChartView;
use crate::model::BodyIdx;
use crate::scene::{self, Marks};
use crate::ui::settings::SavedView;

impl ChartView {
    /// Opens at a saved view once the widget knows its size.
    pub fn restore_view(&mut self, view: SavedView) {
        let ok = view.zoom.is_finite() && view.centre.iter().all(|c| c.is_finite());
        if ok {
            self.restore = Some(view);
        }
    }

    /// The view to save: zoom and the chart point at the centre.
    pub fn saved_view(&self) -> SavedView {
        SavedView {
            zoom: self.camera.zoom,
            centre: self.visible_region().center().into(),
        }
    }

    /// The chart's widget rect on screen: what the panels leave free.
    pub fn viewport(&self) -> Rect {
        self.viewport
    }

    /// The part of the chart on screen, in chart coordinates.
    pub fn visible_region(&self) -> Rect {
        Rect::from_min_max(
            self.chart_from_screen(self.viewport.min),
            self.chart_from_screen(self.viewport.max),
        )
    }

    /// A chart rect on screen.
    pub fn screen_rect(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.screen_from_chart(r.min), self.screen_from_chart(r.max))
    }

    pub(super) fn screen_from_chart(&self, p: Pos2) -> Pos2 {
        self.viewport.min + self.camera.pan + p.to_vec2() * self.camera.zoom
    }

    pub(super) fn chart_from_screen(&self, p: Pos2) -> Pos2 {
        ((p - self.viewport.min - self.camera.pan) / self.camera.zoom).to_pos2()
    }

    /// Centres the camera on a chart point at `zoom`.
    pub(super) fn look_at(&mut self, centre: Pos2, zoom: f32) {
        self.camera.zoom = zoom.clamp(0.02, 4.0);
        self.camera.pan = self.viewport.size() / 2.0 - centre.to_vec2() * self.camera.zoom;
    }

    /// Shows `region` (chart coordinates) as large as fits.
    pub(super) fn show_region(&mut self, region: Rect) {
        let size = self.viewport.size();
        if !region.is_positive() || size.x <= 0.0 {
            return;
        }
        self.look_at(
            region.center(),
            (size.x / region.width()).min(size.y / region.height()),
        );
    }

    /// The whole chart, centred, zoomed out as far as it needs but never in: a panel that opens
    /// must not enlarge what the user was looking at.
    fn keep_whole(&mut self) {
        let whole = self.bounds.expand(24.0);
        let size = self.viewport.size();
        if !whole.is_positive() || size.x <= 0.0 {
            return;
        }
        let fit = (size.x / whole.width()).min(size.y / whole.height());
        self.look_at(whole.center(), fit.min(self.camera.zoom));
    }

    /// F: the whole chart.
    pub fn fit_all(&mut self) {
        self.auto_view = false;
        self.show_region(self.bounds.expand(24.0));
    }

    /// 0: the view the chart opens at.
    pub fn reset_view(&mut self) {
        let apex = self.nodes().next().map(|n| n.rect.center());
        let size = self.viewport.size();
        self.show_region(scene::opening_view(
            self.bounds,
            self.orientation,
            apex,
            size,
        ));
    }

    /// Centres on a body; zooms in to a readable size if needed.
    pub fn centre_on(&mut self, body: BodyIdx) {
        if self.needs_initial_view {
            self.pending_reveal = Some(body);
            return;
        }
        let Some(rect) = self.rect_of(body) else {
            return;
        };
        self.auto_view = false;
        self.look_at(rect.center(), self.camera.zoom.max(scene::READABLE_ZOOM));
    }

    /// Brings a body into view with the least movement (zooming in to a readable size if
    /// needed), so that choosing a body nearby does not throw the whole chart around.
    pub fn reveal(&mut self, body: BodyIdx) {
        if self.needs_initial_view {
            self.pending_reveal = Some(body);
            return;
        }
        let Some(r) = self.rect_of(body) else {
            return;
        };
        self.reveal_next = Some(body);
        // The user is choosing bodies: a panel that opens must not re-frame the chart.
        self.auto_view = false;
        if self.camera.zoom < scene::READABLE_ZOOM {
            self.centre_on(body);
            return;
        }
        self.pan_to_contain(r);
    }

    /// Pans the least that brings `region` (chart coordinates) inside the view, 16 px in (less
    /// than any framing leaves, so that what a framing shows never moves); a region too large
    /// for the view gets its top-left corner in.
    fn pan_to_contain(&mut self, region: Rect) {
        let on_screen = Rect::from_min_max(
            self.screen_from_chart(region.min) - self.viewport.min.to_vec2(),
            self.screen_from_chart(region.max) - self.viewport.min.to_vec2(),
        );
        let view = Rect::from_min_size(Pos2::ZERO, self.viewport.size()).shrink(16.0);
        let shift = |lo: f32, hi: f32, min: f32, max: f32| {
            if hi - lo > max - min || lo < min {
                min - lo
            } else if hi > max {
                max - hi
            } else {
                0.0
            }
        };
        let d = vec2(
            shift(
                on_screen.left(),
                on_screen.right(),
                view.left(),
                view.right(),
            ),
            shift(
                on_screen.top(),
                on_screen.bottom(),
                view.top(),
                view.bottom(),
            ),
        );
        if d != Vec2::ZERO {
            self.auto_view = false;
            self.camera.pan += d;
        }
    }

    /// The selection and its neighbours (chart coordinates), and the selection's centre: what
    /// stays in view when a panel opens beside the chart.
    fn selection_region(&self, marks: &Marks) -> Option<(Rect, Pos2)> {
        let selected = self.rect_of(marks.selected?)?;
        let mut region = selected;
        for r in marks.neighbours.iter().filter_map(|&n| self.rect_of(n)) {
            region = region.union(r);
        }
        Some((region, selected.center()))
    }

    /// Keeps `region` in view with the least change: a pan, or a zoom out when it is larger
    /// than the view (names down to 7 px: a selection's neighbours are read by their short
    /// names and the hover card); the whole chart when that then fits.
    fn keep_in_view(&mut self, region: Rect, anchor: Pos2) {
        const FLOOR: f32 = 7.0 / scene::NAME_SIZE;
        let view = self.viewport.size() - Vec2::splat(2.0 * 16.0);
        if view.x <= 0.0 || view.y <= 0.0 {
            return;
        }
        let fit = |r: Rect| (view.x / r.width()).min(view.y / r.height());
        if fit(region) < self.camera.zoom {
            let whole = self.bounds.expand(24.0);
            if fit(whole) >= fit(region).max(FLOOR) {
                self.keep_whole();
                return;
            }
            let zoom = fit(region).max(FLOOR);
            // Zoom about the selection, so the box just clicked stays under the pointer.
            let at = self.screen_from_chart(anchor);
            self.zoom_by(zoom / self.camera.zoom, Some(at));
        }
        self.pan_to_contain(region);
    }

    /// Zooms by `factor` about a screen point (the centre when `None`).
    pub fn zoom_by(&mut self, factor: f32, about: Option<Pos2>) {
        self.auto_view = false;
        let about = about.unwrap_or(self.viewport.center()) - self.viewport.min;
        let new_zoom = (self.camera.zoom * factor).clamp(0.02, 4.0);
        self.camera.pan = about - (about - self.camera.pan) * (new_zoom / self.camera.zoom);
        self.camera.zoom = new_zoom;
    }

    /// Settles the camera for this frame's widget rect: the opening view, a restored view, or,
    /// across a resize (a panel opening, closing or dragged), the chart kept where it is with
    /// the selection and its neighbours in view; with nothing selected, a view that grew (the
    /// side panel closed) is framed anew.
    pub(super) fn frame(&mut self, rect: Rect, marks: &Marks) {
        let moved = rect != self.viewport;
        let old_min = self.viewport.min;
        let old_width = self.viewport.width();
        // The user was looking at the whole chart: it stays whole if it can.
        let whole_in_view = self.visible_region().contains_rect(self.bounds);
        self.viewport = rect;
        if !rect.is_positive() {
            return;
        }
        if self.needs_initial_view {
            self.needs_initial_view = false;
            self.reset_view();
            if let Some(view) = self.restore.take() {
                self.auto_view = false;
                self.look_at(view.centre.into(), view.zoom);
            }
            if let Some(body) = self.pending_reveal.take() {
                // Opening on a body: the opening view when it shows the body, its neighbours too
                // where they fit; else centred across on it.
                let whole = self.visible_region().contains_rect(self.bounds);
                match self.selection_region(marks) {
                    Some((region, anchor)) if whole => self.keep_in_view(region, anchor),
                    _ => {
                        if let Some(r) = self.rect_of(body) {
                            self.camera.pan.x =
                                rect.width() / 2.0 - r.center().x * self.camera.zoom;
                        }
                        self.reveal(body);
                    }
                }
                self.auto_view = false;
            }
        } else if moved && self.auto_view {
            self.reset_view();
        } else if moved {
            // When a panel opens or resizes, the chart stays where it is on screen: the body
            // just clicked does not move away from the pointer.
            self.camera.pan += old_min - rect.min;
            let whole = self.bounds.expand(24.0);
            let size = rect.size();
            let fit = (size.x / whole.width()).min(size.y / whole.height());
            match self.selection_region(marks) {
                Some(_) if whole_in_view && fit >= scene::READABLE_ZOOM => self.keep_whole(),
                Some((region, anchor)) => self.keep_in_view(region, anchor),
                None if rect.width() > old_width + 0.5 => self.reset_view(),
                None => {}
            }
        }
        if let Some(body) = self.reveal_next.take() {
            if !self.needs_initial_view {
                self.reveal(body);
                self.reveal_next = None;
            }
        }
    }
}
