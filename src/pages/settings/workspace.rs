//! The workspace's profile, read-only: AuthSec routes an update but saves nothing.

use crate::api::tenant::{self, Tenant};
use crate::api::Api;
use crate::components::Card;
use crate::components::{when, CopyButton, ListBody};
use leptos::prelude::*;

#[component]
pub fn Profile() -> impl IntoView {
    let api = Api::expect();
    let data = LocalResource::new(move || async move { tenant::current(&api).await });
    view! {
        <Card title="Workspace">
            <ListBody
                data
                loading="Loading the workspace"
                what="The workspace"
                skeleton_rows=1
                rows=move |t| view! { <Facts t /> }
            />
            <p class="muted">
                "AuthSec does not save changes to these yet, so they cannot be edited here."
            </p>
        </Card>
    }
}

#[component]
fn Facts(t: Tenant) -> impl IntoView {
    let id = t.id.clone();
    view! {
        <dl class="facts">
            <dt>"Name"</dt>
            <dd>{t.name}</dd>
            <dt>"Sign-in domain"</dt>
            <dd>{t.tenant_domain}</dd>
            <dt>"Owner"</dt>
            <dd>{t.email}</dd>
            <dt>"Created"</dt>
            <dd>{when(Some(t.created_at.as_str()))}</dd>
            <dt>"Workspace ID"</dt>
            <dd>
                <code class="mono">{id.clone()}</code>
                <CopyButton value=id label="Copy the workspace ID" />
            </dd>
        </dl>
    }
}
