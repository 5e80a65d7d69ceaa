//! Every colour and dash pattern of the chart, in one table per theme. The window, the legend and
//! every export read them here, so a picture and the screen always agree.

use egui::Color32;
pub use egui::Theme;

use crate::model::{BodyKind, RelationKind};

/// How a kind's boxes are outlined, so that kinds stay apart without colour (in a greyscale
/// print, or for a reader who cannot tell the fills apart): a heavy or light border, rounded or
/// square corners.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindOutline {
    pub width: f32,
    /// Corner radius in points.
    pub radius: f32,
}

/// The outline of a kind's boxes; every two kinds differ in weight or corners.
pub fn kind_outline(kind: BodyKind) -> KindOutline {
    let (width, radius) = match kind {
        BodyKind::Statutory => (2.6, 7.0),
        BodyKind::PermanentWorking => (1.2, 7.0),
        BodyKind::Subsidiary => (1.2, 0.0),
        BodyKind::Official => (2.6, 0.0),
    };
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

    /// Fill and outline of a body box of this kind.
    pub fn kind(&self, kind: BodyKind) -> (Color32, Color32) {
        let (light_fill, dark_fill, light_accent, dark_accent) = match kind {
            BodyKind::Statutory => (0xdbe7f7, 0x1f3a5c, 0x2b5c9e, 0x82b2f0),
            BodyKind::PermanentWorking => (0xdcf0de, 0x1e3f26, 0x2e7d32, 0x86c98a),
            BodyKind::Subsidiary => (0xfbeed6, 0x47361a, 0xa86400, 0xffb74d),
            BodyKind::Official => (0xece2f6, 0x3a2a4d, 0x6a3d9a, 0xc39be6),
        };
        match self.theme {
            Theme::Light => (hex(light_fill), hex(light_accent)),
            Theme::Dark => (hex(dark_fill), hex(dark_accent)),
        }
    }

    /// The colour of a relation kind's lines: the Okabe–Ito colour-blind-safe palette, widened
    /// to nine; every two kinds differ by a CIE76 ΔE of at least 20 in both themes (a test
    /// checks it).
    pub fn relation(&self, kind: RelationKind) -> Color32 {
        let (light, dark) = match kind {
            RelationKind::AccountableTo => (0xd55e00, 0xff7f3f),
            RelationKind::Appoints => (0x0072b2, 0x3d9be9),
            RelationKind::Administers => (0xcc79a7, 0xf0a0c8),
            RelationKind::CreatedByDecisionOf => (0x7a5c00, 0xc8a040),
            RelationKind::PreparesProposalsFor => (0x009e73, 0x2fd09a),
            RelationKind::Recommends => (0xe69f00, 0xffc640),
            RelationKind::Coordinates => (0x56b4e9, 0x9ad8ff),
            RelationKind::Organises => (0x6a3d9a, 0xb58cf0),
            RelationKind::WorksWith => (0x111111, 0xf0f0f0),
        };
        match self.theme {
            Theme::Light => hex(light),
            Theme::Dark => hex(dark),
        }
    }

    /// Blends a colour three quarters of the way into the background (filtered, in showcase).
    pub fn fade(&self, c: Color32) -> Color32 {
        mix(c, self.background, 0.75)
    }
}

/// The families of relation kinds: kinds of one family share a dash pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// Accountable to, appoints, administers.
    Command,
    /// Prepares proposals for, recommends.
    Advice,
    /// Coordinates, organises, works with.
    Cooperation,
    /// Created by decision of.
    Origin,
}

pub fn family(kind: RelationKind) -> Family {
    match kind {
        RelationKind::AccountableTo | RelationKind::Appoints | RelationKind::Administers => {
            Family::Command
        }
        RelationKind::PreparesProposalsFor | RelationKind::Recommends => Family::Advice,
        RelationKind::Coordinates | RelationKind::Organises | RelationKind::WorksWith => {
            Family::Cooperation
        }
        RelationKind::CreatedByDecisionOf => Family::Origin,
    }
}

/// How a relation kind is dashed, by family: (dash, gap) in chart units.
pub fn relation_dash(kind: RelationKind) -> (f32, f32) {
    match family(kind) {
        Family::Command => (10.0, 3.0),
        Family::Advice => (5.0, 4.0),
        Family::Cooperation => (2.0, 3.0),
        Family::Origin => (1.0, 6.0),
    }
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
