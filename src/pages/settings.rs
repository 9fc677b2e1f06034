//! `/settings`: the workspace: its profile (read-only: AuthSec saves no change to it),
//! its domains, and SCIM provisioning tokens.

mod domains;
pub mod rules;
mod scim;
mod workspace;

use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <h1>"Workspace settings"</h1>
        <workspace::Profile />
        <domains::Domains />
        <scim::Scim />
    }
}
