//! The atlas's prose in Russian: the catalogue beside the atlas (`assets/csto.ru.po`) covers
//! every text a reader sees, keeps every source key, and a catalogue beside a user's atlas is
//! read too.

use csto_atlas::model::{self, prose_texts, Prose};

use crate::common::{run, text};

fn has_latin_word(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 3)
}

/// "[S81]"-like keys of a text, sorted.
fn keys(s: &str) -> Vec<&str> {
    let mut k: Vec<&str> = s
        .split('[')
        .skip(1)
        .filter_map(|r| r.split_once(']').map(|(k, _)| k))
        .filter(|k| !k.is_empty() && !k.contains(char::is_whitespace))
        .collect();
    k.sort_unstable();
    k
}

#[test]
fn every_text_of_the_atlas_has_its_russian_translation() {
    let m = model::load_embedded().unwrap();
    let texts = prose_texts(&m.atlas);
    assert!(texts.len() > 700, "{} texts", texts.len());
    let missing: Vec<&str> = (texts.iter().copied())
        .filter(|t| has_latin_word(t) && !m.prose().has("ru", t))
        .collect();
    assert!(
        missing.is_empty(),
        "{} texts have no Russian translation in assets/csto.ru.po, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
}

#[test]
fn the_catalogue_translates_only_what_the_atlas_says_and_keeps_its_source_keys() {
    let m = model::load_embedded().unwrap();
    let texts = prose_texts(&m.atlas);
    let prose = m.prose();
    let stale: Vec<&str> = (prose.keys("ru").into_iter())
        .filter(|k| !texts.contains(k))
        .collect();
    assert!(
        stale.is_empty(),
        "translations of texts the atlas no longer has: {stale:?}"
    );
    for t in texts {
        let ru = prose.get(Some("ru"), t);
        assert_eq!(keys(t), keys(ru), "source keys differ:\n{t}\n{ru}");
        if ru != t {
            assert!(
                ru.chars()
                    .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
                "not Russian: {ru}"
            );
        }
    }
}

#[test]
fn show_in_russian_prints_the_mandate_and_notes_in_russian() {
    let o = run(&["show", "cmd", "--lang", "ru"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("Министры обороны государств-членов"), "{out}");
    assert!(
        !out.contains("The defence ministers of the member states"),
        "{out}"
    );
    // Sentences of the atlas's own prose are Russian; what stays Latin is names and numbers.
    assert!(out.contains("ст. 11"), "{out}");
    assert!(!out.contains("Art. 11"), "{out}");
    // "This body" is declined by the relation, not left in the nominative.
    assert!(
        out.contains("готовит предложения для этого органа"),
        "{out}"
    );
    // And the reader is told whose words these are.
    assert!(out.contains("перевод редакции"), "{out}");
    // English still reads English, as written.
    let o = run(&["show", "cmd"]);
    let out = text(&o.stdout);
    assert!(out.contains("The defence ministers of the member states"));
    assert!(!out.contains("editors' translation"), "{out}");
}

const SMALL: &str = r#"Atlas(
    meta: Meta(title: "Ministry", short: "M", edition: "2026-01-01", description: "d"),
    bodies: [
        Body(id: "m", name: "Ministry", short: "M", kind: "statutory",
             mandate: Some(Claim(text: "Runs the ministry.")),
             names: {"ru": Name(name: "Министерство")}),
    ],
)"#;

#[test]
fn a_catalogue_beside_an_atlas_file_translates_its_prose() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = dir.path().join("ministry.ron");
    std::fs::write(&atlas, SMALL).unwrap();
    std::fs::write(
        dir.path().join("ministry.ru.po"),
        "msgid \"Runs the ministry.\"\nmsgstr \"Руководит министерством.\"\n",
    )
    .unwrap();
    let path = atlas.to_str().unwrap();
    let o = run(&["show", "m", "--atlas", path, "--lang", "ru"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("Руководит министерством."),
        "{}",
        text(&o.stdout)
    );
    let loaded = model::load_file(&atlas).unwrap();
    assert_eq!(loaded.prose().langs().collect::<Vec<_>>(), ["ru"]);
    // A catalogue that is not one is named, not ignored.
    std::fs::write(
        dir.path().join("ministry.ru.po"),
        "<html>not a catalogue</html>\n",
    )
    .unwrap();
    let o = run(&["check", path]);
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(err.contains("ministry.ru.po"), "{err}");
    assert!(err.contains("gettext"), "{err}");
}

#[test]
fn a_text_without_translation_reads_as_written() {
    let mut prose = Prose::default();
    prose
        .add(
            "ru",
            b"msgid \"Decides.\"\nmsgstr \"\xd0\xa0\xd0\xb5\xd1\x88\xd0\xb0\xd0\xb5\xd1\x82.\"\n",
        )
        .unwrap();
    assert_eq!(prose.get(Some("ru"), "Decides."), "Решает.");
    assert_eq!(prose.get(Some("ru"), "Advises."), "Advises.");
    assert_eq!(prose.get(None, "Decides."), "Decides.");
}
