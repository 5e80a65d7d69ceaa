//! "Cite this view": a citation a paper can print under a figure, and the command line that
//! reopens exactly that view, so the figure can be reproduced.

use std::path::Path;

use super::request::shown_in_words;
use crate::model::{Date, Kinds, Model};
use crate::view::{Filters, RelationsShown};

/// A citation of one view of an atlas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// "CSTO Atlas, edition 2025-12-03, view: …; accessed 2026-11-28."
    pub text: String,
    /// `csto-atlas --kind subsidiary --as-of 2005-01-01`
    pub command: String,
}

impl Citation {
    /// The citation and the command on two lines, as they are copied.
    pub fn both(&self) -> String {
        format!("{}\n{}", self.text, self.command)
    }
}

/// Cites the view `filters` (with `selected` chosen) of `model`, read on `accessed`; `atlas` is
/// the file it came from, when not the embedded CSTO atlas.
pub fn cite(
    model: &Model,
    filters: &Filters,
    selected: Option<&str>,
    atlas: Option<&Path>,
    accessed: Date,
) -> Citation {
    let meta = &model.atlas.meta;
    let mut text = format!("CSTO Atlas, edition {}", meta.edition_text());
    if atlas.is_some() {
        text = format!("{}, {text}", meta.title);
    }
    if let Some(checked) = &meta.checked {
        text.push_str(&format!(" (sources checked to {checked})"));
    }
    text.push_str(&format!(", view: {}", shown_in_words(model, filters)));
    if let Some(id) = selected {
        if let Some(i) = model.index_of(id) {
            text.push_str(&format!(
                ", {} selected",
                model.display_name(i, filters.lang.as_deref()).0
            ));
        }
    }
    text.push_str(&format!("; accessed {}.", accessed.in_words()));
    Citation {
        text,
        command: command_line(model.kinds(), filters, selected, atlas),
    }
}

/// The window's command line for a view (relation kinds hidden one by one have no flag and are
/// left out).
pub fn command_line(
    kinds: &Kinds,
    filters: &Filters,
    selected: Option<&str>,
    atlas: Option<&Path>,
) -> String {
    let mut args: Vec<String> = vec!["csto-atlas".into()];
    let mut push = |flag: &str, value: Option<&str>| {
        args.push(flag.to_owned());
        if let Some(v) = value {
            args.push(shell_quote(v));
        }
    };
    if let Some(path) = atlas {
        push("--atlas", Some(&path.display().to_string()));
    }
    if !filters.hidden_kinds.is_empty() {
        for k in kinds.body_kinds() {
            let id = &kinds.body(k).id;
            if !filters.hidden_kinds.contains(id) {
                push("--kind", Some(id));
            }
        }
    }
    if let Some(date) = &filters.as_of {
        push("--as-of", Some(date));
    }
    if let Some(date) = &filters.compare {
        push("--compare", Some(date));
    }
    if let Some(focus) = &filters.focus {
        push("--focus", Some(focus));
        if filters.depth != 1 {
            push("--depth", Some(&filters.depth.to_string()));
        }
    }
    if let Some(level) = filters.expand {
        push("--expand", Some(&level.to_string()));
    }
    for id in &filters.folded {
        push("--fold", Some(id));
    }
    if filters.showcase {
        push("--showcase", None);
    }
    if filters.repack {
        push("--repack", None);
    }
    // The window shows the selection's relations unless told otherwise; with nothing selected
    // or focused, "none" draws the same picture.
    let chosen = selected.is_some() || filters.focus.is_some();
    match filters.relations {
        RelationsShown::Selected => {}
        RelationsShown::None if chosen => push("--relations", Some("none")),
        RelationsShown::None => {}
        RelationsShown::All => push("--relations", Some("all")),
    }
    if let Some(lang) = filters.lang.as_deref().filter(|l| *l != "en") {
        push("--lang", Some(lang));
    }
    if let Some(id) = selected {
        push("--select", Some(id));
    }
    args.join(" ")
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,+@".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}
