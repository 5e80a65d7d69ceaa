//! Reading an atlas from bytes, with errors that say where and what.

use super::validate::{validate, Problem};
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
    /// Syntax, types, unknown fields, encoding: the text is not an atlas.
    #[error("{path}:{line}:{col}: {message}")]
    Parse {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    /// The text is an atlas, but it contradicts itself.
    #[error("{path}: {} problem{}:\n{}", problems.len(), if problems.len() == 1 { "" } else { "s" }, list(problems))]
    Invalid {
        path: String,
        problems: Vec<Problem>,
    },
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
    load_bytes(EMBEDDED_ATLAS.as_bytes(), EMBEDDED_NAME)
}

/// Reads and validates an atlas file.
pub fn load_file(path: &std::path::Path) -> Result<Model, LoadError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: name.clone(),
        source,
    })?;
    load_bytes(&bytes, &name)
}

/// Parses and validates an atlas; `path` only names the origin in errors.
pub fn load_bytes(bytes: &[u8], path: &str) -> Result<Model, LoadError> {
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

/// Parses without the semantic checks.
pub fn parse_bytes(bytes: &[u8], path: &str) -> Result<Atlas, LoadError> {
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
    ron::Options::default()
        .with_recursion_limit(64)
        .from_str::<Atlas>(text)
        .map_err(|e| parse_error(e.span.start.line, e.span.start.col, e.code.to_string()))
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
