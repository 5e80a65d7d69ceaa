//! One row of a sheet read as a body.

use std::collections::HashMap;

use super::{declare, parse_status, slug, source_id, Columns, RowProblem, NO_KIND};
use crate::model::import;
use crate::model::{Body, Claim, Date, Established, KindDef, Source, Status};

/// What a row gave.
pub(super) enum Read {
    /// A body and its parent's id as the row gives it.
    Body(Box<Body>, Option<String>),
    /// Nothing: an empty row, or one whose problem is reported.
    Skipped,
    /// Nothing more can be read (a quote never closed swallowed the rest).
    Stop,
}

/// The state of reading rows: the columns, and the kinds, sources and ids met so far.
pub(super) struct Rows<'h> {
    text: &'h str,
    header: &'h [String],
    pub columns: Columns<'h>,
    pub kinds: Vec<KindDef>,
    pub sources: Vec<Source>,
    first_line: HashMap<String, u64>,
}

fn problem(line: u64, column: &str, message: String) -> RowProblem {
    RowProblem {
        line,
        column: column.to_owned(),
        message,
    }
}

impl<'h> Rows<'h> {
    pub fn new(text: &'h str, header: &'h [String], columns: Columns<'h>) -> Rows<'h> {
        Rows {
            text,
            header,
            columns,
            kinds: Vec::new(),
            sources: Vec::new(),
            first_line: HashMap::new(),
        }
    }

    /// Reads the row at `line`, adding what is wrong with it to `problems`.
    pub fn body(
        &mut self,
        record: &csv::StringRecord,
        line: u64,
        problems: &mut Vec<RowProblem>,
    ) -> Read {
        if record.iter().all(str::is_empty) {
            return Read::Skipped;
        }
        if let Err((p, then)) = self.whole(record, line) {
            problems.push(p);
            return then;
        }
        match self.read(record, line, problems) {
            Ok(body) => body,
            Err(p) => {
                problems.push(p);
                Read::Skipped
            }
        }
    }

    /// A row read as one: its quotes closed, no more fields than the header has columns.
    fn whole(&self, record: &csv::StringRecord, line: u64) -> Result<(), (RowProblem, Read)> {
        // The reader is lenient: a quote never closed swallows every row after it into one
        // cell. An odd number of quotes from this row to the end says so.
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let open_quote = record.iter().any(|f| f.contains('\n'))
            && (self.text.get(start..)).is_some_and(|rest| rest.matches('"').count() % 2 == 1);
        if open_quote {
            let message = "a quote opened on this row is never closed: the rows after it \
                           were read as one cell";
            return Err((problem(line, "row", message.into()), Read::Stop));
        }
        if record.len() > self.header.len() {
            let message = format!(
                "{} fields but the header has {} columns (a comma inside a name needs quotes)",
                record.len(),
                self.header.len()
            );
            return Err((problem(line, "row", message), Read::Skipped));
        }
        Ok(())
    }

    /// The cell of the column that plays `role`, unless empty.
    fn cell<'r>(&self, record: &'r csv::StringRecord, role: &str) -> Option<&'r str> {
        (self.columns.column.get(role))
            .and_then(|&i| record.get(i))
            .filter(|v| !v.is_empty())
    }

    /// A role made from a template of columns ("{First} {Last}"), unless it comes out empty.
    fn templated(&self, record: &csv::StringRecord, role: &str) -> Option<Result<String, String>> {
        let t = self.columns.templates.get(role)?;
        match import::fill(t, self.header, record) {
            Ok(text) if text.is_empty() => None,
            filled => Some(filled),
        }
    }

    /// The row's name: a template's, the name column's, or first and last names joined.
    fn name(&self, record: &csv::StringRecord, line: u64) -> Result<String, RowProblem> {
        let templated = (self.templated(record, "name").transpose())
            .map_err(|message| problem(line, "name", message))?;
        let joined = [self.cell(record, "first"), self.cell(record, "last")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let name = match templated.or_else(|| self.cell(record, "name").map(str::to_owned)) {
            Some(name) => name,
            None if !joined.is_empty() => joined,
            None => return Err(problem(line, "name", "empty name".into())),
        };
        // A line break typed in a cell (Alt+Enter) reads as a space, as in a workbook.
        Ok(match name.contains(['\n', '\r']) {
            true => name.split_whitespace().collect::<Vec<_>>().join(" "),
            false => name,
        })
    }

    fn read(
        &mut self,
        record: &csv::StringRecord,
        line: u64,
        problems: &mut Vec<RowProblem>,
    ) -> Result<Read, RowProblem> {
        let id = self.cell(record, "id").map(slug).unwrap_or_default();
        if id.is_empty() {
            return Err(problem(line, "id", "empty id: every row needs one".into()));
        }
        if let Some(first) = self.first_line.insert(id.clone(), line) {
            self.first_line.insert(id.clone(), first);
            let message = format!("duplicate id {id:?} (first on line {first})");
            return Err(problem(line, "id", message));
        }
        let name = self.name(record, line)?;
        let status = match self.cell(record, "status").map(parse_status) {
            None => Status::Unverified,
            Some(Ok(s)) => s,
            Some(Err(message)) => return Err(problem(line, "status", message)),
        };
        // No kind column, or an empty cell: one kind for all, "(none)".
        let kind = self.cell(record, "kind").unwrap_or(NO_KIND);
        let kind = declare(&mut self.kinds, kind);
        let source = self.cell(record, "source");
        let source_ids: Vec<String> = source
            .map(|text| vec![source_id(&mut self.sources, text)])
            .unwrap_or_default();
        if status == Status::Verified && source_ids.is_empty() {
            let message = "verified needs a source: fill in the row's `source`".into();
            problems.push(problem(line, "status", message));
        }
        let claim = |c: &str| {
            self.cell(record, c).map(|text| Claim {
                text: text.to_owned(),
                status,
                sources: source_ids.clone(),
                note: None,
            })
        };
        // A date-time ("2019-03-04T09:00:00") reads as its date.
        let established = match self
            .cell(record, "established")
            .map(|t| t.get(..10).unwrap_or(t))
        {
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
        let body = Body {
            id,
            name,
            short: self.cell(record, "short").unwrap_or_default().to_owned(),
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
            fields: self.fields(record),
        };
        Ok(Read::Body(
            Box::new(body),
            self.cell(record, "parent").map(slug),
        ))
    }

    /// The columns kept as fields, and a second line made of columns under its template.
    fn fields(&self, record: &csv::StringRecord) -> std::collections::BTreeMap<String, String> {
        let mut extra: std::collections::BTreeMap<String, String> = (self.columns.fields.iter())
            .filter_map(|&(i, column)| {
                let value = record.get(i).filter(|v| !v.is_empty())?;
                Some((column.to_owned(), value.to_owned()))
            })
            .collect();
        if let (Some(key), Some(Ok(text))) =
            (&self.columns.second_line, self.templated(record, "label2"))
        {
            extra.insert(key.clone(), text);
        }
        extra
    }
}
