//! What the pointer shows over the chart: a body's card and a relation's one-line summary.

use crate::i18n::Lang;
use crate::model::{BodyIdx, Date, Model};
use crate::tr;

/// "Joint Staff prepares proposals for CMD · verified · sources: TASS; News.tj": a relation in
/// one line, its sources named by their outlet (the atlas's keys mean nothing to a reader).
pub fn relation_summary(model: &Model, relation: usize, lang: Option<&str>) -> String {
    let r = &model.atlas.relations[relation];
    let l = Lang::of(lang);
    let name = |id: &str| {
        model
            .index_of(id)
            .map_or_else(|| id.to_owned(), |i| model.display_name(i, lang).0)
    };
    let mut outlets: Vec<&str> = Vec::new();
    for s in r.sources.iter().filter_map(|id| model.source(id)) {
        let outlet = s.publisher.as_deref().unwrap_or(&s.title);
        if !outlets.contains(&outlet) {
            outlets.push(outlet);
        }
    }
    let sources = match outlets.len() {
        0 => tr!(l, "hover-no-source"),
        _ => tr!(l, "hover-sources", outlets = outlets.join("; ")),
    };
    format!(
        "{} {} {} · {} · {sources}",
        name(&r.from),
        model.relation_kind_name(r, lang),
        name(&r.to),
        crate::i18n::status_label(l, r.status),
    )
}

/// The tooltip over a hovered body: name, kind and the mandate's first sentence.
pub fn hover_card(
    model: &Model,
    body: BodyIdx,
    date: Date,
    lang: Option<&str>,
    response: &egui::Response,
) {
    let b = model.body(body);
    let l = Lang::of(lang);
    let mandate = b
        .mandate
        .as_ref()
        .map(|m| first_sentence(model.tr(lang, &m.text)))
        .unwrap_or_default();
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(320.0);
        ui.strong(model.display_name(body, lang).0);
        ui.label(model.kind_name(body, lang));
        if let Some(h) = model.holder_at(body, date) {
            let on = crate::i18n::date_words(l, date);
            let holder = model.holder_in(h, lang).label();
            ui.label(tr!(l, "details-holder-on", date = on, holder = holder));
        }
        ui.label(mandate);
        // A lone body beside the apex: why it hangs from nothing.
        if model.parent(body).is_none() && model.children(body).is_empty() {
            let why = b.established.as_ref().and_then(|e| e.by.as_deref());
            ui.weak(
                match why.and_then(|by| crate::i18n::prose_in(model, lang, by)) {
                    Some(by) => tr!(l, "hover-no-parent-by", by = by),
                    _ => tr!(l, "hover-no-parent"),
                },
            );
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
            let text = relation_summary(&model, i, None);
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
