//! The route table and the root contexts.

use crate::api::transport::Transport;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{ToastRegion, Toasts};
use crate::config::Config;
use crate::pages::account::SecurityPage;
use crate::pages::api_keys::ApiKeysPage;
use crate::pages::apps::detail::AppDetailPage;
use crate::pages::apps::new::NewAppPage;
use crate::pages::apps::AppsPage;
use crate::pages::clients::detail::ClientDetailPage;
use crate::pages::clients::new::NewClientPage;
use crate::pages::clients::ClientsPage;
use crate::pages::login::{home_path, LoginPage};
use crate::pages::misc::{AdminOnly, NotFound};
use crate::pages::sessions::SessionsPage;
use crate::pages::shell::Shell;
use crate::pages::users::detail::UserDetailPage;
use crate::pages::users::import::ImportPage;
use crate::pages::users::new::NewUserPage;
use crate::pages::users::UsersPage;
use leptos::prelude::*;
use leptos_router::components::{ProtectedParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

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
    ($page:expr) => {
        || view! { <AdminOnly>{$page}</AdminOnly> }
    };
}

#[component]
pub fn App(config: Config, #[prop(optional)] transport: Option<Transport>) -> impl IntoView {
    let auth = AuthContext::provide();
    match transport {
        Some(t) => Api::provide_with(config, auth, t),
        None => Api::provide(config, auth),
    };
    Toasts::provide();
    let signed_in = move || Some(auth.is_signed_in());
    let home = move || view! { <Redirect path=home_path(auth.is_admin()) /> };
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/login") view=LoginPage />
                <ProtectedParentRoute path=path!("") view=Shell condition=signed_in redirect_path=login_redirect>
                    <Route path=path!("/") view=home />
                    <Route path=path!("/clients") view=admin!(view! { <ClientsPage /> }) />
                    <Route path=path!("/clients/new") view=admin!(view! { <NewClientPage /> }) />
                    <Route path=path!("/clients/:id") view=admin!(view! { <ClientDetailPage /> }) />
                    <Route path=path!("/users") view=admin!(view! { <UsersPage /> }) />
                    <Route path=path!("/users/new") view=admin!(view! { <NewUserPage /> }) />
                    <Route path=path!("/users/import") view=admin!(view! { <ImportPage /> }) />
                    <Route path=path!("/users/:id") view=admin!(view! { <UserDetailPage /> }) />
                    <Route path=path!("/apps") view=admin!(view! { <AppsPage /> }) />
                    <Route path=path!("/apps/new") view=admin!(view! { <NewAppPage /> }) />
                    <Route path=path!("/apps/:id") view=admin!(view! { <AppDetailPage /> }) />
                    <Route path=path!("/api-keys") view=admin!(view! { <ApiKeysPage /> }) />
                    <Route path=path!("/sessions") view=SessionsPage />
                    <Route path=path!("/account/security") view=SecurityPage />
                </ProtectedParentRoute>
            </Routes>
        </Router>
        <ToastRegion />
    }
}
