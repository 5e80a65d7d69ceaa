//! Workbooks (`.xlsx`, `.xlsm`, `.xls`, `.xlsb`, `.ods`), read with `calamine`: the first sheet
//! that holds anything, as the rows of a spreadsheet. Each row stays on the line of its row
//! number, so that a problem the sheet reader finds at line 12 is the workbook's row 12.

use std::fmt::Write as _;

use calamine::{Data, Reader};

/// The file endings read as workbooks (any case).
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Whether a file name is a workbook's.
pub fn is_workbook(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// One sheet of a workbook as CSV text.
#[derive(Debug)]
pub struct Table {
    /// The rows as CSV, row N of the sheet on line N.
    pub csv: String,
    /// The sheet's name, for messages ("Staff!C12").
    pub sheet: String,
    /// The header row's cells, to name a role's column by its letter.
    pub header: Vec<String>,
    /// The sheet's first used column (0 for A), so that column letters are the sheet's own.
    pub first_column: u32,
    /// The header's row number (1 for the first row).
    pub header_row: u64,
}

impl Table {
    /// The cell reference of `role`'s column at `row` ("C12"); the row's first cell ("A12") for
    /// the row as a whole or a role the header lacks. The sheet reader's line 1 is the header.
    pub fn cell(&self, role: &str, row: u64, import: &super::import::Import) -> String {
        let row = if row <= 1 { self.header_row } else { row };
        let mapped = match import.mapped(role) {
            Some(super::import::Mapped::Column(c)) => super::import::column_index(&self.header, c),
            _ => None,
        };
        let index = mapped
            .or_else(|| (self.header.iter()).position(|h| super::sheet::role_of(h) == Some(role)))
            .unwrap_or(0) as u32;
        format!("{}{row}", letters(index + self.first_column))
    }
}

/// The names of a workbook's sheets; none when it cannot be read.
pub fn sheet_names(bytes: &[u8]) -> Vec<String> {
    calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map(|book| book.sheet_names())
        .unwrap_or_default()
}

/// A column's letters: 0 → A, 25 → Z, 26 → AA.
fn letters(mut n: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads the first sheet that holds anything.
pub fn table(bytes: &[u8], sheet: Option<&str>) -> Result<Table, String> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a workbook this program can read (XLSX, XLS, XLSB, ODS): {e}"))?;
    let all = book.sheet_names();
    let names: Vec<String> = match sheet {
        None => all.clone(),
        Some(wanted) => {
            let found = all
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()));
            let Some(found) = found else {
                let listed: Vec<String> = all.iter().map(|n| format!("{n:?}")).collect();
                return Err(format!(
                    "no sheet {wanted:?}: the workbook has {}",
                    listed.join(", ")
                ));
            };
            vec![found.clone()]
        }
    };
    for name in &names {
        let range = book
            .worksheet_range(name)
            .map_err(|e| format!("sheet {name:?}: {e}"))?;
        let Some((first_row, first_column)) = range.start() else {
            continue;
        };
        // The header is the first row of two or more cells: a title line above the table is
        // not it. Rows before the header are empty lines, which the sheet reader skips while
        // counting them.
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|row| row.iter().map(text).collect())
            .collect();
        let skip = rows
            .iter()
            .position(|cells| cells.iter().filter(|c| !c.is_empty()).count() >= 2)
            .unwrap_or(0);
        let mut csv = "\n".repeat(first_row as usize + skip);
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        for (i, cells) in rows.iter().enumerate().skip(skip) {
            out.write_record(cells)
                .map_err(|e| format!("sheet {name:?}, row {}: {e}", first_row as usize + i + 1))?;
        }
        let header = rows.get(skip).cloned().unwrap_or_default();
        let bytes = out.into_inner().map_err(|e| e.to_string())?;
        csv.push_str(&String::from_utf8_lossy(&bytes));
        return Ok(Table {
            csv,
            sheet: name.clone(),
            header,
            first_column,
            header_row: u64::from(first_row) + skip as u64 + 1,
        });
    }
    Err(if names.is_empty() {
        "the workbook has no sheets".to_owned()
    } else {
        format!("every sheet is empty ({})", names.join(", "))
    })
}

/// A cell as the text a CSV would hold: whole numbers without ".0", dates as ISO dates, line
/// breaks as spaces (a row stays on one line).
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.replace(['\r', '\n'], " "),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            let mut out = format!("{y:04}-{m:02}-{day:02}");
            if (h, min, s) != (0, 0, 0) {
                let _ = write!(out, "T{h:02}:{min:02}:{s:02}");
            }
            out
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }

    #[test]
    fn bytes_that_are_no_workbook_are_an_error_not_a_panic() {
        let e = table(b"id,name\n1,A\n", None).unwrap_err();
        assert!(e.contains("not a workbook"), "{e}");
    }
}
