//! The signed-in layout: header, navigation that fits the role, the routed
//! page, and the "Sign in again" and "Confirm it's you" dialogs.

mod idle_lock;
mod keys;
mod nav;
pub mod palette;
pub mod reauth;
mod renew;
pub mod shortcuts;
mod sign_in_again;
mod step_up;
mod theme;

use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::Button;
use crate::routes::Page;
use idle_lock::IdleLock;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_navigate;
pub use nav::{nav_items, Nav};
pub use palette::Palette;
pub use reauth::ReauthDialog;
use renew::RenewNotice;
pub use shortcuts::Shortcuts;
use step_up::StepUpDialog;
use theme::ThemeToggle;

#[component]
pub fn Shell() -> impl IntoView {
    let auth = AuthContext::expect();
    let app_name = Api::expect().config().app_name;
    let navigate = use_navigate();
    let session = auth.session();
    let email = move || {
        session.with(|s| {
            s.as_ref()
                .map(|s| s.email().to_string())
                .unwrap_or_default()
        })
    };
    let tenant = move || {
        session.with(|s| {
            s.as_ref()
                .map(|s| s.tenant_domain.clone())
                .unwrap_or_default()
        })
    };
    // Which extension areas this server has: asked once per sign-in, in the background.
    let api = Api::expect();
    let user = Memo::new(move |_| {
        session.with(|s| s.as_ref().map(|s| (s.email().to_string(), s.is_admin())))
    });
    Effect::new(move |_| {
        if let Some((_, admin)) = user.get() {
            leptos::task::spawn_local(crate::api::extensions::probe(api, admin));
        }
    });
    let content = NodeRef::<html::Div>::new();
    let (palette, help) = (RwSignal::new(false), RwSignal::new(false));
    let sign_out = move |_| {
        auth.sign_out();
        navigate(&Page::Login.path(), Default::default());
    };
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <div class="shell">
            <header class="topbar">
                <span class="brand">{app_name}</span>
                <span class="topbar__tenant" title="Workspace">
                    {tenant}
                </span>
                <span class="topbar__spacer"></span>
                <Button
                    class="btn btn--small topbar__search"
                    keys="Control+K Meta+K"
                    on_click=move || palette.set(true)
                >
                    "Search"
                    <kbd aria-hidden="true">"Ctrl K"</kbd>
                </Button>
                <span class="topbar__user">{email}</span>
                <ThemeToggle />
                <button type="button" class="btn btn--small" on:click=sign_out>
                    "Sign out"
                </button>
            </header>
            <Nav />
            <main id="main" class="content" tabindex="-1">
                <div node_ref=content>
                    <Outlet />
                </div>
            </main>
        </div>
        <ReauthDialog />
        <StepUpDialog />
        <IdleLock content />
        <RenewNotice />
        <Palette open=palette />
        <Shortcuts palette help />
    }
}
