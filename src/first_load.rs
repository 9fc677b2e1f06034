//! The first load: `config.json`, then, on `/login`, the sign-in on the page's own form
//! (index.html's `#boot`, driven by [`form`]). The console itself (Leptos, the route table,
//! every page) is the chunk `app`, fetched once someone has used that form, or at once
//! on any other address.
//!
//! Why: the sign-in is the only page a fresh load can show (the token lives in memory
//! only), and on Leptos it needed about 135 KB brotli of code before a field could be
//! typed into. Here it is the page's own markup and this module, without Leptos; the
//! console's sign-in (`pages::login`) is the same steps and serves everything after the
//! password: the second factor, the access token, signing in again, after signing out.

mod form;

use crate::auth::start::{Start, Typed};
use crate::chunks::ChunkFailed;
use crate::config::Config;
use futures::future::LocalBoxFuture;
use std::rc::Rc;

async fn load_config(host: &str) -> Result<Config, String> {
    let resp = gloo_net::http::Request::get("/config.json")
        .send()
        .await
        .map_err(|_| "The console could not load its configuration (config.json).".to_string())?;
    if !resp.ok() {
        return Err(format!(
            "The console could not load its configuration (config.json answered {}).",
            resp.status()
        ));
    }
    let text = resp
        .text()
        .await
        .map_err(|_| "config.json could not be read.".to_string())?;
    Config::parse(&text, host)
}

/// Entry point (`main`).
pub fn start() {
    crate::crash::install();
    wasm_bindgen_futures::spawn_local(async {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let host = location.hostname().unwrap_or_default();
        let config = load_config(&host).await;
        let path = location.pathname().unwrap_or_default();
        let on_login = crate::routes::Page::parse(&path) == Some(crate::routes::Page::Login);
        match config {
            Ok(config) if on_login => form::run(config),
            config => open_plain(config).await,
        }
    });
}

/// Fetches the console's code and mounts it over the first load's page.
pub(crate) async fn open(config: Result<Config, String>, start: Start) -> Result<(), ChunkFailed> {
    mount_console(config, start).await
}

/// The console without anything typed first; when its code does not arrive, the frame says so.
pub(crate) async fn open_plain(config: Result<Config, String>) {
    if open(config, Start::Plain).await.is_err() {
        form::cannot_load();
    }
}

/// The password step's calls and sentences ([`form::password_step`]) and the question to
/// the other tabs ([`form::ask_siblings`]) are a chunk of their own, `signin_send`, fetched
/// once the form works, while the user types: the form is usable about 0.15 s sooner under
/// Slow 4G.
pub(crate) async fn send(
    config: Config,
    typed: Typed,
    password: String,
) -> Result<Result<Start, String>, ChunkFailed> {
    Ok(password_step(config, typed, password).await?.await)
}

type Step = LocalBoxFuture<'static, Result<Start, String>>;

/// Functions whose bodies are the chunk `$chunk` (fetched at the first call) in the split
/// build, and plain async functions in the others.
macro_rules! split_fns {
    ($chunk:ident: $(fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block)*) => {$(
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($($arg: $ty),*) -> Result<$out, ChunkFailed> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        async fn $name($($arg: $ty),*) -> Result<$out, ChunkFailed> {
            Ok($body)
        }
    )*};
}

split_fns! { app:
    fn mount_console(config: Result<Config, String>, start: Start) -> () {
        crate::mount(config, start)
    }
}

split_fns! { signin_send:
    fn password_step(config: Config, typed: Typed, password: String) -> Step {
        Box::pin(form::password_step(config, typed, password))
    }
    fn ask_siblings(form: Rc<form::Form>) -> () {
        form::ask_siblings(form)
    }
}
