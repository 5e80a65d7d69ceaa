//! Poster printing, as yEd and the big plotters' drivers do it: a chart too big to read on one
//! sheet is split over several at a size where names print at 8 pt, each sheet repeating 10 mm of
//! its neighbours' edges for gluing, with crop marks, its label ("B2") and its neighbours'; the
//! first page shows the whole chart with the grid of sheets over it.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::pdf::{
    name_pt, place, svg_xobject, PageSetup, PaperOrientation, Tiles, MARGIN_MM, PX_PER_MM,
};
use super::svg::Picture;
use super::ExportError;

/// The size names print at on a poster's sheets, at the least, in points.
pub const POSTER_PT: f32 = 8.0;
/// How much of each neighbour's edge a sheet repeats, for gluing.
pub const OVERLAP_MM: f32 = 10.0;
/// The most sheets one poster may take.
pub const MAX_SHEETS: u32 = 400;

/// How a picture lies on a poster's sheets; lengths in CSS pixels (96 to the inch).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Poster {
    pub cols: u32,
    pub rows: u32,
    /// The picture's scale on the sheets.
    pub scale: f32,
    pub page_width: f32,
    pub page_height: f32,
    /// Where the picture's top left corner lies in the grid's area (the sheets' printed areas
    /// laid edge to edge less their overlaps), so that the picture is centred in it.
    pub x: f32,
    pub y: f32,
}

impl Poster {
    /// Plans the sheets for a picture of `width` × `height` on the paper `setup` names.
    pub fn plan(width: f32, height: f32, setup: PageSetup, tiles: Tiles) -> Result<Poster, String> {
        let (short, long) = setup
            .paper
            .size_mm()
            .ok_or("a poster needs a paper: --page a4, a3 or letter")?;
        let (width, height) = (width.max(1.0), height.max(1.0));
        let overlap = OVERLAP_MM * PX_PER_MM;
        let margin = MARGIN_MM * PX_PER_MM;
        let lay = |landscape: bool| {
            let (w, h) = if landscape {
                (long, short)
            } else {
                (short, long)
            };
            let (page_width, page_height) = (w * PX_PER_MM, h * PX_PER_MM);
            let (step_x, step_y) = (
                page_width - 2.0 * margin - overlap,
                page_height - 2.0 * margin - overlap,
            );
            let (cols, rows) = match tiles {
                Tiles::Grid { cols, rows } => (cols, rows),
                Tiles::One | Tiles::Auto => {
                    let s = POSTER_PT / name_pt(1.0);
                    let across = |len: f32, step: f32| ((len * s - overlap) / step).ceil().max(1.0);
                    (across(width, step_x) as u32, across(height, step_y) as u32)
                }
            };
            let (grid_w, grid_h) = (
                cols as f32 * step_x + overlap,
                rows as f32 * step_y + overlap,
            );
            let scale = (grid_w / width).min(grid_h / height);
            Poster {
                cols,
                rows,
                scale,
                page_width,
                page_height,
                x: (grid_w - width * scale) / 2.0,
                y: (grid_h - height * scale) / 2.0,
            }
        };
        let wide = width > height;
        let candidates = match setup.orientation {
            PaperOrientation::Auto => vec![lay(wide), lay(!wide)],
            PaperOrientation::Portrait => vec![lay(false)],
            PaperOrientation::Landscape => vec![lay(true)],
        };
        // The fewest sheets; among as many, the larger print (the chart's own shape first).
        let best = candidates
            .into_iter()
            .reduce(|a, b| {
                let (na, nb) = (a.cols * a.rows, b.cols * b.rows);
                if nb < na || (nb == na && b.scale > a.scale * 1.001) {
                    b
                } else {
                    a
                }
            })
            .ok_or("no paper")?;
        let sheets = best.cols * best.rows;
        if sheets > MAX_SHEETS {
            return Err(format!(
                "the poster would take {} × {} = {sheets} sheets, more than {MAX_SHEETS}: choose a \
                 larger paper, fewer bodies (--kind, --focus) or a grid (--tiles 4x3)",
                best.cols, best.rows
            ));
        }
        Ok(best)
    }

    /// The size the boxes' names print at, in points.
    pub fn name_size_pt(&self) -> f32 {
        name_pt(self.scale)
    }

    /// The grid's area: the sheets' printed areas laid edge to edge less their overlaps.
    fn grid(&self) -> (f32, f32) {
        let (step_x, step_y) = self.step();
        let overlap = OVERLAP_MM * PX_PER_MM;
        (
            self.cols as f32 * step_x + overlap,
            self.rows as f32 * step_y + overlap,
        )
    }

    fn step(&self) -> (f32, f32) {
        let overlap = OVERLAP_MM * PX_PER_MM;
        let (w, h) = self.printed();
        (w - overlap, h - overlap)
    }

    /// The printed area of a sheet, inside its margins.
    fn printed(&self) -> (f32, f32) {
        let margin = MARGIN_MM * PX_PER_MM;
        (
            self.page_width - 2.0 * margin,
            self.page_height - 2.0 * margin,
        )
    }

    /// The sheet's area in the grid's area: x, y, width, height.
    fn sheet_area(&self, col: u32, row: u32) -> [f32; 4] {
        let (sx, sy) = self.step();
        let (w, h) = self.printed();
        [col as f32 * sx, row as f32 * sy, w, h]
    }
}

/// A sheet's label: its column as a letter (A, B, … Z, AA, …) and its row as a number.
pub fn sheet_label(col: u32, row: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// Page coordinates: CSS pixels from the top left to PDF points from the bottom left.
struct Page {
    height: f32,
}

impl Page {
    fn x(&self, px: f32) -> f32 {
        px * 0.75
    }
    fn y(&self, px: f32) -> f32 {
        (self.height - px) * 0.75
    }
    /// A rectangle given from its top left corner in pixels, as PDF's x, y, width, height.
    fn rect(&self, [x, y, w, h]: [f32; 4]) -> (f32, f32, f32, f32) {
        (self.x(x), self.y(y + h), w * 0.75, h * 0.75)
    }
}

const PICTURE: Name = Name(b"P1");
const BOLD: Name = Name(b"F1");
const REGULAR: Name = Name(b"F2");

/// Text in one of the standard fonts, left, centre or right of `x` by `align` (0, 0.5, 1).
/// Labels are language-neutral: letters, figures, arrows drawn as `<` `>` `^` `v`, and `×`,
/// `–`, `·`, which WinAnsi encodes.
fn text(c: &mut Content, font: Name, size: f32, x: f32, y: f32, align: f32, s: &str) {
    let bytes: Vec<u8> = s
        .chars()
        .map(|ch| match ch {
            '×' => 0xD7,
            '–' => 0x96,
            '·' => 0xB7,
            ch if ch.is_ascii() => ch as u8,
            _ => b'?',
        })
        .collect();
    // Helvetica's capitals and figures are about 0.62 em wide on average.
    let width = bytes.len() as f32 * size * 0.62;
    c.begin_text()
        .set_font(font, size)
        .next_line(x - width * align, y)
        .show(Str(&bytes))
        .end_text();
}

/// Writes `picture` as a poster: the index page, then the sheets row by row.
pub fn render_poster(
    picture: &Picture,
    title: &str,
    setup: PageSetup,
    poster: &Poster,
) -> Result<Vec<u8>, ExportError> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let pages = alloc.bump();
    let info = alloc.bump();
    let (bold, regular) = (alloc.bump(), alloc.bump());
    let (chunk, picture_id) = svg_xobject(&picture.document(title), &mut alloc)?;
    let sheets = poster.cols * poster.rows;
    let page_ids: Vec<(Ref, Ref)> = (0..=sheets).map(|_| (alloc.bump(), alloc.bump())).collect();
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages);
    pdf.pages(pages)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(page_ids.len() as i32);
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    let page = Page {
        height: poster.page_height,
    };
    let bg = picture.background;
    let dark = (bg.r() as u32 + bg.g() as u32 + bg.b() as u32) < 3 * 128;
    let ink = if dark { 0.8 } else { 0.25 };
    for (n, (page_id, content_id)) in page_ids.iter().enumerate() {
        let mut c = Content::new();
        c.set_fill_rgb(
            bg.r() as f32 / 255.0,
            bg.g() as f32 / 255.0,
            bg.b() as f32 / 255.0,
        );
        let (w, h) = (page.x(poster.page_width), page.x(poster.page_height));
        c.rect(0.0, 0.0, w, h).fill_nonzero();
        if n == 0 {
            index_page(&mut c, &page, picture, setup, poster, ink);
        } else {
            let n = n as u32 - 1;
            sheet_page(
                &mut c,
                &page,
                picture,
                poster,
                n % poster.cols,
                n / poster.cols,
                ink,
            );
        }
        let mut p = pdf.page(*page_id);
        p.media_box(Rect::new(0.0, 0.0, w, h));
        p.parent(pages);
        p.contents(*content_id);
        let mut resources = p.resources();
        resources.x_objects().pair(PICTURE, picture_id);
        resources.fonts().pair(BOLD, bold).pair(REGULAR, regular);
        resources.finish();
        p.finish();
        pdf.stream(*content_id, &c.finish());
    }
    pdf.extend(&chunk);
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("CSTO Atlas"));
    Ok(pdf.finish())
}

/// Draws the picture (a form one point square) at `x`, `y` pixels, scaled by `scale`.
fn draw_picture(c: &mut Content, page: &Page, picture: &Picture, x: f32, y: f32, scale: f32) {
    let (w, h) = (picture.width.ceil() * scale, picture.height.ceil() * scale);
    let (px, py, pw, ph) = page.rect([x, y, w, h]);
    c.save_state()
        .transform([pw, 0.0, 0.0, ph, px, py])
        .x_object(PICTURE)
        .restore_state();
}

/// The whole chart on one sheet with the grid of sheets over it.
fn index_page(
    c: &mut Content,
    page: &Page,
    picture: &Picture,
    setup: PageSetup,
    poster: &Poster,
    ink: f32,
) {
    let upright = PageSetup {
        orientation: if poster.page_width > poster.page_height {
            PaperOrientation::Landscape
        } else {
            PaperOrientation::Portrait
        },
        ..setup
    };
    // The whole grid of sheets fitted to the page, the chart where the sheets print it, and each
    // sheet's printed area outlined: how the sheets tile the chart, blank parts and all.
    let (step_x, step_y) = poster.step();
    let (grid_w, grid_h) = poster.grid();
    let at = place(grid_w, grid_h, upright);
    let f = at.scale;
    draw_picture(
        c,
        page,
        picture,
        at.x + poster.x * f,
        at.y + poster.y * f,
        poster.scale * f,
    );
    let to_index = |gx: f32, gy: f32| (at.x + gx * f, at.y + gy * f);
    c.set_stroke_rgb(0.85, 0.15, 0.1).set_line_width(0.8);
    for row in 0..poster.rows {
        for col in 0..poster.cols {
            let [gx, gy, gw, gh] = poster.sheet_area(col, row);
            let (x0, y0) = to_index(gx, gy);
            let (rx, ry, rw, rh) = page.rect([x0, y0, gw * f, gh * f]);
            c.rect(rx, ry, rw, rh).stroke();
        }
    }
    c.set_fill_rgb(0.85, 0.15, 0.1);
    for row in 0..poster.rows {
        for col in 0..poster.cols {
            // In the sheet's top left corner, as large as its cell on the index takes, up to
            // 12 pt.
            let [gx, gy, _, _] = poster.sheet_area(col, row);
            let (x, y) = to_index(gx, gy);
            let label = sheet_label(col, row);
            let (cell_w, cell_h) = (step_x * f * 0.75, step_y * f * 0.75);
            let size = (cell_w * 0.5 / (label.len() as f32 * 0.62))
                .min(cell_h * 0.4)
                .min(12.0);
            text(
                c,
                BOLD,
                size,
                page.x(x) + size * 0.25,
                page.y(y) - size * 1.05,
                0.0,
                &label,
            );
        }
    }
    c.set_fill_gray(ink);
    let note = format!(
        "A1–{} · {} × {} · {:.1} pt · {} mm",
        sheet_label(poster.cols - 1, poster.rows - 1),
        poster.cols,
        poster.rows,
        poster.name_size_pt(),
        OVERLAP_MM
    );
    let margin = MARGIN_MM * PX_PER_MM;
    text(
        c,
        REGULAR,
        8.0,
        page.x(margin),
        page.y(poster.page_height - margin / 2.0),
        0.0,
        &note,
    );
}

/// One sheet: its part of the chart, crop marks at its printed area's corners, ticks where the
/// neighbours' overlap begins, its label and its neighbours'.
fn sheet_page(
    c: &mut Content,
    page: &Page,
    picture: &Picture,
    poster: &Poster,
    col: u32,
    row: u32,
    ink: f32,
) {
    let margin = MARGIN_MM * PX_PER_MM;
    let [gx, gy, w, h] = poster.sheet_area(col, row);
    let (cx, cy, cw, ch) = page.rect([margin, margin, w, h]);
    c.save_state();
    c.rect(cx, cy, cw, ch).clip_nonzero().end_path();
    draw_picture(
        c,
        page,
        picture,
        margin - gx + poster.x,
        margin - gy + poster.y,
        poster.scale,
    );
    c.restore_state();
    // Crop marks: short lines in the margin, in line with the printed area's edges.
    let (gap, len) = (1.5 * PX_PER_MM, 6.0 * PX_PER_MM);
    c.set_stroke_gray(ink).set_line_width(0.3);
    let (left, top, right, bottom) = (margin, margin, margin + w, margin + h);
    for (x, dx) in [(left, -1.0), (right, 1.0)] {
        for (y, dy) in [(top, -1.0), (bottom, 1.0)] {
            c.move_to(page.x(x + dx * gap), page.y(y));
            c.line_to(page.x(x + dx * (gap + len)), page.y(y));
            c.move_to(page.x(x), page.y(y + dy * gap));
            c.line_to(page.x(x), page.y(y + dy * (gap + len)));
        }
    }
    c.stroke();
    // Where a neighbour's repeat of this sheet's edge begins: glue up to these ticks.
    let overlap = OVERLAP_MM * PX_PER_MM;
    let tick = 4.0 * PX_PER_MM;
    c.set_dash_pattern([2.0, 1.5], 0.0);
    if col > 0 {
        c.move_to(page.x(left + overlap), page.y(top - gap));
        c.line_to(page.x(left + overlap), page.y(top - gap - tick));
        c.move_to(page.x(left + overlap), page.y(bottom + gap));
        c.line_to(page.x(left + overlap), page.y(bottom + gap + tick));
    }
    if row > 0 {
        c.move_to(page.x(left - gap), page.y(top + overlap));
        c.line_to(page.x(left - gap - tick), page.y(top + overlap));
        c.move_to(page.x(right + gap), page.y(top + overlap));
        c.line_to(page.x(right + gap + tick), page.y(top + overlap));
    }
    c.stroke();
    c.set_dash_pattern([0.0f32; 0], 0.0);
    c.set_fill_gray(ink);
    let mid_x = (left + right) / 2.0;
    let mid_y = (top + bottom) / 2.0;
    // The label clear of the crop mark that rises from the printed area's corner.
    text(
        c,
        BOLD,
        11.0,
        page.x(left + 3.0 * PX_PER_MM),
        page.y(margin / 2.0) - 4.0,
        0.0,
        &sheet_label(col, row),
    );
    let count = format!(
        "{}/{}",
        row * poster.cols + col + 1,
        poster.cols * poster.rows
    );
    text(
        c,
        REGULAR,
        7.0,
        page.x(right),
        page.y(margin / 2.0) - 3.0,
        1.0,
        &count,
    );
    let edge = margin / 2.0;
    let label = sheet_label;
    let neighbours = [
        (row > 0).then(|| (mid_x, edge, 0.5, format!("^ {}", label(col, row - 1)))),
        (row + 1 < poster.rows).then(|| {
            (
                mid_x,
                bottom + edge,
                0.5,
                format!("v {}", label(col, row + 1)),
            )
        }),
        (col > 0).then(|| (PX_PER_MM, mid_y, 0.0, format!("< {}", label(col - 1, row)))),
        (col + 1 < poster.cols).then(|| {
            let x = poster.page_width - PX_PER_MM;
            (x, mid_y, 1.0, format!("{} >", label(col + 1, row)))
        }),
    ];
    for (x, y, align, s) in neighbours.into_iter().flatten() {
        text(c, REGULAR, 7.0, page.x(x), page.y(y) - 2.5, align, &s);
    }
}
