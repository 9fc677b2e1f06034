//! Every field of a client, read-only, with copy buttons for the ids.

use super::super::row::{client_mfa_label, yes_no};
use crate::api::clients::Client;
use crate::components::CopyButton;
use crate::time;
use leptos::prelude::*;

#[component]
pub fn Fields(client: Client) -> impl IntoView {
    let c = client;
    let when = |s: &Option<String>| match s {
        Some(t) => view! {
            <time datetime=t.clone() title=time::absolute(t)>
                {time::epoch_secs(t)
                    .map(|x| time::relative(x, time::now_secs()))
                    .unwrap_or_else(|| t.clone())}
            </time>
        }
        .into_any(),
        None => view! { <span class="muted">"Never"</span> }.into_any(),
    };
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join(", ")
        }
    };
    let id_row = |label: &'static str, value: String| {
        let copy = format!("Copy {label}");
        view! {
            <dt>{label}</dt>
            <dd class="id-cell">
                <code>{value.clone()}</code>
                <CopyButton value=value label=copy />
            </dd>
        }
    };
    view! {
        <dl class="fields">
            {id_row("ID", c.id.clone())} {id_row("Client ID", c.client_id.clone())}
            {id_row("Hydra client ID", c.hydra_client_id.clone().unwrap_or_default())}
            <dt>"Email"</dt><dd>{c.email.clone()}</dd> <dt>"Type"</dt>
            <dd>{c.client_type.clone()}</dd> <dt>"Tags"</dt><dd>{list(&c.tags)}</dd> <dt>"OIDC"</dt>
            <dd>{yes_no(c.oidc_enabled)}</dd> <dt>"MFA"</dt><dd>{client_mfa_label(&c)}</dd>
            <dt>"MFA verified"</dt><dd>{yes_no(c.mfa_verified)}</dd> <dt>"MFA default method"</dt>
            <dd>{c.mfa_default_method.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>"MFA enrolled"</dt><dd>{when(&c.mfa_enrolled_at)}</dd> <dt>"Last login"</dt>
            <dd>{when(&c.last_login)}</dd> <dt>"Created"</dt>
            <dd>{when(&Some(c.created_at.clone()))}</dd> <dt>"Updated"</dt>
            <dd>{when(&Some(c.updated_at.clone()))}</dd> {id_row("Tenant ID", c.tenant_id.clone())}
            {id_row("Project ID", c.project_id.clone().unwrap_or_default())}
            {id_row("Org ID", c.org_id.clone().unwrap_or_default())}
            {id_row("Owner ID", c.owner_id.clone().unwrap_or_default())}
        </dl>
    }
}
