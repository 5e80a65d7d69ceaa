//! An organization read from a spreadsheet (CSV): one row per body, the way most org charts are
//! kept. `id`, `name`, `parent` and `kind` are required; kinds are declared from the values met.

use std::collections::HashMap;

use super::{Atlas, Body, Claim, Date, Established, KindDef, Meta, Source, SourceKind, Status};

/// The columns a sheet may have, the required ones first.
pub const COLUMNS: [&str; 11] = [
    "id",
    "name",
    "parent",
    "kind",
    "short",
    "mandate",
    "composition",
    "established",
    "seat",
    "source",
    "status",
];
const REQUIRED: usize = 4;

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

/// Whether a file name is a spreadsheet's (`.csv`, any case).
pub fn is_sheet(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("csv"))
}

/// Reads a sheet. `name` is the file's name, for the title; `text` has no byte-order mark.
pub fn read(text: &str, name: &str) -> Result<Sheet, Vec<RowProblem>> {
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
        Ok(h) => h.iter().map(|c| c.to_lowercase()).collect(),
        Err(e) => return Err(vec![problem(1, "row", e.to_string())]),
    };
    let mut column: HashMap<&str, usize> = HashMap::new();
    for (i, c) in header.iter().enumerate() {
        if !COLUMNS.contains(&c.as_str()) {
            let close = COLUMNS
                .iter()
                .max_by(|a, b| strsim::jaro_winkler(c, a).total_cmp(&strsim::jaro_winkler(c, b)))
                .filter(|k| strsim::jaro_winkler(c, k) > 0.8)
                .map(|k| format!(" (did you mean {k:?}?)"))
                .unwrap_or_default();
            let message = format!(
                "unknown column{close}; a sheet's columns are {}: rename or delete it",
                COLUMNS.join(", ")
            );
            problems.push(problem(1, c, message));
        } else if column.insert(c.as_str(), i).is_some() {
            problems.push(problem(1, c, "the column appears twice".into()));
        }
    }
    for required in &COLUMNS[..REQUIRED] {
        if !column.contains_key(required) {
            let message = format!(
                "missing column: a sheet needs {} (in the header row)",
                COLUMNS[..REQUIRED].join(", ")
            );
            problems.push(problem(1, required, message));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut bodies: Vec<Body> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    let mut parents: Vec<Option<String>> = Vec::new();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    let mut kinds: Vec<KindDef> = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
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
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() > header.len() {
            let message = format!(
                "{} fields but the header has {} columns (a comma inside a name needs quotes)",
                record.len(),
                header.len()
            );
            problems.push(problem(line, "row", message));
            continue;
        }
        let get = |c: &str| {
            column
                .get(c)
                .and_then(|&i| record.get(i))
                .filter(|v| !v.is_empty())
        };
        let id = get("id").map(slug).unwrap_or_default();
        if id.is_empty() {
            problems.push(problem(line, "id", "empty id: every row needs one".into()));
            continue;
        }
        if let Some(first) = first_line.insert(id.clone(), line) {
            let message = format!("duplicate id {id:?} (first on line {first})");
            problems.push(problem(line, "id", message));
            first_line.insert(id.clone(), first);
            continue;
        }
        let Some(name) = get("name") else {
            problems.push(problem(line, "name", "empty name".into()));
            continue;
        };
        let kind = match get("kind") {
            Some(value) => declare(&mut kinds, value),
            None => {
                problems.push(problem(line, "kind", "empty kind".into()));
                continue;
            }
        };
        let status = match get("status").map(parse_status) {
            None => Status::Unverified,
            Some(Ok(s)) => s,
            Some(Err(message)) => {
                problems.push(problem(line, "status", message));
                continue;
            }
        };
        let source_ids: Vec<String> = get("source")
            .map(|text| vec![source_id(&mut sources, text)])
            .unwrap_or_default();
        if status == Status::Verified && source_ids.is_empty() {
            let message = "verified needs a source: fill in the row's `source`".into();
            problems.push(problem(line, "status", message));
        }
        let claim = |c: &str| {
            get(c).map(|text| Claim {
                text: text.to_owned(),
                status,
                sources: source_ids.clone(),
                note: None,
            })
        };
        let established = match get("established") {
            None => None,
            Some(text) if Date::parse(text).is_some() => Some(Established {
                date: Some(text.to_owned()),
                status,
                sources: source_ids.clone(),
                ..Default::default()
            }),
            Some(text) => {
                let message = format!("{text:?} is not a date: write YYYY-MM-DD");
                problems.push(problem(line, "established", message));
                None
            }
        };
        bodies.push(Body {
            id,
            name: name.to_owned(),
            short: get("short").unwrap_or_default().to_owned(),
            aliases: Vec::new(),
            kind,
            kind_status: status,
            parent: None,
            established,
            seat: claim("seat"),
            mandate: claim("mandate"),
            composition: claim("composition"),
            chair: None,
            articles: Vec::new(),
            sources: source_ids.clone(),
            notes: Vec::new(),
            holders: Vec::new(),
            names: Default::default(),
        });
        lines.push(line);
        parents.push(get("parent").map(slug));
    }
    link_parents(&mut bodies, &parents, &lines, &mut problems);
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(problems);
    }
    let title = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .trim_end_matches(".csv")
        .trim_end_matches(".CSV")
        .to_owned();
    let atlas = Atlas {
        meta: Meta {
            short: title.clone(),
            description: format!("Read from the spreadsheet {name}."),
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
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
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
