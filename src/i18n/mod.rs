//! The interface in the reader's language: the text lives in Fluent files
//! (`assets/locales/<lang>/atlas.ftl`), loaded at compile time by `fluent-templates`, with CLDR
//! plural rules ("1 орган", "2 органа", "5 органов"). English is the fallback: a key Russian
//! lacks reads in English, and a key neither has fails a test (`every_key_used_is_defined`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use crate::model::Date;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./assets/locales",
        fallback_language: "en-US",
        // No Unicode isolation marks around arguments: they would show as boxes in the
        // embedded fonts and in plain-text exports.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    /// Every interface language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The interface language for names in `code` ("ru" → Russian); English for any other.
    pub fn of(code: Option<&str>) -> Lang {
        match code.map(|c| c.split(['-', '_']).next().unwrap_or(c)) {
            Some("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// The language of the system, when the interface has it (Russian), else English.
    pub fn system() -> Lang {
        Lang::of(sys_locale::get_locale().as_deref())
    }

    /// The code the atlas's names use: `None` for English, `Some("ru")`.
    pub fn names_code(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Ru => Some("ru"),
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        static IDS: OnceLock<[LanguageIdentifier; 2]> = OnceLock::new();
        let ids = IDS.get_or_init(|| {
            [
                fluent_templates::langid!("en-US"),
                fluent_templates::langid!("ru"),
            ]
        });
        &ids[self as usize]
    }
}

/// An argument of a message: a number (chooses the plural form) or a text.
pub enum Arg {
    Number(f64),
    Text(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(f64::from(n))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(f64::from(n))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// The message `key` in `lang` (English when `lang` lacks it; the key itself when neither has
/// it, which a test prevents).
pub fn t(lang: Lang, key: &str) -> String {
    LOCALES
        .try_lookup(lang.id(), key)
        .unwrap_or_else(|| key.to_owned())
}

/// The message `key` in `lang`, with arguments.
pub fn t_args(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(s) => FluentValue::from(s.clone()),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(lang.id(), key, &args)
        .unwrap_or_else(|| key.to_owned())
}

/// `tr!(lang, "key")` or `tr!(lang, "key", count = n, name = text)`: a message of the
/// interface in `lang` ([`t`], [`t_args`]).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => {
        $crate::i18n::t($lang, $key)
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::t_args(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// How an article is named: "Art. 13" for numbers, the text itself for "Chapter IV".
pub fn article_label(number: &str, lang: Option<&str>) -> String {
    let ru = Lang::of(lang) == Lang::Ru;
    if number.starts_with(|c: char| c.is_ascii_digit()) {
        let art = if ru { "ст." } else { "Art." };
        format!("{art} {number}")
    } else if let (true, Some(n)) = (ru, number.strip_prefix("Chapter ")) {
        format!("глава {n}")
    } else {
        number.to_owned()
    }
}

/// `text`, prose of the atlas, in `lang` only when it reads in that language: English as
/// written, another language when the atlas's catalogue translates it; `None` leaves English
/// prose out of a sentence in another language.
pub fn prose_in<'a>(
    model: &'a crate::model::Model,
    lang: Option<&str>,
    text: &'a str,
) -> Option<&'a str> {
    match Lang::of(lang) {
        Lang::En => Some(text),
        _ => lang
            .filter(|l| model.prose().has(l, text))
            .map(|_| model.tr(lang, text)),
    }
}

/// A status as a tag reads it: "verified", «подтверждено».
pub fn status_label(lang: Lang, status: crate::model::Status) -> String {
    use crate::model::Status;
    let key = match status {
        Status::Verified => "status-verified",
        Status::Reference => "status-reference",
        Status::Inferred => "status-inferred",
        Status::Unverified => "status-unverified",
    };
    t(lang, key)
}

/// A date in words: "3 December 2025", «3 декабря 2025 г.».
pub fn date_words(lang: Lang, date: Date) -> String {
    let month = t(lang, &format!("month-{}", date.month.clamp(1, 12)));
    t_args(
        lang,
        "date-words",
        &[
            ("day", Arg::from(date.day)),
            ("month", Arg::Text(month)),
            ("year", Arg::from(date.year)),
        ],
    )
}

/// `text` in words when it is a date, else as it is.
pub fn date_words_or_text(lang: Lang, text: &str) -> String {
    Date::parse(text).map_or_else(|| text.to_owned(), |d| date_words(lang, d))
}

/// A date typed by a reader: ISO (2005-01-01) or, as Russian readers write it, DD.MM.YYYY.
pub fn parse_typed_date(text: &str) -> Option<Date> {
    let text = text.trim();
    Date::parse(text).or_else(|| {
        let mut parts = text.split('.');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
            return None;
        }
        let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
        Date::parse(&format!("{y}-{m:02}-{d:02}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_cldr() {
        let bodies = |lang, n: usize| tr!(lang, "bodies-count", count = n);
        let ru: Vec<String> = [1, 2, 5, 11, 21, 22, 0]
            .map(|n| bodies(Lang::Ru, n))
            .to_vec();
        assert_eq!(
            ru,
            [
                "1 орган",
                "2 органа",
                "5 органов",
                "11 органов",
                "21 орган",
                "22 органа",
                "0 органов"
            ]
        );
        assert_eq!(bodies(Lang::En, 1), "1 body");
        assert_eq!(bodies(Lang::En, 22), "22 bodies");
    }

    #[test]
    fn dates_in_words() {
        let d = Date::parse("2025-12-03").unwrap();
        assert_eq!(date_words(Lang::En, d), "3 December 2025");
        assert_eq!(date_words(Lang::Ru, d), "3 декабря 2025 г.");
        let may = Date::parse("1992-05-15").unwrap();
        assert_eq!(date_words(Lang::Ru, may), "15 мая 1992 г.");
        assert_eq!(parse_typed_date("03.12.2025"), Some(d));
        assert_eq!(parse_typed_date("3.12.2025"), Some(d));
        assert_eq!(parse_typed_date("2025-12-03"), Some(d));
        assert_eq!(parse_typed_date("31.02.2025"), None);
    }

    /// Both files define the same messages: keys the code builds at run time ("month-3",
    /// "state-frozen", "change-left") are then as sure to be in Russian as in English.
    #[test]
    fn both_languages_define_the_same_keys() {
        let keys = |text: &str| -> std::collections::BTreeSet<String> {
            text.lines()
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
                .filter(|k| {
                    !k.is_empty()
                        && k.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                        })
                })
                .map(str::to_owned)
                .collect()
        };
        let en = keys(include_str!("../../assets/locales/en-US/atlas.ftl"));
        let ru = keys(include_str!("../../assets/locales/ru/atlas.ftl"));
        assert!(en.len() > 200, "{} keys", en.len());
        assert_eq!(
            en.difference(&ru).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "Russian lacks"
        );
        assert_eq!(
            ru.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "English lacks"
        );
        // The keys made at run time.
        for month in 1..=12 {
            assert!(en.contains(&format!("month-{month}")));
        }
        for kind in [
            "official_text",
            "official_site",
            "reference_text",
            "news",
            "scholarship",
            "other",
        ] {
            assert!(en.contains(&format!("source-kind-{kind}")), "{kind}");
        }
        for state in ["signatory", "treaty_party", "member", "frozen", "suspended"] {
            assert!(en.contains(&format!("state-{state}")), "{state}");
        }
    }

    /// Every key the code asks for (`tr!(…, "key"`) is in the English file, and in the Russian
    /// file too: a reader never meets a key, nor English where Russian was promised.
    #[test]
    fn every_key_used_is_defined() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut used = std::collections::BTreeSet::new();
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("i18n/mod.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for chunk in text.split("tr!(").skip(1) {
                        let Some(key) = chunk.split('"').nth(1) else {
                            continue;
                        };
                        if key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        {
                            used.insert(key.to_owned());
                        }
                    }
                }
            }
        }
        assert!(used.len() > 20, "the scan finds the keys: {used:?}");
        for lang in Lang::ALL {
            let missing: Vec<&String> = used
                .iter()
                .filter(|k| {
                    // A message that needs arguments fails to format without them: it exists.
                    let found = LOCALES.lookup_single_language::<&str>(lang.id(), k, None);
                    matches!(found, Err(e) if !format!("{e:?}").starts_with("FluentError"))
                })
                .collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        }
    }
}
