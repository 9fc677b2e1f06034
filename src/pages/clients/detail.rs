//! `/clients/:id`: every field of one client, edit in place, activate or
//! deactivate, rotate the secret (shown once), delete and delete permanently.

mod fields;

use super::draft::Draft;
use super::form::{show_failure, ClientForm, FormFields};
use super::row::StatusBadge;
use crate::api::clients::{self, Client};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::LoadFailed;
use crate::components::{ConfirmDialog, SecretDialog, Toasts, UnsavedGuard};
use crate::routes::Page;
use fields::Fields;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ask {
    Rotate,
    Delete,
    DeleteForever,
}

#[component]
pub fn ClientDetailPage() -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        let (t, id) = (tenant.get(), id.get());
        reload.track();
        async move { clients::get(&api, &t, &id).await }
    });
    view! {
        <nav class="crumbs" aria-label="Breadcrumb"><A href=Page::Clients.path()>"Clients"</A>" / Client"</nav>
        <Transition fallback=|| view! { <div class="skeleton-table" aria-busy="true" aria-label="Loading client"><div class="skeleton-row"></div><div class="skeleton-row"></div></div> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => view! { <Detail client=c reload=reload /> }.into_any(),
                    Err(e) => view! {
                        <LoadFailed what="The client" error=e not_found="This client does not exist in this workspace." on_retry=move |_| reload.update(|n| *n += 1) />
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(client: Client, reload: RwSignal<u32>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let navigate = use_navigate();
    let c = StoredValue::new(client);
    let name = c.with_value(|c| c.name.clone());
    let active = RwSignal::new(c.with_value(|c| c.active));
    let editing = RwSignal::new(false);
    let ask = RwSignal::new(None::<Ask>);
    let ask_error = RwSignal::new(None::<String>);
    let secret = RwSignal::new(None::<String>);
    let rotate_missing = RwSignal::new(false);

    // Edit in place.
    let before = StoredValue::new(c.with_value(Draft::from_client));
    let fields = FormFields::new(&before.get_value());
    let errors = RwSignal::new(BTreeMap::new());
    let form_error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |d: &Draft| {
        let (d, t, id) = (
            d.clone(),
            tenant.get_untracked(),
            c.with_value(|c| c.id.clone()),
        );
        let body = d.update_body(&before.get_value());
        async move {
            clients::update(&api, &t, &id, &body)
                .await
                .map_err(|e| (e, d))
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => {
            save.value().set(None);
            toasts.success("Changes saved.");
            editing.set(false);
            reload.update(|n| *n += 1);
        }
        Some(Err((e, d))) => {
            show_failure(errors, form_error, &e, &d, "The changes were not saved");
        }
        None => {}
    });

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
    let act = Action::new_local(move |a: &Ask| {
        let (a, t) = (*a, tenant.get_untracked());
        let (id, client_id) = c.with_value(|c| (c.id.clone(), c.client_id.clone()));
        async move {
            match a {
                Ask::Rotate => clients::rotate_secret(&api, &t, &id)
                    .await
                    .map(|r| Some(r.client_secret)),
                Ask::Delete => clients::soft_delete(&api, &t, &id).await.map(|_| None),
                Ask::DeleteForever => clients::delete_complete(&api, &t, &client_id)
                    .await
                    .map(|_| None),
            }
            .map_err(|e| (a, e))
        }
    });
    let name2 = name.clone();
    Effect::new(move |_| match act.value().get() {
        Some(Ok(s)) => {
            act.value().set(None);
            let which = ask.get_untracked();
            ask.set(None);
            match which {
                Some(Ask::Rotate) => secret.set(s),
                Some(Ask::Delete) => {
                    toasts.success(format!("{name2} was deleted."));
                    reload.update(|n| *n += 1);
                }
                Some(Ask::DeleteForever) => {
                    toasts.success(format!("{name2} was deleted permanently."));
                    navigate(&Page::Clients.path(), Default::default());
                }
                None => {}
            }
        }
        Some(Err((Ask::Rotate, e))) if e.is_missing_feature() => {
            act.value().set(None);
            ask.set(None);
            rotate_missing.set(true);
        }
        Some(Err((_, e))) => ask_error.set(Some(e.message)),
        None => {}
    });
    let open_ask = move |a: Ask| {
        ask_error.set(None);
        ask.set(Some(a));
    };
    let deleted = c.with_value(|c| c.deleted);
    let n1 = name.clone();
    let message = Signal::derive(move || {
        match ask.get() {
        Some(Ask::Rotate) => format!("Rotate the secret of {n1}? The current secret stops working at once; apps using it must be given the new one."),
        Some(Ask::Delete) => format!("Delete {n1}? It stops working at once; it stays listed under Deleted clients."),
        Some(Ask::DeleteForever) => format!("Delete {n1} permanently? This cannot be undone."),
        None => String::new(),
    }
    });
    let n2 = name.clone();
    let subject = Signal::derive(move || format!("the client {n2}"));

    view! {
        <UnsavedGuard dirty=dirty />
        <div class="page-head">
            <h1 class="truncate" title=name.clone()>{name.clone()}</h1>
            <StatusBadge active=active />
            {deleted.then(|| view! { <span class="badge badge--off">"Deleted"</span> })}
            <span class="page-head__spacer"></span>
            <Show when=move || !editing.get()>
                <button type="button" class="btn" on:click=move |_| { form_error.set(None); editing.set(true); }>"Edit"</button>
                {(!deleted).then(|| view! {
                    <button type="button" class="btn" disabled=move || toggle.pending().get() on:click=move |_| { toggle.dispatch(!active.get_untracked()); }>
                        {move || if active.get() { "Deactivate" } else { "Activate" }}
                    </button>
                })}
                <Show when=move || !rotate_missing.get()>
                    <button type="button" class="btn" on:click=move |_| open_ask(Ask::Rotate)>"Rotate secret"</button>
                </Show>
                {(!deleted).then(|| view! { <button type="button" class="btn btn--danger-ghost" on:click=move |_| open_ask(Ask::Delete)>"Delete"</button> })}
                <button type="button" class="btn btn--danger-ghost" on:click=move |_| open_ask(Ask::DeleteForever)>"Delete permanently"</button>
            </Show>
        </div>
        <Show when=move || rotate_missing.get()>
            <p class="alert alert--info" role="status">"This AuthSec deployment cannot rotate client secrets (it has no rotate-secret route). To replace a leaked secret, create a new client and delete this one."</p>
        </Show>
        <Show
            when=move || editing.get()
            fallback=move || view! { <Fields client=c.get_value() /> }
        >
            <div class="narrow-form">
                <ClientForm
                    fields=fields
                    errors=errors
                    form_error=form_error
                    pending=save.pending()
                    submit_label="Save changes"
                    on_submit=move |d| { save.dispatch(d); }
                    on_cancel=move |_| editing.set(false)
                    editing=true
                />
            </div>
        </Show>
        <ConfirmDialog
            open=Signal::derive(move || ask.with(Option::is_some))
            title="Please confirm"
            message=message
            confirm_label="Confirm"
            type_to_confirm=Signal::derive(move || (ask.get() == Some(Ask::DeleteForever)).then(|| c.with_value(|c| c.name.clone())))
            pending=act.pending()
            error=ask_error
            on_confirm=move |_| if let Some(a) = ask.get_untracked() { act.dispatch(a); }
            on_cancel=move |_| ask.set(None)
            danger=true
        />
        <SecretDialog secret=secret title="New client secret" subject=subject on_stored=move |_| toasts.success("The secret was rotated.") />
    }
}
