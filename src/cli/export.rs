//! `export --out FILE`: the chart or its data, with the window's view options, as one
//! [`ExportRequest`].

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args;
use csto_atlas::export::{
    self, Area, ExportRequest, Format, PageSetup, Paper, PaperOrientation, Tiles,
};
use csto_atlas::model;
use csto_atlas::scene::Marks;
use csto_atlas::view::spec::ViewSpec;
use csto_atlas::view::RelationsShown;

use super::{parse_size, OrientationArg, ThemeArg, ViewArgs};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file to write; its extension chooses the format (.png .svg .pdf .dot .json .graphml).
    #[arg(long, value_name = "FILE", value_parser = parse_out, required_unless_present = "book")]
    pub out: Option<PathBuf>,
    /// Write the view as a typeset book instead (PDF): a title page, contents, the chart with
    /// every box a link, a section per body with its facts, sources and status, the documents,
    /// the member states, the events and the bibliography (`--page a4` or `letter`).
    #[arg(long, value_name = "FILE.pdf", conflicts_with = "out")]
    pub book: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub atlas: Option<PathBuf>,
    /// PNG scale: pixels per point (0.25 to 8; 2 suits print and high-density screens).
    #[arg(long, default_value_t = 2.0, value_parser = parse_scale)]
    pub scale: f32,
    /// Export the whole chart (default).
    #[arg(long, conflicts_with = "opening_view")]
    pub whole: bool,
    /// Export the view the window opens at (see --size).
    #[arg(long = "view")]
    pub opening_view: bool,
    /// The window size for --view, e.g. 1400x900.
    #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "1400x900")]
    pub size: [f32; 2],
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    #[arg(long, value_enum, default_value = "tb")]
    pub orientation: OrientationArg,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Draw the selection (--select), its neighbours and its path to the apex as the window
    /// does; by default a picture carries only what the data says.
    #[arg(long)]
    pub highlights: bool,
    /// PNG and SVG: no page behind the chart.
    #[arg(long)]
    pub transparent: bool,
    /// SVG: draw text as outlines (the default), so any program shows what the PNG shows; an
    /// invisible copy of the text stays selectable and searchable.
    #[arg(long, conflicts_with = "text_as_fonts")]
    pub text_as_paths: bool,
    /// SVG: write text as text in the Ubuntu font instead of outlines: smaller and editable,
    /// but drawn as measured only where that font is installed.
    #[arg(long)]
    pub text_as_fonts: bool,
    /// Leave out the title block and the source line.
    #[arg(long)]
    pub no_caption: bool,
    /// The picture's title, in place of the atlas's.
    #[arg(long, value_name = "TEXT", conflicts_with = "no_caption")]
    pub title: Option<String>,
    /// PNG only: the longest side in pixels; a larger picture is scaled down to fit.
    #[arg(long, value_name = "N", default_value_t = export::DEFAULT_MAX_SIDE,
          value_parser = clap::value_parser!(u32).range(16..=100_000))]
    pub max_side: u32,
    /// PDF only: the paper (fit: a page the chart's size).
    #[arg(long, value_enum, value_name = "PAPER")]
    pub page: Option<PageArg>,
    /// PDF only: a poster over several sheets of the paper, with an index page first: `auto`
    /// (the fewest sheets on which names print at 8 pt) or columns x rows (`3x2`). On A4
    /// unless `--page` says otherwise.
    #[arg(long, value_name = "auto|CxR", value_parser = Tiles::parse)]
    pub tiles: Option<Tiles>,
    /// PDF only: upright paper (by default the chart's shape chooses).
    #[arg(long, conflicts_with = "landscape")]
    pub portrait: bool,
    /// PDF only: paper on its side.
    #[arg(long)]
    pub landscape: bool,
    /// Also print a citation of this view and the command line that reopens it.
    #[arg(long)]
    pub cite: bool,
    /// JSON only: each relation's route around the boxes, as the picture with every relation
    /// draws it (without it, relations are pairs and nothing is routed).
    #[arg(long)]
    pub routes: bool,
    /// Print how long loading, layout, rendering and writing took (to stderr).
    #[arg(long)]
    pub timings: bool,
}

/// The paper of a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PageArg {
    Fit,
    A4,
    A3,
    Letter,
}

impl From<PageArg> for Paper {
    fn from(p: PageArg) -> Paper {
        match p {
            PageArg::Fit => Paper::Fit,
            PageArg::A4 => Paper::A4,
            PageArg::A3 => Paper::A3,
            PageArg::Letter => Paper::Letter,
        }
    }
}

fn parse_scale(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.25..=8.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("scale {v} is out of range (0.25 to 8)"))
    }
}

fn parse_out(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    if Format::from_path(&path).is_none() {
        return Err(format!(
            "cannot tell the format of {s:?}: use one of {}",
            Format::extension_list()
        ));
    }
    Ok(path)
}

pub fn run(args: &ExportArgs) -> Result<(), String> {
    let started = Instant::now();
    let m = super::load(args.atlas.as_deref()).map_err(|e| e.to_string())?;
    if let Some(book) = &args.book {
        return write_book(&m, args, book);
    }
    let Some(out) = args.out.as_ref() else {
        return Err("name the file to write with --out (or --book)".into());
    };
    let loaded = started.elapsed();
    // Relations of the selection (or the focus) unless told otherwise; with neither, none.
    let chosen = args.view.select.is_some() || args.view.focus.is_some();
    let default_relations = if chosen {
        RelationsShown::Selected
    } else {
        RelationsShown::None
    };
    let spec = ViewSpec::resolve(&args.view, &m, default_relations)?;
    let selected = spec.selected.as_deref().and_then(|id| m.index_of(id));
    let format =
        Format::from_path(out).ok_or_else(|| format!("{}: unknown extension", out.display()))?;
    if format != Format::Pdf
        && (args.page.is_some() || args.tiles.is_some() || args.portrait || args.landscape)
    {
        super::usage_error(
            "export",
            &format!(
                "--page, --tiles, --portrait and --landscape are for PDF; {} is {}",
                out.display(),
                format.label()
            ),
        );
    }
    if args.routes && format != Format::Json {
        super::usage_error(
            "export",
            &format!(
                "--routes is for JSON; {} is {}",
                out.display(),
                format.label()
            ),
        );
    }
    let focus = spec.filters.focus.as_deref().and_then(|id| m.index_of(id));
    let mut marks = Marks::selection(&m, selected);
    // With no selection, "selected" relations are the focused body's.
    marks.hovered = focus.filter(|_| selected.is_none());
    let request = ExportRequest {
        format,
        filters: spec.filters.clone(),
        orientation: args.orientation.into(),
        theme: args.theme.theme(),
        marks,
        area: if args.opening_view {
            Area::OpeningView(egui::vec2(args.size[0], args.size[1]))
        } else {
            Area::Whole
        },
        legend: !args.no_legend,
        caption: !args.no_caption,
        highlights: args.highlights,
        transparent: args.transparent,
        text_as_paths: format == Format::Svg && !args.text_as_fonts,
        title: args.title.clone(),
        scale: args.scale,
        max_side: args.max_side,
        page: page_setup(args),
        routes: args.routes,
        ..ExportRequest::new(format)
    };
    let laid_out_at = Instant::now();
    let (visible, scene) = request.scene(&m);
    let laid_out = laid_out_at.elapsed();
    let rendered_at = Instant::now();
    let rendered_out = request
        .render_scene(&m, &visible, &scene)
        .map_err(|e| e.to_string())?;
    let rendered = rendered_at.elapsed();
    let written_at = Instant::now();
    export::write_atomic(out, &rendered_out.bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} ({} bytes)",
        out.display(),
        rendered_out.bytes.len()
    );
    if let Some(note) = &rendered_out.note {
        eprintln!("note: {note}");
    }
    if args.cite {
        print_citation(&m, args, &spec, chosen)?;
    }
    if args.timings {
        let routed = (scene.edges.iter())
            .filter(|e| e.relation.is_some() && e.points.len() >= 2)
            .count();
        eprintln!(
            "timings: load {:.2} ms, layout {:.2} ms, render {:.2} ms, write {:.2} ms; \
             {} relation lines routed, {} of them plainly (no way around the boxes found)",
            ms(loaded),
            ms(laid_out),
            ms(rendered),
            ms(written_at.elapsed()),
            routed,
            scene.plain_routes,
        );
    }
    Ok(())
}

/// The paper of a PDF, as `--page`, `--tiles`, `--portrait` and `--landscape` say.
fn page_setup(args: &ExportArgs) -> PageSetup {
    PageSetup {
        paper: match (args.page, args.tiles) {
            (Some(page), _) => page.into(),
            (None, Some(_)) => Paper::A4,
            (None, None) => Paper::Fit,
        },
        orientation: if args.portrait {
            PaperOrientation::Portrait
        } else if args.landscape {
            PaperOrientation::Landscape
        } else {
            PaperOrientation::Auto
        },
        tiles: args.tiles.unwrap_or_default(),
    }
}

/// `--cite`: a citation of the view and the command line that reopens it.
fn print_citation(
    m: &model::Model,
    args: &ExportArgs,
    spec: &ViewSpec,
    chosen: bool,
) -> Result<(), String> {
    // With nothing chosen, the window's default (the selection's relations) draws the
    // same picture as "none", and needs no flag.
    let mut cited = spec.clone();
    if !chosen && cited.filters.relations == RelationsShown::None {
        cited.filters.relations = RelationsShown::Selected;
    }
    let style = csto_atlas::biblio::Style::for_lang(cited.filters.lang.as_deref());
    let citation = export::cite(
        m,
        &cited,
        args.atlas.as_deref().map(|p| (p, super::import())),
        model::Date::today(),
        style,
    );
    super::print(&format!("{}\n", citation.both()))?;
    Ok(())
}

/// `--book FILE.pdf`: the view typeset as a book.
fn write_book(m: &model::Model, args: &ExportArgs, book: &std::path::Path) -> Result<(), String> {
    if !book
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        return Err(format!(
            "{}: a book is a PDF: name a .pdf file",
            book.display()
        ));
    }
    let paper = match args.page {
        None | Some(PageArg::A4) => csto_atlas::book::BookPaper::A4,
        Some(PageArg::Letter) => csto_atlas::book::BookPaper::Letter,
        Some(other) => {
            return Err(format!(
                "--page {other:?} for a book: a book is printed on a4 or letter"
            ))
        }
    };
    let spec = ViewSpec::resolve(&args.view, m, RelationsShown::None)?;
    let started = Instant::now();
    let (bytes, t) =
        csto_atlas::book::book_pdf_timed(m, &spec.filters, paper, model::Date::today())?;
    export::write_atomic(book, &bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} ({} bytes, typeset in {} ms)",
        book.display(),
        bytes.len(),
        started.elapsed().as_millis()
    );
    if args.timings {
        eprintln!(
            "timings: facts and pictures {:.0} ms, fonts {:.0} ms, typst's layout {:.0} ms, PDF {:.0} ms",
            ms(t.data),
            ms(t.world),
            ms(t.typeset),
            ms(t.pdf)
        );
    }
    Ok(())
}

/// A duration in milliseconds, for `--timings`.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
