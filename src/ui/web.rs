//! The atlas in a browser: the page's entry point, and downloads in place of written files.
//!
//! The same [`AtlasApp`] runs on the page's canvas (eframe's web runner, WebGL through glow);
//! settings persist in the browser's local storage.

use wasm_bindgen::JsCast as _;

use super::{link, load_settings, Action, AppState, AtlasApp};
use crate::export::ExportError;

/// The id of the page's canvas (`web/index.html`).
pub const CANVAS_ID: &str = "atlas";

/// Starts the atlas on the page's canvas; replaces the loading message, or shows why it failed.
pub fn start() {
    eframe::WebLogger::init(log::LevelFilter::Warn).ok();
    wasm_bindgen_futures::spawn_local(async {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(canvas) = document
            .get_element_by_id(CANVAS_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            log::error!("the page has no canvas #{CANVAS_ID}");
            return;
        };
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                eframe::WebOptions::default(),
                Box::new(|cc| {
                    // Before the first frame: the web build has no fonts of egui's own.
                    cc.egui_ctx.set_fonts(crate::fonts::definitions());
                    let model = crate::model::load_embedded().map_err(|e| e.to_string())?;
                    let mut settings = cc.storage.map(load_settings).unwrap_or_default();
                    // A link's view (`#select=cmd&as-of=2005-01-01`), in full, else the stored
                    // settings': a link shows what its sender saw.
                    let hash = web_sys::window()
                        .and_then(|w| w.location().hash().ok())
                        .unwrap_or_default();
                    let mut select = None;
                    if !hash.trim_start_matches('#').is_empty() {
                        let view = link::parse(&hash, &model);
                        settings.filters = view.filters;
                        select = view.selected;
                    }
                    let mut app = AtlasApp::new(model, None, settings);
                    let body = select.and_then(|id| app.model().index_of(&id));
                    if body.is_some() {
                        app.apply(Action::Select { body, reveal: true });
                    }
                    Ok(Box::new(app))
                }),
            )
            .await;
        if let Some(loading) = document.get_element_by_id("loading") {
            match started {
                Ok(()) => loading.remove(),
                Err(e) => loading.set_text_content(Some(&format!(
                    "The atlas could not start: {e:?}. It needs WebGL."
                ))),
            }
        }
    });
}

/// Offers `bytes` to the user as a download named `name`.
pub fn download(name: &str, bytes: &[u8]) -> Result<(), ExportError> {
    let fail =
        |what: &str| ExportError::Render(format!("the browser refused the download ({what})"));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let parts = js_sys_array(bytes);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| fail("link"))?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok();
    Ok(())
}

/// A JavaScript array holding one `Uint8Array` copy of `bytes`, as `Blob` takes its parts.
fn js_sys_array(bytes: &[u8]) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    array.push(&js_sys::Uint8Array::from(bytes));
    array.into()
}

/// Keeps the address's fragment on the view shown (without adding to the history).
pub fn sync_link(ctx: &egui::Context, state: &AppState) {
    let fragment = link::fragment(&state.view_spec(), &state.model);
    let id = egui::Id::new("web-link");
    if ctx.data(|d| d.get_temp::<String>(id)).as_deref() == Some(fragment.as_str()) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(id, fragment.clone()));
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = if fragment.is_empty() {
        window.location().pathname().unwrap_or_default()
    } else {
        format!("#{fragment}")
    };
    if let Ok(history) = window.history() {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .ok();
    }
}

/// Records when the first frame was on the page (`window.atlasPainted`, milliseconds since the
/// navigation began), for the browser test's first-paint figure.
pub fn mark_painted() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(performance) = window.performance() {
        js_sys::Reflect::set(&window, &"atlasPainted".into(), &performance.now().into()).ok();
    }
}
