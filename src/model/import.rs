//! How a spreadsheet is read when its headers do not say it all: which sheet of a workbook, and
//! which column plays which role (`--map id=Employee ID,parent=Manager,name={First} {Last}`).
//! The same settings are written back as arguments ("Cite this view"), and the window keeps
//! them for the file it reloads.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The roles `--map` can set, with what each is for.
pub const MAP_ROLES: [(&str, &str); 13] = [
    ("id", "the row's unique id"),
    ("parent", "the id of the row it reports to"),
    ("name", "the box's name (a column, or a {column} template)"),
    (
        "label2",
        "a second line in the box (a position, a job title)",
    ),
    ("kind", "what colours the box"),
    ("short", "an abbreviation above the name"),
    ("mandate", "what it does"),
    ("composition", "who sits in it"),
    ("established", "a date (YYYY-MM-DD)"),
    ("seat", "where it sits"),
    ("source", "where the row's facts come from"),
    ("status", "verified, inferred, unverified…"),
    ("ignore", "columns left out, separated by ;"),
];

/// Reading options of a spreadsheet; the default reads by the headers alone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Import {
    /// A workbook's sheet, by name; the first that holds anything when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Role → the header of the column that plays it, a `{column}` template (for `name` and
    /// `label2`), or `-` for no column (a column found by its header then stays a plain field).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub map: BTreeMap<String, String>,
}

/// What the import dialog shows of a spreadsheet before it is opened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub header: Vec<String>,
    /// The first rows, as many cells as the header.
    pub rows: Vec<Vec<String>>,
    /// The role of each column (`None`: kept as a field; `Some("-")`: left out).
    pub roles: Vec<Option<&'static str>>,
    /// What reading the whole sheet this way finds wrong, by line (1 for the header).
    pub problems: Vec<(u64, String)>,
    /// A workbook's sheets, to choose from (empty for other files).
    pub sheets: Vec<String>,
}

/// A role's column as mapped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mapped<'a> {
    /// The column with this header.
    Column(&'a str),
    /// Text made of columns: "{First Name} {Last Name}".
    Template(&'a str),
    /// No column plays it.
    Nothing,
}

impl Import {
    /// True when it reads by the headers alone.
    pub fn is_default(&self) -> bool {
        self == &Import::default()
    }

    /// Parses `--map`: `role=COLUMN` pairs separated by commas (a comma inside `{…}` or quotes
    /// stays in its value). Says which role is unknown, with the known ones.
    pub fn parse_map(spec: &str) -> Result<BTreeMap<String, String>, String> {
        let mut map = BTreeMap::new();
        for pair in split_pairs(spec) {
            let pair = pair.trim();
            if pair.is_empty() {
                continue;
            }
            let Some((role, value)) = pair.split_once('=') else {
                return Err(format!(
                    "{pair:?}: write ROLE=COLUMN, e.g. parent=Manager ID"
                ));
            };
            let role = role.trim().to_lowercase();
            if !MAP_ROLES.iter().any(|(r, _)| *r == role) {
                let known: Vec<&str> = MAP_ROLES.iter().map(|(r, _)| *r).collect();
                return Err(format!(
                    "{role:?} is not a role: use one of {}",
                    known.join(", ")
                ));
            }
            let value = value.trim().trim_matches('"').to_owned();
            if value.is_empty() {
                return Err(format!("{role}=: name a column (or `-` for none)"));
            }
            map.insert(role, value);
        }
        Ok(map)
    }

    /// How `role` is mapped, when `--map` sets it.
    pub fn mapped(&self, role: &str) -> Option<Mapped<'_>> {
        let value = self.map.get(role)?;
        Some(match value.as_str() {
            "-" => Mapped::Nothing,
            v if v.contains('{') => Mapped::Template(v),
            v => Mapped::Column(v),
        })
    }

    /// The columns left out (`ignore=Salary;Email`).
    pub fn ignored(&self) -> Vec<&str> {
        (self.map.get("ignore").into_iter())
            .flat_map(|v| v.split(';'))
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// The command-line arguments that read a file the same way: `--sheet …` and `--map …`.
    pub fn args(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(sheet) = &self.sheet {
            out.extend(["--sheet".to_owned(), sheet.clone()]);
        }
        if !self.map.is_empty() {
            let pairs: Vec<String> = (self.map.iter())
                .map(|(role, column)| format!("{role}={column}"))
                .collect();
            out.extend(["--map".to_owned(), pairs.join(",")]);
        }
        out
    }
}

/// Splits at commas outside `{…}` and quotes.
fn split_pairs(spec: &str) -> Vec<&str> {
    let (mut out, mut start, mut depth, mut quoted) = (Vec::new(), 0, 0i32, false);
    for (i, c) in spec.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '"' => quoted = !quoted,
            ',' if depth <= 0 && !quoted => {
                out.push(&spec[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&spec[start..]);
    out
}

/// Fills a `{column}` template from a row: `{First Name} {Last Name}` → "Ada Lovelace". The
/// columns are found by header, ignoring case; an unknown one is an error naming it.
pub fn fill(template: &str, header: &[String], row: &csv::StringRecord) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let Some((column, tail)) = after.split_once('}') else {
            return Err(format!("{template:?}: a {{ without its }}"));
        };
        let i = column_index(header, column)
            .ok_or_else(|| format!("{template:?}: no column {column:?} in the header"))?;
        out.push_str(row.get(i).unwrap_or(""));
        rest = tail;
    }
    out.push_str(rest);
    Ok(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The index of the column whose header is `name`, ignoring case and surrounding spaces.
pub fn column_index(header: &[String], name: &str) -> Option<usize> {
    let name = name.trim();
    header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
        .or_else(|| {
            let key = |s: &str| s.to_lowercase();
            header.iter().position(|h| key(h.trim()) == key(name))
        })
}

/// The columns a template names.
pub fn template_columns(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(c, _)| c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_reads_roles_columns_and_templates() {
        let map = Import::parse_map("id=Employee ID, parent=Manager,name={First Name} {Last Name}")
            .unwrap();
        assert_eq!(map["id"], "Employee ID");
        assert_eq!(map["parent"], "Manager");
        assert_eq!(map["name"], "{First Name} {Last Name}");
        let err = Import::parse_map("boss=Manager").unwrap_err();
        assert!(
            err.contains("\"boss\" is not a role") && err.contains("parent"),
            "{err}"
        );
        assert!(Import::parse_map("parent").is_err());
        let import = Import {
            sheet: Some("Staff".into()),
            map,
        };
        assert_eq!(import.mapped("parent"), Some(Mapped::Column("Manager")));
        assert_eq!(import.args()[0..2], ["--sheet", "Staff"]);
    }
}
