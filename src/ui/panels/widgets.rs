//! Small pieces the panels share: kind swatches and badges, status tags, claims, headings.

use egui::{Color32, RichText, Ui};

use crate::model::{BodyKind, Claim, Kinds, Model, Status};
use crate::style::{KindOutline, Palette, Theme};

/// The chart theme that matches the panel's visuals.
pub fn theme(ui: &Ui) -> Theme {
    if ui.visuals().dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// Fill and outline of a kind, as on the chart.
pub fn kind_colors(ui: &Ui, kinds: &Kinds, kind: BodyKind) -> (Color32, Color32) {
    Palette::of(theme(ui)).kind(kinds, kind)
}

/// A small box in a kind's colours and outline, as in the chart.
pub fn kind_swatch(ui: &mut Ui, size: egui::Vec2, kinds: &Kinds, kind: BodyKind) {
    let (fill, accent) = kind_colors(ui, kinds, kind);
    swatch(ui, size, fill, accent, crate::style::kind_outline(kind));
}

/// A small box in these colours and outline.
pub fn swatch(ui: &mut Ui, size: egui::Vec2, fill: Color32, accent: Color32, outline: KindOutline) {
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect(
        rect,
        outline.radius.min(4.0),
        fill,
        egui::Stroke::new(outline.width, accent),
        egui::StrokeKind::Inside,
    );
}

/// A small coloured badge with the kind's name.
pub fn kind_badge(ui: &mut Ui, kinds: &Kinds, kind: BodyKind, lang: Option<&str>) {
    let (fill, accent) = kind_colors(ui, kinds, kind);
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, accent))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(kinds.name_in(kind, lang))
                    .color(accent)
                    .small(),
            );
        });
}

/// The colour of secondary text in the side panel (notes, paraphrases, source keys): quieter
/// than the body text but at least 4.5:1 against the panel in both themes (WCAG AA), where
/// egui's weak text is about 2.9:1.
pub fn quiet(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_gray(175)
    } else {
        Color32::from_gray(88)
    }
}

/// Text size of status tags and source keys: readable, a little under the body text.
pub const TAG_SIZE: f32 = 12.0;

/// "[verified]", "[inferred]", … in the status's colour.
pub fn status_text(status: Status) -> RichText {
    let text = RichText::new(format!("[{}]", status.label())).size(TAG_SIZE);
    match status {
        Status::Verified => text.color(Color32::from_rgb(0x2e, 0x9d, 0x48)),
        Status::Reference => text.color(Color32::from_rgb(0x3f, 0x7f, 0xd0)),
        Status::Inferred => text.color(Color32::from_rgb(0xc0, 0x8a, 0x00)),
        Status::Unverified => text.color(Color32::from_rgb(0xd0, 0x40, 0x40)).strong(),
    }
}

/// The sources a panel cites, numbered in first-use order: inline keys read "[3]", the same
/// number as in the list at the end, with the source's title on hover.
pub struct Citations<'a> {
    model: &'a Model,
    ids: Vec<&'a str>,
}

impl<'a> Citations<'a> {
    pub fn new(model: &'a Model) -> Citations<'a> {
        Citations {
            model,
            ids: Vec::new(),
        }
    }

    /// The numbered sources of a body's report, numbered as the report numbers them.
    pub fn of_report(model: &'a Model, report: &'a crate::report::BodyReport) -> Citations<'a> {
        let mut cites = Citations::new(model);
        cites.add(report.sources.iter().map(|s| s.id.as_str()));
        cites
    }

    /// Numbers these sources, unless already numbered.
    pub fn add(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        for id in ids {
            if !self.ids.contains(&id) {
                self.ids.push(id);
            }
        }
    }

    /// [`Citations::add`] for a claim's list of source ids.
    pub fn add_ids(&mut self, ids: &'a [String]) {
        self.add(ids.iter().map(String::as_str));
    }

    /// "[1] [4]" for these sources, each with its title on hover.
    pub fn keys_ui(&self, ui: &mut Ui, ids: &[String]) {
        for id in ids {
            let n = self.ids.iter().position(|s| s == id);
            let key = n.map_or_else(|| format!("[{id}]"), |n| format!("[{}]", n + 1));
            let title = self.model.source(id).map_or("", |s| s.title.as_str());
            ui.label(RichText::new(key).color(quiet(ui)).size(TAG_SIZE))
                .on_hover_text(title);
        }
    }

    /// The numbered list, with links where a source has an address.
    pub fn list_ui(&self, ui: &mut Ui) {
        for (n, id) in self.ids.iter().enumerate() {
            let Some(s) = self.model.source(id) else {
                continue;
            };
            // The atlas's own key ("S19") means nothing to a reader: the number, the title, its
            // kind; the key stays on hover, for whoever edits the atlas.
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("[{}]", n + 1))
                    .on_hover_text(format!("Source {} in the atlas file", s.id));
                ui.label(
                    RichText::new(s.kind.label())
                        .size(TAG_SIZE)
                        .color(quiet(ui)),
                );
                match s.url.as_deref().filter(|u| u.starts_with("http")) {
                    Some(url) => {
                        ui.hyperlink_to(&s.title, url);
                    }
                    None => {
                        ui.label(&s.title);
                    }
                }
            });
        }
    }
}

/// A claim's text, status and numbered sources, with its note below.
pub fn claim_ui(ui: &mut Ui, claim: &Claim, cites: &Citations) {
    ui.horizontal_wrapped(|ui| {
        ui.label(&claim.text);
        ui.label(status_text(claim.status));
        cites.keys_ui(ui, &claim.sources);
    });
    if let Some(note) = &claim.note {
        ui.label(
            RichText::new(format!("Note: {note}"))
                .color(quiet(ui))
                .size(TAG_SIZE),
        );
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
