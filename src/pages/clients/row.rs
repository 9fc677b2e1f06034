//! One client row: optimistic activate/deactivate that rolls back when the
//! server refuses, a copy button for the client_id, and delete.

use super::Pending;
use super::{PickedClient, Selection};
use crate::api::clients::{self, Client};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{CopyButton, SelectRowCell, Toasts};
use crate::routes::Page;
use crate::time;
use leptos::prelude::*;

pub fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

/// "TOTP, WebAuthn" for an MFA-enabled client, else "Off".
pub fn client_mfa_label(c: &Client) -> String {
    if !c.mfa_enabled {
        return "Off".into();
    }
    if c.mfa_method.is_empty() {
        "On".into()
    } else {
        c.mfa_method.join(", ")
    }
}

#[component]
pub fn StatusBadge(#[prop(into)] active: Signal<bool>) -> impl IntoView {
    view! {
        <span class="badge" class:badge--ok=move || active.get() class:badge--off=move || !active.get()>
            {move || if active.get() { "Active" } else { "Inactive" }}
        </span>
    }
}

#[component]
pub fn ClientRow(client: Client, #[prop(into)] ask: Callback<Pending>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let selection = Selection::expect();
    let active = RwSignal::new(client.active);
    let busy = RwSignal::new(false);
    let picked = PickedClient::of(&client);
    let (id, name) = (client.id.clone(), client.name.clone());
    let toggle = {
        let (id, name) = (id.clone(), name.clone());
        move |_| {
            if busy.get_untracked() {
                return;
            }
            let want = !active.get_untracked();
            active.set(want);
            busy.set(true);
            let (id, name, t) = (id.clone(), name.clone(), tenant.get_untracked());
            leptos::task::spawn_local(async move {
                let result = clients::set_active(&api, &t, &id, want).await;
                busy.set(false);
                match result {
                    Ok(c) => {
                        active.set(c.active);
                    }
                    Err(e) => {
                        active.set(!want);
                        let verb = if want { "activate" } else { "deactivate" };
                        toasts.error(format!("Could not {verb} {name}: {}", e.message));
                    }
                }
            });
        }
    };
    let deleted_view = client.deleted;
    let delete = {
        let (id, name, client_id) = (id.clone(), name.clone(), client.client_id.clone());
        move |_| {
            if deleted_view {
                {
                    ask.run(Pending::HardDelete {
                        client_id: client_id.clone(),
                        name: name.clone(),
                    });
                }
            } else {
                {
                    ask.run(Pending::SoftDelete {
                        id: id.clone(),
                        name: name.clone(),
                    });
                }
            }
        }
    };
    let created = time::epoch_secs(&client.created_at)
        .map(|t| time::relative(t, time::now_secs()))
        .unwrap_or_default();
    let created_abs = time::absolute(&client.created_at);
    let client_id = client.client_id.clone();
    let copy_label = format!("Copy client ID of {name}");
    let select_label = format!("Select {name}");
    let toggle_label = {
        let name = name.clone();
        move || {
            format!(
                "{} {name}",
                if active.get() {
                    "Deactivate"
                } else {
                    "Activate"
                }
            )
        }
    };
    let delete_label = format!(
        "{} {name}",
        if deleted_view {
            "Delete permanently"
        } else {
            "Delete"
        }
    );
    let mfa = client_mfa_label(&client);
    let (name_title, name_link, href) =
        (name.clone(), name.clone(), Page::Client(&client.id).path());
    view! {
        <tr class:row--selected=move || selection.has(&picked.id)>
            <SelectRowCell selection pick=PickedClient::of(&client) label=select_label />
            <td class="c-name truncate" title=name_title>
                // A plain link: the router handles in-app clicks on it like <A>,
                // without <A>'s per-link reactive state (100 of them per page).
                <a href=href>{name_link}</a>
            </td>
            <td class="c-client_id">
                <span class="id-cell">
                    <code class="truncate" title=client_id.clone()>{client_id.clone()}</code>
                    <CopyButton value=client_id.clone() label=copy_label />
                </span>
            </td>
            <td class="c-status"><StatusBadge active=active /></td>
            <td class="c-type">{client.client_type.clone()}</td>
            <td class="c-tags">
                <span class="tags">{client.tags.iter().map(|t| view! { <span class="tag">{t.clone()}</span> }).collect_view()}</span>
            </td>
            <td class="c-oidc">{yes_no(client.oidc_enabled)}</td>
            <td class="c-mfa">{mfa}</td>
            <td class="c-users num">{client.user_count}</td>
            <td class="c-created"><time datetime=client.created_at.clone() title=created_abs>{created}</time></td>
            <td class="table__actions">
                {(!deleted_view).then(|| view! {
                    <button type="button" class="btn btn--small" aria-label=toggle_label disabled=move || busy.get() on:click=toggle>
                        {move || if active.get() { "Deactivate" } else { "Activate" }}
                    </button>
                })}
                <button type="button" class="btn btn--small btn--danger-ghost" aria-label=delete_label on:click=delete>
                    {if deleted_view { "Delete permanently" } else { "Delete" }}
                </button>
            </td>
        </tr>
    }
}
