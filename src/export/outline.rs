//! Text in the SVG: the glyph outlines the PNG writer draws, shaped by the same engine from the
//! same embedded font, so that any renderer shows what the PNG shows, under an invisible `<text>`
//! copy that a browser selects, copies and finds; or (`--text-as-fonts`, and inside the PDF,
//! which embeds the font) a `<text>` element in the named fonts.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Mutex, OnceLock};

use egui::Color32;
use resvg::tiny_skia::{self, PathSegment};
use resvg::usvg;

use super::markup::{color, escape};

/// One line of text in the picture.
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    pub text: &'a str,
    /// The start of the baseline (its middle with `centred`).
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub fill: Color32,
    pub centred: bool,
    /// The element's class, if any.
    pub class: Option<&'a str>,
}

/// How text is written.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TextForm {
    /// As outlines rather than `<text>`.
    pub as_paths: bool,
    /// With a hairline of its own colour around each glyph: Ubuntu Light prints faint, and
    /// this gives it about the weight of a regular face while every width stays as measured.
    pub for_print: bool,
}

/// The hairline's width in CSS pixels, per pixel of font size.
const PRINT_STROKE: f32 = 0.022;

/// Writes a line of text as `<text>`, or as one `<path>` of its outlines with the text as its
/// `<title>` (read aloud) followed by the same text, invisible (selected, copied and found).
pub fn write(s: &mut String, line: &Line, form: TextForm) {
    let as_paths = form.as_paths;
    let stroke = if form.for_print {
        format!(
            r#" stroke="{}" stroke-width="{:.2}" stroke-linejoin="round""#,
            color(line.fill),
            line.size * PRINT_STROKE
        )
    } else {
        String::new()
    };
    let class = line
        .class
        .map(|c| format!(r#" class="{c}""#))
        .unwrap_or_default();
    let anchor = if line.centred {
        r#" text-anchor="middle""#
    } else {
        ""
    };
    // Positions to a tenth of a point, the same in both forms. Outlines are shaped at the
    // position's fraction of a pixel (so they fall on the pixel grid as the PNG's text does)
    // and moved by whole pixels (so a repeated word at another place is shaped once).
    let (x, y) = (
        (line.x * 10.0).round() / 10.0,
        (line.y * 10.0).round() / 10.0,
    );
    let (whole_x, whole_y) = (x.floor(), y.floor());
    let d = as_paths.then(|| {
        outline(
            line.text,
            line.size,
            line.centred,
            (x - whole_x, y - whole_y),
        )
    });
    let paint = match d {
        Some(Some(d)) => {
            let _ = writeln!(
                s,
                r#"<path{class} fill="{}"{stroke} d="{}"><title>{}</title></path>"#,
                color(line.fill),
                path_data(&d, whole_x, whole_y),
                escape(line.text)
            );
            // The text above its outlines: where the font is missing it would be drawn wider,
            // but drawn it is not.
            r#" fill-opacity="0""#.to_owned()
        }
        // Nothing to draw (spaces only), or the text could not be shaped: keep it as text.
        _ => format!(r#" fill="{}"{stroke}"#, color(line.fill)),
    };
    let _ = writeln!(
        s,
        r#"<text{class} x="{x}" y="{y}" font-size="{}"{anchor}{paint}>{}</text>"#,
        line.size,
        escape(line.text)
    );
}

/// The outlines of `text` at `size` with its baseline's start (or middle) at `at` (within a
/// pixel of the origin), as a path's `d`; cached, since a chart repeats its words.
fn outline(text: &str, size: f32, centred: bool, at: (f32, f32)) -> Option<tiny_skia::Path> {
    type Key = (String, u32, bool, u32, u32);
    type Cache = Mutex<HashMap<Key, Option<tiny_skia::Path>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = (
        text.to_owned(),
        size.to_bits(),
        centred,
        at.0.to_bits(),
        at.1.to_bits(),
    );
    let cache = CACHE.get_or_init(Default::default);
    if let Some(d) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return d;
    }
    let d = shape(text, size, centred, at);
    if let Ok(mut c) = cache.lock() {
        // A bound, so that exporting many large charts does not grow without end.
        if c.len() > 20_000 {
            c.clear();
        }
        c.insert(key, d.clone());
    }
    d
}

fn shape(text: &str, size: f32, centred: bool, at: (f32, f32)) -> Option<tiny_skia::Path> {
    let anchor = if centred { "middle" } else { "start" };
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="{}" y="{}" font-size="{size}" text-anchor="{anchor}" font-family="{}">{}</text></svg>"#,
        at.0,
        at.1,
        super::markup::FONT_FAMILY,
        escape(text)
    );
    let tree = super::png::parse_tree(&svg).ok()?;
    let mut builder = tiny_skia::PathBuilder::new();
    for node in tree.root().children() {
        if let usvg::Node::Text(t) = node {
            let group = t.flattened();
            collect(&mut builder, group, group.transform());
        }
    }
    builder.finish()
}

/// Adds the outlines of a group's paths, moved by the groups' transforms, to one path.
fn collect(builder: &mut tiny_skia::PathBuilder, group: &usvg::Group, ts: tiny_skia::Transform) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect(builder, g, ts.pre_concat(g.transform())),
            usvg::Node::Path(p) => {
                if let Some(path) = p.data().clone().transform(ts) {
                    builder.push_path(&path);
                }
            }
            _ => {}
        }
    }
}

/// A path's `d` moved by whole pixels. Coordinates are rounded to a thousandth (coarser ones
/// shift the anti-aliasing visibly) and written relative to the point before, each from the
/// rounded point, so no error accumulates and the file stays a third smaller.
fn path_data(path: &tiny_skia::Path, dx: f32, dy: f32) -> String {
    let mut d = String::new();
    let round = |v: f32| (f64::from(v) * 1000.0).round() as i64;
    let mut at = (0i64, 0i64);
    let mut start = (0i64, 0i64);
    let rel = |d: &mut String, q: tiny_skia::Point, at: &mut (i64, i64), move_on: bool| {
        let p = (round(q.x + dx), round(q.y + dy));
        push_thousandths(d, p.0 - at.0);
        d.push(' ');
        push_thousandths(d, p.1 - at.1);
        d.push(' ');
        if move_on {
            *at = p;
        }
    };
    for seg in path.segments() {
        match seg {
            PathSegment::MoveTo(a) => {
                d.push('m');
                rel(&mut d, a, &mut at, true);
                start = at;
            }
            PathSegment::LineTo(a) => {
                d.push('l');
                rel(&mut d, a, &mut at, true);
            }
            PathSegment::QuadTo(a, b) => {
                d.push('q');
                rel(&mut d, a, &mut at, false);
                rel(&mut d, b, &mut at, true);
            }
            PathSegment::CubicTo(a, b, c) => {
                d.push('c');
                rel(&mut d, a, &mut at, false);
                rel(&mut d, b, &mut at, false);
                rel(&mut d, c, &mut at, true);
            }
            PathSegment::Close => {
                d.push('z');
                at = start;
            }
        }
    }
    d.truncate(d.trim_end().len());
    d
}

/// Writes a number of thousandths as "12.345", without trailing zeros ("-0.5", "3"): written
/// digit by digit, since a big chart's outlines hold millions of them.
fn push_thousandths(d: &mut String, v: i64) {
    // Right to left into a buffer: sign, up to 19 digits, a point and three places.
    let mut buf = [0u8; 24];
    let mut at = buf.len();
    let (int, frac) = (v.unsigned_abs() / 1000, v.unsigned_abs() % 1000);
    if frac != 0 {
        let mut places = frac;
        let mut shown = 3;
        while places % 10 == 0 {
            places /= 10;
            shown -= 1;
        }
        for _ in 0..shown {
            at -= 1;
            buf[at] = b'0' + (places % 10) as u8;
            places /= 10;
        }
        at -= 1;
        buf[at] = b'.';
    }
    let mut rest = int;
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if v < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    d.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::push_thousandths;

    /// Path coordinates read as the thousandths they are, with no trailing zeros or point.
    #[test]
    fn thousandths_are_written_as_short_decimals() {
        let cases = [
            (0, "0"),
            (5, "0.005"),
            (-500, "-0.5"),
            (1000, "1"),
            (-1, "-0.001"),
            (12_340, "12.34"),
            (-123_456_789, "-123456.789"),
            (i64::MIN + 1, "-9223372036854775.807"),
        ];
        for (v, text) in cases {
            let mut d = String::from("m");
            push_thousandths(&mut d, v);
            assert_eq!(d, format!("m{text}"), "{v}");
        }
    }
}
