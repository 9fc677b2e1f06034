//! `/clients/:id`: every field of one client, edit in place, activate or
//! deactivate, rotate the secret (shown once), delete and delete permanently.

mod fields;

use super::draft::Draft;
use super::form::{show_failure, ClientForm, FormFields};
use super::row::StatusBadge;
use crate::api::clients::{self, Client};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::Button;
use crate::components::Card;
use crate::components::{ConfirmedDialog, DetailPage, SecretDialog, Toasts, UnsavedGuard};
use crate::hooks::use_confirmed;
use crate::hooks::use_form;
use crate::routes::Page;
use fields::Fields;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClientAct {
    Rotate,
    Delete,
    DeleteForever,
}

#[component]
pub fn ClientDetailPage() -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    view! {
        <DetailPage
            list=Page::Clients
            noun=crate::noun!("client", "clients", "Client", "Clients")
            fetch=move |id| {
                let t = tenant.get();
                async move { clients::get(&api, &t, &id).await }
            }
            view=|c, reload| view! { <Detail client=c reload=reload /> }
        />
    }
}

#[component]
fn Detail(client: Client, #[prop(into)] reload: Callback<()>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let navigate = use_navigate();
    let c = StoredValue::new(client);
    let name = c.with_value(|c| c.name.clone());
    let active = RwSignal::new(c.with_value(|c| c.active));
    let editing = RwSignal::new(false);
    let secret = RwSignal::new(None::<String>);
    let rotate_missing = RwSignal::new(false);

    // Edit in place.
    let before = StoredValue::new(c.with_value(Draft::from_client));
    let fields = FormFields::new(&before.get_value());
    let errors = RwSignal::new(BTreeMap::new());
    let save = use_form(
        move |d: Draft| {
            let (t, id) = (tenant.get_untracked(), c.with_value(|c| c.id.clone()));
            let body = d.update_body(&before.get_value());
            async move {
                clients::update(&api, &t, &id, &body)
                    .await
                    .map_err(|e| (e, d))
            }
        },
        move |_| {
            toasts.success("Changes saved.");
            editing.set(false);
            reload.run(());
        },
        move |(e, d)| show_failure(errors, &e, &d, "The changes were not saved"),
    );

    let dirty = Memo::new(move |_| editing.get() && before.with_value(|b| fields.differs_from(b)));

    // Status, rotate, delete.
    let toggle = Action::new_local(move |want: &bool| {
        let (want, t, id) = (
            *want,
            tenant.get_untracked(),
            c.with_value(|c| c.id.clone()),
        );
        active.set(want);
        async move { (want, clients::set_active(&api, &t, &id, want).await) }
    });
    Effect::new(move |_| {
        if let Some((want, Err(e))) = toggle.value().get() {
            active.set(!want);
            toasts.error(format!("The status was not changed: {}", e.message));
        }
    });
    let act = use_confirmed(
        move |a: ClientAct| {
            let t = tenant.get_untracked();
            let (id, client_id) = c.with_value(|c| (c.id.clone(), c.client_id.clone()));
            async move {
                match a {
                    ClientAct::Rotate => match clients::rotate_secret(&api, &t, &id).await {
                        Ok(r) => secret.set(Some(r.client_secret.reveal())),
                        // Said beside the buttons, not as a failure in the dialog.
                        Err(e) if e.is_missing_feature() => rotate_missing.set(true),
                        Err(e) => return Err(e),
                    },
                    ClientAct::Delete => clients::soft_delete(&api, &t, &id).await?,
                    ClientAct::DeleteForever => {
                        clients::delete_complete(&api, &t, &client_id).await?
                    }
                }
                Ok(a)
            }
        },
        move |a| match a {
            ClientAct::Rotate => {}
            ClientAct::Delete => {
                toasts.success(format!("{} was deleted.", c.with_value(|c| c.name.clone())));
                reload.run(());
            }
            ClientAct::DeleteForever => {
                let name = c.with_value(|c| c.name.clone());
                toasts.success(format!("{name} was deleted permanently."));
                navigate(&Page::Clients.path(), Default::default());
            }
        },
    );
    let open_ask = move |a: ClientAct| act.ask(a);
    let deleted = c.with_value(|c| c.deleted);
    let subject = Signal::derive(move || c.with_value(|c| format!("the client {}", c.name)));

    view! {
        <UnsavedGuard dirty=dirty />
        <div class="page-head">
            <h1 class="truncate" title=name.clone()>
                {name.clone()}
            </h1>
            <StatusBadge active=active />
            {deleted.then(|| view! { <span class="badge badge--off">"Deleted"</span> })}
            <span class="page-head__spacer"></span>
            <Show when=move || !editing.get()>
                <Button
                    class="btn"
                    on_click=move || {
                        save.error.set(None);
                        editing.set(true);
                    }
                >
                    "Edit"
                </Button>
                {(!deleted)
                    .then(|| {
                        view! {
                            <Button
                                class="btn"
                                disabled=move || toggle.pending().get()
                                on_click=move || {
                                    toggle.dispatch(!active.get_untracked());
                                }
                            >
                                {move || if active.get() { "Deactivate" } else { "Activate" }}
                            </Button>
                        }
                    })}
                <Show when=move || !rotate_missing.get()>
                    <button type="button" class="btn" on:click=move |_| open_ask(ClientAct::Rotate)>
                        "Rotate secret"
                    </button>
                </Show>
                {(!deleted)
                    .then(|| {
                        view! {
                            <Button
                                class="btn btn--danger-ghost"
                                on_click=move || open_ask(ClientAct::Delete)
                            >
                                "Delete"
                            </Button>
                        }
                    })}
                <Button
                    class="btn btn--danger-ghost"
                    on_click=move || open_ask(ClientAct::DeleteForever)
                >
                    "Delete permanently"
                </Button>
            </Show>
        </div>
        <Show when=move || rotate_missing.get()>
            <p class="alert alert--info" role="status">
                "This AuthSec deployment cannot rotate client secrets (it has no rotate-secret route). To replace a leaked secret, create a new client and delete this one."
            </p>
        </Show>
        <Show when=move || editing.get() fallback=move || view! { <Fields client=c.get_value() /> }>
            <div class="narrow-form">
                <ClientForm
                    fields=fields
                    errors=errors
                    send=save
                    submit_label="Save changes"
                    on_cancel=move |_| editing.set(false)
                    editing=true
                />
            </div>
        </Show>
        <Card title="Roles and groups">
            <p>
                "AuthSec gives roles to admins and groups to users; a client holds neither. (Its group-mapping route adds the groups to the first user who signed in through the client, not to the client, so the console does not offer it.) Manage who may do what under "
                <A href=Page::Roles.path()>"Roles"</A> " and "
                <A href=Page::Groups.path()>"Groups"</A> "."
            </p>
        </Card>
        <ConfirmedDialog
            of=act
            title="Please confirm"
            message=move |a: ClientAct| {
                let n = c.with_value(|c| c.name.clone());
                match a {
                    ClientAct::Rotate => {
                        format!(
                            "Rotate the secret of {n}? The current secret stops working at once; apps using it must be given the new one.",
                        )
                    }
                    ClientAct::Delete => {
                        format!(
                            "Delete {n}? It stops working at once; it stays listed under Deleted clients.",
                        )
                    }
                    ClientAct::DeleteForever => {
                        format!("Delete {n} permanently? This cannot be undone.")
                    }
                }
            }
            confirm_label="Confirm"
            type_to_confirm=move |a: ClientAct| {
                (a == ClientAct::DeleteForever).then(|| c.with_value(|c| c.name.clone()))
            }
            danger=true
        />
        <SecretDialog
            secret=secret
            title="New client secret"
            subject=subject
            on_stored=move |_| toasts.success("The secret was rotated.")
        />
    }
}
