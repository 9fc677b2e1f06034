//! AuthSec Console: a Leptos admin dashboard for the AuthSec identity
//! platform. Pure logic compiles on the host and is unit-tested there.

pub mod api;
mod app;
pub mod auth;
pub mod chunks;
pub mod components;
pub mod config;
pub mod crash;
pub mod csv;
pub mod hooks;
pub mod mfa;
pub mod pages;
pub mod paging;
pub mod routes;
pub mod time;
pub mod url;
pub mod validate;

pub use app::App;
#[doc(hidden)] // for the browser tests
pub use app::SignedInRoutes;
use config::Config;
use leptos::prelude::*;

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

#[component]
fn StartupError(message: String) -> impl IntoView {
    view! {
        <main id="main" class="content narrow">
            <h1>"The console cannot start"</h1>
            <p role="alert">{message}</p>
            <button
                type="button"
                class="btn"
                on:click=|_| {
                    let _ = window().location().reload();
                }
            >
                "Reload"
            </button>
        </main>
    }
}

/// Entry point: loads `config.json`, then mounts the app over the loading shell.
pub fn boot() {
    crash::install();
    wasm_bindgen_futures::spawn_local(async {
        let host = window().location().hostname().unwrap_or_default();
        let config = load_config(&host).await;
        if let Some(shell) = document().get_element_by_id("boot") {
            shell.remove();
        }
        match config {
            Ok(config) => {
                let crash_now = config.crash_test
                    && window().location().pathname().as_deref() == Ok("/crash-test");
                leptos::mount::mount_to_body(move || view! { <App config /> });
                if crash_now {
                    leptos::task::spawn_local(async {
                        panic!("crash test: /crash-test with crash_test in config.json")
                    });
                }
            }
            Err(message) => {
                leptos::mount::mount_to_body(move || view! { <StartupError message /> })
            }
        }
    });
}
