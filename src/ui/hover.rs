//! What the pointer shows over the chart: a body's card and a relation's one-line summary.

use crate::model::{BodyIdx, Date, Model};

/// "Joint Staff prepares proposals for CMD · verified · S12, S1": a relation in one line.
pub fn relation_summary(model: &Model, relation: usize) -> String {
    let r = &model.atlas.relations[relation];
    let name = |id: &str| {
        model
            .index_of(id)
            .map_or_else(|| id.to_owned(), |i| model.body(i).name.clone())
    };
    format!(
        "{} {} {} · {} · {}",
        name(&r.from),
        model.relation_kind_name(r, None),
        name(&r.to),
        r.status.label(),
        r.sources.join(", ")
    )
}

/// The tooltip over a hovered body: name, kind and the mandate's first sentence.
pub fn hover_card(model: &Model, body: BodyIdx, date: Date, response: &egui::Response) {
    let b = model.body(body);
    let mandate = b
        .mandate
        .as_ref()
        .map(|m| first_sentence(&m.text))
        .unwrap_or_default();
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(320.0);
        ui.strong(&b.name);
        ui.label(model.kind_name(body, None));
        if let Some(h) = model.holder_at(body, date) {
            ui.label(format!("On {date}: {}", h.label()));
        }
        ui.label(mandate);
        // A lone body beside the apex: why it hangs from nothing.
        if model.parent(body).is_none() && model.children(body).is_empty() {
            let why = b.established.as_ref().and_then(|e| e.by.as_deref());
            ui.weak(match why {
                Some(by) => format!("No parent body: it was set up by {by}."),
                None => "No parent body.".to_owned(),
            });
        }
    });
}

/// The first sentence of a text, for one-line tooltips.
pub fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(end) => &text[..=end],
        None => text,
    }
}
