//! Asks before an edited, unsaved form is left: closing or reloading the tab
//! gets the browser's own "Leave site?" prompt, and an in-app link asks
//! [`LEAVE_QUESTION`] first (Cancel stays, with everything typed).

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub const LEAVE_QUESTION: &str = "Leave this page? Your changes are not saved.";

/// True when following `href` (an `<a>`'s attribute) from `here` (path and
/// query) opens another page: a same-page `#fragment` does not.
pub fn leaves_page(href: &str, here: &str) -> bool {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return false;
    }
    let without_hash = href.split('#').next().unwrap_or("");
    without_hash != here
}

/// While `dirty` is true, leaving asks first. Put it inside the page or form
/// that owns the edit; its listeners go with it.
#[component]
pub fn UnsavedGuard(#[prop(into)] dirty: Signal<bool>) -> impl IntoView {
    // `try_`: the window's listeners may fire while the page is torn down.
    let is_dirty = move || dirty.try_get_untracked().unwrap_or(false);
    let on_unload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if is_dirty() {
                ev.prevent_default();
                ev.set_return_value(LEAVE_QUESTION);
            }
        },
    );
    // Capturing on window: runs before the router's own click handling.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if !is_dirty()
            || ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(a) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        if a.has_attribute("download") || a.get_attribute("target").is_some_and(|t| t != "_self") {
            return;
        }
        let loc = window().location();
        let here = format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        );
        let href = a.get_attribute("href").unwrap_or_default();
        if leaves_page(&href, &here)
            && !window()
                .confirm_with_message(LEAVE_QUESTION)
                .unwrap_or(true)
        {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    let w = window();
    let _ = w.add_event_listener_with_callback("beforeunload", on_unload.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let held = SendWrapper::new((on_unload, on_click));
    on_cleanup(move || {
        let (on_unload, on_click) = held.take();
        let w = window();
        let _ = w.remove_event_listener_with_callback(
            "beforeunload",
            on_unload.as_ref().unchecked_ref(),
        );
        let _ = w.remove_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
    });
}

#[cfg(test)]
mod tests {
    use super::leaves_page;

    #[test]
    fn only_another_page_counts_as_leaving() {
        assert!(leaves_page("/clients", "/clients/42"));
        assert!(leaves_page("/clients/42?tab=x", "/clients/42"));
        assert!(!leaves_page("#main", "/clients/42"));
        assert!(!leaves_page("/clients/42#top", "/clients/42"));
        assert!(!leaves_page("", "/clients/42"));
    }
}
