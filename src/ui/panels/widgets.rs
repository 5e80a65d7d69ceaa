//! Small pieces the panels share: kind swatches and badges, status tags, claims, headings.

use crate::tr;
use egui::{Color32, RichText, Ui};

use crate::biblio::Style;
use crate::i18n::Lang;
use crate::model::{BodyKind, Claim, Kinds, Model, Source, Status};
use crate::style::{KindOutline, Palette, Theme};
use crate::ui::action::Action;

/// Where the window keeps the interface language for the frame (set by the app each frame).
pub const LANG_ID: &str = "interface-lang";

/// The interface language this frame.
pub fn lang(ui: &Ui) -> Lang {
    ui.data(|d| d.get_temp(egui::Id::new(LANG_ID)))
        .unwrap_or_default()
}

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

/// "[verified]", "[inferred]", … in the status's colour, in the interface's language.
pub fn status_text(ui: &Ui, status: Status) -> RichText {
    let label = crate::i18n::status_label(lang(ui), status);
    let text = RichText::new(format!("[{label}]")).size(TAG_SIZE);
    match status {
        Status::Verified => text.color(Color32::from_rgb(0x2e, 0x9d, 0x48)),
        Status::Reference => text.color(Color32::from_rgb(0x3f, 0x7f, 0xd0)),
        Status::Inferred => text.color(Color32::from_rgb(0xc0, 0x8a, 0x00)),
        Status::Unverified => text.color(Color32::from_rgb(0xd0, 0x40, 0x40)).strong(),
    }
}

/// The sources a panel cites, numbered in first-use order: inline keys read "[3]", the same
/// number as in the list at the end, with the whole reference on hover; a click on a key
/// scrolls to its entry and flashes it.
pub struct Citations<'a> {
    model: &'a Model,
    ids: Vec<&'a str>,
    style: Style,
    /// Names this list in egui's memory, where a clicked key waits for its entry to scroll.
    salt: egui::Id,
    /// The language prose is shown in, through the atlas's catalogue.
    lang: Option<String>,
}

/// A key clicked: the entry to bring into view, and when (for the flash).
#[derive(Clone, Copy)]
struct Jump {
    number: usize,
    at: f64,
    scrolled: bool,
}

/// How long a jumped-to entry stays lit, in seconds.
const FLASH: f64 = 1.6;

impl<'a> Citations<'a> {
    /// An empty list in `style`; `salt` tells it apart from other lists on screen.
    pub fn new(
        model: &'a Model,
        style: Style,
        salt: impl std::hash::Hash + std::fmt::Debug,
    ) -> Citations<'a> {
        Citations {
            model,
            ids: Vec::new(),
            style,
            salt: egui::Id::new(("citations", salt)),
            lang: None,
        }
    }

    /// The same list, showing prose in `lang` where the atlas translates it.
    pub fn in_lang(mut self, lang: Option<&str>) -> Citations<'a> {
        self.lang = lang.map(str::to_owned);
        self
    }

    /// The numbered sources of a body's report, numbered as the report numbers them.
    pub fn of_report(
        model: &'a Model,
        report: &'a crate::report::BodyReport,
        style: Style,
    ) -> Citations<'a> {
        let mut cites =
            Citations::new(model, style, ("body", &report.id)).in_lang(report.lang.names_code());
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

    /// Numbers the sources prose names by key ("[S81]"), so that [`Citations::prose`] can write
    /// them as numbers.
    pub fn add_named(&mut self, text: &'a str) {
        let known: Vec<&'a str> = crate::biblio::keys_in(text)
            .filter(|k| self.model.source(k).is_some())
            .collect();
        self.add(known);
    }

    /// `text` in the list's language, with each "[key]" of a numbered source written "[n]":
    /// readers never see keys.
    pub fn prose(&self, text: &str) -> String {
        let text = self.model.tr(self.lang.as_deref(), text);
        let numbers: Vec<(String, usize)> = (self.ids.iter().enumerate())
            .map(|(n, id)| ((*id).to_owned(), n + 1))
            .collect();
        crate::biblio::renumber(text, &numbers)
    }

    /// [`Citations::add`] for a claim's list of source ids.
    pub fn add_ids(&mut self, ids: &'a [String]) {
        self.add(ids.iter().map(String::as_str));
    }

    /// Every numbered source, formatted in the list's style.
    fn formatted(&self) -> Vec<(&'a Source, String)> {
        let sources: Vec<&Source> = self
            .ids
            .iter()
            .filter_map(|id| self.model.source(id))
            .collect();
        let checked = self.model.atlas.meta.checked.as_deref();
        let lines = crate::biblio::format(&sources, self.style, checked);
        sources.into_iter().zip(lines).collect()
    }

    /// "[1] [4]" for these sources: each shows its whole reference on hover and, clicked, scrolls
    /// to it in the list.
    pub fn keys_ui(&self, ui: &mut Ui, ids: &[String]) {
        for id in ids {
            let Some(n) = self.ids.iter().position(|s| s == id) else {
                ui.label(
                    RichText::new(format!("[{id}]"))
                        .color(quiet(ui))
                        .size(TAG_SIZE),
                );
                continue;
            };
            let key = ui
                .add(
                    egui::Label::new(
                        RichText::new(format!("[{}]", n + 1))
                            .color(quiet(ui))
                            .size(TAG_SIZE),
                    )
                    .sense(egui::Sense::click()),
                )
                .on_hover_cursor(egui::CursorIcon::PointingHand);
            let key = key.on_hover_ui(|ui| {
                ui.set_max_width(420.0);
                if let Some(s) = self.model.source(id) {
                    let checked = self.model.atlas.meta.checked.as_deref();
                    ui.label(crate::biblio::format_one(s, self.style, checked));
                    ui.label(
                        RichText::new(tr!(lang(ui), "cite-key-hint"))
                            .color(quiet(ui))
                            .size(TAG_SIZE),
                    );
                }
            });
            if key.clicked() {
                let at = ui.input(|i| i.time);
                ui.data_mut(|d| {
                    d.insert_temp(
                        self.salt,
                        Jump {
                            number: n + 1,
                            at,
                            scrolled: false,
                        },
                    )
                });
            }
        }
    }

    /// The numbered list in the chosen style, each address a link (shown on hover), each entry
    /// with a context menu to copy or open it; a button copies them all.
    pub fn list_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let formatted = self.formatted();
        if formatted.is_empty() {
            return;
        }
        let all: String = formatted
            .iter()
            .enumerate()
            .map(|(n, (_, line))| format!("[{}] {line}\n", n + 1))
            .collect();
        let l = lang(ui);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(self.style.label())
                    .color(quiet(ui))
                    .size(TAG_SIZE),
            )
            .on_hover_text(tr!(l, "cite-style-hint"));
            if ui
                .small_button(tr!(l, "cite-copy-all"))
                .on_hover_text(tr!(l, "cite-copy-all-hint"))
                .clicked()
            {
                actions.push(Action::CopyText {
                    text: all,
                    what: tr!(l, "cite-copied-sources", count = formatted.len()),
                });
            }
        });
        let now = ui.input(|i| i.time);
        let mut jump: Option<Jump> = ui.data(|d| d.get_temp(self.salt));
        for (n, (s, line)) in formatted.iter().enumerate() {
            let number = n + 1;
            let lit = jump.filter(|j| j.number == number && now - j.at < FLASH);
            let fill = lit.map_or(egui::Color32::TRANSPARENT, |j| {
                let fade = 1.0 - ((now - j.at) / FLASH) as f32;
                ui.visuals().selection.bg_fill.gamma_multiply(0.6 * fade)
            });
            let entry = egui::Frame::new()
                .fill(fill)
                .corner_radius(3)
                .inner_margin(egui::Margin::symmetric(2, 1))
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!("[{number}]")).on_hover_text(tr!(
                            l,
                            "cite-number-hint",
                            kind = crate::i18n::t(l, &format!("source-kind-{}", s.kind.key())),
                            id = s.id.as_str()
                        ));
                        reference_ui(ui, s, line);
                    });
                    // The locator and the caveat on lines of their own, under the reference.
                    for extra in [s.locator.as_deref(), s.note.as_deref()]
                        .into_iter()
                        .flatten()
                    {
                        if !line.contains(extra) {
                            let extra = self.model.tr(self.lang.as_deref(), extra);
                            ui.label(RichText::new(extra).color(quiet(ui)).size(TAG_SIZE));
                        }
                    }
                })
                .response;
            let entry = entry.interact(egui::Sense::click());
            entry.context_menu(|ui| entry_menu(ui, s, line, actions));
            if let Some(j) = lit {
                if !j.scrolled {
                    entry.scroll_to_me(Some(egui::Align::Center));
                    jump = Some(Jump {
                        scrolled: true,
                        ..j
                    });
                    ui.data_mut(|d| d.insert_temp(self.salt, jump));
                }
                // Not at once: a frame every 16 ms while it fades, not as fast as can be.
                (ui.ctx()).request_repaint_after(std::time::Duration::from_millis(16));
            }
        }
    }
}

/// A formatted reference, its address a link that shows itself on hover.
fn reference_ui(ui: &mut Ui, s: &Source, line: &str) {
    let link = s.link().and_then(|url| line.find(url).map(|at| (url, at)));
    match link {
        Some((url, at)) => {
            ui.label(&line[..at]);
            ui.hyperlink_to(url, url).on_hover_text(url);
            let rest = &line[at + url.len()..];
            if !rest.is_empty() {
                ui.label(rest);
            }
        }
        None => {
            ui.label(line);
            if let Some(url) = s.link() {
                ui.hyperlink_to(tr!(lang(ui), "cite-link"), url)
                    .on_hover_text(url);
            }
        }
    }
}

/// The context menu of a source: copy its citation or its address, open it.
fn entry_menu(ui: &mut Ui, s: &Source, line: &str, actions: &mut Vec<Action>) {
    let l = lang(ui);
    if ui.button(tr!(l, "cite-copy-citation")).clicked() {
        actions.push(Action::CopyText {
            text: line.to_owned(),
            what: tr!(l, "cite-copied-citation"),
        });
        ui.close();
    }
    match s.link() {
        Some(url) => {
            if ui
                .button(tr!(l, "cite-copy-link"))
                .on_hover_text(url)
                .clicked()
            {
                actions.push(Action::CopyText {
                    text: url.to_owned(),
                    what: tr!(l, "cite-copied-link"),
                });
                ui.close();
            }
            if ui
                .button(tr!(l, "cite-open-link"))
                .on_hover_text(url)
                .clicked()
            {
                ui.ctx().open_url(egui::OpenUrl::new_tab(url));
                ui.close();
            }
        }
        None => {
            ui.add_enabled(false, egui::Button::new(tr!(l, "cite-no-link")));
        }
    }
}

/// A claim's text, status and numbered sources, with its note below.
pub fn claim_ui(ui: &mut Ui, claim: &Claim, cites: &Citations) {
    ui.horizontal_wrapped(|ui| {
        ui.label(cites.prose(&claim.text));
        ui.label(status_text(ui, claim.status));
        cites.keys_ui(ui, &claim.sources);
    });
    if let Some(note) = &claim.note {
        let note = cites.prose(note);
        ui.label(
            RichText::new(tr!(lang(ui), "details-note", note = note))
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
