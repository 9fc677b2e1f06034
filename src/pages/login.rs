//! `/login`: password and second factor, or a pasted access token.

pub mod sign_in;
mod steps;
pub(crate) mod token_paste;

use crate::api::Api;
use crate::auth::start::Start;
use crate::auth::Session;
use crate::chunks::Lazy;
use crate::config::{Demo, DemoAccount};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
pub use sign_in::SignIn;

/// What the first load's sign-in handed over to this page, taken by its first showing
/// (a later visit, after signing out, starts afresh).
#[derive(Clone, Copy)]
pub struct Resume(StoredValue<Option<Start>>);

impl Resume {
    pub fn provide(start: Start) {
        provide_context(Resume(StoredValue::new(Some(start))));
    }

    fn take() -> Option<Start> {
        use_context::<Resume>().and_then(|r| r.0.write_value().take())
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let api = Api::expect();
    let query = use_query_map();
    let navigate = use_navigate();
    let config = api.config();
    let (typed, after_password, token) = match Resume::take() {
        Some(Start::Factor(typed, ok)) => (Some(typed), Some(ok), false),
        Some(Start::Token(typed)) => (Some(typed), None, true),
        _ => (None, None, false),
    };
    // Once: after "Use an access token" and back, the password step starts afresh.
    let after_password = StoredValue::new(after_password);
    let show_token = RwSignal::new(token);

    let done = Callback::new(move |session: Session| {
        let target = query
            .with_untracked(|q| Page::after_sign_in(q.get("next").as_deref(), session.is_admin()));
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
                    <SignIn
                        title="Sign in"
                        on_signed_in=done
                        typed=typed.clone()
                        after_password=after_password.write_value().take()
                    />
                    // A plain button, as in index.html's form (`crate::first_load`).
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
