//! "Cite this view": a citation a paper can print under a figure, and the command line that
//! reopens exactly that view, so the figure can be reproduced.

use crate::model::import::Import;
use std::path::Path;

use super::request::shown_in_words;
use crate::biblio::Style;
use crate::model::{Date, Kinds, Model, Source};
use crate::view::spec::ViewSpec;

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

/// Cites `view` of `model` in `style`, read on `accessed`; `atlas` is the file it came from
/// and how it was read, when not the embedded CSTO atlas.
pub fn cite(
    model: &Model,
    view: &ViewSpec,
    atlas: Option<(&Path, &Import)>,
    accessed: Date,
    style: Style,
) -> Citation {
    let meta = &model.atlas.meta;
    let filters = &view.filters;
    let mut title = format!("CSTO Atlas: {}", shown_in_words(model, filters));
    if atlas.is_some() {
        title = format!("{}: {}", meta.title, shown_in_words(model, filters));
    }
    let l = crate::i18n::Lang::of(filters.lang.as_deref());
    if let Some(i) = view.selected.as_deref().and_then(|id| model.index_of(id)) {
        let name = model.display_name(i, filters.lang.as_deref()).0;
        title.push_str(&crate::tr!(l, "cite-view-selected", name = name));
    }
    let edition = match &meta.checked {
        Some(checked) => crate::tr!(
            l,
            "cite-view-edition-checked",
            edition = meta.edition_text(),
            checked = checked.as_str()
        ),
        None => crate::tr!(l, "cite-view-edition", edition = meta.edition_text()),
    };
    title.push_str(&format!(" ({edition})"));
    let source = Source {
        id: "view".into(),
        title,
        publisher: Some("CSTO Atlas".into()),
        date: Some(meta.edition.clone()).filter(|d| !d.is_empty()),
        ..Source::default()
    };
    let mut text = crate::biblio::format_one(&source, style, None);
    // A view has no address for the styles to hang the access date on: it follows, as each
    // style words it.
    let (y, m, d) = (accessed.year, accessed.month, accessed.day);
    text.push(' ');
    text.push_str(&match style {
        Style::Apa => format!("Retrieved {}.", accessed.in_words_us()),
        Style::Chicago => format!("Accessed {}.", accessed.in_words_us()),
        Style::Gost => format!("(дата обращения: {d:02}.{m:02}.{y:04})."),
    });
    Citation {
        text,
        command: command_line(model.kinds(), view, atlas),
    }
}

/// The window's command line for a view: [`ViewSpec::words`], quoted for a POSIX shell.
pub fn command_line(kinds: &Kinds, view: &ViewSpec, atlas: Option<(&Path, &Import)>) -> String {
    let mut words: Vec<String> = vec!["csto-atlas".into()];
    if let Some((path, import)) = atlas {
        words.push("--atlas".into());
        words.push(path.display().to_string());
        words.extend(import.args());
    }
    words.extend(view.words(kinds));
    // Only a NUL byte cannot be quoted, and validation keeps control characters out of ids.
    let quoted: Vec<String> = words
        .iter()
        .map(|w| shlex::try_quote(w).map_or_else(|_| w.replace('\0', ""), |q| q.into_owned()))
        .collect();
    quoted.join(" ")
}
