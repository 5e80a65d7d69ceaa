//! The whole window in Russian: every text a reader sees after switching the language (menus,
//! tabs, dialogs, the side panels of five bodies) is Russian, but for names, acronyms, addresses
//! and the titles of sources published in English.

use csto_atlas::model;
use csto_atlas::ui::{AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable};
use egui_kittest::Harness;

fn harness() -> Harness<'static, AtlasApp> {
    let model = model::load_embedded().expect("the embedded atlas loads");
    let app = AtlasApp::new(model, None, Settings::default());
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run();
    h
}

fn labels(h: &Harness<'_, AtlasApp>) -> Vec<String> {
    (h.queryable_node().children_recursive())
        .flat_map(|node| {
            let n = node.accesskit_node();
            // egui gives a button its text as the label, a plain label as the value.
            [n.label(), n.value()]
        })
        .flatten()
        .collect()
}

/// What may stay in Latin letters: the names the atlas gives in English (bodies, sources and
/// their outlets and authors, member states), the program's name and the citation styles.
fn allowed(m: &model::Model) -> Vec<String> {
    let a = &m.atlas;
    let mut out: Vec<String> = [
        "CSTO Atlas",
        "English",
        "Chicago",
        "Russian",
        // Names of keys, as printed on keyboards.
        "Ctrl",
        "Shift",
        "Plus",
        "Minus",
        "Enter",
        "Escape",
        "Esc",
        "Tab",
        // A paper size's name.
        "US Letter",
        // egui's accessible name of a window's close button (not drawn).
        "Close window",
        "MIT OR Apache-2.0",
    ]
    .map(String::from)
    .to_vec();
    // What the editors left as written (a series title, a journal's own name).
    for t in model::prose_texts(a) {
        if m.prose().get(Some("ru"), t) == t {
            out.push(t.to_owned());
        }
    }
    for b in &a.bodies {
        out.push(b.name.clone());
        out.extend(b.aliases.iter().cloned());
    }
    for s in &a.sources {
        out.push(s.title.clone());
        // Outlets, also by the parts of their names ("PanArmenian.Net; Asia-Plus").
        if let Some(p) = &s.publisher {
            out.push(p.clone());
            (p.split([';', ' ', '.', '(', ')']))
                .filter(|w| w.len() >= 3)
                .for_each(|w| out.push(w.to_owned()));
        }
        // Authors as a style writes them ("Lyalina I. S."): each part of the name.
        (s.author.iter())
            .flat_map(|a| a.split([',', ' ', '.']))
            .filter(|w| w.len() >= 3)
            .for_each(|w| out.push(w.to_owned()));
    }
    for mem in &a.members {
        out.push(mem.name.clone());
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out
}

/// The English words (three letters or more, not an acronym) left in `label` once the allowed
/// names and any web address are taken out.
fn english_words(label: &str, allowed: &[String]) -> Vec<String> {
    // Quotations in «» of what an English source says stay as said.
    let mut text = String::new();
    let mut rest = label;
    while let Some((before, after)) = rest.split_once('«') {
        text.push_str(before);
        let (quote, tail) = after.split_once('»').unwrap_or((after, ""));
        if quote
            .chars()
            .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
        {
            text.push_str(quote);
        }
        rest = tail;
    }
    text.push_str(rest);
    // Addresses, domains ("interfax.by"), paths and file names.
    let mut text = (text.split_whitespace())
        .filter(|w| !(w.contains("://") || w.contains('/') || w.contains('_') || is_domain(w)))
        // File name extensions (".ron", ".csv").
        .filter(|w| !w.trim_start_matches('(').starts_with('.'))
        .collect::<Vec<_>>()
        .join(" ");
    for a in allowed {
        if a.len() > 2 && text.contains(a.as_str()) {
            text = text.replace(a.as_str(), " ");
        }
    }
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !w.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_owned)
        .collect()
}

fn open_menu_item(h: &mut Harness<'_, AtlasApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
}

#[test]
fn in_russian_every_text_a_reader_sees_is_russian() {
    let mut h = harness();
    let allowed = allowed(h.state().model());
    // The control: in English the scan finds English words.
    let english: Vec<String> = (labels(&h).iter())
        .flat_map(|l| english_words(l, &allowed))
        .collect();
    assert!(english.len() >= 15, "the scan sees English: {english:?}");

    open_menu_item(&mut h, "View", "Русский (Russian)");
    let mut seen: Vec<String> = Vec::new();
    for menu in ["Файл", "Вид", "Справка"] {
        h.get_by_label(menu).click();
        h.run();
        seen.extend(labels(&h));
        h.key_press(egui::Key::Escape);
        h.run();
    }
    // Each dialog in a window of its own (a dialog may hold the keyboard until closed).
    for (menu, item) in [
        ("Файл", "Открыть атлас…"),
        ("Файл", "Экспорт…"),
        ("Справка", "О программе CSTO Atlas"),
        ("Справка", "Цитировать этот вид"),
    ] {
        let mut d = harness();
        open_menu_item(&mut d, "View", "Русский (Russian)");
        open_menu_item(&mut d, menu, item);
        seen.extend(labels(&d));
    }
    for tab in ["Фильтры", "Статьи", "Государства", "Список"] {
        h.get_by_label(tab).click();
        h.run();
        seen.extend(labels(&h));
    }
    for name in [
        "Совет министров обороны",
        "Генеральный секретарь Организации Договора о коллективной безопасности",
        "Объединенный штаб ОДКБ",
        "Парламентская Ассамблея ОДКБ",
        "Коллективные миротворческие силы ОДКБ",
    ] {
        h.get_by_role_and_label(Role::Button, name).scroll_to_me();
        h.run();
        h.get_by_role_and_label(Role::Button, name).click();
        h.run();
        let panel = labels(&h);
        assert!(
            panel.iter().any(|l| l.contains("Источники")),
            "{name}: the side panel is open: {:?}",
            panel
                .iter()
                .filter(|l| !l.starts_with("http"))
                .collect::<Vec<_>>()
        );
        seen.extend(panel);
    }
    seen.sort();
    seen.dedup();
    let left: Vec<(String, Vec<String>)> = (seen.iter())
        .map(|l| (l.clone(), english_words(l, &allowed)))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    assert!(
        left.is_empty(),
        "{} texts with English words in the Russian window:\n{}",
        left.len(),
        left.iter()
            .map(|(l, w)| format!("{w:?} in {:?}", l.chars().take(160).collect::<String>()))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// "kazpravda.kz.", "(base.garant.ru)": a word with a dot before a short top-level domain.
fn is_domain(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    w.rsplit_once('.').is_some_and(|(name, tld)| {
        !name.is_empty()
            && (2..=4).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_lowercase())
    })
}
