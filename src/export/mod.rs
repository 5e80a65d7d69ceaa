//! Writers for the chart (SVG, PNG) and its data (DOT, JSON), all from the same [`Scene`].
//!
//! One [`ExportRequest`] describes an export, whether it comes from the command line or from the
//! window's dialog, and [`render`] turns it into bytes. A new format is an arm of [`Format`] and a
//! writer file here.

mod data;
mod png;
mod request;
mod svg;
mod svg_parts;

use std::io::Write;
use std::path::Path;

pub use data::{chart_json, dot, ChartJson};
pub use png::{encode_png, render_png, render_rgba};
pub use request::{caption, render, Area, ExportRequest};
pub use svg::{svg, SvgOptions};

/// The formats `export` writes, chosen by the file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
pub enum Format {
    Png,
    Svg,
    Dot,
    Json,
}

impl Format {
    /// Every format (derived, so a new one cannot be left out).
    pub const ALL: &'static [Format] = <Format as strum::VariantArray>::VARIANTS;

    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.extension() == ext || f.aliases().contains(&ext.as_str()))
    }

    /// Other extensions that name this format.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Format::Dot => &["gv"],
            _ => &[],
        }
    }

    /// ".png .svg .dot .json": for messages that say which names work.
    pub fn extension_list() -> String {
        Format::ALL
            .iter()
            .map(|f| format!(".{}", f.extension()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the format is a picture (theme, scale, area and legend apply) or data.
    pub fn is_picture(self) -> bool {
        matches!(self, Format::Png | Format::Svg)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Dot => "dot",
            Format::Json => "json",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Png => "PNG image",
            Format::Svg => "SVG vector image",
            Format::Dot => "Graphviz DOT",
            Format::Json => "JSON data",
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("could not render the image: {0}")]
    Render(String),
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that a
/// failure never leaves a partial file and never destroys an existing one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let err = |source: std::io::Error| ExportError::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".csto-atlas-export-");
    // An export gets the permissions any editor's save would: those of the file it replaces,
    // else the usual 0666 less the umask (a temporary file alone would be owner-only).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    if let Ok(existing) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(existing.permissions())
            .map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Renders a built scene in `format`. `scale` applies to PNG only.
pub fn export_bytes(
    model: &crate::model::Model,
    scene: &crate::scene::Scene,
    format: Format,
    options: &SvgOptions,
    scale: f32,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Svg => svg(model, scene, options).into_bytes(),
        Format::Png => render_png(&svg(model, scene, options), scale)?,
        Format::Dot => dot(model, scene).into_bytes(),
        Format::Json => serde_json::to_vec_pretty(&chart_json(model, scene))
            .map_err(|e| ExportError::Render(e.to_string()))?,
    })
}
