//! The panels around the chart: menus, the outline and filters, the details of the selection,
//! the legend, and the dialogs. Each is a function of the app ending in `_ui`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{Color32, RichText, Ui};
use serde::{Deserialize, Serialize};

use super::app::{AtlasApp, Notice, ThemeChoice};
use crate::export::{self, Format};
use crate::layout::Orientation;
use crate::model::{BodyKind, Claim, Date, RelationKind, Status};
use crate::view;

/// The tabs of the left panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeftTab {
    #[default]
    Outline,
    Filters,
    Articles,
    Members,
}

/// The export dialog's choices.
#[derive(Clone, Debug)]
pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    pub scale: f32,
    pub whole: bool,
    pub legend: bool,
    pub path: String,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            format: Format::Png,
            scale: 2.0,
            whole: true,
            legend: true,
            path: "csto-atlas.png".to_owned(),
        }
    }
}

fn kind_color(ui: &Ui, kind: BodyKind) -> (Color32, Color32) {
    let theme = if ui.visuals().dark_mode {
        crate::scene::Theme::Dark
    } else {
        crate::scene::Theme::Light
    };
    theme.kind_colors(kind)
}

/// A small box in a kind's colours, as in the chart.
fn swatch(ui: &mut Ui, size: egui::Vec2, fill: Color32, accent: Color32) {
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
fn kind_badge(ui: &mut Ui, kind: BodyKind) {
    let (fill, accent) = kind_color(ui, kind);
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, accent))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(kind.label()).color(accent).small());
        });
}

fn status_text(status: Status) -> RichText {
    let text = RichText::new(format!("[{}]", status.label())).small();
    match status {
        Status::Verified => text.color(Color32::from_rgb(0x2e, 0x9d, 0x48)),
        Status::Reference => text.color(Color32::from_rgb(0x3f, 0x7f, 0xd0)),
        Status::Inferred => text.color(Color32::from_rgb(0xc0, 0x8a, 0x00)),
        Status::Unverified => text.color(Color32::from_rgb(0xd0, 0x40, 0x40)).strong(),
    }
}

pub fn menu_bar_ui(app: &mut AtlasApp, ui: &mut Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open atlas…  (Ctrl+O)").clicked() {
                    app.open_path = Some(String::new());
                }
                if ui.button("Export…  (Ctrl+E)").clicked() {
                    app.export.open = true;
                }
                if ui
                    .button("Copy image  (Ctrl+Shift+C)")
                    .on_hover_text("The whole chart as shown, to the clipboard")
                    .clicked()
                {
                    copy_image(app, ui.ctx());
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                if ui.button("Fit all  (F)").clicked() {
                    app.chart.fit_all();
                }
                if ui.button("Centre on selection  (C)").clicked() {
                    if let Some(s) = app.selected {
                        app.chart.centre_on(s);
                    }
                }
                if ui.button("Zoom in  (+)").clicked() {
                    app.chart.zoom_by(1.25, None);
                }
                if ui.button("Zoom out  (−)").clicked() {
                    app.chart.zoom_by(0.8, None);
                }
                if ui.button("Reset view  (0)").clicked() {
                    app.chart.reset_view();
                }
                ui.separator();
                let lr = app.settings.orientation == Orientation::LeftRight;
                if ui.selectable_label(lr, "Left to right  (O)").clicked() {
                    app.toggle_orientation();
                }
                ui.checkbox(
                    &mut app.settings.filters.showcase,
                    "Showcase: fade filtered bodies",
                );
                ui.separator();
                ui.label("Theme");
                ui.radio_value(
                    &mut app.settings.theme,
                    ThemeChoice::System,
                    "Follow the system",
                );
                ui.radio_value(&mut app.settings.theme, ThemeChoice::Light, "Light");
                ui.radio_value(&mut app.settings.theme, ThemeChoice::Dark, "Dark");
            });
            ui.menu_button("Help", |ui| {
                ui.label(
                    "Mouse: drag to pan, wheel to zoom, click a body to read about it.\n\
                     F fit all · C centre · + − zoom · 0 reset · O orientation\n\
                     Tab / Shift+Tab next / previous body · Up parent · Down first subordinate\n\
                     Left / Right siblings · Enter centre · Esc clear the selection\n\
                     Ctrl+F search · Ctrl+E export · Ctrl+Shift+C copy image · Ctrl+O open an atlas",
                );
            });
        });
    });
}

/// The line under the menu: what is shown, with one click to clear the filters.
pub fn filter_header_ui(app: &mut AtlasApp, ui: &mut Ui) {
    egui::Panel::top("filters-header").show(ui, |ui| {
        ui.horizontal(|ui| {
            let v = app.visible();
            let shown = v.shown_count();
            let text = format!(
                "{}: {}, {} of {} shown",
                app.model.atlas.meta.short,
                app.settings.filters.describe(&app.model),
                shown,
                app.model.len()
            );
            ui.label(text);
            if app.settings.filters.is_active()
                && ui
                    .button("Clear filters")
                    .on_hover_text("Show every body again")
                    .clicked()
            {
                let showcase = app.settings.filters.showcase;
                app.settings.filters = view::Filters {
                    showcase,
                    ..Default::default()
                };
                app.playing = false;
            }
            if let Some((doc, number)) = app.article.clone() {
                let short = app
                    .model
                    .document(&doc)
                    .map_or(doc.clone(), |d| d.short.clone());
                if ui
                    .button(format!(
                        "✖ {short} {}",
                        crate::model::article_label(&number)
                    ))
                    .on_hover_text("Stop highlighting the bodies that cite this article")
                    .clicked()
                {
                    app.article = None;
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(format!("edition {}", app.model.atlas.meta.edition)).weak());
                if let Some(status) = &app.status {
                    ui.label(RichText::new(status).weak().italics())
                        .on_hover_text("The atlas file is watched: saving it reloads the chart");
                }
            });
        });
    });
}

/// The legend and the member states at the chosen date.
pub fn legend_bar_ui(app: &mut AtlasApp, ui: &mut Ui) {
    egui::Panel::bottom("legend").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let theme = app.theme(ui.ctx());
            for k in app.chart.scene.body_kinds() {
                let (fill, accent) = theme.kind_colors(k);
                swatch(ui, egui::vec2(22.0, 12.0), fill, accent);
                ui.label(k.label());
            }
            ui.separator();
            let line = |ui: &mut Ui, color: Color32, dash: Option<(f32, f32)>, label: &str| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(26.0, 12.0), egui::Sense::hover());
                let pts = [rect.left_center(), rect.right_center()];
                let stroke = egui::Stroke::new(1.6, color);
                match dash {
                    Some((a, b)) => {
                        ui.painter()
                            .extend(egui::Shape::dashed_line(&pts, stroke, a, b));
                    }
                    None => {
                        ui.painter().line_segment(pts, stroke);
                    }
                }
                ui.label(label);
            };
            line(ui, theme.tree_edge(), None, "reports to");
            for k in app.chart.scene.relation_kinds() {
                line(
                    ui,
                    theme.relation_color(k),
                    Some(crate::scene::relation_dash(k)),
                    k.label(),
                );
            }
        });
        let date = app
            .settings
            .filters
            .as_of
            .as_deref()
            .and_then(Date::parse)
            .unwrap_or(app.model.date_range().1);
        let members = view::members_at(&app.model, date);
        if !app.model.atlas.members.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("Members on {date}:")).strong());
                for (i, state) in members {
                    let name = &app.model.atlas.members[i].name;
                    match state {
                        crate::model::MemberState::Member => {
                            ui.label(name);
                        }
                        other => {
                            ui.label(
                                RichText::new(format!("{name} ({})", other.label())).italics(),
                            )
                            .on_hover_text("Still legally a member");
                        }
                    }
                }
            });
        }
    });
}

pub fn left_panel_ui(app: &mut AtlasApp, ui: &mut Ui) {
    egui::Panel::left("left")
        .resizable(true)
        .default_size(210.0)
        .min_size(180.0)
        .show(ui, |ui| {
            search_ui(app, ui);
            ui.separator();
            ui.horizontal(|ui| {
                for (tab, label) in [
                    (LeftTab::Outline, "Outline"),
                    (LeftTab::Filters, "Filters"),
                    (LeftTab::Articles, "Articles"),
                    (LeftTab::Members, "Members"),
                ] {
                    ui.selectable_value(&mut app.settings.left_tab, tab, label);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| match app.settings.left_tab {
                    LeftTab::Outline => outline_ui(app, ui),
                    LeftTab::Filters => filters_ui(app, ui),
                    LeftTab::Articles => articles_ui(app, ui),
                    LeftTab::Members => members_ui(app, ui),
                });
        });
}

fn search_ui(app: &mut AtlasApp, ui: &mut Ui) {
    let mut query = app.search.clone();
    let edit = ui.add(
        egui::TextEdit::singleline(&mut query)
            .hint_text("Search bodies (Ctrl+F)")
            .desired_width(f32::INFINITY),
    );
    if app.focus_search {
        edit.request_focus();
        app.focus_search = false;
    }
    if query != app.search {
        app.set_search(query);
    }
    if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        if let Some(&first) = app.matches.first() {
            app.select(Some(first), true);
        }
    }
    if !app.search.trim().is_empty() {
        if app.matches.is_empty() {
            ui.label(RichText::new("No match").weak());
        }
        let matches = app.matches.clone();
        for m in matches.into_iter().take(8) {
            let b = app.model.body(m);
            let label = format!("{}  {}", b.short, b.name);
            if ui
                .selectable_label(app.selected == Some(m), label)
                .clicked()
            {
                app.select(Some(m), true);
            }
        }
    }
}

fn outline_ui(app: &mut AtlasApp, ui: &mut Ui) {
    for kind in BodyKind::ALL {
        let bodies: Vec<usize> = (0..app.model.len())
            .filter(|&i| app.model.body(i).kind == kind && app.visible().is_drawn(i))
            .collect();
        if bodies.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(format!("{} ({})", kind.plural(), bodies.len()))
            .default_open(true)
            .show(ui, |ui| {
                for i in bodies {
                    let b = app.model.body(i);
                    let r = ui
                        .selectable_label(app.selected == Some(i), &b.name)
                        .on_hover_text(format!("{} · {}", b.short, b.kind.label()));
                    if r.clicked() {
                        app.select(Some(i), true);
                    }
                }
            });
    }
}

/// Adds `item` to a list of hidden things, or takes it out.
fn set_hidden<T: PartialEq>(hidden: &mut Vec<T>, item: T, hide: bool) {
    hidden.retain(|k| *k != item);
    if hide {
        hidden.push(item);
    }
}

fn filters_ui(app: &mut AtlasApp, ui: &mut Ui) {
    ui.strong("Body types");
    for kind in BodyKind::ALL {
        let count = (0..app.model.len())
            .filter(|&i| app.model.body(i).kind == kind)
            .count();
        let mut on = !app.settings.filters.hidden_kinds.contains(&kind);
        let (fill, accent) = kind_color(ui, kind);
        ui.horizontal(|ui| {
            swatch(ui, egui::vec2(14.0, 14.0), fill, accent);
            if ui
                .checkbox(&mut on, format!("{} ({count})", kind.plural()))
                .changed()
            {
                set_hidden(&mut app.settings.filters.hidden_kinds, kind, !on);
            }
        });
    }
    ui.checkbox(
        &mut app.settings.filters.showcase,
        "Showcase: fade instead of hide",
    )
    .on_hover_text("Filtered bodies stay in place, faded; nothing moves");
    ui.separator();
    ui.strong("Relations");
    for kind in RelationKind::ALL {
        let count = app
            .model
            .atlas
            .relations
            .iter()
            .filter(|r| r.kind == kind)
            .count();
        if count == 0 {
            continue;
        }
        let mut on = !app.settings.filters.hidden_relations.contains(&kind);
        if ui
            .checkbox(&mut on, format!("{} ({count})", kind.label()))
            .changed()
        {
            set_hidden(&mut app.settings.filters.hidden_relations, kind, !on);
        }
    }
    ui.separator();
    ui.strong("Time");
    let (start, end) = app.model.date_range();
    let mut limited = app.settings.filters.as_of.is_some();
    if ui.checkbox(&mut limited, "As of a date").changed() {
        app.settings.filters.as_of = limited.then(|| end.to_string());
        app.playing = false;
    }
    if let Some(text) = app.settings.filters.as_of.clone() {
        let current = Date::parse(&text).unwrap_or(end);
        let mut day = current.day_number();
        let slider = egui::Slider::new(&mut day, start.day_number()..=end.day_number())
            .show_value(false)
            .text("as of");
        if ui.add(slider).changed() {
            app.settings.filters.as_of = Some(Date::from_day_number(day).to_string());
            app.playing = false;
        }
        ui.horizontal(|ui| {
            ui.label(format!("As of {current}"));
            let label = if app.playing { "⏸ Pause" } else { "▶ Play" };
            if ui
                .button(label)
                .on_hover_text("Run through the years")
                .clicked()
            {
                if !app.playing && current >= end {
                    app.settings.filters.as_of = Some(start.to_string());
                }
                app.playing = !app.playing;
            }
        });
    }
    ui.separator();
    ui.strong("Focus");
    match app.settings.filters.focus.clone() {
        Some(id) => {
            let name = app
                .model
                .index_of(&id)
                .map_or(id.clone(), |i| app.model.body(i).short.clone());
            ui.label(format!("Around {name}"));
            ui.horizontal(|ui| {
                if ui.button("−").on_hover_text("Narrow").clicked()
                    && app.settings.filters.depth > 1
                {
                    app.settings.filters.depth -= 1;
                }
                ui.label(format!("{} step(s)", app.settings.filters.depth));
                if ui.button("+").on_hover_text("Widen").clicked() {
                    app.settings.filters.depth += 1;
                }
                if ui.button("Clear focus").clicked() {
                    app.settings.filters.focus = None;
                }
            });
        }
        None => {
            ui.label(RichText::new("Select a body, then “Focus” in its panel.").weak());
        }
    }
}

fn articles_ui(app: &mut AtlasApp, ui: &mut Ui) {
    let documents = app.model.atlas.documents.clone();
    for d in &documents {
        egui::CollapsingHeader::new(format!("{} ({})", d.short, d.signed))
            .id_salt(&d.id)
            .default_open(!d.articles.is_empty())
            .show(ui, |ui| {
                ui.label(RichText::new(&d.title).strong());
                let place = d
                    .place
                    .as_deref()
                    .map(|p| format!(", {p}"))
                    .unwrap_or_default();
                let in_force = d
                    .in_force
                    .as_deref()
                    .map(|p| format!("; in force {p}"))
                    .unwrap_or_default();
                ui.label(RichText::new(format!("Signed {}{place}{in_force}", d.signed)).weak());
                if !d.summary.is_empty() {
                    ui.label(&d.summary);
                }
                for a in &d.articles {
                    let chosen = app.article.as_ref() == Some(&(d.id.clone(), a.number.clone()));
                    let citing = app.model.citing(&d.id, &a.number).len();
                    let label = format!(
                        "{}: {} ({citing})",
                        crate::model::article_label(&a.number),
                        a.topic
                    );
                    let r = ui.selectable_label(chosen, label).on_hover_ui(|ui| {
                        ui.set_max_width(360.0);
                        ui.label(&a.paraphrase);
                        ui.label(status_text(a.status));
                    });
                    if r.clicked() {
                        app.article = if chosen {
                            None
                        } else {
                            Some((d.id.clone(), a.number.clone()))
                        };
                    }
                    if chosen {
                        ui.indent(("art", &d.id, &a.number), |ui| {
                            ui.label(&a.paraphrase);
                            ui.label(status_text(a.status));
                            for i in app.model.citing(&d.id, &a.number) {
                                if ui.link(app.model.body(i).name.clone()).clicked() {
                                    app.select(Some(i), true);
                                }
                            }
                        });
                    }
                }
            });
    }
}

fn members_ui(app: &mut AtlasApp, ui: &mut Ui) {
    let members = app.model.atlas.members.clone();
    for m in &members {
        egui::CollapsingHeader::new(&m.name)
            .id_salt(&m.id)
            .default_open(true)
            .show(ui, |ui| {
                for p in &m.periods {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!(
                            "{} – {}: {}",
                            p.from,
                            p.to.as_deref().unwrap_or("today"),
                            p.state.label()
                        ));
                        ui.label(status_text(p.status));
                    });
                    if let Some(note) = &p.note {
                        ui.label(RichText::new(note).weak().small());
                    }
                }
                for n in &m.notes {
                    claim_ui(ui, n);
                }
            });
    }
}

fn claim_ui(ui: &mut Ui, claim: &Claim) {
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

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong().size(15.0));
}

/// The right-hand panel: everything about the selected body, in a fixed order.
pub fn details_panel_ui(app: &mut AtlasApp, ui: &mut Ui) {
    let Some(i) = app.selected else { return };
    let model = &app.model;
    let b = model.body(i).clone();
    let mut go_to = None;
    let mut choose_article = None;
    let mut focus = false;
    let mut close = false;
    egui::Panel::right("details")
        .resizable(true)
        .default_size(380.0)
        .min_size(260.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.heading(&b.name);
                    });
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(&b.short).strong());
                        kind_badge(ui, b.kind);
                        if b.kind_status != Status::Verified {
                            ui.label(status_text(b.kind_status))
                                .on_hover_text("How sure the category is");
                        }
                    });
                    if !b.aliases.is_empty() {
                        ui.label(RichText::new(format!("Also: {}", b.aliases.join("; "))).weak());
                    }
                    ui.horizontal(|ui| {
                        if ui
                            .button("Focus")
                            .on_hover_text("Show only this body and its neighbours")
                            .clicked()
                        {
                            focus = true;
                        }
                        if ui.button("Centre (C)").clicked() {
                            app.chart.centre_on(i);
                        }
                        if ui.button("Close (Esc)").clicked() {
                            close = true;
                        }
                    });
                    let claims = [
                        ("Mandate", &b.mandate),
                        ("Composition", &b.composition),
                        ("Chair", &b.chair),
                    ];
                    for (title, claim) in claims {
                        if let Some(c) = claim {
                            section(ui, title);
                            claim_ui(ui, c);
                        }
                    }
                    if let Some(e) = &b.established {
                        section(ui, "Established");
                        let mut text = e
                            .date
                            .clone()
                            .unwrap_or_else(|| "Date not documented".into());
                        if let Some(by) = &e.by {
                            text.push_str(&format!(", by {by}"));
                        }
                        if let Some(place) = &e.place {
                            text.push_str(&format!(", in {place}"));
                        }
                        claim_ui(
                            ui,
                            &Claim {
                                text,
                                status: e.status,
                                sources: e.sources.clone(),
                                note: e.note.clone(),
                            },
                        );
                    }
                    if let Some(seat) = &b.seat {
                        section(ui, "Seat");
                        claim_ui(ui, seat);
                    }
                    section(ui, "Legal basis");
                    for r in &b.articles {
                        let doc = model
                            .document(&r.document)
                            .map_or(r.document.clone(), |d| d.short.clone());
                        let article = model.article(&r.document, &r.article);
                        ui.horizontal_wrapped(|ui| {
                            if ui
                                .link(format!("{doc} {}", crate::model::article_label(&r.article)))
                                .on_hover_text("Show in the articles panel")
                                .clicked()
                            {
                                choose_article = Some((r.document.clone(), r.article.clone()));
                            }
                            ui.label(status_text(r.status));
                        });
                        if let Some(a) = article {
                            ui.label(RichText::new(&a.paraphrase).weak());
                        }
                        if let Some(note) = &r.note {
                            ui.label(RichText::new(format!("Note: {note}")).weak().small());
                        }
                    }
                    let relations: Vec<_> = model
                        .relations_of(i)
                        .map(|(r, other)| (r.clone(), other))
                        .collect();
                    let parent = model.parent(i);
                    let children: Vec<usize> = model.children(i).to_vec();
                    if parent.is_some() || !children.is_empty() || !relations.is_empty() {
                        section(ui, "Relations");
                        if let Some(p) = parent {
                            ui.horizontal_wrapped(|ui| {
                                ui.label("Sits under");
                                if ui.link(&model.body(p).name).clicked() {
                                    go_to = Some(p);
                                }
                            });
                        }
                        for c in children {
                            ui.horizontal_wrapped(|ui| {
                                ui.label("Over");
                                if ui.link(&model.body(c).name).clicked() {
                                    go_to = Some(c);
                                }
                            });
                        }
                        for (r, other) in relations {
                            ui.horizontal_wrapped(|ui| {
                                let other_name = model.body(other).name.clone();
                                if r.from == b.id {
                                    ui.label(format!("This body {}", r.kind.label()));
                                    if ui.link(other_name).clicked() {
                                        go_to = Some(other);
                                    }
                                } else {
                                    if ui.link(other_name).clicked() {
                                        go_to = Some(other);
                                    }
                                    ui.label(format!("{} this body", r.kind.label()));
                                }
                                ui.label(status_text(r.status));
                            });
                        }
                    }
                    let disputes: Vec<_> = model.disputes_of(&b.id).cloned().collect();
                    if !disputes.is_empty() {
                        section(ui, "Disputed");
                        for d in disputes {
                            ui.label(RichText::new(&d.topic).italics());
                            for c in &d.claims {
                                ui.horizontal_wrapped(|ui| {
                                    ui.label("•");
                                    claim_ui(ui, c);
                                });
                            }
                        }
                    }
                    if !b.notes.is_empty() {
                        section(ui, "Notes");
                        for n in &b.notes {
                            claim_ui(ui, n);
                        }
                    }
                    section(ui, "Sources");
                    for (n, id) in model.sources_of(i).into_iter().enumerate() {
                        if let Some(s) = model.source(id) {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(format!("[{}] {}", n + 1, s.id));
                                ui.label(RichText::new(s.kind.label()).small().weak());
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
                });
        });
    if let Some(target) = go_to {
        app.select(Some(target), true);
    }
    if let Some(article) = choose_article {
        app.article = Some(article);
        app.settings.left_tab = LeftTab::Articles;
    }
    if focus {
        app.settings.filters.focus = Some(b.id.clone());
    }
    if close {
        app.select(None, false);
    }
}

/// The export dialog, the open dialog and notices.
pub fn dialogs_ui(app: &mut AtlasApp, ctx: &egui::Context) {
    export_dialog_ui(app, ctx);
    if let Some(mut path) = app.open_path.take() {
        let mut keep = true;
        egui::Window::new("Open atlas")
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label("An atlas file (.ron) with the same format as the built-in one.");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut path)
                            .hint_text("path/to/atlas.ron")
                            .desired_width(280.0),
                    );
                    if ui.button("Browse…").clicked() {
                        if let Some(p) = rfd::FileDialog::new()
                            .add_filter("Atlas", &["ron"])
                            .pick_file()
                        {
                            path = p.display().to_string();
                        }
                    }
                });
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(!path.trim().is_empty(), egui::Button::new("Open"))
                        .clicked()
                    {
                        app.open_atlas(PathBuf::from(path.trim()));
                        keep = false;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
        if keep {
            app.open_path = Some(path);
        }
    }
    if let Some(notice) = app.notice.clone() {
        let mut open = true;
        let title = if notice.is_error { "Problem" } else { "Done" };
        egui::Window::new(title)
            .collapsible(false)
            .open(&mut open)
            .show(ctx, |ui| {
                ui.set_max_width(520.0);
                if notice.is_error {
                    ui.colored_label(ui.visuals().error_fg_color, &notice.text);
                } else {
                    ui.label(&notice.text);
                }
                if ui.button("OK").clicked() {
                    app.notice = None;
                }
            });
        if !open {
            app.notice = None;
        }
    }
}

fn export_dialog_ui(app: &mut AtlasApp, ctx: &egui::Context) {
    if let Some(pending) = app.pending_export.clone() {
        let done = pending.lock().ok().and_then(|mut r| r.take());
        match done {
            Some(result) => {
                app.pending_export = None;
                app.notice = Some(match result {
                    Ok(text) => Notice {
                        text,
                        is_error: false,
                    },
                    Err(text) => Notice {
                        text: format!("The export failed: {text}"),
                        is_error: true,
                    },
                });
            }
            None => {
                egui::Window::new("Exporting")
                    .collapsible(false)
                    .show(ctx, |ui| {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label("Writing the image…");
                        });
                    });
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
        }
    }
    if !app.export.open {
        return;
    }
    let mut open = true;
    let mut go = false;
    egui::Window::new("Export")
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ctx, |ui| {
            let d = &mut app.export;
            egui::Grid::new("export-grid")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label("Format");
                    ui.horizontal(|ui| {
                        for f in Format::ALL {
                            if ui
                                .radio_value(&mut d.format, f, f.extension().to_uppercase())
                                .on_hover_text(f.label())
                                .changed()
                            {
                                let stem = d
                                    .path
                                    .rsplit_once('.')
                                    .map_or(d.path.clone(), |(s, _)| s.to_owned());
                                d.path = format!("{stem}.{}", f.extension());
                            }
                        }
                    });
                    ui.end_row();
                    if d.format == Format::Png {
                        ui.label("Scale");
                        ui.add(
                            egui::Slider::new(&mut d.scale, 1.0..=4.0)
                                .step_by(0.5)
                                .suffix("×"),
                        );
                        ui.end_row();
                    }
                    if matches!(d.format, Format::Png | Format::Svg) {
                        ui.label("Area");
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut d.whole, true, "Whole chart");
                            ui.radio_value(&mut d.whole, false, "Current view");
                        });
                        ui.end_row();
                        ui.label("Legend");
                        ui.checkbox(&mut d.legend, "Include the legend and caption");
                        ui.end_row();
                    }
                    ui.label("File");
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(&mut d.path).desired_width(240.0));
                        if ui.button("Choose…").clicked() {
                            if let Some(p) =
                                rfd::FileDialog::new().set_file_name(&d.path).save_file()
                            {
                                d.path = p.display().to_string();
                            }
                        }
                    });
                    ui.end_row();
                });
            go = ui.button("Export").clicked();
        });
    if !open {
        app.export.open = false;
    }
    if go {
        start_export(app, ctx);
    }
}

fn start_export(app: &mut AtlasApp, ctx: &egui::Context) {
    let path = PathBuf::from(app.export.path.trim());
    let Some(format) = Format::from_path(&path) else {
        app.notice = Some(Notice {
            text: format!(
                "{}: the file name must end in .png, .svg, .dot or .json",
                path.display()
            ),
            is_error: true,
        });
        return;
    };
    app.export.open = false;
    let region = (!app.export.whole).then(|| app.chart.visible_region());
    let options = app.svg_options(ctx, region, app.export.legend);
    let model = app.model.clone();
    let scene = app.chart.scene.clone();
    let scale = app.export.scale;
    let slot = Arc::new(Mutex::new(None));
    app.pending_export = Some(slot.clone());
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let result = export::export_bytes(&model, &scene, format, &options, scale)
            .and_then(|bytes| export::write_atomic(&path, &bytes).map(|_| bytes.len()))
            .map(|n| format!("Wrote {} ({n} bytes)", path.display()))
            .map_err(|e| e.to_string());
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(result);
        }
        ctx.request_repaint();
    });
}

/// Puts a picture of the whole chart, as shown, on the clipboard.
pub fn copy_image(app: &mut AtlasApp, ctx: &egui::Context) {
    let options = app.svg_options(ctx, None, true);
    let image = export::render_rgba(&export::svg(&app.model, &app.chart.scene, &options), 1.0);
    match image {
        Ok((rgba, w, h)) => {
            let size = [w as usize, h as usize];
            ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, &rgba));
            app.status = Some("Copied the chart to the clipboard".into());
        }
        Err(e) => {
            app.notice = Some(Notice {
                text: format!("Could not copy the image: {e}"),
                is_error: true,
            });
        }
    }
}
