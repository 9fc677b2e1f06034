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
mod first_load;
pub mod hooks;
pub mod mfa;
pub mod pages;
pub mod paging;
pub mod routes;
pub mod secret;
pub mod time;
pub mod url;
pub mod validate;

pub use app::App;
#[doc(hidden)] // for the browser tests
pub use app::SignedInRoutes;
use config::Config;
use leptos::prelude::*;

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

/// Entry point (`main`): the first load ([`first_load`]).
pub fn boot() {
    first_load::start();
}

/// Mounts the console over the first load's page (in the chunk `app`: `first_load::open`).
fn mount(config: Result<Config, String>, start: auth::start::Start) {
    if let Some(shell) = document().get_element_by_id("boot") {
        shell.remove();
    }
    match config {
        Ok(config) => {
            let crash_now =
                config.crash_test && window().location().pathname().as_deref() == Ok("/crash-test");
            leptos::mount::mount_to_body(move || view! { <App config start /> });
            if crash_now {
                leptos::task::spawn_local(async {
                    panic!("crash test: /crash-test with crash_test in config.json")
                });
            }
        }
        Err(message) => leptos::mount::mount_to_body(move || view! { <StartupError message /> }),
    }
}
