//! The route table and the root contexts.

pub(crate) mod areas;
mod session_end;

use crate::api::transport::Transport;
use crate::api::Api;
use crate::auth::start::Start;
use crate::auth::AuthContext;
use crate::auth::Session;
use crate::chunks::Lazy;
use crate::components::{ToastRegion, Toasts};
use crate::config::Config;
use crate::pages::login::{LoginPage, Resume};
use crate::pages::misc::{AdminOnly, NotFound};
use crate::pages::shell::Shell;
use crate::routes::seg::*;
use crate::routes::{login_then, Page};
use leptos::prelude::*;
use leptos_router::components::{ProtectedParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use leptos_router::{ParamSegment as P, StaticSegment as S};

/// Where a fresh session from the first load's sign-in leads (its `?next=`, or home).
fn session_target(session: &Session) -> String {
    let search = window().location().search().unwrap_or_default();
    let next = form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v.into_owned());
    Page::after_sign_in(next.as_deref(), session.is_admin())
}

/// Where a signed-out visitor is sent: the sign-in, remembering the page.
fn login_redirect() -> String {
    let loc = window().location();
    let here = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    login_then(&here)
}

macro_rules! admin {
    ($load:path) => {
        || view! { <AdminOnly><Lazy load=$load /></AdminOnly> }
    };
}

#[component]
pub fn App(
    config: Config,
    #[prop(optional)] transport: Option<Transport>,
    /// What the first load's sign-in handed over (`crate::first_load`).
    #[prop(optional)]
    start: Start,
) -> impl IntoView {
    let auth = AuthContext::provide();
    match start {
        Start::Session(session) => {
            // Where the sign-in was asked to lead, before the route table reads the address.
            let target = session_target(&session);
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target));
            }
            auth.sign_in(session);
        }
        Start::Plain => {}
        resume => Resume::provide(resume),
    }
    match transport {
        Some(t) => Api::provide_with(config, auth, t),
        None => Api::provide(config, auth),
    };
    Toasts::provide();
    // A new tab takes the session of a signed-in one, if there is one (never stored).
    let asking = crate::auth::siblings::ask(auth);
    // The route table, the shell and the areas are in the signed-in chunk, fetched once
    // someone has signed in (a full reload always starts signed out: the token lives in
    // memory only).
    // Sticky: after the first sign-in the signed-in chunk's route table handles
    // everything, signing out and in again included (as one table did before).
    let entered =
        Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || auth.is_signed_in());
    view! {
        <Router>
            {move || {
                if entered.get() {
                    view! { <Lazy load=areas::signed_in /> }.into_any()
                } else {
                    view! { <SignedOut asking /> }.into_any()
                }
            }}
        </Router>
        <ToastRegion />
    }
}

/// Before the first sign-in: `/login`, a console path (sent to the sign-in, which comes back to
/// it afterwards), or "Page not found".
#[component]
fn SignedOut(
    /// True while the other tabs are asked for a session: a console path waits for it.
    asking: ReadSignal<bool>,
) -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let page = Memo::new(move |_| {
        location.pathname.with(|p| match Page::parse(p) {
            Some(Page::Login) => SignedOutPage::Login,
            Some(_) => SignedOutPage::ToLogin,
            None => SignedOutPage::NotFound,
        })
    });
    Effect::new(move || {
        if page.get() == SignedOutPage::ToLogin && !asking.get() {
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
    session_end::end_sessions_let_go();
    // A memo: ProtectedParentRoute re-renders the shell and the page each time its
    // condition re-runs, and signing in again after a 401 replaces the session
    // (a new token) without changing whether anyone is signed in. The page, and
    // what was typed in it, must survive that.
    let signed_in_now = Memo::new(move |_| auth.is_signed_in());
    let signed_in = move || Some(signed_in_now.get());
    // Admins open on the overview; end users on their own security page.
    let home = move || {
        if auth.is_admin() {
            view! { <Lazy load=areas::overview /> }.into_any()
        } else {
            view! { <Redirect path=Page::home_of(false).path() /> }.into_any()
        }
    };
    view! {
        <Routes fallback=|| view! { <NotFound /> }>
            <Route path=(S(LOGIN),) view=LoginPage />
            <ProtectedParentRoute
                path=()
                view=Shell
                condition=signed_in
                redirect_path=login_redirect
            >
                <Route path=() view=home />
                <Route path=(S(CLIENTS),) view=admin!(areas::clients) />
                <Route path=(S(CLIENTS), S(NEW)) view=admin!(areas::new_client) />
                <Route path=(S(CLIENTS), P(ID)) view=admin!(areas::client_detail) />
                <Route path=(S(USERS),) view=admin!(areas::users) />
                <Route path=(S(USERS), S(NEW)) view=admin!(areas::new_user) />
                <Route path=(S(USERS), S(IMPORT)) view=admin!(areas::import_users) />
                <Route path=(S(USERS), P(ID)) view=admin!(areas::user_detail) />
                <Route path=(S(APPS),) view=admin!(areas::apps) />
                <Route path=(S(APPS), S(NEW)) view=admin!(areas::new_app) />
                <Route path=(S(APPS), P(ID)) view=admin!(areas::app_detail) />
                <Route path=(S(GROUPS),) view=admin!(areas::groups) />
                <Route path=(S(GROUPS), P(ID)) view=admin!(areas::group_detail) />
                <Route path=(S(ACCESS), S(ROLES)) view=admin!(areas::roles) />
                <Route path=(S(ACCESS), S(ROLES), S(NEW)) view=admin!(areas::new_role) />
                <Route path=(S(ACCESS), S(ROLES), P(ID)) view=admin!(areas::role_detail) />
                <Route path=(S(ACCESS), S(PERMISSIONS)) view=admin!(areas::permissions) />
                <Route path=(S(ACCESS), S(SCOPES)) view=admin!(areas::scopes) />
                <Route path=(S(SETTINGS),) view=admin!(areas::settings) />
                <Route path=(S(API_KEYS),) view=admin!(areas::api_keys) />
                <Route path=(S(SESSIONS),) view=|| view! { <Lazy load=areas::sessions /> } />
                <Route
                    path=(S(ACCOUNT), S(SECURITY))
                    view=|| view! { <Lazy load=areas::security /> }
                />
            </ProtectedParentRoute>
        </Routes>
    }
}
