//! `/access/scopes`: the workspace's scopes (the resources a project may reach) and its
//! API scopes (OAuth scopes mapped to permissions), each added, edited and deleted here.

mod api;
mod project;
pub mod rules;

use crate::components::Crumbs;
use crate::routes::Page;
use leptos::prelude::*;

#[component]
pub fn ScopesPage() -> impl IntoView {
    view! {
        <Crumbs up=Page::Roles up_label="Roles" here="Scopes" />
        <project::ProjectScopes />
        <api::ApiScopes />
    }
}
