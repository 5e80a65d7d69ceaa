//! The atlas in a browser: the page's entry point, and downloads in place of written files.
//!
//! The same [`AtlasApp`] runs on the page's canvas (eframe's web runner, WebGL through glow);
//! settings persist in the browser's local storage.

use wasm_bindgen::JsCast as _;

use super::{load_settings, AtlasApp};
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
                    let model = crate::model::load_embedded().map_err(|e| e.to_string())?;
                    let settings = cc.storage.map(load_settings).unwrap_or_default();
                    Ok(Box::new(AtlasApp::new(model, None, settings)))
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
    let fail = |what: &str| ExportError::Render(format!("the browser refused the download ({what})"));
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

