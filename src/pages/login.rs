//! `/login`: password and second factor, or a pasted access token.

pub mod sign_in;
mod steps;
pub(crate) mod token_paste;

use crate::api::Api;
use crate::auth::Session;
use crate::chunks::Lazy;
use crate::config::{Demo, DemoAccount};
use crate::routes::Page;
use crate::validate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
pub use sign_in::SignIn;

#[component]
pub fn LoginPage() -> impl IntoView {
    let api = Api::expect();
    let query = use_query_map();
    let navigate = use_navigate();
    let config = api.config();
    let show_token = RwSignal::new(false);

    let done = Callback::new(move |session: Session| {
        let next = query.with_untracked(|q| validate::next_path(q.get("next").as_deref()));
        let target = next.unwrap_or_else(|| Page::home_of(session.is_admin()).path());
        navigate(
            &target,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });

    view! {
        <main id="main" class="login">
            <div class="login__card">
                <p class="brand">{config.app_name.clone()}</p>
                <Show
                    when=move || !show_token.get()
                    fallback=move || {
                        let back = Callback::new(move |_| show_token.set(false));
                        view! { <Lazy load=move || steps::token_paste(done, back) /> }
                    }
                >
                    <SignIn title="Sign in" on_signed_in=done />
                    // A plain button, not `Button`: this page is in the first load, where the
                    // component's callback costs bytes.
                    <button
                        type="button"
                        class="btn btn--link"
                        on:click=move |_| show_token.set(true)
                    >
                        "Use an access token"
                    </button>
                </Show>
                {config.demo.clone().map(|demo| view! { <DemoAccounts demo /> })}
            </div>
        </main>
    }
}

/// The sandbox's demo accounts, from `config.json` (sandboxes only).
#[component]
fn DemoAccounts(demo: Demo) -> impl IntoView {
    let account = |a: DemoAccount| {
        view! {
            <li>
                <code>{a.email}</code>
                {(!a.workspace.is_empty()).then(|| format!(" ({})", a.workspace))}
                " — "
                {a.note}
            </li>
        }
    };
    view! {
        <details class="demo">
            <summary>"Demo accounts (sandbox)"</summary>
            <p>"Password for every account: " <code>{demo.password}</code></p>
            <ul>{demo.accounts.into_iter().map(account).collect_view()}</ul>
        </details>
    }
}
