//! `/clients/new`: create a client; its secret is shown once, then the
//! detail page opens.

use super::draft::Draft;
use super::form::{show_failure, ClientForm, FormFields};
use crate::api::clients;
use crate::api::unsure::{Made, Once};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::Crumbs;
use crate::components::{SecretDialog, Toasts, UnsavedGuard};
use crate::hooks::use_form;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;

#[component]
pub fn NewClientPage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let navigate = use_navigate();
    let fields = FormFields::new(&Draft::default());
    let errors = RwSignal::new(BTreeMap::new());
    let secret = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<(String, String)>);

    let go = navigate.clone();
    let once = Once::default();
    let create = use_form(
        move |d: Draft| {
            let (t, once) = (tenant.get_untracked(), once.clone());
            async move {
                match clients::create(&api, &t, &d.body(), &once).await {
                    Ok((made, rest)) => Ok((made, rest, d.name.trim().to_string())),
                    Err(e) => Err((e, d)),
                }
            }
        },
        move |(made, rest, name)| {
            if let Some(e) = rest {
                toasts.error(format!(
                    "{name} was created, but its tags and OIDC setting were not saved. {} Set them on its page.",
                    e.message
                ));
            }
            let c = match made {
                Made::Answered(c) => c,
                Made::Found(id) => {
                    toasts.error(format!(
                        "{name} was created, but AuthSec's answer, with its secret, was lost on the way. Rotate the secret on its page to get one."
                    ));
                    return go(&Page::Client(&id).path(), Default::default());
                }
            };
            created.set(Some((c.id.clone(), c.name.clone())));
            match c.secret_id {
                Some(s) => secret.set(Some(s.reveal())),
                // AuthSec created the client but could not store its secret.
                None => {
                    toasts.error(format!(
                        "{} was created, but the server issued no secret for it. Its secret store did not answer; ask the AuthSec operator.",
                        c.name
                    ));
                    go(&Page::Client(&c.id).path(), Default::default());
                }
            }
        },
        move |(e, d)| show_failure(errors, &e, &d, "The client was not created"),
    );
    // Typed but not created yet (once created, the secret dialog leads on).
    let blank = Draft::default();
    let dirty = Memo::new(move |_| created.with(Option::is_none) && fields.differs_from(&blank));
    let subject = Signal::derive(move || {
        created.with(|c| {
            c.as_ref()
                .map(|(_, n)| format!("the client {n}"))
                .unwrap_or_default()
        })
    });
    let on_stored = Callback::new(move |_| {
        if let Some((id, name)) = created.get_untracked() {
            toasts.success(format!("{name} was created."));
            navigate(&Page::Client(&id).path(), Default::default());
        }
    });
    view! {
        <Crumbs up=Page::Clients up_label="Clients" here="New client" />
        <div class="narrow-form">
            <ClientForm fields=fields errors=errors send=create submit_label="Create client" />
        </div>
        <SecretDialog secret=secret title="Client secret" subject=subject on_stored=on_stored />
        <UnsavedGuard dirty=dirty />
    }
}
