//! Writers for the chart (SVG, PNG, PDF) and its data (DOT, JSON, GraphML), all from the same
//! [`Scene`](crate::scene::Scene).
//!
//! One [`ExportRequest`] describes an export, whether it comes from the command line or from the
//! window's dialog, and [`render`] turns it into bytes. A new format is an arm of [`Format`] and a
//! writer file here.

mod cite;
mod data;
mod graphml;
mod markup;
mod outline;
mod pdf;
mod png;
mod poster;
mod request;
mod svg;
mod svg_parts;

use std::io::Write;
use std::path::Path;

pub use cite::{cite, command_line, Citation};
pub use data::{chart_json, dot, ChartJson};
pub use graphml::graphml;
pub use pdf::{
    name_size_pt, place, render_pdf, PagePlacement, PageSetup, Paper, PaperOrientation, Tiles,
    MARGIN_MM, READABLE_PT,
};
pub use png::{
    encode_png, render_png, render_png_fitted, render_rgba, thousands, Raster, DEFAULT_MAX_SIDE,
};
pub use poster::{render_poster, sheet_label, Poster, MAX_SHEETS, OVERLAP_MM, POSTER_PT};
pub use request::{
    caption, render, render_noted, shown_in_words, Area, Caption, ExportRequest, Rendered,
    SvgOptions,
};
pub use svg::{picture, svg, Picture};

/// The formats `export` writes, chosen by the file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
pub enum Format {
    Png,
    Svg,
    Pdf,
    Dot,
    Json,
    Graphml,
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

    /// ".png .svg .pdf .dot .json .graphml": for messages that say which names work.
    pub fn extension_list() -> String {
        Format::ALL
            .iter()
            .map(|f| format!(".{}", f.extension()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the format is a picture (theme, scale, area and legend apply) or data.
    pub fn is_picture(self) -> bool {
        matches!(self, Format::Png | Format::Svg | Format::Pdf)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Graphml => "graphml",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Png => "PNG image",
            Format::Svg => "SVG vector image",
            Format::Pdf => "PDF document",
            Format::Dot => "Graphviz DOT",
            Format::Json => "JSON data",
            Format::Graphml => "GraphML (yEd, Gephi, Cytoscape)",
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
    /// The paper cannot take the picture as asked (a poster of too many sheets, say).
    #[error("{0}")]
    Page(String),
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

/// Renders a built scene as `request` asks.
pub fn export_bytes(
    model: &crate::model::Model,
    scene: &crate::scene::Scene,
    request: &ExportRequest,
    options: &SvgOptions,
) -> Result<Rendered, ExportError> {
    let plain = |bytes: Vec<u8>| Rendered { bytes, note: None };
    Ok(match request.format {
        Format::Svg => plain(svg(model, scene, options).into_bytes()),
        Format::Png => {
            let (bytes, raster) = render_png_fitted(
                &svg(model, scene, options),
                request.scale,
                request.max_side,
                !options.transparent,
            )?;
            Rendered {
                bytes,
                note: raster.note(request.max_side),
            }
        }
        Format::Pdf if request.page.tiles != Tiles::One => {
            let picture = picture(model, scene, options);
            let poster = Poster::plan(
                picture.width,
                picture.height,
                request.page,
                request.page.tiles,
            )
            .map_err(ExportError::Page)?;
            Rendered {
                bytes: render_poster(&picture, &model.atlas.meta.title, request.page, &poster)?,
                note: Some(format!(
                    "a poster of {} × {} sheets of {} after an index page; names print at \
                     {:.1} pt",
                    poster.cols,
                    poster.rows,
                    request.page.paper.label(),
                    poster.name_size_pt()
                )),
            }
        }
        Format::Pdf => {
            let picture = picture(model, scene, options);
            let note = pdf::small_print_note(picture.width, picture.height, request.page);
            Rendered {
                bytes: render_pdf(&picture, &model.atlas.meta.title, request.page)?,
                note,
            }
        }
        Format::Dot => plain(dot(model, scene).into_bytes()),
        Format::Json => plain(
            serde_json::to_vec_pretty(&chart_json(
                model,
                scene,
                &options.marks,
                request.filters.lang.as_deref(),
                request.filters.as_of.unwrap_or(model.date_range().1),
            ))
            .map_err(|e| ExportError::Render(e.to_string()))?,
        ),
        Format::Graphml => {
            plain(graphml(model, scene, request.filters.lang.as_deref()).into_bytes())
        }
    })
}
