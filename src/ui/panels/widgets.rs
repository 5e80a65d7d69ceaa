//! Small pieces the panels share: kind swatches and badges, status tags, claims, headings.

use egui::{Color32, RichText, Ui};

use crate::model::{BodyKind, Claim, Status};
use crate::style::{Palette, Theme};

/// The chart theme that matches the panel's visuals.
pub fn theme(ui: &Ui) -> Theme {
    if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// Fill and outline of a kind, as on the chart.
pub fn kind_colors(ui: &Ui, kind: BodyKind) -> (Color32, Color32) {
    Palette::of(theme(ui)).kind(kind)
}

/// A small box in a kind's colours, as in the chart.
pub fn swatch(ui: &mut Ui, size: egui::Vec2, fill: Color32, accent: Color32) {
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect(
        rect,
        3.0,
        fill,
        egui::Stroke::new(1.0, accent),
        egui::StrokeKind::Inside,
    );
}

/// A small coloured badge with the kind's name.
pub fn kind_badge(ui: &mut Ui, kind: BodyKind) {
    let (fill, accent) = kind_colors(ui, kind);
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, accent))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(kind.label()).color(accent).small());
        });
}

/// "[verified]", "[inferred]", … in the status's colour.
pub fn status_text(status: Status) -> RichText {
    let text = RichText::new(format!("[{}]", status.label())).small();
    match status {
        Status::Verified => text.color(Color32::from_rgb(0x2e, 0x9d, 0x48)),
        Status::Reference => text.color(Color32::from_rgb(0x3f, 0x7f, 0xd0)),
        Status::Inferred => text.color(Color32::from_rgb(0xc0, 0x8a, 0x00)),
        Status::Unverified => text.color(Color32::from_rgb(0xd0, 0x40, 0x40)).strong(),
    }
}

/// A claim's text, status and sources, with its note below.
pub fn claim_ui(ui: &mut Ui, claim: &Claim) {
    ui.horizontal_wrapped(|ui| {
        ui.label(&claim.text);
        ui.label(status_text(claim.status));
        if !claim.sources.is_empty() {
            ui.label(RichText::new(claim.sources.join(", ")).weak().small());
        }
    });
    if let Some(note) = &claim.note {
        ui.label(RichText::new(format!("Note: {note}")).weak().small());
    }
}

/// A section heading in the side panel.
pub fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong().size(15.0));
}

/// Adds `item` to a list of hidden things, or takes it out.
pub fn set_hidden<T: PartialEq>(hidden: &mut Vec<T>, item: T, hide: bool) {
    hidden.retain(|k| *k != item);
    if hide {
        hidden.push(item);
    }
}
