//! The workspace's sign-in providers: OIDC and SAML identity providers listed together
//! (AuthSec's oocmgr rows, attached as AuthSec's own console does to the workspace's
//! default client); add one from AuthSec's templates, edit one (a stored secret is never
//! shown: typing one replaces it), delete one behind a confirmation.

mod field;
mod metadata;
mod oidc_form;
mod rules;
mod saml_form;
mod save;

use crate::api::idp::{self, OidcProvider, SamlProvider};
use crate::api::{Api, ApiError};
use crate::components::{Button, EditDeleteCell};
use crate::components::{ConfirmedDialog, DataTable, ListBody, Modal, Toasts};
use crate::hooks::use_confirmed;
use leptos::prelude::*;
use oidc_form::OidcForm;
use saml_form::SamlForm;

/// One row of the list.
#[derive(Clone, Debug, PartialEq)]
enum Provider {
    Oidc(OidcProvider),
    Saml(SamlProvider),
}

impl Provider {
    fn name(&self) -> String {
        match self {
            Provider::Oidc(p) => p.display_name.clone(),
            Provider::Saml(p) => p.display_name.clone(),
        }
    }
}

/// What the dialog shows: a new provider of a kind, or one to edit.
// One value per page, cloned once per open: boxing the provider would only add derefs.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
enum Editing {
    NewOidc,
    NewSaml,
    Edit(Provider),
}

#[derive(Clone, Debug, PartialEq)]
struct Listed {
    /// None: AuthSec has no OAuth base record for the workspace.
    oidc: Option<Vec<OidcProvider>>,
    saml: Vec<SamlProvider>,
    /// Where people come back after a provider signed them in.
    site: Option<String>,
}

impl Listed {
    fn keys(&self) -> Vec<String> {
        let oidc = self.oidc.iter().flatten().map(|p| p.provider_name.clone());
        // As AuthSec makes them part of record ids: "Google Workspace" takes google-workspace.
        oidc.chain(self.saml.iter().map(|p| p.provider_name.clone()))
            .map(|k| rules::key_of(&k))
            .collect()
    }
}

#[component]
pub fn Providers() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let data = LocalResource::new(move || async move {
        let (oidc, saml) = futures::join!(idp::oidc_list(&api), idp::saml_list(&api));
        let oidc = oidc?;
        Ok::<_, ApiError>(Listed {
            site: oidc.as_ref().and_then(|o| o.site.clone()),
            oidc: oidc.map(|o| o.providers),
            saml: saml?,
        })
    });
    let editing = RwSignal::new(None::<Editing>);
    let keys = Signal::derive(move || {
        data.get()
            .and_then(Result::ok)
            .map(|l| l.keys())
            .unwrap_or_default()
    });
    let site = Signal::derive(move || {
        let own = data.get().and_then(Result::ok).and_then(|l| l.site);
        own.unwrap_or_else(|| window().location().origin().unwrap_or_default())
    });
    let no_base = move || matches!(data.get(), Some(Ok(Listed { oidc: None, .. })));
    let done = Callback::new(move |said: Option<String>| {
        editing.set(None);
        if let Some(said) = said {
            toasts.success(said);
            data.refetch();
        }
    });
    let delete = use_confirmed(
        move |p: Provider| async move {
            match &p {
                Provider::Oidc(o) => idp::oidc_delete(&api, o).await,
                Provider::Saml(s) => idp::saml_delete(&api, &s.id).await,
            }
            .map(|_| p)
        },
        move |p| {
            toasts.success(format!("The provider {} was deleted.", p.name()));
            data.refetch();
        },
    );
    let row = move |p: Provider| {
        let (kind, key, active) = match &p {
            Provider::Oidc(o) => ("OIDC", o.provider_name.clone(), o.is_active),
            Provider::Saml(s) => ("SAML", s.provider_name.clone(), s.is_active),
        };
        let name = p.name();
        let (e, d) = (p.clone(), p);
        view! {
            <tr>
                <td class="c-name truncate" title=name.clone()>
                    {name.clone()}
                </td>
                <td>{kind}</td>
                <td>
                    <code>{key}</code>
                </td>
                <td>
                    {if active {
                        view! { <span class="badge badge--ok">"On"</span> }.into_any()
                    } else {
                        view! { <span class="badge badge--off">"Off"</span> }.into_any()
                    }}
                </td>
                <EditDeleteCell
                    name=name
                    on_edit=move || editing.set(Some(Editing::Edit(e.clone())))
                    on_delete=move || delete.ask(d.clone())
                />
            </tr>
        }
    };
    let rows = move |l: Listed| {
        let none = l.oidc.as_ref().is_none_or(Vec::is_empty) && l.saml.is_empty();
        let all = l.oidc.into_iter().flatten().map(Provider::Oidc);
        let all: Vec<Provider> = all.chain(l.saml.into_iter().map(Provider::Saml)).collect();
        if none {
            view! { <p class="muted">"No sign-in providers yet: people sign in with a password."</p> }
                .into_any()
        } else {
            view! {
                <DataTable
                    label="Sign-in providers"
                    columns=&["Name", "Protocol", "Key", "Status", ""]
                >
                    {all.into_iter().map(row).collect_view()}
                </DataTable>
            }
            .into_any()
        }
    };
    let title = move || match editing.get() {
        Some(Editing::NewOidc) => "Add an OIDC provider".to_string(),
        Some(Editing::NewSaml) => "Add a SAML provider".to_string(),
        Some(Editing::Edit(p)) => format!("Edit {}", p.name()),
        None => String::new(),
    };
    view! {
        <section class="card" aria-labelledby="providers-h">
            <div class="page-head">
                <h2 id="providers-h">"Sign-in providers"</h2>
                <span class="page-head__spacer"></span>
                <Show when=move || data.get().is_some_and(|r| r.is_ok())>
                    <Show when=move || !no_base()>
                        <Button class="btn" on_click=move || editing.set(Some(Editing::NewOidc))>
                            "Add OIDC provider"
                        </Button>
                    </Show>
                    <Button class="btn" on_click=move || editing.set(Some(Editing::NewSaml))>
                        "Add SAML provider"
                    </Button>
                </Show>
            </div>
            <p class="muted">
                "People can sign in through your company's identity provider (Okta, Azure AD, Google…) instead of a password."
            </p>
            <Show when=no_base>
                <p class="alert alert--info" role="status">
                    "AuthSec has no OAuth base record for this workspace, so it cannot hold OIDC providers; SAML providers work."
                </p>
            </Show>
            <ListBody
                data
                loading="Loading sign-in providers"
                what="The sign-in providers"
                skeleton_rows=2
                rows
            />
        </section>
        <Modal
            open=Signal::derive(move || editing.with(Option::is_some))
            title=title
            on_cancel=move || editing.set(None)
        >
            {move || match editing.get() {
                Some(Editing::NewOidc) => view! { <OidcForm keys site on_done=done /> }.into_any(),
                Some(Editing::Edit(Provider::Oidc(p))) => {
                    view! { <OidcForm existing=p keys site on_done=done /> }.into_any()
                }
                Some(Editing::NewSaml) => view! { <SamlForm keys on_done=done /> }.into_any(),
                Some(Editing::Edit(Provider::Saml(p))) => {
                    view! { <SamlForm existing=p keys on_done=done /> }.into_any()
                }
                None => ().into_any(),
            }}
        </Modal>
        <ConfirmedDialog
            of=delete
            title="Delete sign-in provider"
            confirm_label="Delete provider"
            danger=true
            message=|p: Provider| {
                format!("Delete {}? People can no longer sign in through it.", p.name())
            }
        />
    }
}
