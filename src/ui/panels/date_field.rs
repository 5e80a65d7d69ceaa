//! A date the user can type, step and slide: a field (Enter applies, Esc puts back the date
//! shown, a bad date says why in place), ‹ › to the previous or next date on which the atlas
//! changes, and a slider with year ticks that moves a day with ←/→ and a year with PgUp/PgDn.

use super::widgets::lang;
use crate::i18n::Lang;
use crate::tr;
use egui::{vec2, Key, Modifiers, RichText, Ui};

use crate::history;
use crate::model::Date;

/// What the field holds between frames while the user types.
#[derive(Clone, Default)]
struct Typing {
    text: String,
    error: Option<String>,
}

/// One date control.
pub struct DateField<'a> {
    /// Tells this control's widgets from another's ("as-of", "compare").
    pub id: &'a str,
    /// The earliest and latest date the control offers.
    pub range: (Date, Date),
    /// The dates ‹ and › step to.
    pub changes: &'a [Date],
    /// The atlas's events, by date: marks under the slider, their titles on hover.
    pub events: &'a [(Date, String)],
    /// Put the keyboard in the field this frame (View → Go to date…).
    pub focus: bool,
    /// What the field is, for screen readers and the hover text.
    pub label: &'a str,
}

impl DateField<'_> {
    /// Shows the control for `current`; returns the date the user chose, if any.
    pub fn ui(&self, ui: &mut Ui, current: Date) -> Option<Date> {
        let (start, end) = self.range;
        let mut chosen = None;
        ui.horizontal(|ui| {
            let before = history::step_change(self.changes, current, false).filter(|d| *d >= start);
            let back = ui
                .add_enabled(before.is_some(), step_button("‹"))
                .on_hover_text(step_hint(lang(ui), false, before));
            if back.clicked() {
                chosen = before;
            }
            if let Some(d) = self.field(ui, current) {
                chosen = Some(d);
            }
            let after = history::step_change(self.changes, current, true).filter(|d| *d <= end);
            let next = ui
                .add_enabled(after.is_some(), step_button("›"))
                .on_hover_text(step_hint(lang(ui), true, after));
            if next.clicked() {
                chosen = after;
            }
        });
        if let Some(error) = self.typing(ui).error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        if let Some(d) = self.slider(ui, current) {
            chosen = Some(d);
        }
        chosen.filter(|d| *d != current)
    }

    /// One id wherever the field sits (inside a row or not), so its state is found again.
    fn field_id(&self) -> egui::Id {
        egui::Id::new(("date-field", self.id))
    }

    fn typing(&self, ui: &Ui) -> Typing {
        let id = self.field_id();
        ui.data(|d| d.get_temp::<Typing>(id)).unwrap_or_default()
    }

    /// The text field: returns a date typed and confirmed with Enter.
    fn field(&self, ui: &mut Ui, current: Date) -> Option<Date> {
        let l = lang(ui);
        let id = self.field_id();
        let mut typing = self.typing(ui);
        let focused = ui.memory(|m| m.has_focus(id));
        if !focused && typing.error.is_none() {
            typing.text = shown(l, current);
        }
        let edit = egui::TextEdit::singleline(&mut typing.text)
            .id(id)
            .desired_width(86.0)
            .hint_text(tr!(l, "date-hint"));
        let response = ui
            .add(edit)
            .on_hover_text(tr!(l, "date-field-hint", label = self.label));
        if self.focus {
            response.request_focus();
        }
        let mut chosen = None;
        if response.lost_focus() {
            let (enter, escape) =
                ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
            if enter {
                match self.read(l, &typing.text) {
                    Ok(d) => {
                        chosen = Some(d);
                        typing.error = None;
                        typing.text = shown(l, d);
                    }
                    Err(e) => {
                        typing.error = Some(e);
                        response.request_focus();
                    }
                }
            } else if escape || typing.error.is_none() {
                typing.error = None;
                typing.text = shown(l, current);
            }
        }
        ui.data_mut(|d| d.insert_temp(id, typing));
        chosen
    }

    /// A typed date, or why it is not one the control can show.
    fn read(&self, l: Lang, text: &str) -> Result<Date, String> {
        let (start, end) = self.range;
        let d = crate::i18n::parse_typed_date(text)
            .or_else(|| Date::parse_loose(text.trim()))
            .ok_or_else(|| tr!(l, "date-not-a-date", text = text.trim()))?;
        if d < start || d > end {
            let (start, end) = (shown(l, start), shown(l, end));
            return Err(tr!(l, "date-out-of-range", start = start, end = end));
        }
        Ok(d)
    }

    /// The slider with a tick for every year, labels every five.
    fn slider(&self, ui: &mut Ui, current: Date) -> Option<Date> {
        let (start, end) = self.range;
        let mut day = current.day_number();
        let width = ui.available_width().max(120.0);
        ui.spacing_mut().slider_width = width;
        let slider = egui::Slider::new(&mut day, start.day_number()..=end.day_number())
            .show_value(false)
            .step_by(1.0);
        let response =
            ui.add(slider)
                .on_hover_text(tr!(lang(ui), "date-slider-hint", label = self.label));
        let mut chosen = response.changed().then(|| Date::from_day_number(day));
        if response.has_focus() {
            let years = ui.input_mut(|i| {
                i.count_and_consume_key(Modifiers::NONE, Key::PageUp) as i32
                    - i.count_and_consume_key(Modifiers::NONE, Key::PageDown) as i32
            });
            if years != 0 {
                let d = add_years(current, years).clamp(start, end);
                chosen = Some(d);
            }
        }
        year_ticks(ui, response.rect, self.range, self.events);
        chosen
    }
}

/// ‹ or ›, large enough to hit: the glyphs alone are a few pixels wide.
fn step_button(glyph: &str) -> egui::Button<'_> {
    egui::Button::new(RichText::new(glyph).size(16.0)).min_size(vec2(24.0, 0.0))
}

fn step_hint(l: Lang, next: bool, to: Option<Date>) -> String {
    let date = to.map_or_else(
        || tr!(l, "date-step-none"),
        |d| crate::i18n::date_words(l, d),
    );
    if next {
        tr!(l, "date-step-next", date = date)
    } else {
        tr!(l, "date-step-previous", date = date)
    }
}

/// A date as the field shows it: 2005-01-01, or 01.01.2005 to a Russian reader.
fn shown(l: Lang, d: Date) -> String {
    match l {
        Lang::En => d.to_string(),
        Lang::Ru => format!("{:02}.{:02}.{:04}", d.day, d.month, d.year),
    }
}

/// The same day `years` later (earlier when negative); 29 February becomes the 28th.
fn add_years(d: Date, years: i32) -> Date {
    let year = d.year + years;
    Date::parse(&format!("{year:04}-{:02}-{:02}", d.month, d.day))
        .or_else(|| Date::parse(&format!("{year:04}-{:02}-28", d.month)))
        .unwrap_or(d)
}

/// Ticks under a slider's rail at each 1 January, with the year written every five, and a dot
/// at each event: hovered, the events near the pointer.
fn year_ticks(
    ui: &mut Ui,
    slider: egui::Rect,
    (start, end): (Date, Date),
    events: &[(Date, String)],
) {
    let (rect, response) = ui.allocate_exact_size(vec2(slider.width(), 12.0), egui::Sense::hover());
    // egui's rail runs between the handle's centres at either end.
    let radius = slider.height() / 2.5;
    let (left, right) = (slider.left() + radius, slider.right() - radius);
    let (a, b) = (start.day_number() as f32, end.day_number() as f32);
    if b <= a {
        return;
    }
    let painter = ui.painter_at(rect.expand2(vec2(12.0, 0.0)));
    let colour = ui.visuals().weak_text_color();
    let font = egui::FontId::proportional(9.0);
    for year in start.year + 1..=end.year {
        let Some(jan) = Date::parse(&format!("{year:04}-01-01")) else {
            continue;
        };
        let x = left + (right - left) * (jan.day_number() as f32 - a) / (b - a);
        let labelled = year % 5 == 0;
        let h = if labelled { 4.0 } else { 2.0 };
        painter.line_segment(
            [egui::pos2(x, rect.top()), egui::pos2(x, rect.top() + h)],
            egui::Stroke::new(1.0, colour),
        );
        if labelled {
            painter.text(
                egui::pos2(x, rect.top() + h),
                egui::Align2::CENTER_TOP,
                year.to_string(),
                font.clone(),
                colour,
            );
        }
    }
    let x_of = |d: Date| left + (right - left) * (d.day_number() as f32 - a) / (b - a);
    let dot = ui.visuals().selection.bg_fill;
    let shown: Vec<&(Date, String)> = (events.iter())
        .filter(|(d, _)| (start..=end).contains(d))
        .collect();
    for (d, _) in &shown {
        painter.circle_filled(egui::pos2(x_of(*d), rect.top() + 1.5), 2.0, dot);
    }
    if let Some(pointer) = response.hover_pos() {
        let near: Vec<String> = (shown.iter())
            .filter(|(d, _)| (x_of(*d) - pointer.x).abs() <= 4.0)
            .map(|(d, title)| format!("{}: {title}", crate::i18n::date_words(lang(ui), *d)))
            .collect();
        if !near.is_empty() {
            response.on_hover_ui_at_pointer(|ui| {
                for line in near {
                    ui.label(line);
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::add_years;
    use crate::model::Date;

    #[test]
    fn a_year_on_keeps_the_day_and_29_february_becomes_the_28th() {
        let d = |t| Date::parse(t).unwrap();
        assert_eq!(add_years(d("2004-01-01"), 1), d("2005-01-01"));
        assert_eq!(add_years(d("2004-02-29"), 1), d("2005-02-28"));
        assert_eq!(add_years(d("2004-02-29"), -4), d("2000-02-29"));
    }
}
