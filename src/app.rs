//! The route table and the root contexts.

pub(crate) mod areas;
pub(crate) mod chunks;

use crate::api::transport::Transport;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{ToastRegion, Toasts};
use crate::config::Config;
use crate::pages::login::{home_path, LoginPage};
use crate::pages::misc::{AdminOnly, NotFound};
use crate::pages::shell::Shell;
use chunks::Lazy;
use leptos::prelude::*;
use leptos_router::components::{ProtectedParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::path;
use leptos_router::NavigateOptions;

/// Where a signed-out visitor is sent: the sign-in, remembering the page.
fn login_redirect() -> String {
    let loc = window().location();
    let here = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    let next: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
    if here == "/" || here.is_empty() {
        "/login".into()
    } else {
        format!("/login?next={next}")
    }
}

macro_rules! admin {
    ($load:path) => {
        || view! { <AdminOnly><Lazy load=$load /></AdminOnly> }
    };
}

/// The console's routes (the table lives in the signed-in chunk, `SignedInRoutes`):
/// a signed-out visitor to one of them is sent to the sign-in, to any other path
/// "Page not found", without fetching that chunk.
pub fn is_console_path(path: &str) -> bool {
    let segs: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    match segs.as_slice() {
        [] | ["sessions"] | ["api-keys"] | ["account", "security"] => true,
        ["clients" | "users" | "apps"] => true,
        ["clients" | "users" | "apps", id] => !id.is_empty(),
        _ => false,
    }
}

#[component]
pub fn App(config: Config, #[prop(optional)] transport: Option<Transport>) -> impl IntoView {
    let auth = AuthContext::provide();
    match transport {
        Some(t) => Api::provide_with(config, auth, t),
        None => Api::provide(config, auth),
    };
    Toasts::provide();
    // Only the sign-in is in the first load: the route table, the shell and the
    // areas are in the signed-in chunk, fetched once someone has signed in (a full
    // reload always starts signed out: the token lives in memory only).
    // Sticky: after the first sign-in the signed-in chunk's route table handles
    // everything, signing out and in again included (as one table did before).
    let entered =
        Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || auth.is_signed_in());
    view! {
        <Router>
            {move || if entered.get() {
                view! { <Lazy load=areas::signed_in /> }.into_any()
            } else {
                view! { <SignedOut /> }.into_any()
            }}
        </Router>
        <ToastRegion />
    }
}

/// Before the first sign-in: `/login`, a console path (sent to the sign-in, which comes back to
/// it afterwards), or "Page not found".
#[component]
fn SignedOut() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let page = Memo::new(move |_| {
        location.pathname.with(|p| match p.as_str() {
            "/login" => SignedOutPage::Login,
            p if is_console_path(p) => SignedOutPage::ToLogin,
            _ => SignedOutPage::NotFound,
        })
    });
    Effect::new(move || {
        if page.get() == SignedOutPage::ToLogin {
            let replace = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&login_redirect(), replace);
        }
    });
    move || match page.get() {
        SignedOutPage::Login => view! { <LoginPage /> }.into_any(),
        SignedOutPage::ToLogin => ().into_any(),
        SignedOutPage::NotFound => view! { <NotFound /> }.into_any(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SignedOutPage {
    Login,
    ToLogin,
    NotFound,
}

/// Everything behind the sign-in: the shell and each area's pages (each area a
/// chunk of its own, fetched on first visit).
#[component]
pub fn SignedInRoutes() -> impl IntoView {
    let auth = AuthContext::expect();
    // A memo: ProtectedParentRoute re-renders the shell and the page each time its
    // condition re-runs, and signing in again after a 401 replaces the session
    // (a new token) without changing whether anyone is signed in. The page, and
    // what was typed in it, must survive that.
    let signed_in_now = Memo::new(move |_| auth.is_signed_in());
    let signed_in = move || Some(signed_in_now.get());
    let home = move || view! { <Redirect path=home_path(auth.is_admin()) /> };
    view! {
        <Routes fallback=|| view! { <NotFound /> }>
            <Route path=path!("/login") view=LoginPage />
            <ProtectedParentRoute path=path!("") view=Shell condition=signed_in redirect_path=login_redirect>
                <Route path=path!("/") view=home />
                <Route path=path!("/clients") view=admin!(areas::clients) />
                <Route path=path!("/clients/new") view=admin!(areas::new_client) />
                <Route path=path!("/clients/:id") view=admin!(areas::client_detail) />
                <Route path=path!("/users") view=admin!(areas::users) />
                <Route path=path!("/users/new") view=admin!(areas::new_user) />
                <Route path=path!("/users/import") view=admin!(areas::import_users) />
                <Route path=path!("/users/:id") view=admin!(areas::user_detail) />
                <Route path=path!("/apps") view=admin!(areas::apps) />
                <Route path=path!("/apps/new") view=admin!(areas::new_app) />
                <Route path=path!("/apps/:id") view=admin!(areas::app_detail) />
                <Route path=path!("/api-keys") view=admin!(areas::api_keys) />
                <Route path=path!("/sessions") view=|| view! { <Lazy load=areas::sessions /> } />
                <Route path=path!("/account/security") view=|| view! { <Lazy load=areas::security /> } />
            </ProtectedParentRoute>
        </Routes>
    }
}

#[cfg(test)]
mod tests {
    use super::is_console_path;

    #[test]
    fn console_paths_are_known_without_the_route_table() {
        for p in [
            "/",
            "/clients",
            "/clients/",
            "/clients/new",
            "/clients/c-1",
            "/users/import",
            "/users/u1",
            "/apps/a1",
            "/api-keys",
            "/sessions",
            "/account/security",
            "/users//",
        ] {
            assert!(is_console_path(p), "{p}");
        }
        for p in [
            "/no/such/page",
            "/clients/1/2",
            "/account",
            "/keys",
            "/login/x",
        ] {
            assert!(!is_console_path(p), "{p}");
        }
    }
}
