//! `/access/scopes`: the workspace's scopes (the resources a project may reach) and its
//! API scopes (OAuth scopes mapped to permissions), each added, edited and deleted here.

mod api;
mod project;
pub mod rules;

use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ScopesPage() -> impl IntoView {
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <A href=Page::Roles.path()>"Roles"</A>
            " / Scopes"
        </nav>
        <h1>"Scopes"</h1>
        <project::ProjectScopes />
        <api::ApiScopes />
    }
}
