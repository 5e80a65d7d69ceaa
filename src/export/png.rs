//! PNG through resvg: the SVG rasterized on the CPU, the same everywhere, crisp at any scale.
//!
//! A big chart never fails for size: past [`DEFAULT_MAX_SIDE`] the picture is scaled down to fit
//! (and the caller is told), and it is rendered in strips that stream into the PNG encoder, so
//! memory stays bounded whatever the chart's size.

use std::io::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::ExportError;

fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        // egui's own fonts, so the image matches the window and needs no system fonts.
        db.load_font_data(crate::fonts::UBUNTU_LIGHT.to_vec());
        db.load_font_data(crate::fonts::HACK_REGULAR.to_vec());
        db.set_sans_serif_family("Ubuntu");
        Arc::new(db)
    })
    .clone()
}

/// Parses an SVG with the embedded fonts, for rasterizing (PNG) and for PDF.
pub(super) fn parse_tree(svg: &str) -> Result<usvg::Tree, ExportError> {
    let mut options = usvg::Options {
        font_family: "Ubuntu".to_owned(),
        ..Default::default()
    };
    options.fontdb = fontdb();
    usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))
}

/// The longest side a PNG gets unless asked otherwise: many viewers refuse larger images.
pub const DEFAULT_MAX_SIDE: u32 = 16_384;
/// The most pixels rendered at once (a strip of the picture): a million, 4 MB. Smaller strips
/// cost no time here (the culled rendering draws only what reaches into each).
const STRIP_PIXELS: u32 = 1 << 20;
/// The most threads drawing strips while the caller's thread encodes them.
const MAX_DRAWERS: usize = 3;

/// The pixel size of a picture and the scale it is drawn at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    /// Whether the asked scale was lowered to fit the longest side.
    pub fitted: bool,
}

impl Raster {
    /// A picture of `size` CSS pixels at `scale`, scaled down when a side would pass `max_side`.
    pub fn plan(width: f32, height: f32, scale: f32, max_side: u32) -> Raster {
        let max_side = max_side.max(1) as f32;
        let longest = width.max(height) * scale;
        let (scale, fitted) = if longest > max_side {
            (scale * max_side / longest, true)
        } else {
            (scale, false)
        };
        let side = |v: f32| ((v * scale).ceil() as u32).clamp(1, max_side as u32);
        Raster {
            width: side(width),
            height: side(height),
            scale,
            fitted,
        }
    }

    /// What to tell the user when the picture was scaled down.
    pub fn note(&self, max_side: u32) -> Option<String> {
        self.fitted.then(|| {
            format!(
                "scaled to {:.2}× to fit {} px ({} × {} px)",
                self.scale,
                thousands(max_side),
                thousands(self.width),
                thousands(self.height)
            )
        })
    }
}

/// 16384 as "16,384".
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Rasterizes an SVG at `scale` and encodes it as PNG (at most [`DEFAULT_MAX_SIDE`] a side).
pub fn render_png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    render_png_fitted(svg, scale, DEFAULT_MAX_SIDE, false).map(|(bytes, _)| bytes)
}

/// Rasterizes an SVG at `scale`, scaled down to fit `max_side`, strip by strip into a streamed
/// PNG; returns the bytes and the raster actually drawn. An `opaque` picture (one with a page
/// behind it) is written without an alpha channel: a quarter fewer bytes to filter and
/// compress, and a smaller file.
pub fn render_png_fitted(
    svg: &str,
    scale: f32,
    max_side: u32,
    opaque: bool,
) -> Result<(Vec<u8>, Raster), ExportError> {
    let tree = parse_tree(svg)?;
    let size = tree.size();
    let raster = Raster::plan(size.width(), size.height(), scale, max_side);
    let (w, h) = (raster.width, raster.height);
    let render_err = |e: png::EncodingError| ExportError::Render(e.to_string());
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    let (color, channels) = if opaque {
        (png::ColorType::Rgb, 3)
    } else {
        (png::ColorType::Rgba, 4)
    };
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    // fdeflate: several times faster than the default on big charts, files a little larger.
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(render_err)?;
    let mut stream = writer.stream_writer().map_err(render_err)?;
    let strip_h = (STRIP_PIXELS / w).clamp(1, h);
    let strips: Vec<(u32, u32)> = (0..h)
        .step_by(strip_h as usize)
        .map(|top| (top, strip_h.min(h - top)))
        .collect();
    let new_pixmap = || {
        tiny_skia::Pixmap::new(w, strip_h)
            .ok_or_else(|| ExportError::Render(format!("cannot allocate {w}x{strip_h} pixels")))
    };
    let mut write = |pixmap: &tiny_skia::Pixmap, rows: u32| {
        stream
            .write_all(&pixmap.data()[..(w * rows * channels) as usize])
            .map_err(|e| ExportError::Render(e.to_string()))
    };
    // One thread encodes; the other cores draw (a browser has no threads).
    let drawers = std::thread::available_parallelism()
        .map_or(1, |n| usize::from(n).saturating_sub(1))
        .clamp(1, MAX_DRAWERS);
    if cfg!(target_arch = "wasm32") || strips.len() < 2 {
        let mut pixmap = new_pixmap()?;
        for &(top, rows) in &strips {
            draw_strip(&tree, raster, (top, rows), opaque, &mut pixmap);
            write(&pixmap, rows)?;
        }
    } else {
        // Strips are drawn on other threads, each drawer taking every n-th strip with two
        // pixmaps of its own (one drawn while the other is encoded), and encoded here in order,
        // so that drawing and encoding overlap.
        std::thread::scope(|scope| -> Result<(), ExportError> {
            let mut lanes = Vec::with_capacity(drawers);
            for first in 0..drawers {
                let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<tiny_skia::Pixmap>(2);
                let (free_tx, free_rx) = std::sync::mpsc::channel::<tiny_skia::Pixmap>();
                for _ in 0..2 {
                    let _ = free_tx.send(new_pixmap()?);
                }
                let (tree, strips) = (&tree, &strips);
                scope.spawn(move || {
                    for &strip in strips.iter().skip(first).step_by(drawers) {
                        // The encoder stopped (an error): nothing more to draw.
                        let Ok(mut pixmap) = free_rx.recv() else {
                            return;
                        };
                        draw_strip(tree, raster, strip, opaque, &mut pixmap);
                        if done_tx.send(pixmap).is_err() {
                            return;
                        }
                    }
                });
                lanes.push((done_rx, free_tx));
            }
            for (k, &(_, rows)) in strips.iter().enumerate() {
                let (done, free) = &lanes[k % drawers];
                let pixmap = done
                    .recv()
                    .map_err(|_| ExportError::Render("a strip was not drawn".to_owned()))?;
                write(&pixmap, rows)?;
                let _ = free.send(pixmap);
            }
            Ok(())
        })?;
    }
    stream.finish().map_err(render_err)?;
    writer.finish().map_err(render_err)?;
    Ok((out, raster))
}

/// Draws the strip of `rows` rows from `top` into `pixmap`, in straight alpha, or, when
/// `opaque`, as RGB packed at its start.
fn draw_strip(
    tree: &usvg::Tree,
    raster: Raster,
    (top, rows): (u32, u32),
    opaque: bool,
    pixmap: &mut tiny_skia::Pixmap,
) {
    let w = pixmap.width();
    pixmap.fill(tiny_skia::Color::TRANSPARENT);
    let transform = tiny_skia::Transform::from_scale(raster.scale, raster.scale)
        .post_translate(0.0, -(top as f32));
    // The strip in canvas units, with a pixel to spare for anti-aliasing.
    let view = tiny_skia::Rect::from_xywh(
        -1.0 / raster.scale,
        (top as f32 - 1.0) / raster.scale,
        (w as f32 + 2.0) / raster.scale,
        (rows as f32 + 2.0) / raster.scale,
    );
    match view {
        Some(view) => render_culled(tree.root(), view, transform, &mut pixmap.as_mut()),
        None => resvg::render(tree, transform, &mut pixmap.as_mut()),
    }
    // In place: a second strip-sized buffer would be 4 MB more at the peak.
    let strip = &mut pixmap.data_mut()[..(w * rows * 4) as usize];
    if opaque {
        packed_rgb(strip);
    } else {
        straight_alpha(strip);
    }
}

/// Premultiplied RGBA bytes to straight RGB packed at the start, in place and in one pass
/// (front to back: each pixel's three bytes land at or before its four).
fn packed_rgb(rgba: &mut [u8]) {
    for i in 0..rgba.len() / 4 {
        let [r, g, b, _] = straight([
            rgba[4 * i],
            rgba[4 * i + 1],
            rgba[4 * i + 2],
            rgba[4 * i + 3],
        ]);
        rgba[3 * i..3 * i + 3].copy_from_slice(&[r, g, b]);
    }
}

/// Renders the nodes of `group` that reach into `view` (canvas units): a strip of a big chart
/// draws only its own boxes and lines, instead of the whole chart each time.
fn render_culled(
    group: &usvg::Group,
    view: tiny_skia::Rect,
    transform: tiny_skia::Transform,
    pixmap: &mut tiny_skia::PixmapMut,
) {
    for node in group.children() {
        let b = node.abs_stroke_bounding_box();
        let outside = b.right() < view.left()
            || b.left() > view.right()
            || b.bottom() < view.top()
            || b.top() > view.bottom();
        if outside {
            continue;
        }
        match node {
            // A plain group of groups (the chart: one group per body and per line): look at
            // its members one by one.
            usvg::Node::Group(g)
                if !g.should_isolate()
                    && g.transform().is_identity()
                    && g.children()
                        .iter()
                        .all(|c| matches!(c, usvg::Node::Group(_))) =>
            {
                render_culled(g, view, transform, pixmap);
            }
            // Anything else is drawn whole. A group's layer includes its strokes, so even a
            // straight line (a path of no area, which resvg would not draw alone) has one.
            _ => {
                if let Some(layer) = node.abs_layer_bounding_box() {
                    // render_node draws a node from its layer's corner: put it back in place.
                    let at = transform.pre_translate(layer.x(), layer.y());
                    resvg::render_node(node, at, pixmap);
                }
            }
        }
    }
}

/// Rasterizes an SVG at `scale` into straight-alpha RGBA pixels, with the image's width and
/// height (for the clipboard; scaled down past [`DEFAULT_MAX_SIDE`]).
pub fn render_rgba(svg: &str, scale: f32) -> Result<(Vec<u8>, u32, u32), ExportError> {
    let tree = parse_tree(svg)?;
    let size = tree.size();
    let raster = Raster::plan(size.width(), size.height(), scale, DEFAULT_MAX_SIDE);
    let (w, h) = (raster.width, raster.height);
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Render(format!("cannot allocate {w}x{h} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(raster.scale, raster.scale),
        &mut pixmap.as_mut(),
    );
    let mut rgba = pixmap.take();
    straight_alpha(&mut rgba);
    Ok((rgba, w, h))
}

/// Premultiplied RGBA bytes to straight alpha, in place, as tiny-skia demultiplies them (the
/// background is mostly opaque, and an opaque pixel is left as it is).
fn straight_alpha(rgba: &mut [u8]) {
    for px in rgba.chunks_exact_mut(4) {
        let s = straight([px[0], px[1], px[2], px[3]]);
        px.copy_from_slice(&s);
    }
}

/// One premultiplied pixel in straight alpha, as tiny-skia demultiplies it; an opaque pixel,
/// or one that is not premultiplied (which tiny-skia never draws), as it is.
fn straight(px: [u8; 4]) -> [u8; 4] {
    if px[3] == u8::MAX {
        return px;
    }
    tiny_skia::PremultipliedColorU8::from_rgba(px[0], px[1], px[2], px[3])
        .map(|p| p.demultiply())
        .map_or(px, |c| [c.red(), c.green(), c.blue(), c.alpha()])
}

/// Encodes straight-alpha RGBA pixels as PNG.
pub fn encode_png(rgba: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(rgba, w, h, image::ExtendedColorType::Rgba8)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(out)
}

use image::ImageEncoder as _;

#[cfg(test)]
mod tests {
    use super::{packed_rgb, straight_alpha};

    /// A transparent picture's edges are half-covered pixels: their colour must come out whole
    /// (a premultiplied 2, 3, 5 at alpha 40 is 13, 19, 32), and opaque and empty pixels as they were.
    #[test]
    fn premultiplied_pixels_become_straight_in_place() {
        let mut rgba = [2, 3, 5, 40, 10, 20, 30, 255, 0, 0, 0, 0, 128, 0, 64, 128];
        straight_alpha(&mut rgba);
        assert_eq!(
            rgba,
            [13, 19, 32, 40, 10, 20, 30, 255, 0, 0, 0, 0, 255, 0, 128, 128]
        );
    }

    /// An opaque picture's pixels become three bytes each, in order, at the buffer's start; a
    /// half-covered edge pixel keeps its colour, as in the RGBA picture.
    #[test]
    fn opaque_pixels_are_packed_as_rgb_in_place() {
        let mut rgba = [10, 20, 30, 255, 2, 3, 5, 40, 0, 0, 0, 0, 128, 0, 64, 128];
        packed_rgb(&mut rgba);
        assert_eq!(rgba[..12], [10, 20, 30, 13, 19, 32, 0, 0, 0, 255, 0, 128]);
    }
}
