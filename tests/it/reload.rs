//! The open atlas file is watched: a good edit reloads the chart, a bad one never replaces it.

use std::time::{Duration, Instant};

use csto_atlas::model::{self, BodyIdx};
use csto_atlas::ui::{AtlasApp, Settings};
use egui_kittest::Harness;

const ATLAS: &str = r#"Atlas(
    meta: Meta(title: "Watched", short: "W", edition: "2020-01-01"),
    sources: [Source(id: "s1", title: "A source", kind: official_text)],
    documents: [Document(id: "statute", title: "Statute", short: "Statute", signed: "2000-01-01",
        articles: [Article(number: "1", topic: "Bodies", paraphrase: "Sets up bodies.")])],
    bodies: [
        Body(id: "council", name: "NAME", short: "C", kind: "statutory",
            mandate: Some(Claim(text: "Leads.", sources: ["s1"])),
            composition: Some(Claim(text: "Heads.", sources: ["s1"])),
            articles: [ArticleRef(document: "statute", article: "1")],
            sources: ["s1"]),
    ],
)"#;

fn name(h: &Harness<'_, AtlasApp>) -> String {
    h.state().model().body(BodyIdx(0)).name.clone()
}

/// Steps the UI until `done` holds or three seconds pass.
fn wait_for(h: &mut Harness<'_, AtlasApp>, done: impl Fn(&Harness<'_, AtlasApp>) -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        h.step();
        if done(h) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn saving_the_atlas_file_reloads_it_and_a_broken_save_keeps_the_chart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("watched.ron");
    std::fs::write(&path, ATLAS.replace("NAME", "First Council")).unwrap();
    let m = model::load_file(&path).unwrap();
    let app = AtlasApp::new(m, Some(path.clone()), Settings::default());
    let mut h = Harness::builder()
        .with_size([1000.0, 700.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.step();
    assert_eq!(name(&h), "First Council");

    std::fs::write(&path, ATLAS.replace("NAME", "Second Council")).unwrap();
    assert!(
        wait_for(&mut h, |h| name(h) == "Second Council"),
        "not reloaded"
    );
    assert!(h.state().notice().is_none());

    std::fs::write(&path, "Atlas(meta: ").unwrap();
    assert!(
        wait_for(&mut h, |h| h.state().notice().is_some()),
        "no error shown"
    );
    let notice = h.state().notice().cloned().unwrap();
    assert!(notice.is_error);
    assert!(notice.text.contains("watched.ron:1:"), "{}", notice.text);
    assert_eq!(name(&h), "Second Council", "the chart on screen stays");
}

#[test]
fn a_spreadsheet_reloads_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("org.csv");
    let sheet = |name: &str| format!("id,name,parent,kind\ncouncil,{name},,Council\n");
    std::fs::write(&path, sheet("First Council")).unwrap();
    let m = model::load_file(&path).unwrap();
    let app = AtlasApp::new(m, Some(path.clone()), Settings::default());
    let mut h = Harness::builder()
        .with_size([1000.0, 700.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.step();
    std::fs::write(&path, sheet("Second Council")).unwrap();
    assert!(
        wait_for(&mut h, |h| name(h) == "Second Council"),
        "not reloaded"
    );
    // A duplicate id is reported at its row; the chart on screen stays.
    std::fs::write(&path, "id,name,parent,kind\na,A,,Unit\na,B,,Unit\n").unwrap();
    assert!(
        wait_for(&mut h, |h| h.state().notice().is_some()),
        "no error shown"
    );
    let notice = h.state().notice().cloned().unwrap();
    assert!(
        notice.text.contains("org.csv:3:id: duplicate id"),
        "{}",
        notice.text
    );
    assert_eq!(name(&h), "Second Council");
}
