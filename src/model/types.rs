//! Plain serde types of an atlas file. No egui, no I/O.

use serde::{Deserialize, Serialize};

/// A whole atlas: one organization's bodies, the documents behind them and the sources of every claim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Atlas {
    pub meta: Meta,
    /// The kinds of body; the CSTO's when empty.
    #[serde(default)]
    pub kinds: Vec<super::KindDef>,
    /// The kinds of relation; the CSTO's when empty.
    #[serde(default)]
    pub relation_kinds: Vec<super::RelationKindDef>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub documents: Vec<Document>,
    pub bodies: Vec<Body>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// Dated happenings: sessions that decided something, deployments, protocols, statements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
}

/// A dated happening that concerns bodies or member states: a session that decided something, a
/// decision that created or reshaped a body, a deployment, a protocol, a statement on membership.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// The bodies it concerns (ids).
    #[serde(default)]
    pub bodies: Vec<String>,
    /// The member states it concerns (ids).
    #[serde(default)]
    pub members: Vec<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What the atlas describes, and as of when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub short: String,
    /// The date the data describes (`YYYY-MM-DD`); empty when unstated (a spreadsheet's).
    #[serde(default)]
    pub edition: String,
    /// The first date of the time slider (`YYYY-MM-DD`); the earliest dated item when absent.
    #[serde(default)]
    pub start: Option<String>,
    /// The date of the newest source consulted (`YYYY-MM-DD`): the edition may not be later.
    #[serde(default)]
    pub checked: Option<String>,
    #[serde(default)]
    pub description: String,
    /// Who and what to credit under an exported picture, after the atlas's edition.
    #[serde(default)]
    pub credit: Option<String>,
    /// The file a spreadsheet atlas was read from: pictures credit it, not this program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_from: Option<String>,
    /// What the atlas's boxes are, in the plural ("entries", "people"): the header and captions
    /// count them so ("26 of 26 entries shown"); "bodies" when absent. A sheet's are "entries".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    /// The field shown as a second line under each box's name (a sheet's "position" column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_line: Option<String>,
    /// The title and credit in other languages, by language code.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub names: std::collections::BTreeMap<String, MetaNames>,
}

/// The atlas's title and credit in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaNames {
    pub title: String,
    /// The short title ("ОДКБ"); the English one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
}

impl Meta {
    /// The title in `lang` (English when it has none there).
    pub fn title_in(&self, lang: Option<&str>) -> &str {
        lang.and_then(|l| self.names.get(l))
            .map_or(self.title.as_str(), |n| n.title.as_str())
    }

    /// The short title in `lang` (English when it has none there).
    pub fn short_in(&self, lang: Option<&str>) -> &str {
        lang.and_then(|l| self.names.get(l))
            .and_then(|n| n.short.as_deref())
            .unwrap_or(&self.short)
    }

    /// The credit in `lang`; English when it has none there.
    pub fn credit_in(&self, lang: Option<&str>) -> Option<&str> {
        lang.and_then(|l| self.names.get(l))
            .and_then(|n| n.credit.as_deref())
            .or(self.credit.as_deref())
    }

    /// "edition 2025-12-03 · sources checked to 2025-12-05": how current the atlas is.
    pub fn currency(&self) -> String {
        match &self.checked {
            Some(c) => format!("edition {} · sources checked to {c}", self.edition_text()),
            None => format!("edition {}", self.edition_text()),
        }
    }

    /// The word the interface counts the atlas's boxes by: `("bodies", "")` by default,
    /// `("entries", "")` for a sheet's, `("custom", word)` for any other noun the atlas gives.
    pub fn noun(&self) -> (&'static str, &str) {
        match self.noun.as_deref().map(str::trim) {
            None | Some("") | Some("bodies") => ("bodies", ""),
            Some("entries") => ("entries", ""),
            Some(word) => ("custom", word),
        }
    }

    /// The edition as written, or "unstated".
    pub fn edition_text(&self) -> &str {
        if self.edition.trim().is_empty() {
            "unstated"
        } else {
            &self.edition
        }
    }
}

/// How far a claim can be trusted. A claim that states no status is `unverified`: nothing is
/// verified unless it says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Stated in at least one retrieved source.
    Verified,
    /// Stated in the organization's own reference text.
    Reference,
    /// Follows from verified facts; the note gives the reasoning.
    Inferred,
    /// Not confirmed by any source; shown as such, never as fact.
    #[default]
    Unverified,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Reference => "reference text",
            Status::Inferred => "inferred",
            Status::Unverified => "unverified",
        }
    }
}

/// A sourced statement: the text, how sure we are, and where it comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub text: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Why an inferred claim holds, or a caveat.
    #[serde(default)]
    pub note: Option<String>,
}

/// The kind of a source, which tells a reader how much weight it carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    OfficialText,
    OfficialSite,
    ReferenceText,
    News,
    Scholarship,
    #[default]
    Other,
}

impl SourceKind {
    /// The key in files: `official_text`, `official_site`, `reference_text`, `news`,
    /// `scholarship`, `other`.
    pub fn key(self) -> &'static str {
        match self {
            SourceKind::OfficialText => "official_text",
            SourceKind::OfficialSite => "official_site",
            SourceKind::ReferenceText => "reference_text",
            SourceKind::News => "news",
            SourceKind::Scholarship => "scholarship",
            SourceKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceKind::OfficialText => "official text",
            SourceKind::OfficialSite => "official site",
            SourceKind::ReferenceText => "reference text",
            SourceKind::News => "news",
            SourceKind::Scholarship => "scholarship",
            SourceKind::Other => "other",
        }
    }
}

/// A source, with what a citation of it needs. Readers never see its `id`: every surface numbers
/// the sources it cites and formats each in a citation style ([`crate::biblio`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The site, outlet or issuer ("TASS", "CIS-Legislation").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Personal authors, each "Family, Given".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<String>,
    /// When it was published or signed: YYYY, YYYY-MM or YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When it was last read (YYYY-MM-DD); the atlas's `meta.checked` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    /// The address of the page itself (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The language it is written in (ISO 639-1: "en", "ru").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Where to find what has no address: a treaty series number, a gazette reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// A caveat for the reader, e.g. that the item's own address was not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub kind: SourceKind,
}

impl Source {
    /// Its address, when it has one a browser can open.
    pub fn link(&self) -> Option<&str> {
        self.url
            .as_deref()
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    }

    /// True when a reader can find it: an address or a locator.
    pub fn can_be_followed(&self) -> bool {
        self.link().is_some()
            || self
                .locator
                .as_deref()
                .is_some_and(|l| !l.trim().is_empty())
    }
}

/// A founding or amending document with the articles the atlas cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub short: String,
    pub signed: String,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub in_force: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub articles: Vec<Article>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// As printed: "13", "Chapter IV".
    pub number: String,
    pub topic: String,
    pub paraphrase: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// When and by whom a body was set up.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Established {
    /// `YYYY-MM-DD`; absent when no source gives it.
    #[serde(default)]
    pub date: Option<String>,
    /// For a body without a date: the earliest it can have existed (`YYYY-MM-DD`), e.g. the
    /// date of the document that created it. Its parent's date when absent.
    #[serde(default)]
    pub not_before: Option<String>,
    #[serde(default)]
    pub by: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A body's legal basis: one article of one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRef {
    pub document: String,
    pub article: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Lowercase and hyphenated, stable across editions.
    pub id: String,
    pub name: String,
    pub short: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The id of one of the atlas's `kinds` (or of a built-in kind when it declares none).
    pub kind: String,
    /// How sure the category is (the sources disagree for some bodies).
    #[serde(default)]
    pub kind_status: Status,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub established: Option<Established>,
    #[serde(default)]
    pub seat: Option<Claim>,
    #[serde(default)]
    pub mandate: Option<Claim>,
    #[serde(default)]
    pub composition: Option<Claim>,
    #[serde(default)]
    pub chair: Option<Claim>,
    #[serde(default)]
    pub articles: Vec<ArticleRef>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Vec<Claim>,
    /// Who held the office (or chaired the body), period by period.
    #[serde(default)]
    pub holders: Vec<Holder>,
    /// The body's names in other languages, by language code: `{"ru": Name(name: "…")}`.
    #[serde(default)]
    pub names: std::collections::BTreeMap<String, Name>,
    /// Whatever else a spreadsheet's row said (its other columns), by column name: shown as a
    /// table, searched, carried by `show --json` and the data exports.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fields: std::collections::BTreeMap<String, String>,
}

/// A body's name in another language, sourced like any claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    pub name: String,
    #[serde(default)]
    pub short: Option<String>,
    /// For a kind: its plural in this language.
    #[serde(default)]
    pub plural: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One person's (or state's) time in an office: `from` inclusive, `to` exclusive (open when
/// absent). Dates may be a year (`2003`), a month (`2003-04`) or a day, as precise as the sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    pub name: String,
    /// E.g. "acting".
    #[serde(default)]
    pub role: Option<String>,
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Holder {
    /// "Nikolai Bordyuzha (2003 – 2017-01-01)", with the role when there is one.
    pub fn label(&self) -> String {
        let role = self
            .role
            .as_deref()
            .map(|r| format!(", {r}"))
            .unwrap_or_default();
        let to = self.to.as_deref().unwrap_or("");
        format!("{}{role} ({} – {to})", self.name, self.from)
    }
}

/// A link between two bodies beyond the parent tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub from: String,
    pub to: String,
    /// The id of one of the atlas's `relation_kinds`.
    pub kind: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A member state and its history with the organization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: String,
    pub name: String,
    /// The state's name in other languages, by language code.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub names: std::collections::BTreeMap<String, String>,
    pub periods: Vec<Period>,
    #[serde(default)]
    pub notes: Vec<Claim>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One stretch of a member's history, `from` inclusive, `to` exclusive (open when absent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
    pub state: MemberState,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberState {
    /// Signed the Collective Security Treaty (or acceded), which was not yet in force for it.
    Signatory,
    /// A party to the Collective Security Treaty before the Organization existed (until the
    /// Charter came into force): not a member of an organization.
    TreatyParty,
    Member,
    /// Still legally a member, but not taking part (Armenia since 2024).
    Frozen,
    Suspended,
}

impl MemberState {
    /// The key used in files and JSON: `signatory`, `treaty_party`, `member`, `frozen`,
    /// `suspended`.
    pub fn key(self) -> &'static str {
        match self {
            MemberState::Signatory => "signatory",
            MemberState::TreatyParty => "treaty_party",
            MemberState::Member => "member",
            MemberState::Frozen => "frozen",
            MemberState::Suspended => "suspended",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MemberState::Signatory => "signatory",
            MemberState::TreatyParty => "party to the Treaty",
            MemberState::Member => "member",
            MemberState::Frozen => "participation frozen",
            MemberState::Suspended => "suspended",
        }
    }
}

/// Where sources disagree: every claim is kept, with its sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    pub id: String,
    pub topic: String,
    /// Ids of the bodies or documents the dispute concerns.
    pub about: Vec<String>,
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub note: Option<String>,
    /// What about the bodies is disputed, when it is their existence, category or date: the
    /// chart then marks them as uncertain.
    #[serde(default)]
    pub aspect: Option<DisputeAspect>,
    /// The bodies whose `aspect` the disagreement leaves in doubt, when not all of `about`
    /// (a dispute over which bodies are statutory doubts only the ones the sources differ on).
    #[serde(default)]
    pub uncertain: Option<Vec<String>>,
}

/// The part of a body a dispute puts in doubt, where it is one the chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeAspect {
    Existence,
    Category,
    Date,
}
