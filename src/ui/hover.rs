//! What the pointer shows over the chart: a body's card and a relation's one-line summary.

use crate::model::{BodyIdx, Date, Model};

/// "Joint Staff prepares proposals for CMD · verified · sources: TASS; News.tj": a relation in
/// one line, its sources named by their outlet (the atlas's keys mean nothing to a reader).
pub fn relation_summary(model: &Model, relation: usize) -> String {
    let r = &model.atlas.relations[relation];
    let name = |id: &str| {
        model
            .index_of(id)
            .map_or_else(|| id.to_owned(), |i| model.body(i).name.clone())
    };
    let mut outlets: Vec<&str> = Vec::new();
    for s in r.sources.iter().filter_map(|id| model.source(id)) {
        let outlet = s.publisher.as_deref().unwrap_or(&s.title);
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
    }
    let sources = match outlets.len() {
        0 => "no source".to_owned(),
        _ => format!("sources: {}", outlets.join("; ")),
    };
    format!(
        "{} {} {} · {} · {sources}",
        name(&r.from),
        model.relation_kind_name(r, None),
        name(&r.to),
        r.status.label(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relation_summary_names_outlets_not_keys() {
        let model = crate::model::load_embedded().unwrap();
        for (i, r) in model.atlas.relations.iter().enumerate() {
            let text = relation_summary(&model, i);
            for id in &r.sources {
                let as_word = text
                    .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .any(|w| w == id);
                assert!(!as_word, "the key {id:?} in {text:?}");
            }
            assert!(
                text.contains(" · sources: ") || r.sources.is_empty(),
                "{text}"
            );
        }
    }
}
