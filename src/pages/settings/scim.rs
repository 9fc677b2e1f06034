//! SCIM provisioning: a token an identity provider uses to create and update this
//! workspace's end users through one client. AuthSec issues it for 365 days and can
//! neither list nor revoke it, so the page says so before minting one and shows it once.

use crate::api::clients::{self, Client};
use crate::api::tenant::{self, ScimToken};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::field::unique_id;
use crate::components::Card;
use crate::components::{when, ConfirmedDialog, CopyButton, SearchInput, SecretDialog};
use crate::hooks::{keyed_fetch, use_confirmed};
use leptos::prelude::*;

#[component]
pub fn Scim() -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    let q = RwSignal::new(String::new());
    let found = keyed_fetch(
        move || (q.get(), tenant.get()),
        move |(q, t)| async move { clients::find(&api, &t, &q, 20).await },
    );
    let picked = RwSignal::new(String::new());
    let secret = RwSignal::new(None::<String>);
    let issued = RwSignal::new(None::<(String, ScimToken)>);
    let error = RwSignal::new(None::<String>);
    let mint = use_confirmed(
        move |c: Client| async move {
            let t = tenant::scim_token(&api, &c.client_id).await?;
            // Shown once in the dialog; the page keeps only what is not secret.
            secret.set(Some(t.token.clone().reveal()));
            let kept = ScimToken {
                token: Default::default(),
                ..t
            };
            issued.set(Some((c.name.clone(), kept)));
            Ok(c)
        },
        move |_| error.set(None),
    );
    let chosen = move || {
        let id = picked.get_untracked();
        found
            .get_untracked()
            .and_then(|r| r.ok())
            .and_then(|list| list.into_iter().find(|c| c.client_id == id))
    };
    let select_id = unique_id("scim-client");
    let options = move || {
        match found.get() {
        None => vec![view! { <option value="">"Loading clients…"</option> }.into_any()],
        Some(Err(e)) => vec![
            view! { <option value="">{format!("The clients could not be loaded. {}", e.message)}</option> }
                .into_any(),
        ],
        Some(Ok(list)) if list.is_empty() => {
            vec![view! { <option value="">"No client matches"</option> }.into_any()]
        }
        Some(Ok(list)) => std::iter::once(view! { <option value="">"Choose a client"</option> }.into_any())
            .chain(list.into_iter().map(|c| {
                view! { <option value=c.client_id.clone()>{c.name}</option> }.into_any()
            }))
            .collect(),
    }
    };
    view! {
        <Card
            title="SCIM provisioning"
            lead="An identity provider (Okta, Entra ID…) with a SCIM token creates and updates this workspace's end users through one client. AuthSec issues the token for 365 days and cannot list or revoke it: keep it in the identity provider only."
        >
            <form
                class="filters"
                on:submit=move |ev| {
                    ev.prevent_default();
                    match chosen() {
                        Some(c) => {
                            error.set(None);
                            mint.ask(c);
                        }
                        None => error.set(Some("Choose the client first.".into())),
                    }
                }
            >
                <SearchInput
                    label="Find a client"
                    value=q
                    on_commit=move |s| q.set(s)
                    placeholder="Client name"
                />
                <div class="field">
                    <label for=select_id.clone()>"Client"</label>
                    <select id=select_id bind:value=picked>
                        {options}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="btn btn--primary">
                        "Generate SCIM token"
                    </button>
                </div>
            </form>
            <p class="alert" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
            {move || {
                issued
                    .get()
                    .map(|(name, t)| {
                        view! {
                            <dl class="facts" aria-label="The last token issued">
                                <dt>"Client"</dt>
                                <dd>{name}</dd>
                                <dt>"SCIM base URL"</dt>
                                <dd>
                                    <code class="mono">{t.base_url.clone()}</code>
                                    <CopyButton value=t.base_url label="Copy the SCIM base URL" />
                                </dd>
                                <dt>"Expires"</dt>
                                <dd>{when(Some(t.expire_at.as_str()))}</dd>
                            </dl>
                        }
                    })
            }}
        </Card>
        <ConfirmedDialog
            of=mint
            title="Generate SCIM token"
            confirm_label="Generate token"
            message=|c: Client| {
                format!(
                    "Generate a SCIM token for {}? Whoever holds it can create and change this workspace's end users for 365 days; AuthSec cannot revoke it.",
                    c.name,
                )
            }
        />
        <SecretDialog
            secret
            title="SCIM token"
            subject=Signal::derive(move || {
                issued
                    .with(|i| {
                        i.as_ref().map(|(n, _)| format!("SCIM through {n}")).unwrap_or_default()
                    })
            })
            label="SCIM token"
            lost="If it is lost, generate another; the lost one stays valid until it expires."
        />
    }
}
