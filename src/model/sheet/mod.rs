//! An organization read from a spreadsheet (CSV): one row per body, the way most org charts are
//! kept. Columns are known by meaning ([`ROLES`]): an id and a name are needed, a parent and a
//! kind are usual, and every other column is kept as a field of the body. Kinds are declared from
//! the values met.

use std::collections::HashMap;

mod json;
mod row;

pub use json::json_to_sheet;

use super::import::{self, Import, Mapped};
use super::{Atlas, Body, KindDef, Meta, Source, SourceKind, Status};

/// The roles a column can play, each found by its header whatever the case, spaces, `_` and `-`
/// ("parentId", "Parent ID", "manager"): the names a role answers to.
pub const ROLES: [(&str, &[&str]); 14] = [
    ("id", &["id", "key", "nodeid", "employeeid", "uid", "code"]),
    (
        "parent",
        &[
            "parent",
            "parentid",
            "parentkey",
            "pid",
            "manager",
            "managerid",
            "reportsto",
            "supervisor",
            "boss",
        ],
    ),
    (
        "name",
        &["name", "label", "title", "fullname", "displayname"],
    ),
    (
        "kind",
        &[
            "kind",
            "type",
            "category",
            "department",
            "departmentname",
            "area",
        ],
    ),
    ("short", &["short", "shortname", "abbreviation", "acronym"]),
    (
        "label2",
        &[
            "label2",
            "secondline",
            "subtitle",
            "position",
            "positionname",
            "jobtitle",
            "role",
        ],
    ),
    ("mandate", &["mandate", "description", "responsibilities"]),
    ("composition", &["composition"]),
    (
        "established",
        &["established", "date", "founded", "hiredate", "startdate"],
    ),
    ("seat", &["seat", "office", "location"]),
    ("source", &["source", "sources", "url"]),
    ("status", &["status"]),
    ("first", &["firstname", "givenname"]),
    ("last", &["lastname", "surname", "familyname"]),
];

/// The roles a sheet must fill, with the name joined from first and last names as one.
const REQUIRED: [&str; 2] = ["id", "name"];

/// The kind of every row when a sheet has no kind column, and of a row whose kind cell is empty.
const NO_KIND: &str = "(none)";

/// The role of a column header, if it plays one.
pub fn role_of(header: &str) -> Option<&'static str> {
    let key: String = header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect();
    ROLES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(role, _)| *role)
}

/// One thing wrong in a sheet, where it is: `FILE:LINE:COLUMN: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    /// The column's name (`id`, `parent`, …), or `row` for the row as a whole.
    pub column: String,
    pub message: String,
}

/// A sheet read into an atlas, with the line each body came from.
pub struct Sheet {
    pub atlas: Atlas,
    /// The line of `atlas.bodies[i]`.
    pub lines: Vec<u64>,
}

/// Whether a file name is a spreadsheet's (`.csv`, `.tsv`, `.txt`, `.json` as web org-chart
/// libraries take it, or a workbook's, `.xlsx` and the like; any case).
pub fn is_sheet(path: &str) -> bool {
    super::workbook::is_workbook(path)
        || path.rsplit_once('.').is_some_and(|(_, ext)| {
            ["csv", "tsv", "txt", "json"]
                .iter()
                .any(|e| ext.eq_ignore_ascii_case(e))
        })
}

/// Whether a file name is JSON's.
pub fn is_json(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("json"))
}

/// Reads a sheet. `name` is the file's name, for the title; `text` has no byte-order mark;
/// `import` maps roles to columns where the headers do not say it.
pub fn read(text: &str, name: &str, import: &Import) -> Result<Sheet, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let problem = |line: u64, column: &str, message: String| RowProblem {
        line,
        column: column.to_owned(),
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(e) => return Err(vec![problem(1, "row", e.to_string())]),
    };
    let columns = columns(&header, import).map_err(|p| vec![p])?;
    let has_name = columns.column.contains_key("name")
        || columns.column.contains_key("first")
        || columns.templates.contains_key("name");
    for required in REQUIRED {
        let found = columns.column.contains_key(required) || (required == "name" && has_name);
        if !found {
            let message = format!(
                "no {required} column: name one {} (or use `--map`)",
                ROLES
                    .iter()
                    .find(|(r, _)| *r == required)
                    .map_or(String::new(), |(_, names)| names[..3].join(", "))
            );
            problems.push(problem(1, required, message));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut rows = row::Rows::new(text, &header, columns);
    let mut bodies: Vec<Body> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    let mut parents: Vec<Option<String>> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(problem(line, "row", e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        match rows.body(&record, line, &mut problems) {
            row::Read::Body(body, parent) => {
                bodies.push(*body);
                lines.push(line);
                parents.push(parent);
            }
            row::Read::Skipped => {}
            row::Read::Stop => break,
        }
    }
    let row::Rows {
        kinds,
        sources,
        columns: Columns { second_line, .. },
        ..
    } = rows;
    // The most common kinds first: they get the palette's own colours, and the rarest share
    // the grey of "other kinds" when there are more kinds than colours.
    let count = |id: &str| bodies.iter().filter(|b| b.kind == id).count();
    let mut counted: Vec<(usize, KindDef)> = kinds.into_iter().map(|k| (count(&k.id), k)).collect();
    counted.sort_by_key(|c| std::cmp::Reverse(c.0));
    let kinds: Vec<KindDef> = counted.into_iter().map(|(_, k)| k).collect();
    link_parents(&mut bodies, &parents, &lines, &mut problems);
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(problems);
    }
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let title = file
        .rsplit_once('.')
        .map_or(file, |(stem, _)| stem)
        .to_owned();
    let atlas = Atlas {
        meta: Meta {
            short: title.clone(),
            description: format!("Read from the spreadsheet {name}."),
            read_from: Some(name.rsplit(['/', '\\']).next().unwrap_or(name).to_owned()),
            noun: Some("entries".into()),
            second_line,
            title,
            ..Default::default()
        },
        kinds,
        sources,
        bodies,
        ..Default::default()
    };
    Ok(Sheet { atlas, lines })
}

/// The header and the first `n` rows of a sheet's text (each padded to the header's width).
pub fn head(text: &str, n: usize) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    let rows = (reader.records().flatten())
        .filter(|r| !r.iter().all(str::is_empty))
        .take(n)
        .map(|r| {
            let mut cells: Vec<String> = r.iter().map(str::to_owned).collect();
            cells.resize(header.len().max(cells.len()), String::new());
            cells
        })
        .collect();
    (header, rows)
}

/// The role each column plays when read as `import` says: `None` for a plain field.
pub fn column_roles(
    header: &[String],
    import: &Import,
) -> Result<Vec<Option<&'static str>>, RowProblem> {
    let c = columns(header, import)?;
    let mut roles: Vec<Option<&'static str>> = vec![None; header.len()];
    for (&role, &i) in &c.column {
        if role == "first" || role == "last" {
            roles[i] = Some("name");
        } else {
            roles[i] = Some(role);
        }
    }
    for (&role, t) in &c.templates {
        for col in import::template_columns(t) {
            if let Some(i) = import::column_index(header, col) {
                roles[i] = Some(role);
            }
        }
    }
    for col in import.ignored() {
        if let Some(i) = import::column_index(header, col) {
            roles[i] = Some("-");
        }
    }
    Ok(roles)
}

/// Which column plays each role, which roles are made from templates, and the columns kept as
/// fields; `second_line` is the field shown under a box's name.
struct Columns<'h> {
    column: HashMap<&'static str, usize>,
    templates: HashMap<&'static str, String>,
    fields: Vec<(usize, &'h str)>,
    second_line: Option<String>,
}

/// Assigns columns to roles: first as `import` maps them, then by header; a mapped column that
/// the header lacks is an error naming the columns there are.
fn columns<'h>(header: &'h [String], import: &Import) -> Result<Columns<'h>, RowProblem> {
    let static_role = |role: &str| ROLES.iter().map(|(r, _)| *r).find(|r| *r == role);
    let mut column: HashMap<&'static str, usize> = HashMap::new();
    let mut templates: HashMap<&'static str, String> = HashMap::new();
    let mut claimed: Vec<usize> = Vec::new();
    let mut unmapped: Vec<&'static str> = Vec::new();
    let listed = || {
        (header.iter())
            .map(|h| format!("{h:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for role in import.map.keys() {
        let Some(role) = static_role(role) else {
            continue;
        };
        match import.mapped(role) {
            Some(Mapped::Column(c)) => {
                let i = import::column_index(header, c).ok_or_else(|| RowProblem {
                    line: 1,
                    column: role.into(),
                    message: format!(
                        "--map {role}={c}: no such column (the header has {})",
                        listed()
                    ),
                })?;
                column.insert(role, i);
                // A second line is also a field (the side panel lists it); other roles are not.
                if role != "label2" {
                    claimed.push(i);
                }
            }
            Some(Mapped::Template(t)) => {
                for c in import::template_columns(t) {
                    let i = import::column_index(header, c).ok_or_else(|| RowProblem {
                        line: 1,
                        column: role.into(),
                        message: format!(
                            "--map {role}={t}: no column {c:?} (the header has {})",
                            listed()
                        ),
                    })?;
                    if role == "name" {
                        claimed.push(i);
                    }
                }
                templates.insert(role, t.to_owned());
            }
            Some(Mapped::Nothing) | None => unmapped.push(role),
        }
    }
    for c in import.ignored() {
        let i = import::column_index(header, c).ok_or_else(|| RowProblem {
            line: 1,
            column: "ignore".into(),
            message: format!(
                "--map ignore={c}: no such column (the header has {})",
                listed()
            ),
        })?;
        claimed.push(i);
    }
    let mut fields: Vec<(usize, &str)> = Vec::new();
    for (i, c) in header.iter().enumerate() {
        if claimed.contains(&i) {
            continue;
        }
        let free = |role: &str| {
            !column.contains_key(role) && !templates.contains_key(role) && !unmapped.contains(&role)
        };
        match role_of(c) {
            Some(role) if free(role) && !column.values().any(|&j| j == i) => {
                column.insert(role, i);
                if role == "label2" {
                    fields.push((i, c.as_str()));
                }
            }
            _ if !c.trim().is_empty() && !fields.iter().any(|&(j, _)| j == i) => {
                fields.push((i, c.as_str()))
            }
            _ => {}
        }
    }
    let second_line = match (templates.get("label2"), column.get("label2")) {
        (Some(t), _) => Some(t.clone()),
        (None, Some(&i)) => Some(header[i].clone()),
        _ => None,
    };
    Ok(Columns {
        column,
        templates,
        fields,
        second_line,
    })
}

/// Sets each body's parent, reporting unknown parents and cycles at the row that names them.
fn link_parents(
    bodies: &mut [Body],
    parents: &[Option<String>],
    lines: &[u64],
    problems: &mut Vec<RowProblem>,
) {
    let ids: Vec<String> = bodies.iter().map(|b| b.id.clone()).collect();
    let index: HashMap<&str, usize> = (ids.iter().enumerate())
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut parent_of = vec![None; bodies.len()];
    for (i, p) in parents.iter().enumerate() {
        let Some(p) = p else { continue };
        match index.get(p.as_str()) {
            Some(&j) => parent_of[i] = Some(j),
            None => {
                // File order among equals, so that the message is the same every run.
                let mut close: Vec<&str> = (ids.iter().enumerate())
                    .filter(|&(j, _)| j != i)
                    .map(|(_, id)| id.as_str())
                    .collect();
                let score = |id: &str| strsim::jaro_winkler(p, id);
                close.sort_by(|a, b| score(b).total_cmp(&score(a)));
                let close: Vec<String> = close.iter().take(3).map(|s| format!("{s:?}")).collect();
                let message = format!("no body {p:?} in the sheet (closest: {})", close.join(", "));
                problems.push(RowProblem {
                    line: lines[i],
                    column: "parent".into(),
                    message,
                });
            }
        }
    }
    // Each cycle once, at its first row: walk up from every body, colouring as we go.
    let mut state = vec![0u8; bodies.len()]; // 0 new, 1 on the current walk, 2 done
    for start in 0..bodies.len() {
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                    let cycle = &walk[from..];
                    let first = cycle.iter().copied().min().unwrap_or(i);
                    let mut names: Vec<&str> = cycle.iter().map(|&c| ids[c].as_str()).collect();
                    names.push(&ids[cycle[0]]);
                    problems.push(RowProblem {
                        line: lines[first],
                        column: "parent".into(),
                        message: format!("a cycle: {}", names.join(" → ")),
                    });
                    break;
                }
                _ => {
                    state[i] = 1;
                    walk.push(i);
                    at = parent_of[i];
                }
            }
        }
        for w in walk {
            state[w] = 2;
        }
    }
    for (b, p) in bodies.iter_mut().zip(parent_of) {
        b.parent = p.map(|j| ids[j].clone());
    }
}

/// `,` unless the header row has more `;` (European spreadsheets) or tabs.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    [
        (b',', count(',')),
        (b';', count(';')),
        (b'\t', count('\t')),
        (b'|', count('|')),
    ]
    .into_iter()
    .max_by_key(|&(sep, n)| (n, sep == b','))
    .map_or(b',', |(sep, _)| sep)
}

/// An id from a cell: lowercase ASCII (other scripts transliterated), `-` for the rest.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The kind of a cell's value, declared on first sight; its id.
fn declare(kinds: &mut Vec<KindDef>, value: &str) -> String {
    let id = slug(value);
    if !kinds.iter().any(|k| k.id == id) {
        kinds.push(KindDef {
            id: id.clone(),
            name: value.to_owned(),
            plural: None,
            colour: None,
            names: Default::default(),
        });
    }
    id
}

/// The source with this URL or title, added on first sight; its id.
fn source_id(sources: &mut Vec<Source>, text: &str) -> String {
    if let Some(s) = sources.iter().find(|s| s.title == text) {
        return s.id.clone();
    }
    let id = format!("src-{}", sources.len() + 1);
    let is_url = text.starts_with("http://") || text.starts_with("https://");
    sources.push(Source {
        id: id.clone(),
        title: text.to_owned(),
        url: is_url.then(|| text.to_owned()),
        kind: SourceKind::Other,
        ..Source::default()
    });
    id
}

fn parse_status(text: &str) -> Result<Status, String> {
    match text.to_lowercase().as_str() {
        "verified" => Ok(Status::Verified),
        "reference" | "reference text" => Ok(Status::Reference),
        "inferred" => Ok(Status::Inferred),
        "unverified" => Ok(Status::Unverified),
        _ => Err(format!(
            "unknown status {text:?}: one of verified, reference, inferred, unverified"
        )),
    }
}
