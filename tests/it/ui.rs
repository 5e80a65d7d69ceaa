//! The window's UI, headless with egui_kittest: click by label, read the side panel.

use csto_atlas::model;
use csto_atlas::ui::{AtlasApp, Settings};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable};
use egui_kittest::Harness;

fn app() -> AtlasApp {
    let model = model::load_embedded().expect("the embedded atlas loads");
    AtlasApp::new(model, None, Settings::default())
}

fn harness(app: AtlasApp) -> Harness<'static, AtlasApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    // The chart idles: `run` settles instead of running out of steps.
    h.run();
    h
}

/// Clicks a body in the outline, scrolling it into view first.
fn click_outline(h: &mut Harness<'_, AtlasApp>, name: &str) {
    h.get_by_role_and_label(Role::Button, name).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, name).click();
    h.run();
}

fn selected_id(h: &Harness<'_, AtlasApp>) -> Option<String> {
    let app = h.state();
    app.selected().map(|i| app.model().body(i).id.clone())
}

#[test]
fn clicking_a_body_in_the_outline_shows_its_mandate_and_composition() {
    let mut h = harness(app());
    let (mandate, composition) = {
        let m = &h.state().model();
        let b = m.body(m.index_of("military-committee").unwrap());
        (
            b.mandate.clone().unwrap().text,
            b.composition.clone().unwrap().text,
        )
    };
    assert!(
        h.query_by_label(&mandate).is_none(),
        "no panel before a click"
    );
    click_outline(&mut h, "Military Committee");
    assert_eq!(selected_id(&h).as_deref(), Some("military-committee"));
    h.get_by_label(&mandate);
    h.get_by_label(&composition);
    h.get_by_label("Legal basis");
}

/// Links in the side panel (egui reports `ui.link` with the label role; outline items are buttons).
fn click_link(h: &mut Harness<'_, AtlasApp>, label: &str) {
    h.get_all_by_role_and_label(Role::Label, label)
        .next()
        .unwrap_or_else(|| panic!("no link {label:?} in the side panel"))
        .click();
    h.run();
}

#[test]
fn clicking_a_relation_link_moves_the_selection() {
    let mut h = harness(app());
    click_outline(&mut h, "Secretary General");
    assert_eq!(selected_id(&h).as_deref(), Some("secretary-general"));
    click_link(&mut h, "Secretariat");
    assert_eq!(selected_id(&h).as_deref(), Some("secretariat"));
    click_link(&mut h, "Secretary General");
    assert_eq!(selected_id(&h).as_deref(), Some("secretary-general"));
}

#[test]
fn arrow_keys_walk_the_hierarchy_and_escape_clears() {
    let mut h = harness(app());
    click_outline(&mut h, "Military Committee");
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(selected_id(&h).as_deref(), Some("cmd"));
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(selected_id(&h).as_deref(), Some("csc"));
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let child_of_csc = {
        let m = &h.state().model();
        let sel = selected_id(&h).expect("a selection");
        m.parent(m.index_of(&sel).unwrap())
            .map(|p| m.body(p).id.clone())
    };
    assert_eq!(
        child_of_csc.as_deref(),
        Some("csc"),
        "down goes to a subordinate"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(selected_id(&h), None);
    assert!(
        h.query_by_label("Legal basis").is_none(),
        "the panel closes"
    );
}

#[test]
fn arrows_go_to_the_nearest_box_on_screen() {
    let mut h = harness(app());
    click_outline(&mut h, "Committee of Secretaries of Security Councils");
    let (cssc, pc) = {
        let app = h.state();
        let rect = |id: &str| {
            app.screen_rect_of(app.model().index_of(id).unwrap())
                .unwrap()
        };
        (rect("cssc"), rect("secretary-general"))
    };
    // The Secretary General stands next to the right of CSSC on screen.
    assert!(pc.center().x > cssc.center().x);
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(selected_id(&h).as_deref(), Some("secretary-general"));
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(selected_id(&h).as_deref(), Some("cssc"));
}

#[test]
fn a_focused_search_result_takes_space_and_the_chart_does_not_fold() {
    let mut h = harness(app());
    let search = h.get_by_role(Role::TextInput);
    search.focus();
    search.type_text("council");
    h.run();
    // Tab from the field to the first result, then Space presses it.
    h.key_press(egui::Key::Tab);
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    let picked = selected_id(&h).expect("Space picked the focused result");
    let first = {
        let app = h.state();
        app.model()
            .body(csto_atlas::view::search(app.model(), "council")[0])
            .id
            .clone()
    };
    assert_eq!(picked, first);
    assert!(
        h.state().settings().filters.folded.is_empty(),
        "Space went to the result, not to the chart's fold"
    );
}

#[test]
fn down_down_enter_picks_the_third_result_and_esc_clears_the_query_then_the_selection() {
    let mut h = harness(app());
    let search = h.get_by_role(Role::TextInput);
    search.focus();
    search.type_text("council");
    h.run();
    let third = {
        let app = h.state();
        app.model()
            .body(csto_atlas::view::search(app.model(), "council")[2])
            .id
            .clone()
    };
    h.key_press(egui::Key::ArrowDown);
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.key_press(egui::Key::ArrowUp);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(selected_id(&h), Some(third));
    // The result rows say which is which.
    assert!(h.get_all_by_label_contains("· under the CSC").count() >= 2);
    assert!(!h.state().marks().matches.is_empty());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.state().marks().matches.is_empty(),
        "the first Esc clears the query"
    );
    assert!(selected_id(&h).is_some(), "and keeps the selection");
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(selected_id(&h), None, "the next clears the selection");
}

/// Replaces the text of the focused field with `text`, as a user would (Ctrl+A, type), and
/// presses Enter.
fn replace_and_enter(h: &mut Harness<'_, AtlasApp>, text: &str) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .expect("a focused text field")
        .type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

#[test]
fn a_typed_date_and_ctrl_g_set_exactly_that_day() {
    let mut h = harness(app());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    h.run();
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .expect("Ctrl+G puts the keyboard in the date field");
    assert!(
        field.value().is_some_and(|v| v.len() == 10),
        "{:?}",
        field.value()
    );
    replace_and_enter(&mut h, "2004-01-01");
    let date = csto_atlas::model::Date::parse("2004-01-01");
    assert_eq!(h.state().settings().filters.as_of, date);
    h.get_by_label_contains("as of 1 January 2004");
    // A bad date says why, in place, and changes nothing.
    let field = h
        .get_all_by_role(Role::TextInput)
        .find(|n| n.value().as_deref() == Some("2004-01-01"))
        .unwrap();
    field.focus();
    h.run();
    replace_and_enter(&mut h, "2004-02-30");
    h.get_by_label_contains("is not a date");
    assert_eq!(h.state().settings().filters.as_of, date);
}

#[test]
fn previous_and_next_change_step_through_the_atlas_change_dates() {
    let mut h = harness(app());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    h.run();
    let changes = csto_atlas::history::change_dates(h.state().model());
    let end = h.state().model().date_range().1;
    assert_eq!(h.state().settings().filters.as_of, Some(end));
    let mut seen = Vec::new();
    for _ in 0..4 {
        h.get_by_role_and_label(Role::Button, "‹").click();
        h.run();
        seen.push(h.state().settings().filters.as_of.unwrap());
    }
    let before: Vec<_> = changes
        .iter()
        .rev()
        .filter(|d| **d < end)
        .take(4)
        .copied()
        .collect();
    assert_eq!(
        seen, before,
        "‹ steps back through the change dates in order"
    );
    h.get_by_role_and_label(Role::Button, "›").click();
    h.run();
    assert_eq!(h.state().settings().filters.as_of, Some(before[2]));
}

#[test]
fn arrows_on_a_focused_date_slider_move_one_day() {
    let mut h = harness(app());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    h.run();
    // Back through the changes to a date more than a year before the edition, so that a year on
    // is not clamped to it.
    for _ in 0..40 {
        h.get_by_role_and_label(Role::Button, "‹").click();
        h.run();
        if h.state().settings().filters.as_of.unwrap().year < 2024 {
            break;
        }
    }
    let start = h.state().settings().filters.as_of.unwrap();
    h.get_by_role(Role::Slider).focus();
    h.run();
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    let after = h.state().settings().filters.as_of.unwrap();
    assert_eq!(after.day_number(), start.day_number() - 1);
    assert!(
        selected_id(&h).is_none(),
        "the arrow went to the slider, not the chart"
    );
    h.key_press(egui::Key::PageUp);
    h.run();
    let year_on = h.state().settings().filters.as_of.unwrap();
    assert_eq!(
        (year_on.year, year_on.month, year_on.day),
        (after.year + 1, after.month, after.day)
    );
}

#[test]
fn o_toggles_the_orientation_and_f_fits_the_chart() {
    let mut h = harness(app());
    h.key_press(egui::Key::O);
    h.run();
    assert_eq!(
        h.state().settings().orientation,
        csto_atlas::layout::Orientation::LeftRight
    );
    let s = &h.state().scene();
    let csc = s
        .node_for(h.state().model().index_of("csc").unwrap())
        .unwrap()
        .rect;
    let cmd = s
        .node_for(h.state().model().index_of("cmd").unwrap())
        .unwrap()
        .rect;
    assert!(cmd.left() > csc.right(), "children stand to the right");
    h.key_press(egui::Key::F);
    h.run();
    let region = h.state().visible_region();
    assert!(
        region.contains_rect(h.state().scene().bounds),
        "fit shows the whole chart"
    );
}

#[test]
fn the_side_panel_lists_the_same_numbered_sources_as_show() {
    let mut h = harness(app());
    click_outline(&mut h, "Council of Ministers of Defence");
    let report = {
        let app = h.state();
        let m = app.model();
        let i = m.index_of("cmd").unwrap();
        csto_atlas::report::BodyReport::build(m, i, None, m.date_range().1)
    };
    assert!(report.sources.len() > 10);
    for s in &report.sources {
        // The number stands in the list, and beside every fact the source bears.
        let n = h.get_all_by_label(&format!("[{}]", s.number)).count();
        assert!(n >= 2, "[{}] shown {n} times", s.number);
        // The list shows the whole reference in the chosen style (APA), title and all.
        assert!(
            h.query_all_by_label_contains(&s.title).next().is_some(),
            "[{}] {}",
            s.number,
            s.title
        );
    }
    // The holders' and relations' sources are numbered too, and the list shows no internal
    // key: no "[S81]" and no "S81" before a title.
    assert!(h.query_by_label_contains("[S").is_none());
    assert!(h.query_by_label("S0").is_none());
}

#[test]
fn enter_in_the_open_dialogs_path_field_opens_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("ministry.csv");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ministry.csv"),
        &sheet,
    )
    .unwrap();
    let mut h = harness(app());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    let field = h
        .get_all_by_role(Role::TextInput)
        .rfind(|n| n.value().is_some_and(|v| v.is_empty()))
        .expect("the path field, after the search field");
    field.focus();
    h.run();
    h.get_all_by_role(Role::TextInput)
        .find(|n| n.is_focused())
        .unwrap()
        .type_text(sheet.to_str().unwrap());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.state().model().index_of("state-secretary").is_some(),
        "the spreadsheet is on screen"
    );
}

#[test]
fn an_article_link_opens_the_articles_tab_at_that_article() {
    let mut h = harness(app());
    click_outline(&mut h, "Council of Ministers of Defence");
    h.get_all_by_role_and_label(Role::Label, "Charter Art. 11")
        .next()
        .expect("the link in the side panel")
        .click();
    h.run();
    h.run();
    let article = h
        .get_all_by_label_contains("Art. 11:")
        .next()
        .expect("the article in the Articles tab");
    let r = article.rect();
    // In view in the left panel, not below the window's bottom bars.
    assert!(r.top() > 60.0 && r.bottom() < 820.0, "{r:?}");
}

#[test]
fn the_arrows_in_labels_are_drawn_not_missing() {
    let h = harness(app());
    let ok = h.ctx.fonts_mut(|f| {
        let id = egui::FontId::proportional(14.0);
        ['→', '←'].iter().all(|&c| f.has_glyph(&id, c))
    });
    assert!(
        ok,
        "the compare legend's → and the date hint's ←/→ have a glyph"
    );
}

#[test]
fn a_kinds_legend_entry_fades_the_others_then_hides_them_then_shows_all() {
    let mut h = harness(app());
    let filters = |h: &Harness<'_, AtlasApp>| h.state().settings().filters.clone();
    let click = |h: &mut Harness<'_, AtlasApp>| {
        h.get_all_by_label("Subsidiary body")
            .find(|n| n.accesskit_node().role() == Role::Label)
            .expect("the legend entry")
            .click();
        h.run();
    };
    click(&mut h);
    let f = filters(&h);
    assert!(f.showcase, "first the others fade");
    assert!(!f.hidden_kinds.contains(&"subsidiary".to_string()));
    assert!(f.hidden_kinds.contains(&"statutory".to_string()));
    let faded = h.state().scene().nodes.iter().filter(|n| n.faded).count();
    assert!(faded > 0, "statutory bodies are faded, not gone");
    click(&mut h);
    assert!(!filters(&h).showcase, "then they are hidden");
    assert!(h.state().scene().nodes.iter().all(|n| !n.faded));
    click(&mut h);
    assert!(
        filters(&h).hidden_kinds.is_empty(),
        "then every kind is back"
    );
}
