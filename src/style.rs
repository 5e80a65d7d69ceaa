//! Every colour and dash pattern of the chart, in one table per theme. The window, the legend and
//! every export read them here, so a picture and the screen always agree.

use egui::Color32;
pub use egui::Theme;

use crate::model::{BodyKind, Dash, Kinds, RelationKind};

/// How a kind's boxes are outlined, so that kinds stay apart without colour (in a greyscale
/// print, or for a reader who cannot tell the fills apart): a heavy or light border, rounded or
/// square corners.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindOutline {
    pub width: f32,
    /// Corner radius in points.
    pub radius: f32,
}

/// The outline of a kind's boxes: the first four kinds differ in weight or corners (a fifth
/// repeats the first).
pub fn kind_outline(kind: BodyKind) -> KindOutline {
    const OUTLINES: [(f32, f32); 4] = [(2.6, 7.0), (1.2, 7.0), (1.2, 0.0), (2.6, 0.0)];
    let (width, radius) = OUTLINES[usize::from(kind.0) % OUTLINES.len()];
    KindOutline { width, radius }
}

/// The fixed colours of one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub theme: Theme,
    pub background: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    /// Reporting lines of the hierarchy.
    pub tree_edge: Color32,
    /// The selection, its path to the apex, search matches and highlighted bodies.
    pub selection: Color32,
}

impl Palette {
    pub fn of(theme: Theme) -> Palette {
        match theme {
            Theme::Light => Palette {
                theme,
                background: hex(0xf7f7f5),
                text: hex(0x1a1a1a),
                weak_text: hex(0x555555),
                tree_edge: hex(0x6b6b6b),
                selection: hex(0xe67e00),
            },
            Theme::Dark => Palette {
                theme,
                background: hex(0x1b1d21),
                text: hex(0xeeeeee),
                weak_text: hex(0xb0b0b0),
                tree_edge: hex(0x9a9a9a),
                selection: hex(0xffc107),
            },
        }
    }

    /// Fill and outline of a body box of this kind: the declared colour outlines it in the
    /// light theme; the fill and the dark theme's colours are derived from it.
    pub fn kind(&self, kinds: &Kinds, kind: BodyKind) -> (Color32, Color32) {
        let c = kinds.body_rgb(kind);
        derived((c, self.theme, Use::Box), || {
            let [l, a, b] = lab(c);
            match self.theme {
                Theme::Light => (from_lab([92.0, a * 0.22, b * 0.22]), rgb(c)),
                Theme::Dark => {
                    // Light enough for the short names drawn in it on the dark fill.
                    let accent = 65.0 + (l.max(100.0 - l) - 50.0) * 0.6;
                    (
                        from_lab([24.0, a * 0.45, b * 0.45]),
                        from_lab([accent, a, b]),
                    )
                }
            }
        })
    }

    /// The colour of a relation kind's lines: as declared in the light theme, with its
    /// lightness turned for the dark background in the dark theme (hue and chroma kept).
    pub fn relation(&self, kinds: &Kinds, kind: RelationKind) -> Color32 {
        let c = kinds.relation_rgb(kind);
        let line = || match self.theme {
            Theme::Light => rgb(c),
            Theme::Dark => {
                let [l, a, b] = lab(c);
                from_lab([dark_l(l), a, b])
            }
        };
        derived((c, self.theme, Use::Line), || {
            let l = line();
            (l, l)
        })
        .0
    }

    /// `c` as text on this theme's background: its lightness moved (hue kept) until the
    /// contrast reaches WCAG AA's 4.5:1.
    pub fn readable(&self, c: Color32) -> Color32 {
        derived(([c.r(), c.g(), c.b()], self.theme, Use::Text), || {
            let [l, a, b] = lab([c.r(), c.g(), c.b()]);
            let step = if self.theme == Theme::Dark { 2.0 } else { -2.0 };
            let mut l = l;
            let mut out = c;
            for _ in 0..50 {
                if contrast(out, self.background) >= 4.5 {
                    break;
                }
                l = (l + step).clamp(0.0, 100.0);
                out = from_lab([l, a, b]);
            }
            (out, out)
        })
        .0
    }

    /// Blends a colour three quarters of the way into the background (filtered, in showcase).
    pub fn fade(&self, c: Color32) -> Color32 {
        mix(c, self.background, 0.75)
    }
}

/// What a derived colour is for: part of the cache's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Use {
    /// A box's fill and outline.
    Box,
    /// A relation's lines.
    Line,
    /// Text on the background.
    Text,
}

/// A derived colour pair by (colour, theme, use), computed once: the CIELAB round trip costs far
/// more than a lookup, and every box of a chart asks for its pair on each restyle, the overview
/// and the relation labels on each frame.
fn derived(
    key: ([u8; 3], Theme, Use),
    compute: impl FnOnce() -> (Color32, Color32),
) -> (Color32, Color32) {
    type Cache = std::collections::HashMap<([u8; 3], Theme, Use), (Color32, Color32)>;
    thread_local! {
        static DERIVED: std::cell::RefCell<Cache> = std::cell::RefCell::default();
    }
    if let Some(hit) = DERIVED.with(|c| c.borrow().get(&key).copied()) {
        return hit;
    }
    let value = compute();
    DERIVED.with(|c| c.borrow_mut().insert(key, value));
    value
}

/// How a relation kind is dashed: `[dash, gap, dash, gap]` in chart units, `None` when solid.
pub fn relation_dash(dash: Dash) -> Option<[f32; 4]> {
    match dash {
        Dash::Solid => None,
        Dash::Dashed => Some([10.0, 3.0, 10.0, 3.0]),
        Dash::Dotted => Some([2.0, 3.0, 2.0, 3.0]),
        Dash::DashDot => Some([9.0, 3.0, 2.0, 3.0]),
    }
}

/// The dark theme's lightness for a line of lightness `l`: near-black turns near-white, colours
/// below 52 are lifted towards it (keeping most of their spread from lighter ones), the rest
/// stay: readable on the dark background, and as far apart as in the light theme.
fn dark_l(l: f32) -> f32 {
    const FLOOR: f32 = 52.0;
    if l < 25.0 {
        100.0 - l
    } else if l < FLOOR {
        FLOOR - (FLOOR - l) * 0.35
    } else {
        l
    }
}

const WHITE_XYZ: [f32; 3] = [0.950_47, 1.0, 1.088_83];

/// An sRGB channel as linear light (0 to 1).
fn linear(v: u8) -> f32 {
    let v = v as f32 / 255.0;
    if v <= 0.040_45 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// sRGB to CIELAB (D65).
pub fn lab(c: [u8; 3]) -> [f32; 3] {
    let (r, g, b) = (linear(c[0]), linear(c[1]), linear(c[2]));
    let xyz = [
        0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b,
        0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b,
        0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b,
    ];
    let f = |t: f32| {
        if t > 0.008_856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let [x, y, z] = [0, 1, 2].map(|i| f(xyz[i] / WHITE_XYZ[i]));
    [116.0 * y - 16.0, 500.0 * (x - y), 200.0 * (y - z)]
}

/// CIELAB (D65) to sRGB, clamped to the gamut.
pub fn from_lab([l, a, b]: [f32; 3]) -> Color32 {
    let y = (l + 16.0) / 116.0;
    let (x, z) = (y + a / 500.0, y - b / 200.0);
    let finv = |t: f32| {
        if t.powi(3) > 0.008_856 {
            t.powi(3)
        } else {
            (t - 16.0 / 116.0) / 7.787
        }
    };
    let [x, y, z] = [finv(x), finv(y), finv(z)];
    let [x, y, z] = [x * WHITE_XYZ[0], y * WHITE_XYZ[1], z * WHITE_XYZ[2]];
    let r = 3.240_454_2 * x - 1.537_138_5 * y - 0.498_531_4 * z;
    let g = -0.969_266 * x + 1.876_010_8 * y + 0.041_556 * z;
    let bl = 0.055_643_4 * x - 0.204_025_9 * y + 1.057_225_2 * z;
    let gamma = |v: f32| {
        let v = v.clamp(0.0, 1.0);
        let v = if v <= 0.003_130_8 {
            12.92 * v
        } else {
            1.055 * v.powf(1.0 / 2.4) - 0.055
        };
        (v * 255.0).round() as u8
    };
    Color32::from_rgb(gamma(r), gamma(g), gamma(bl))
}

/// The WCAG 2 contrast ratio between two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let lum = |c: Color32| 0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b());
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Text on `fill`: white or near-black, whichever contrasts more.
pub fn on(fill: Color32) -> Color32 {
    let dark = Color32::from_rgb(0x1a, 0x1a, 0x1a);
    if contrast(Color32::WHITE, fill) >= contrast(dark, fill) {
        Color32::WHITE
    } else {
        dark
    }
}

/// The CIE76 colour difference ΔE between two colours.
pub fn delta_e(a: Color32, b: Color32) -> f32 {
    let (a, b) = (lab([a.r(), a.g(), a.b()]), lab([b.r(), b.g(), b.b()]));
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

fn rgb([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// `a` moved a fraction `t` of the way towards `b`.
pub fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (x as f32 * (1.0 - t) + y as f32 * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}

/// `#rrggbb`, as SVG and DOT write colours.
pub fn css(c: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

fn hex(rgb: u32) -> Color32 {
    Color32::from_rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

/// The key used in file names and on the command line.
pub fn theme_key(theme: Theme) -> &'static str {
    match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}
