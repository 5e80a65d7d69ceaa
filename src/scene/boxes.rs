//! The text of each body's box, wrapped and centred, and the size of the box around it.

use egui::{pos2, vec2, Vec2};

use super::{TextLine, LINE_GAP, MIN_WIDTH, NAME_SIZE, NAME_WRAP, PAD, SECOND_SIZE, SHORT_SIZE};
use crate::layout::TextMetrics;
use crate::model::{BodyIdx, Model};

/// The text lines of each placed body's box, and the box's size.
pub(super) fn box_contents(
    model: &Model,
    placed: &[BodyIdx],
    lang: Option<&str>,
) -> Vec<(Vec<TextLine>, Vec2)> {
    placed
        .iter()
        .map(|&i| {
            let m = TextMetrics::get();
            let (name, short, fallback) = model.display_name(i, lang);
            // A name not given in the chosen language shows the English one, marked.
            let name = if fallback {
                format!("{name} [en]")
            } else {
                name
            };
            let translated = lang
                .filter(|l| *l != "en")
                .and_then(|l| model.body(i).names.get(l));
            let (short, name) = match translated {
                // A name in the chosen language but no short form in it: no English
                // abbreviation above it.
                Some(n) if n.short.is_none() => (String::new(), name),
                // A short form that is no abbreviation ("Генеральный секретарь ОДКБ") is the
                // customary name: it stands alone rather than above a longer one.
                Some(_) if short.contains(' ') && m.width(&short, SHORT_SIZE) > NAME_WRAP => {
                    (String::new(), short)
                }
                _ => (short, name),
            };
            let second = (model.atlas.meta.second_line.as_ref())
                .and_then(|f| model.body(i).fields.get(f))
                .map(|t| m.displayable(t));
            box_content(
                &m.displayable(&short),
                &m.displayable(&name),
                second.as_deref(),
            )
        })
        .collect()
}

/// The text lines of a body box relative to its top left, and the box size.
fn box_content(short: &str, name: &str, second: Option<&str>) -> (Vec<TextLine>, Vec2) {
    let m = TextMetrics::get();
    let mut lines = Vec::new();
    let mut y = PAD;
    let mut width: f32 = 0.0;
    let show_short = !short.is_empty() && short != name;
    if show_short {
        width = width.max(m.width(short, SHORT_SIZE));
        lines.push(TextLine {
            text: short.to_owned(),
            pos: pos2(0.0, y),
            size: SHORT_SIZE,
            strong: true,
        });
        y += m.line_height(SHORT_SIZE) + LINE_GAP;
    }
    let wrapped = m.wrap(name, NAME_SIZE, NAME_WRAP);
    for line in wrapped {
        width = width.max(m.width(&line, NAME_SIZE));
        lines.push(TextLine {
            text: line,
            pos: pos2(0.0, y),
            size: NAME_SIZE,
            strong: !show_short,
        });
        y += m.line_height(NAME_SIZE);
    }
    if let Some(second) = second.filter(|t| !t.trim().is_empty()) {
        y += LINE_GAP;
        for line in m.wrap(second, SECOND_SIZE, NAME_WRAP) {
            width = width.max(m.width(&line, SECOND_SIZE));
            lines.push(TextLine {
                text: line,
                pos: pos2(0.0, y),
                size: SECOND_SIZE,
                strong: false,
            });
            y += m.line_height(SECOND_SIZE);
        }
    }
    let size = vec2((width + 2.0 * PAD).max(MIN_WIDTH).ceil(), (y + PAD).ceil());
    // Centre each line horizontally.
    for l in &mut lines {
        l.pos.x = (size.x - m.width(&l.text, l.size)) / 2.0;
    }
    (lines, size)
}
