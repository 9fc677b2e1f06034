//! What a panic leaves on screen: a crash page that says so and offers a reload,
//! instead of a console that silently stops answering. Plain DOM, no Leptos: the
//! reactive system may be what broke. The page names no data (the panic message
//! goes to the browser console only), and its Reload is a plain form to `/` (no
//! wasm involved), which starts a fresh, signed-out console.

use crate::routes::Page;
use wasm_bindgen::JsCast;

/// The crash page's markup: static text only, and a form to the home page.
pub fn crash_html() -> String {
    format!(
        concat!(
            r#"<main id="main" class="content narrow crash" role="alert">"#,
            r#"<h1>Something went wrong</h1>"#,
            r#"<p>The console hit an error it cannot recover from and has stopped. "#,
            r#"Changes you had not saved are lost; everything saved before is safe.</p>"#,
            r#"<p>Reload to start again. You will need to sign in.</p>"#,
            r#"<form method="get" action="{home}">"#,
            r#"<button type="submit" class="btn btn--primary">Reload the console</button></form>"#,
            r#"</main>"#,
        ),
        home = Page::Home.path()
    )
}

/// Installs the panic hook: the panic is logged as before (with its message and
/// location), then the page is replaced by [`crash_html`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Replaces the page with the crash page and focuses its button.
pub fn show() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(body) = doc.body() {
        body.set_inner_html(&crash_html());
    }
    if let Some(b) = doc
        .query_selector("main.crash button")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = b.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::crash_html;

    #[test]
    fn the_crash_page_is_static_with_a_reload_that_needs_no_script() {
        assert!(crash_html().contains("<h1>Something went wrong</h1>"));
        assert!(crash_html().contains(r#"<form method="get" action="/">"#));
        for banned in [
            "style=",
            "<script",
            "onclick",
            "onerror",
            "onload",
            "javascript:",
        ] {
            assert!(!crash_html().contains(banned), "{banned}");
        }
    }
}
