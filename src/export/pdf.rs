//! PDF through svg2pdf: the same picture as the SVG and PNG, as vector shapes with real text in
//! the embedded (subset) Ubuntu font, so names can be selected, searched and printed sharp.

use super::markup::{color, escape};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};

use super::markup::FONT_FAMILY;
use super::png::parse_tree;
use super::svg::Picture;
use super::ExportError;

/// The paper a PDF is laid on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::VariantArray)]
pub enum Paper {
    /// A page the size of the picture (within PDF's 200-inch limit).
    #[default]
    Fit,
    A4,
    A3,
    Letter,
}

impl Paper {
    /// Every paper (derived, so a new one cannot be left out).
    pub const ALL: &'static [Paper] = <Paper as strum::VariantArray>::VARIANTS;

    /// Width and height in millimetres, upright; `None` for a page the picture's size.
    pub fn size_mm(self) -> Option<(f32, f32)> {
        match self {
            Paper::Fit => None,
            Paper::A4 => Some((210.0, 297.0)),
            Paper::A3 => Some((297.0, 420.0)),
            Paper::Letter => Some((215.9, 279.4)),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Paper::Fit => "Fit to the chart",
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::Letter => "US Letter",
        }
    }
}

/// Which way up the paper is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PaperOrientation {
    /// Landscape for a wide chart, portrait for a tall one.
    #[default]
    Auto,
    Portrait,
    Landscape,
}

/// How a PDF's chart is spread over pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tiles {
    /// One page.
    #[default]
    One,
    /// The fewest sheets on which names print at 8 pt or more.
    Auto,
    /// So many columns and rows of sheets, the chart as large as they hold.
    Grid { cols: u32, rows: u32 },
}

impl Tiles {
    /// Reads `auto` or `CxR` (columns by rows, as `3x2`).
    pub fn parse(s: &str) -> Result<Tiles, String> {
        let s = s.trim().to_lowercase();
        if s == "auto" {
            return Ok(Tiles::Auto);
        }
        let bad = || format!("{s:?} is neither auto nor columns x rows (as 3x2)");
        let (c, r) = s.split_once(['x', '×']).ok_or_else(bad)?;
        let count = |n: &str| -> Result<u32, String> {
            let n: u32 = n.trim().parse().map_err(|_| bad())?;
            if (1..=40).contains(&n) {
                Ok(n)
            } else {
                Err(format!("{n} sheets across or down: 1 to 40"))
            }
        };
        Ok(Tiles::Grid {
            cols: count(c)?,
            rows: count(r)?,
        })
    }
}

/// The page of a PDF export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageSetup {
    pub paper: Paper,
    pub orientation: PaperOrientation,
    /// One page, or a poster over several sheets.
    pub tiles: Tiles,
}

/// CSS pixels per millimetre: the picture is laid out at 96 pixels to the inch.
pub(super) const PX_PER_MM: f32 = 96.0 / 25.4;
/// The white space around the picture on paper, in millimetres.
pub const MARGIN_MM: f32 = 12.0;
/// PDF's largest page side, 200 inches (ISO 32000-1, annex C), in CSS pixels.
const MAX_PAGE_PX: f32 = 200.0 * 96.0;

/// Where the picture goes on the page, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PagePlacement {
    pub page_width: f32,
    pub page_height: f32,
    /// The picture's scale on the page (below 1 when it is shrunk to fit).
    pub scale: f32,
    pub x: f32,
    pub y: f32,
}

impl PagePlacement {
    /// The page size in PDF points (1/72 inch).
    pub fn page_points(&self) -> (f32, f32) {
        (self.page_width * 0.75, self.page_height * 0.75)
    }
}

/// Places a picture of `width` × `height` CSS pixels on the page `setup` asks for: scaled up or
/// down to the paper within its margins, centred across and at the top, as a figure in a report.
pub fn place(width: f32, height: f32, setup: PageSetup) -> PagePlacement {
    let margin = MARGIN_MM * PX_PER_MM;
    let (page_width, page_height) = match setup.paper.size_mm() {
        None => {
            let (w, h) = (width + 2.0 * margin, height + 2.0 * margin);
            let shrink = (MAX_PAGE_PX / w.max(h)).min(1.0);
            (w * shrink, h * shrink)
        }
        Some((short, long)) => {
            let landscape = match setup.orientation {
                PaperOrientation::Auto => width > height,
                PaperOrientation::Portrait => false,
                PaperOrientation::Landscape => true,
            };
            let (w, h) = if landscape {
                (long, short)
            } else {
                (short, long)
            };
            (w * PX_PER_MM, h * PX_PER_MM)
        }
    };
    let inner_w = (page_width - 2.0 * margin).max(1.0);
    let inner_h = (page_height - 2.0 * margin).max(1.0);
    let scale = (inner_w / width.max(1.0)).min(inner_h / height.max(1.0));
    PagePlacement {
        page_width,
        page_height,
        scale,
        x: (page_width - width * scale) / 2.0,
        y: margin.min((page_height - height * scale) / 2.0),
    }
}

/// The smallest size a name may print at and still be read, in points.
pub const READABLE_PT: f32 = 6.0;

/// The size the boxes' names print at when a picture of `width` × `height` CSS pixels is laid
/// on the page `setup` asks for, in points.
pub fn name_size_pt(width: f32, height: f32, setup: PageSetup) -> f32 {
    name_pt(place(width, height, setup).scale)
}

/// The size the boxes' names print at, in points, when the picture is drawn at `scale` (CSS
/// pixels on paper per pixel of the picture).
pub(super) fn name_pt(scale: f32) -> f32 {
    crate::scene::NAME_SIZE * scale * 0.75
}

/// What to tell someone whose names would print too small to read on the page they chose.
pub fn small_print_note(width: f32, height: f32, setup: PageSetup) -> Option<String> {
    let pt = name_size_pt(width, height, setup);
    (setup.paper != Paper::Fit && pt < READABLE_PT).then(|| {
        format!(
            "names print at {pt:.1} pt on {}, too small to read (under {READABLE_PT} pt): print \
             it as a poster over several sheets (--tiles auto), as a book (--book), on a page the \
             chart's size (--page fit) or on a larger paper",
            setup.paper.label()
        )
    })
}

/// Lays `picture` on a page and writes it as a one-page PDF.
pub fn render_pdf(
    picture: &Picture,
    title: &str,
    setup: PageSetup,
) -> Result<Vec<u8>, ExportError> {
    let p = place(picture.width, picture.height, setup);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n<title>{title}</title>\n<rect width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>\n<g transform=\"translate({x:.2} {y:.2}) scale({s:.5})\">\n{body}</g>\n</svg>\n",
        w = p.page_width,
        h = p.page_height,
        title = escape(title),
        bg = color(picture.background),
        x = p.x,
        y = p.y,
        s = p.scale,
        body = picture.body,
    );
    let mut alloc = Ref::new(1);
    let (catalog, pages, page_id, content_id, info) = (
        alloc.bump(),
        alloc.bump(),
        alloc.bump(),
        alloc.bump(),
        alloc.bump(),
    );
    let (chunk, picture_id) = svg_xobject(&svg, &mut alloc)?;
    let (w, h) = p.page_points();
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages);
    pdf.pages(pages).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, w, h));
    page.parent(pages);
    page.contents(content_id);
    let mut resources = page.resources();
    resources.x_objects().pair(Name(b"P1"), picture_id);
    resources.finish();
    page.finish();
    // The XObject is one point square: scale it to the page.
    let mut content = Content::new();
    content
        .transform([w, 0.0, 0.0, h, 0.0, 0.0])
        .x_object(Name(b"P1"));
    pdf.stream(content_id, &content.finish());
    pdf.extend(&chunk);
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("CSTO Atlas"));
    Ok(pdf.finish())
}

/// Converts an SVG to a PDF form one point square (scale it to the size wanted), its objects
/// numbered on from `alloc`.
pub(super) fn svg_xobject(
    svg: &str,
    alloc: &mut Ref,
) -> Result<(pdf_writer::Chunk, Ref), ExportError> {
    let tree = parse_tree(svg)?;
    let failed =
        |e: svg2pdf::ConversionError| ExportError::Render(format!("could not write the PDF: {e}"));
    // The picture as one form XObject on a page of our own, so that the document can carry its
    // title (svg2pdf's own pages name only the producer).
    let (chunk, picture_id) =
        svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default()).map_err(failed)?;
    let mut renumbered = std::collections::HashMap::new();
    let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
    let picture_id = *renumbered
        .get(&picture_id)
        .ok_or_else(|| ExportError::Render("could not write the PDF: no picture".into()))?;
    Ok((chunk, picture_id))
}
