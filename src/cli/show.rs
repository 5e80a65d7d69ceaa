//! `show ID`: everything known about one body, as text or JSON: the [`BodyReport`] the side
//! panel draws.

use std::path::Path;

use csto_atlas::model::Date;
use csto_atlas::report::BodyReport;

use super::{print, print_json};

/// Prints body `id`'s report, names in `lang`, office holders on `as_of` (the edition when
/// absent).
pub fn run(
    id: &str,
    atlas: Option<&Path>,
    lang: Option<&str>,
    as_of: Option<Date>,
    json: bool,
) -> Result<(), String> {
    let m = super::load(atlas).map_err(|e| e.to_string())?;
    let i = m.lookup(id).map_err(|e| e.to_string())?;
    let date = as_of.unwrap_or(m.date_range().1);
    let report = BodyReport::build(&m, i, lang.filter(|l| *l != "en"), date);
    if json {
        print_json(&report)
    } else {
        print(&report.to_text())
    }
}
