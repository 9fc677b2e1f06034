//! `/settings`: the workspace: its profile (read-only: AuthSec saves no change to it),
//! its domains, its sign-in providers (OIDC and SAML) and SCIM provisioning tokens.

mod domains;
mod providers;
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
        <providers::Providers />
        <scim::Scim />
    }
}
