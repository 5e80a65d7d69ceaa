//! `members [--as-of DATE]`: the states that were parties to the Treaty or members of the
//! Organization on a date (the edition by default), and in what standing.

use std::path::Path;

use csto_atlas::model::Date;
use csto_atlas::view;

use super::{print, print_json};

pub fn run(as_of: Option<Date>, atlas: Option<&Path>, json: bool) -> Result<(), String> {
    let m = super::load(atlas).map_err(|e| e.to_string())?;
    let date = as_of.unwrap_or(m.date_range().1);
    let states = view::members_at(&m, date);
    if json {
        let rows: Vec<serde_json::Value> = states
            .iter()
            .map(|&(i, state)| {
                let s = &m.atlas.members[i];
                serde_json::json!({"id": s.id, "name": s.name, "state": state.key()})
            })
            .collect();
        return print_json(&rows);
    }
    let heading = view::members_heading(&states, csto_atlas::i18n::Lang::En);
    let mut text = format!("{heading} on {date}:\n");
    for (i, state) in states {
        let s = &m.atlas.members[i];
        text.push_str(&format!(
            "  {:14}  {:20}  {}\n",
            s.id,
            state.label(),
            s.name
        ));
    }
    print(&text)
}
