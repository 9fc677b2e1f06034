//! `areas.css`: the rules of everything past the password step (the shell, lists,
//! dialogs, the second factor's enrolment), kept out of the first load. The first chunk
//! to load adds it beside `main.css` (inline in the release build, its `data-href`
//! naming where it came from); a page waits for it, so nothing paints unstyled. Where
//! there is no such sheet (Trunk's dev build links both sheets itself; the browser tests
//! have none) there is nothing to fetch.

use js_sys::Promise;
use leptos::prelude::document;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::ChunkFailed;

thread_local! {
    /// Settles when the sheet has loaded (or failed): one per page, until a failure.
    static SHEET: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Starts fetching the sheet, once per page.
pub(super) fn fetched() -> Promise {
    SHEET.with_borrow_mut(|p| p.get_or_insert_with(add).clone())
}

/// Waits for the sheet. A failure forgets it (and removes its link), so "Try again" asks again.
pub(super) async fn arrived(sheet: Promise) -> Result<(), ChunkFailed> {
    // The promise never rejects (an unawaited rejection would be a page error): it
    // resolves with the link's `load` or `error` event.
    let event = JsFuture::from(sheet).await.ok();
    let Some(event) = event.as_ref().and_then(|e| e.dyn_ref::<web_sys::Event>()) else {
        return Ok(()); // no sheet to wait for
    };
    if event.type_() != "error" {
        return Ok(());
    }
    SHEET.set(None);
    if let Some(link) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        link.remove();
    }
    Err(ChunkFailed)
}

fn add() -> Promise {
    let doc = document();
    let main = doc.query_selector(r#"style[data-href$="/main.css"]"#);
    let (Ok(Some(main)), Ok(link)) = (main, doc.create_element("link")) else {
        return Promise::resolve(&JsValue::UNDEFINED);
    };
    let href = main.get_attribute("data-href").unwrap_or_default();
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &href.replace("/main.css", "/areas.css"));
    let sheet = Promise::new(&mut |settled, _| {
        let _ = link.add_event_listener_with_callback("load", &settled);
        let _ = link.add_event_listener_with_callback("error", &settled);
    });
    if let Some(parent) = main.parent_node() {
        let _ = parent.append_child(&link);
    }
    sheet
}
