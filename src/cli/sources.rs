//! `sources [ID…]`: the bibliography of the whole atlas or of some bodies, in a citation style
//! or as BibTeX, CSL-JSON or RIS for a reference manager.

use std::fmt::Write as _;
use std::path::Path;

use csto_atlas::biblio::{self, formats, formats::Format, Style};
use csto_atlas::model::Source;
use csto_atlas::report::BodyReport;

use super::{print, print_json};

/// Prints the sources of `ids` (every cited source when empty), numbered as `show` numbers
/// them for one body, in the atlas's order otherwise.
pub fn run(
    ids: &[String],
    atlas: Option<&Path>,
    style: Option<Style>,
    lang: Option<&str>,
    format: Format,
) -> Result<(), String> {
    let m = super::load(atlas).map_err(|e| e.to_string())?;
    let sources: Vec<&Source> = if ids.is_empty() {
        biblio::cited(&m)
    } else {
        let mut out: Vec<&Source> = Vec::new();
        for id in ids {
            let i = m.lookup(id).map_err(|e| e.to_string())?;
            let report = BodyReport::build(&m, i, None, m.date_range().1);
            for entry in &report.sources {
                if let Some(s) = m.source(&entry.id) {
                    if !out.iter().any(|o| o.id == s.id) {
                        out.push(s);
                    }
                }
            }
        }
        out
    };
    let checked = m.atlas.meta.checked.as_deref();
    match format {
        Format::Bibtex => print(&formats::bibtex(&sources, checked)),
        Format::CslJson => print_json(&formats::csl_json(&sources, checked)),
        Format::Ris => print(&formats::ris(&sources, checked)),
        Format::Text => {
            let style = style.unwrap_or_else(|| Style::for_lang(lang));
            let lines = biblio::format(&sources, style, checked);
            let mut text = String::new();
            for (n, (s, line)) in sources.iter().zip(lines).enumerate() {
                let _ = writeln!(text, "[{}] {line}", n + 1);
                if let Some(url) = s.link().filter(|_| !line.contains("http")) {
                    let _ = writeln!(text, "    {url}");
                }
                if let Some(locator) = s.locator.as_ref().filter(|l| !line.contains(l.as_str())) {
                    let _ = writeln!(text, "    Where: {locator}");
                }
            }
            print(&text)
        }
    }
}
