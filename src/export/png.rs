//! PNG through resvg: the SVG rasterized on the CPU, the same everywhere, crisp at any scale.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::ExportError;

fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        // egui's own fonts, so the image matches the window and needs no system fonts.
        db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
        db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
        db.set_sans_serif_family("Ubuntu");
        Arc::new(db)
    })
    .clone()
}

/// The largest image we agree to render, in pixels per side.
pub const MAX_SIDE: u32 = 32_000;

/// Rasterizes an SVG at `scale` (1 to 4 is usual) and encodes it as PNG.
pub fn render_png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let (rgba, w, h) = render_rgba(svg, scale)?;
    encode_png(&rgba, w, h)
}

/// Rasterizes an SVG at `scale` into straight-alpha RGBA pixels, with the image's width and height.
pub fn render_rgba(svg: &str, scale: f32) -> Result<(Vec<u8>, u32, u32), ExportError> {
    let mut options = usvg::Options {
        font_family: "Ubuntu".to_owned(),
        ..Default::default()
    };
    options.fontdb = fontdb();
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(ExportError::Render(format!(
            "an image of {w}x{h} pixels is out of range (at most {MAX_SIDE} per side); lower the scale"
        )));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Render(format!("cannot allocate {w}x{h} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // Premultiplied to straight alpha (the background is opaque, so this is nearly a copy).
    let mut rgba = Vec::with_capacity((w * h * 4) as usize);
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    Ok((rgba, w, h))
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
