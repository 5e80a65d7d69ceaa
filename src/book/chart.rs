//! The book's chart: the whole chart fitted to a landscape page, each box a link to its body's
//! section, and, when that prints names under 6 pt, the chart again at 8 pt over as many pages
//! as it takes (a poster bound into the book).

use serde::Serialize;

use crate::export::{sheet_label, ExportRequest, Format, POSTER_PT, READABLE_PT};
use crate::model::Model;
use crate::view::Filters;

/// The chart's size on its page, in points, and where each box is, for its link.
#[derive(Debug, Serialize)]
pub struct Chart {
    pub width: f32,
    pub height: f32,
    pub boxes: Vec<ChartBox>,
    /// Whether names print under 6 pt at this size.
    pub small: bool,
    /// The chart at a readable size over several pages, when it is small.
    pub sheets: Option<Sheets>,
}

#[derive(Debug, Serialize)]
pub struct ChartBox {
    pub id: String,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// The chart enlarged over several pages.
#[derive(Debug, Serialize)]
pub struct Sheets {
    /// How much larger than on the overview page.
    pub scale: f32,
    /// Each page's window on the enlarged chart, in points.
    pub width: f32,
    pub height: f32,
    pub list: Vec<Sheet>,
}

/// One page of the enlarged chart: its label (B2), where its window begins, and its own picture
/// of that part of the chart (a whole chart per page would make a book of hundreds of
/// megabytes): the file, and where it lies in the window, in points.
#[derive(Debug, Serialize)]
pub struct Sheet {
    pub label: String,
    pub x: f32,
    pub y: f32,
    pub file: String,
    pub dx: f32,
    pub dy: f32,
    pub width: f32,
    pub height: f32,
}

/// How much of each neighbour's edge a page repeats, so that no name is read only in halves.
const OVERLAP_PT: f32 = 20.0;
/// The most pages the enlarged chart may take; beyond, the book says to print a poster.
const MAX_SHEETS: usize = 60;
/// Room for the sheet's heading line above its window.
const HEADING_PT: f32 = 30.0;
/// How far around its window a page's picture reaches, in chart units: far enough that a box
/// cut by the window's edge is drawn whole (and then cut by the window).
const SHEET_PAD: f32 = 200.0;

/// The chart as an SVG picture for a landscape page, with each box's place on that page, and
/// the files typst reads: the chart, and a picture per page of the enlarged chart.
pub fn chart(model: &Model, filters: &Filters, paper: &str) -> (Chart, Vec<(String, String)>) {
    let mut request = ExportRequest::new(Format::Svg);
    request.filters = filters.clone();
    let (visible, scene) = request.scene(model);
    let mut options = request.svg_options(model, &visible, &scene);
    // Names as text in the embedded Ubuntu (typst hands its fonts to the SVG): a tenth of the
    // size of outlines, and found by a reader's search.
    options.text_as_paths = false;
    let picture = crate::export::picture(model, &scene, &options);
    // The page's width and height within 2 cm margins and the running header, in points.
    let (page_w, page_h) = match paper {
        "us-letter" => (792.0 - 113.4, 612.0 - 150.0),
        _ => (842.0 - 113.4, 595.0 - 150.0),
    };
    let s = (page_w / picture.width.max(1.0)).min(page_h / picture.height.max(1.0));
    let boxes = (scene.nodes.iter())
        .map(|n| {
            let r = n.rect.translate(picture.origin);
            ChartBox {
                id: model.body(n.body).id.clone(),
                x: r.min.x * s,
                y: r.min.y * s,
                w: r.width() * s,
                h: r.height() * s,
            }
        })
        .collect();
    let small = crate::scene::NAME_SIZE * s < READABLE_PT;
    let (width, height) = (picture.width * s, picture.height * s);
    let mut files = vec![(
        "/chart.svg".to_owned(),
        picture.document(&model.atlas.meta.title),
    )];
    let mut sheets = small
        .then(|| sheets(width, height, s, page_w, page_h - HEADING_PT))
        .flatten();
    for sheet in sheets.iter_mut().flat_map(|sh| {
        let (k, w, h) = (sh.scale * s, sh.width, sh.height);
        sh.list.iter_mut().map(move |t| (t, k, w, h))
    }) {
        let (t, k, w, h) = sheet;
        // The window in chart units, and a picture of it alone, without caption or legend.
        let min = egui::pos2(t.x / k, t.y / k) - picture.origin;
        let window = egui::Rect::from_min_size(min, egui::vec2(w / k, h / k));
        let part = crate::export::SvgOptions {
            region: Some(window.expand(SHEET_PAD)),
            caption: None,
            legend: false,
            ..options.clone()
        };
        let part = crate::export::picture(model, &scene, &part);
        t.file = format!("/sheet-{}.svg", t.label);
        t.dx = -(min.x + part.origin.x) * k;
        t.dy = -(min.y + part.origin.y) * k;
        t.width = part.width.ceil() * k;
        t.height = part.height.ceil() * k;
        files.push((t.file.clone(), part.document(&model.atlas.meta.title)));
    }
    let chart = Chart {
        width,
        height,
        boxes,
        small,
        sheets,
    };
    (chart, files)
}

/// Pages of `window_w` × `window_h` points over the chart (`width` × `height` points on the
/// overview, where a picture pixel is `s` points) enlarged until names print at 8 pt (as on a poster), row by
/// row, centred on the chart; `None` when that would take too many pages.
fn sheets(width: f32, height: f32, s: f32, window_w: f32, window_h: f32) -> Option<Sheets> {
    let scale = POSTER_PT / (crate::scene::NAME_SIZE * s);
    let (big_w, big_h) = (width * scale, height * scale);
    let (step_x, step_y) = (window_w - OVERLAP_PT, window_h - OVERLAP_PT);
    let count = |len: f32, step: f32| ((len - OVERLAP_PT) / step).ceil().max(1.0) as usize;
    let (cols, rows) = (count(big_w, step_x), count(big_h, step_y));
    if cols * rows > MAX_SHEETS {
        return None;
    }
    // Centre the chart in the grid of windows.
    let (x0, y0) = (
        (cols as f32 * step_x + OVERLAP_PT - big_w) / 2.0,
        (rows as f32 * step_y + OVERLAP_PT - big_h) / 2.0,
    );
    let list = (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (c, r)))
        .map(|(c, r)| Sheet {
            label: sheet_label(c as u32, r as u32),
            x: c as f32 * step_x - x0,
            y: r as f32 * step_y - y0,
            file: String::new(),
            dx: 0.0,
            dy: 0.0,
            width: 0.0,
            height: 0.0,
        })
        .collect();
    Some(Sheets {
        scale,
        width: window_w,
        height: window_h,
        list,
    })
}
