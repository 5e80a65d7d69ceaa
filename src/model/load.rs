//! Reading an atlas from bytes, with errors that say where and what.

use super::import::Import;
use super::sheet::{self, RowProblem};
use super::validate::{validate, Problem};
use super::workbook;
use super::{Atlas, Model};

/// Why an atlas could not be loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than any atlas may be.
    #[error("{path}: the file is {size} bytes; an atlas may be at most {max} bytes (256 MB)", max = MAX_FILE)]
    TooLarge { path: String, size: u64 },
    /// Syntax, types, unknown fields, encoding: the text is not an atlas.
    #[error("{path}:{line}:{col}: {message}")]
    Parse {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// A spreadsheet's rows, each problem at its line and column.
    #[error("{}", rows(path, problems))]
    Sheet {
        path: String,
        problems: Vec<RowProblem>,
    },
    /// A workbook's rows, each problem at its sheet and cell.
    #[error("{}", cells(path, sheet, problems))]
    Workbook {
        path: String,
        sheet: String,
        /// Each problem's cell ("C12") and what is wrong there.
        problems: Vec<(String, String)>,
    },
    /// The text is an atlas, but it contradicts itself.
    #[error("{path}: {} problem{}:\n{}", problems.len(), if problems.len() == 1 { "" } else { "s" }, list(problems))]
    Invalid {
        path: String,
        problems: Vec<Problem>,
    },
}

fn rows(path: &str, problems: &[RowProblem]) -> String {
    problems
        .iter()
        .map(|p| format!("{path}:{}:{}: {}", p.line, p.column, p.message))
        .collect::<Vec<_>>()
        .join("\n")
}

fn cells(path: &str, sheet: &str, problems: &[(String, String)]) -> String {
    problems
        .iter()
        .map(|(cell, message)| format!("{path}:{sheet}!{cell}: {message}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The atlas that ships inside the binary.
pub const EMBEDDED_ATLAS: &str = include_str!("../../assets/csto.ron");
/// How the embedded atlas is named in messages.
pub const EMBEDDED_NAME: &str = "assets/csto.ron (embedded)";

/// Loads the atlas built into the binary.
pub fn load_embedded() -> Result<Model, LoadError> {
    Ok(load_bytes(EMBEDDED_ATLAS.as_bytes(), EMBEDDED_NAME)?.with_prose(super::Prose::embedded()))
}

/// The largest atlas file, in bytes: past it, reading alone would take memory and time a
/// user should not have to wait for.
pub const MAX_FILE: u64 = 256 * 1024 * 1024;

/// Reads and validates an atlas file. A file over [`MAX_FILE`] is refused before it is read.
pub fn load_file(path: &std::path::Path) -> Result<Model, LoadError> {
    load_file_with(path, &Import::default())
}

/// [`load_file`], reading a spreadsheet as `import` says.
pub fn load_file_with(path: &std::path::Path, import: &Import) -> Result<Model, LoadError> {
    use std::io::Read as _;
    let name = path.display().to_string();
    let io = |source| LoadError::Io {
        path: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    if let Some(size) = file
        .metadata()
        .ok()
        .map(|m| m.len())
        .filter(|&n| n > MAX_FILE)
    {
        return Err(LoadError::TooLarge { path: name, size });
    }
    let mut bytes = Vec::new();
    // One byte past the limit tells a file that is too large, even one that grows while read.
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE {
        let size = bytes.len() as u64;
        return Err(LoadError::TooLarge { path: name, size });
    }
    let model = load_bytes_with(&bytes, &name, import)?;
    Ok(model.with_prose(catalogues_beside(path)?))
}

/// The catalogues of an atlas's prose beside its file: `org.ron` → `org.ru.po`, `org.de.po`…
fn catalogues_beside(path: &std::path::Path) -> Result<super::Prose, LoadError> {
    let mut prose = super::Prose::default();
    let (Some(dir), Some(stem)) = (path.parent(), path.file_stem().and_then(|s| s.to_str())) else {
        return Ok(prose);
    };
    let dir = if dir.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(prose);
    };
    let prefix = format!("{stem}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(lang) = (file.to_str())
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|f| f.strip_suffix(".po"))
            .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        else {
            continue;
        };
        let po = entry.path();
        let name = po.display().to_string();
        let bytes = std::fs::read(&po).map_err(|source| LoadError::Io {
            path: name.clone(),
            source,
        })?;
        prose
            .add(lang, &bytes)
            .map_err(|message| LoadError::Parse {
                path: name,
                line: 1,
                col: 1,
                message: format!("not a gettext catalogue: {message}"),
            })?;
    }
    Ok(prose)
}

/// Parses and validates an atlas, RON or a spreadsheet (by `path`'s extension, `.csv`); `path`
/// names the origin in errors.
pub fn load_bytes(bytes: &[u8], path: &str) -> Result<Model, LoadError> {
    load_bytes_with(bytes, path, &Import::default())
}

/// [`load_bytes`], reading a spreadsheet as `import` says.
pub fn load_bytes_with(bytes: &[u8], path: &str, import: &Import) -> Result<Model, LoadError> {
    if bytes.len() as u64 > MAX_FILE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    if sheet::is_sheet(path) {
        return load_sheet(bytes, path, import);
    }
    let atlas = parse_bytes(bytes, path)?;
    let problems = validate(&atlas);
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            problems,
        });
    }
    Ok(Model::new(atlas))
}

/// A spreadsheet's rows as CSV text (a workbook's sheet, a JSON chart flattened, a text file
/// decoded), the workbook's sheet when it is one, and the encoding the text was read in.
fn sheet_csv(
    bytes: &[u8],
    path: &str,
    import: &Import,
) -> Result<
    (
        String,
        Option<workbook::Table>,
        &'static encoding_rs::Encoding,
    ),
    LoadError,
> {
    let table = if workbook::is_workbook(path) {
        let table = workbook::table(bytes, import.sheet.as_deref()).map_err(|message| {
            LoadError::Parse {
                path: path.to_owned(),
                line: 1,
                col: 1,
                message,
            }
        })?;
        Some(table)
    } else {
        None
    };
    let (decoded, encoding) = match &table {
        Some(t) => (
            std::borrow::Cow::Borrowed(t.csv.as_str()),
            encoding_rs::UTF_8,
        ),
        None => decode_sheet(bytes),
    };
    let text = text_of(decoded.as_bytes(), path)?;
    let text = if sheet::is_json(path) {
        sheet::json_to_sheet(text).map_err(|p| LoadError::Sheet {
            path: path.to_owned(),
            problems: vec![p],
        })?
    } else {
        text.to_owned()
    };
    Ok((text, table, encoding))
}

/// The role each column of a spreadsheet plays as `import` reads it (`None`: a field), read
/// from its header alone: whether a file can open without the import dialog.
pub fn column_roles(
    bytes: &[u8],
    path: &str,
    import: &Import,
) -> Result<Vec<Option<&'static str>>, LoadError> {
    let (text, _, _) = sheet_csv(bytes, path, import)?;
    let (header, _) = sheet::head(&text, 0);
    sheet::column_roles(&header, import).map_err(|p| LoadError::Sheet {
        path: path.to_owned(),
        problems: vec![p],
    })
}

/// The first `rows` rows of a spreadsheet, the role each column plays as `import` reads it,
/// and the problems reading the whole of it would find: what the import dialog shows.
pub fn preview(
    bytes: &[u8],
    path: &str,
    import: &Import,
    rows: usize,
) -> Result<super::import::Preview, LoadError> {
    let (text, table, _) = sheet_csv(bytes, path, import)?;
    let (header, first) = sheet::head(&text, rows);
    let roles = sheet::column_roles(&header, import);
    let problems = match sheet::read(&text, path, import) {
        Ok(sheet) => (validate(&sheet.atlas).into_iter())
            .map(|p| at_row(&p, &sheet.lines))
            .map(|p| (p.line, format!("{}: {}", p.column, p.message)))
            .collect(),
        Err(problems) => (problems.into_iter())
            .map(|p| (p.line, format!("{}: {}", p.column, p.message)))
            .collect(),
    };
    let sheets = match table {
        Some(_) => workbook::sheet_names(bytes),
        None => Vec::new(),
    };
    Ok(super::import::Preview {
        header,
        rows: first,
        roles: roles.map_err(|p| LoadError::Sheet {
            path: path.to_owned(),
            problems: vec![p],
        })?,
        problems,
        sheets,
    })
}

/// Reads a spreadsheet; what the atlas checks find is reported at the rows too.
fn load_sheet(bytes: &[u8], path: &str, import: &Import) -> Result<Model, LoadError> {
    let (text, table, encoding) = sheet_csv(bytes, path, import)?;
    let text = text.as_str();
    // In a workbook a problem is at a cell of its sheet ("Staff!C12"), else at a line and column.
    let sheet_error = |problems: Vec<RowProblem>| match &table {
        Some(t) => LoadError::Workbook {
            path: path.to_owned(),
            sheet: t.sheet.clone(),
            problems: problems
                .into_iter()
                .map(|p| {
                    let message = match p.column.as_str() {
                        "row" => p.message,
                        column => format!("{column}: {}", p.message),
                    };
                    (t.cell(&p.column, p.line, import), message)
                })
                .collect(),
        },
        None => LoadError::Sheet {
            path: path.to_owned(),
            problems,
        },
    };
    let mut sheet = sheet::read(text, path, import).map_err(sheet_error)?;
    if encoding != encoding_rs::UTF_8 {
        let description = &mut sheet.atlas.meta.description;
        description.push_str(&format!(" Read as {}.", encoding.name()));
    }
    let problems = validate(&sheet.atlas);
    if !problems.is_empty() {
        let problems = problems
            .into_iter()
            .map(|p| at_row(&p, &sheet.lines))
            .collect();
        return Err(sheet_error(problems));
    }
    Ok(Model::new(sheet.atlas))
}

/// A spreadsheet's text, in the encoding it was saved in: UTF-8 or UTF-16 with a byte-order
/// mark, UTF-8 without, else Windows-1252 (Excel's "CSV" on Windows); and which it was.
fn decode_sheet(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, &'static encoding_rs::Encoding) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text, encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), encoding_rs::UTF_8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text, encoding_rs::WINDOWS_1252)
        }
    }
}

/// A problem with `bodies[i] "id".field` as a problem at body `i`'s row and that column.
fn at_row(p: &Problem, lines: &[u64]) -> RowProblem {
    let index =
        p.at.strip_prefix("bodies[")
            .and_then(|rest| rest.split(']').next())
            .and_then(|i| i.parse::<usize>().ok());
    let column =
        p.at.rsplit_once('.')
            .map(|(_, field)| field.split('[').next().unwrap_or(field))
            .filter(|f| sheet::ROLES.iter().any(|(role, _)| role == f))
            .unwrap_or("row");
    RowProblem {
        line: index.and_then(|i| lines.get(i)).copied().unwrap_or(1),
        column: column.to_owned(),
        message: p.message.clone(),
    }
}

/// The text of a file that must be UTF-8 text: no NUL, not empty.
fn text_of<'a>(bytes: &'a [u8], path: &str) -> Result<&'a str, LoadError> {
    let parse_error = |line: usize, col: usize, message: String| LoadError::Parse {
        path: path.to_owned(),
        line,
        col,
        message,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, col) = line_col(&bytes[..e.valid_up_to()]);
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
            return Err(parse_error(
                line,
                col,
                format!("invalid UTF-8 (byte 0x{byte:02x}); an atlas is a UTF-8 text file"),
            ));
        }
    };
    if let Some(at) = text.find('\0') {
        let (line, col) = line_col(&bytes[..at]);
        return Err(parse_error(
            line,
            col,
            "a NUL byte: this looks like a binary file, not an atlas".into(),
        ));
    }
    if text.trim().is_empty() {
        return Err(parse_error(1, 1, "the file is empty".into()));
    }
    Ok(text)
}

/// Parses without the semantic checks.
pub fn parse_bytes(bytes: &[u8], path: &str) -> Result<Atlas, LoadError> {
    let parse_error = |line: usize, col: usize, message: String| LoadError::Parse {
        path: path.to_owned(),
        line,
        col,
        message,
    };
    let text = text_of(bytes, path)?;
    // `colour: "#1f5fa8"` as well as `colour: Some("#1f5fa8")`: optional fields read plainly.
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(64)
        .from_str::<Atlas>(text)
        .map_err(|e| {
            let (line, col) = (e.span.start.line, e.span.start.col);
            let mut message = e.code.to_string();
            if let Some(hint) = old_kind_hint(text, line, col) {
                message.push_str(&hint);
            }
            parse_error(line, col, message)
        })
}

/// For a file in the form before kinds were declared (`kind: statutory`): how to update it.
fn old_kind_hint(text: &str, line: usize, col: usize) -> Option<String> {
    let at_line = text.lines().nth(line.checked_sub(1)?)?;
    let before: String = at_line.chars().take(col.saturating_sub(1)).collect();
    let word: String = at_line
        .chars()
        .skip(col.saturating_sub(1))
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let field = before.trim_end().trim_end_matches(':').trim_end();
    if !field.ends_with("kind") || field.ends_with("_kind") || word.is_empty() {
        return None;
    }
    Some(format!(
        ": kinds are written as quoted ids since atlases declare their own; write `kind: \"{word}\"` \
         (the CSTO's kinds need no declaration; see \"Kinds\" in the README)"
    ))
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
