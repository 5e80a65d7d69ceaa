//! Body kinds and relation kinds: declared by the atlas (`kinds`, `relation_kinds`), or the
//! CSTO's own when it declares none, so that a minimal file still works.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Atlas, Name};

/// A kind of body as an atlas declares it: `Kind(id: "principal_organ", name: "Principal organ",
/// plural: "Principal organs", colour: "#1f5fa8")`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Kind", deny_unknown_fields)]
pub struct KindDef {
    /// Lowercase letters, digits, `_` and `-`: used in `--kind`, JSON and SVG classes.
    pub id: String,
    pub name: String,
    /// The heading of a group of such bodies; `name` when absent.
    #[serde(default)]
    pub plural: Option<String>,
    /// `#rrggbb` for the light theme; a colour-blind-safe palette fills in when absent.
    #[serde(default)]
    pub colour: Option<String>,
    /// The kind's names in other languages: `{"ru": Name(name: "…", plural: Some("…"))}`.
    #[serde(default)]
    pub names: BTreeMap<String, Name>,
}

/// A kind of relation as an atlas declares it: `RelationKind(id: "reports_to", name: "reports
/// to", colour: "#c0392b", dash: "dashed")`. The name reads "A <name> B".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "RelationKind", deny_unknown_fields)]
pub struct RelationKindDef {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub dash: Dash,
    #[serde(default)]
    pub names: BTreeMap<String, Name>,
}

/// How a relation kind's lines are dashed: written `"solid"`, `"dashed"`, `"dotted"` or
/// `"dash_dot"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Dash {
    Solid,
    #[default]
    Dashed,
    Dotted,
    DashDot,
}

impl Dash {
    pub const ALL: [Dash; 4] = [Dash::Solid, Dash::Dashed, Dash::Dotted, Dash::DashDot];

    /// The word an atlas file uses.
    pub fn key(self) -> &'static str {
        match self {
            Dash::Solid => "solid",
            Dash::Dashed => "dashed",
            Dash::Dotted => "dotted",
            Dash::DashDot => "dash_dot",
        }
    }
}

impl TryFrom<String> for Dash {
    type Error = String;

    fn try_from(text: String) -> Result<Dash, String> {
        let key = text.replace('-', "_");
        Dash::ALL
            .into_iter()
            .find(|d| d.key() == key)
            .ok_or_else(|| {
                format!(
                    "unknown dash {text:?}: one of \"solid\", \"dashed\", \"dotted\", \"dash_dot\""
                )
            })
    }
}

impl From<Dash> for String {
    fn from(d: Dash) -> String {
        d.key().to_owned()
    }
}

/// A body kind, by its place in the atlas's [`Kinds`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BodyKind(pub u16);

/// A relation kind, by its place in the atlas's [`Kinds`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelationKind(pub u16);

/// The kinds an atlas uses, in declaration order, each with its colour resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Kinds {
    bodies: Vec<KindDef>,
    relations: Vec<RelationKindDef>,
    body_rgb: Vec<[u8; 3]>,
    relation_rgb: Vec<[u8; 3]>,
}

/// Fill-in colours of body kinds, for atlases and sheets that declare none: twelve, any two
/// of whose outlines differ by a CIEDE2000 of at least 15 in both themes (19.2 when chosen, by
/// a search over CIELAB at lightness 13–56), dark enough to outline a pale box.
const BODY_PALETTE: [u32; 12] = [
    0x2c72ea, 0x179c0e, 0xaf7e0f, 0xc13cc0, 0x00839a, 0xe32c33, 0x61301c, 0x212121, 0x29745d,
    0x7d013f, 0x423663, 0x3a4110,
];

/// The one colour of kinds past [`BODY_PALETTE`] that declare none.
const OTHER_KINDS: u32 = 0x6b6b6b;

/// Fill-in colours of relation kinds: Okabe–Ito, with crimson for its sky blue (which the dark
/// theme's lightening brings within CIEDE2000 18 of its blue); any two stay ≥ 20 apart in both
/// themes.
const RELATION_PALETTE: [u32; 8] = [
    0xd55e00, 0x0072b2, 0xcc79a7, 0x009e73, 0xe69f00, 0xc52a3a, 0x111111, 0x7a5c00,
];

impl Kinds {
    /// The atlas's kinds, or the built-in ones where it declares none.
    pub fn of(atlas: &Atlas) -> Kinds {
        let bodies = if atlas.kinds.is_empty() {
            builtin_kinds()
        } else {
            atlas.kinds.clone()
        };
        let relations = if atlas.relation_kinds.is_empty() {
            builtin_relation_kinds()
        } else {
            atlas.relation_kinds.clone()
        };
        let resolve = |colour: &Option<String>, i: usize, palette: &[u32]| {
            colour
                .as_deref()
                .and_then(parse_colour)
                .unwrap_or_else(|| rgb(palette[i % palette.len()]))
        };
        // Past the palette, kinds share one grey: the legend names them together ("other
        // kinds") rather than let two kinds look alike.
        let body = |(i, k): (usize, &KindDef)| match i < BODY_PALETTE.len() {
            true => resolve(&k.colour, i, &BODY_PALETTE),
            false => k
                .colour
                .as_deref()
                .and_then(parse_colour)
                .unwrap_or(rgb(OTHER_KINDS)),
        };
        Kinds {
            body_rgb: bodies.iter().enumerate().map(body).collect(),
            relation_rgb: (relations.iter().enumerate())
                .map(|(i, k)| resolve(&k.colour, i, &RELATION_PALETTE))
                .collect(),
            bodies,
            relations,
        }
    }

    /// True for a kind past the palette's colours that declares none of its own: drawn in
    /// the grey of "other kinds".
    pub fn is_other(&self, k: BodyKind) -> bool {
        let i = usize::from(k.0);
        i >= BODY_PALETTE.len() && self.bodies.get(i).is_some_and(|d| d.colour.is_none())
    }

    pub fn body(&self, k: BodyKind) -> &KindDef {
        &self.bodies[usize::from(k.0).min(self.bodies.len() - 1)]
    }

    pub fn relation(&self, k: RelationKind) -> &RelationKindDef {
        &self.relations[usize::from(k.0).min(self.relations.len() - 1)]
    }

    /// Every body kind, in declaration order.
    pub fn body_kinds(&self) -> impl ExactSizeIterator<Item = BodyKind> + Clone {
        (0..self.bodies.len() as u16).map(BodyKind)
    }

    /// Every relation kind, in declaration order.
    pub fn relation_kinds(&self) -> impl ExactSizeIterator<Item = RelationKind> + Clone {
        (0..self.relations.len() as u16).map(RelationKind)
    }

    /// The body kind with this id; `-` and `_` are interchangeable.
    pub fn body_kind(&self, id: &str) -> Option<BodyKind> {
        position(self.bodies.iter().map(|k| k.id.as_str()), id).map(|i| BodyKind(i as u16))
    }

    /// The relation kind with this id; `-` and `_` are interchangeable.
    pub fn relation_kind(&self, id: &str) -> Option<RelationKind> {
        position(self.relations.iter().map(|k| k.id.as_str()), id).map(|i| RelationKind(i as u16))
    }

    /// The light-theme colour of a body kind.
    pub fn body_rgb(&self, k: BodyKind) -> [u8; 3] {
        self.body_rgb[usize::from(k.0).min(self.body_rgb.len() - 1)]
    }

    /// The light-theme colour of a relation kind.
    pub fn relation_rgb(&self, k: RelationKind) -> [u8; 3] {
        self.relation_rgb[usize::from(k.0).min(self.relation_rgb.len() - 1)]
    }

    /// A body kind's name in `lang` where the atlas gives one, else its name.
    pub fn name_in(&self, k: BodyKind, lang: Option<&str>) -> &str {
        let def = self.body(k);
        in_lang(&def.names, lang).map_or(def.name.as_str(), |n| n.name.as_str())
    }

    /// A body kind's plural (a group heading) in `lang`, falling back as `name_in` does.
    pub fn plural_in(&self, k: BodyKind, lang: Option<&str>) -> &str {
        let def = self.body(k);
        match in_lang(&def.names, lang) {
            Some(n) => n.plural.as_deref().unwrap_or(&n.name),
            None => def.plural.as_deref().unwrap_or(&def.name),
        }
    }

    /// A relation kind's name in `lang` ("A <name> B").
    pub fn relation_name_in(&self, k: RelationKind, lang: Option<&str>) -> &str {
        let def = self.relation(k);
        in_lang(&def.names, lang).map_or(def.name.as_str(), |n| n.name.as_str())
    }
}

fn in_lang<'a>(names: &'a BTreeMap<String, Name>, lang: Option<&str>) -> Option<&'a Name> {
    names.get(lang.filter(|l| *l != "en")?)
}

fn position<'a>(mut ids: impl Iterator<Item = &'a str>, id: &str) -> Option<usize> {
    let norm = |s: &str| s.replace('-', "_");
    let wanted = norm(id);
    ids.position(|k| k == id || norm(k) == wanted)
}

/// `#rrggbb` as three bytes.
pub fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok().map(rgb)
}

/// Whether `id` may name a kind: lowercase ASCII letters, digits, `_` and `-`, not empty.
pub fn valid_kind_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn rgb(v: u32) -> [u8; 3] {
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

fn kind(id: &str, name: &str, plural: &str, colour: &str) -> KindDef {
    KindDef {
        id: id.into(),
        name: name.into(),
        plural: Some(plural.into()),
        colour: Some(colour.into()),
        names: BTreeMap::new(),
    }
}

/// The CSTO's kinds of body, for an atlas that declares none, with the CSTO atlas's colours.
pub fn builtin_kinds() -> Vec<KindDef> {
    vec![
        kind("statutory", "Statutory body", "Statutory bodies", "#2b5c9e"),
        kind(
            "permanent_working",
            "Permanent working body",
            "Permanent working bodies",
            "#2e7d32",
        ),
        kind(
            "subsidiary",
            "Subsidiary body",
            "Subsidiary bodies",
            "#a86400",
        ),
        kind("official", "Official", "Officials", "#6a3d9a"),
    ]
}

/// The CSTO's kinds of relation, for an atlas that declares none, with the colours and dashes of
/// the CSTO atlas.
pub fn builtin_relation_kinds() -> Vec<RelationKindDef> {
    let k = |id: &str, name: &str, colour: &str, dash| RelationKindDef {
        id: id.into(),
        name: name.into(),
        colour: Some(colour.into()),
        dash,
        names: BTreeMap::new(),
    };
    vec![
        k("accountable_to", "accountable to", "#d55e00", Dash::Dashed),
        k("administers", "administers", "#cc79a7", Dash::Dashed),
        k("appoints", "appoints", "#0072b2", Dash::Dashed),
        k(
            "created_by_decision_of",
            "created by decision of",
            "#7a5c00",
            Dash::Dotted,
        ),
        k(
            "prepares_proposals_for",
            "prepares proposals for",
            "#009e73",
            Dash::DashDot,
        ),
        k("recommends", "recommends", "#e69f00", Dash::DashDot),
        k("coordinates", "coordinates", "#c52a3a", Dash::Dotted),
        k("organises", "organises", "#6a3d9a", Dash::Dotted),
        k("works_with", "works with", "#111111", Dash::Dotted),
    ]
}
