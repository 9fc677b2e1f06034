//! The workspace's domains: add one, publish the TXT record shown (copy buttons), verify
//! it (AuthSec's answer in a sentence when it fails), make a verified one primary,
//! delete one behind a confirmation.

use super::rules::{check_domain, verify_failure};
use crate::api::domains::{self, Domain};
use crate::api::{Api, ApiError};
use crate::components::Card;
use crate::components::{when, ConfirmedDialog, CopyButton, FormAlert, SubmitEnd, TableList};
use crate::components::{AskButton, Button};
use crate::components::{TextField, Toasts};
use crate::hooks::{use_confirmed, use_form};
use leptos::prelude::*;

/// What a row's button asks of AuthSec.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Verify,
    MakePrimary,
}

#[component]
pub fn Domains() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let data = LocalResource::new(move || async move { domains::list(&api).await });
    let typed = RwSignal::new(String::new());
    let field_error = RwSignal::new(None::<String>);
    let add = use_form(
        move |d: String| async move { domains::add(&api, &d).await },
        move |d: Domain| {
            typed.set(String::new());
            toasts.success(format!(
                "{} was added. Publish its TXT record, then choose Verify.",
                d.domain
            ));
            data.refetch();
        },
        move |e: ApiError| format!("The domain was not added. {}", e.message),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_domain(&typed.get_untracked()) {
            Err(m) => field_error.set(Some(m)),
            Ok(d) => {
                field_error.set(None);
                add.send(d);
            }
        }
    };
    let op = use_form(
        move |(o, d): (Op, Domain)| async move {
            match o {
                Op::Verify => domains::verify(&api, &d.id).await,
                Op::MakePrimary => domains::set_primary(&api, &d.id).await,
            }
            .map(|_| (o, d.domain.clone()))
            .map_err(|e| (o, d.domain, e))
        },
        move |(o, name): (Op, String)| {
            toasts.success(match o {
                Op::Verify => format!("{name} is verified."),
                Op::MakePrimary => format!("{name} is now the primary domain."),
            });
            data.refetch();
        },
        move |(o, name, e): (Op, String, ApiError)| {
            // A failed check is recorded too: the list stays current.
            data.refetch();
            match o {
                Op::Verify => format!("{name}: {}", verify_failure(&e)),
                Op::MakePrimary => format!("{name} was not made primary. {}", e.message),
            }
        },
    );
    let run = move |o: Op, d: Domain| op.send((o, d));
    let delete = use_confirmed(
        move |d: Domain| async move { domains::delete(&api, &d.id).await.map(|_| d) },
        move |d| {
            toasts.success(format!("{} was deleted.", d.domain));
            data.refetch();
        },
    );
    let busy = move || op.pending().get();
    // A row's Verify or Make primary: named after its domain, off while one runs.
    let op_button = move |o: Op, d: Domain, text: &'static str, label: String| {
        view! {
            <Button
                class="btn btn--small"
                label=label
                disabled=busy
                on_click=move || run(o, d.clone())
            >
                {text}
            </Button>
        }
    };
    let row = move |d: Domain| {
        let name = d.domain.clone();
        let del = d.clone();
        let record = (!d.is_verified).then(|| view! { <Record domain=d.clone() /> });
        let verify = (!d.is_verified)
            .then(|| op_button(Op::Verify, d.clone(), "Verify", format!("Verify {name}")));
        let primary = (d.is_verified && !d.is_primary).then(|| {
            let label = format!("Make {name} primary");
            op_button(Op::MakePrimary, d.clone(), "Make primary", label)
        });
        view! {
            <tr>
                <td class="truncate" title=name.clone()>
                    {name.clone()}
                </td>
                <td>
                    {if d.is_verified {
                        view! { <span class="badge badge--ok">"Verified"</span> }.into_any()
                    } else {
                        view! { <span class="badge badge--off">"Not verified"</span> }.into_any()
                    }}
                    {d
                        .is_primary
                        .then(|| {
                            view! {
                                " "
                                <span class="badge">"Primary"</span>
                            }
                        })}
                </td>
                <td>{when(Some(d.created_at.as_str()))}</td>
                <td class="actions-cell">
                    {verify} {primary}
                    <AskButton of=delete item=del label=format!("Delete {name}") text="Delete" />
                </td>
            </tr>
            {record}
        }
    };
    view! {
        <Card
            title="Domains"
            lead="A verified domain can be used to sign in to this workspace and for passkeys. Prove a domain by publishing the TXT record shown for it at your DNS provider."
        >
            <form class="filters" on:submit=submit novalidate>
                <TextField
                    label="Domain"
                    value=typed
                    error=field_error
                    hint="e.g. login.example.com"
                    required=true
                />
                <SubmitEnd of=add label="Add domain" busy="Adding…" />
            </form>
            <FormAlert error=op.error />
            <TableList
                data
                noun=crate::noun!("domain", "domains", "Domain", "Domains")
                columns=&["Domain", "Status", "Added", ""]
                row
            />
        </Card>
        <ConfirmedDialog
            of=delete
            title="Delete domain"
            confirm_label="Delete domain"
            danger=true
            message=|d: Domain| {
                if d.is_verified {
                    format!(
                        "Delete {}? Sign-in through it and passkeys registered for it stop working.{}",
                        d.domain,
                        if d.is_primary { " It is the primary domain." } else { "" },
                    )
                } else {
                    format!("Delete {}? Its TXT record is no longer needed.", d.domain)
                }
            }
            type_to_confirm=|d: Domain| d.is_verified.then_some(d.domain)
        />
    }
}

/// The TXT record that proves an unverified domain, each part with a copy button.
#[component]
fn Record(domain: Domain) -> impl IntoView {
    let Domain {
        domain,
        verification_txt_name: name,
        verification_txt_value: value,
        ..
    } = domain;
    view! {
        <tr class="record-row">
            <td colspan="4">
                <dl class="facts">
                    <dt>"TXT name"</dt>
                    <dd>
                        <code class="mono">{name.clone()}</code>
                        <CopyButton value=name label=format!("Copy the TXT name for {domain}") />
                    </dd>
                    <dt>"TXT value"</dt>
                    <dd>
                        <code class="mono">{value.clone()}</code>
                        <CopyButton value=value label=format!("Copy the TXT value for {domain}") />
                    </dd>
                </dl>
            </td>
        </tr>
    }
}
