//! `/api-keys`: the admin's API keys: list, create (name and scopes; the key
//! shown once), regenerate (confirmed; the new key shown once) and delete.

use crate::api::apikeys::{self, ApiKey};
use crate::api::unsure::{Made, Once};
use crate::api::{Api, ApiError};
use crate::auth::AuthContext;
use crate::components::answer;
use crate::components::PageHead;
use crate::components::{when, ConfirmedDialog, Modal, SecretDialog, TableList, TextField, Toasts};
use crate::components::{AskButton, Button};
use crate::components::{FormEnd, SubmitButton};
use crate::hooks::use_confirmed;
use crate::hooks::use_form;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
enum KeyAct {
    Regenerate(ApiKey),
    Delete(ApiKey),
    /// A delete that found the key gone.
    Gone(ApiKey),
}

/// Field messages for a new key.
pub fn check(name: &str, scopes: &[String]) -> (Option<String>, Option<String>) {
    let n = name.trim();
    let name_err = if n.is_empty() {
        Some("Give the key a name that says where it is used.".to_string())
    } else if n.chars().count() > 100 {
        Some("Use at most 100 characters.".to_string())
    } else {
        None
    };
    let scope_err = scopes
        .is_empty()
        .then(|| "Pick at least one scope.".to_string());
    (name_err, scope_err)
}

#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let keys = LocalResource::new(move || async move { apikeys::list(&api).await });
    let secret = RwSignal::new(None::<String>);
    let subject = RwSignal::new(String::new());
    let act = use_confirmed(
        move |a: KeyAct| async move {
            match &a {
                KeyAct::Regenerate(k) => {
                    let w = apikeys::regenerate(&api, &k.key_id).await?;
                    subject.set(format!("the API key {}", k.name));
                    secret.set(Some(w.api_key.reveal()));
                }
                // Not there (any more): an earlier try whose answer was lost, or
                // someone else, deleted it.
                KeyAct::Delete(k) => match apikeys::delete(&api, &k.key_id).await {
                    Err(e) if e.status == 404 => return Ok(KeyAct::Gone(k.clone())),
                    r => r?,
                },
                KeyAct::Gone(_) => {}
            }
            Ok(a)
        },
        move |a| {
            match a {
                KeyAct::Regenerate(k) => toasts.success(format!(
                    "{} has a new key; the old one no longer works.",
                    k.name
                )),
                KeyAct::Gone(k) => toasts.success(format!("{} was already deleted.", k.name)),
                KeyAct::Delete(k) => toasts.success(format!("{} was deleted.", k.name)),
            }
            keys.refetch();
        },
    );
    let creating = RwSignal::new(false);
    let row = move |k: ApiKey| {
        let (regenerate, delete) = (KeyAct::Regenerate(k.clone()), KeyAct::Delete(k.clone()));
        view! {
            <tr>
                <td class="truncate" title=k.name.clone()><strong>{k.name.clone()}</strong></td>
                <td><span class="tags">{k.scopes.iter().map(|s| view! { <span class="tag">{s.clone()}</span> }).collect_view()}</span></td>
                <td>{when(Some(k.created_at.as_str()))}</td>
                <td>{when(k.last_use_at.as_deref())}</td>
                <td><span class="badge" class:badge--ok=k.is_active class:badge--off=!k.is_active>{if k.is_active { "Active" } else { "Inactive" }}</span></td>
                <td class="actions-cell">
                    <Button class="btn btn--small" label=format!("Regenerate {}", k.name) on_click=move || act.ask(regenerate.clone())>"Regenerate"</Button>
                    <AskButton of=act item=delete label=format!("Delete {}", k.name) text="Delete" />
                </td>
            </tr>
        }
    };
    view! {
        <PageHead title="API keys">
            <Button class="btn btn--primary" keys="n" on_click=move || creating.set(true)>
                "New API key"
            </Button>
        </PageHead>
        <p class="muted">
            "An API key acts for you from scripts and services: send it as "
            <code>"Authorization: Bearer <key>"</code> "."
        </p>
        <TableList
            data=keys
            noun=crate::noun!("API key", "API keys", "API key", "API keys")
            missing=Some("This server does not offer API keys.")
            columns=&["Name", "Scopes", "Created", "Last used", "Status", ""]
            row
        />
        <Show when=move || creating.get()>
            <NewKeyDialog
                on_close=move |_| creating.set(false)
                on_created=move |(name, key): (String, Option<String>)| {
                    creating.set(false);
                    match key {
                        Some(key) => {
                            subject.set(format!("the API key {name}"));
                            secret.set(Some(key));
                        }
                        None => {
                            toasts
                                .error(
                                    format!(
                                        "The key {name} was created, but AuthSec's answer, with the key, was lost on the way. Use Regenerate on its row to get one.",
                                    ),
                                )
                        }
                    }
                    keys.refetch();
                }
            />
        </Show>
        <SecretDialog
            secret=secret
            title="API key"
            label="API key"
            subject=Signal::derive(move || subject.get())
        />
        <ConfirmedDialog
            of=act
            title="Confirm"
            message=|a: KeyAct| match a {
                KeyAct::Regenerate(k) => {
                    format!("Make a new key for {}? The current key stops working at once.", k.name)
                }
                KeyAct::Delete(k) | KeyAct::Gone(k) => {
                    format!("Delete {}? Anything using it stops working at once.", k.name)
                }
            }
            confirm_label="Confirm"
            danger=true
        />
    }
}

#[component]
fn NewKeyDialog(
    #[prop(into)] on_close: Callback<()>,
    /// The new key's name and the key (`None` when the answer was lost on the way).
    #[prop(into)]
    on_created: Callback<(String, Option<String>)>,
) -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    let scopes = LocalResource::new(move || async move { apikeys::scopes(&api).await });
    let name = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<String>::new());
    let errors = RwSignal::new((None::<String>, None::<String>));
    let once = Once::default();
    let create = use_form(
        move |(n, s): (String, Vec<String>)| {
            let (n, t) = (n.trim().to_string(), tenant.get_untracked());
            let once = once.clone();
            async move {
                match apikeys::create(&api, &n, &s, &t, &once).await? {
                    Made::Answered(w) => Ok((n, Some(w.api_key.reveal()))),
                    Made::Found(_) => Ok((n, None)),
                }
            }
        },
        move |done| {
            on_created.run(done);
        },
        move |e: ApiError| {
            errors.set((
                e.field("name").map(String::from),
                e.field("scopes").map(String::from),
            ));
            e.sentence("The key was not created")
        },
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, s) = (name.get_untracked(), picked.get_untracked());
        let e = check(&n, &s);
        let ok = e.0.is_none() && e.1.is_none();
        errors.set(e);
        if ok {
            create.send((n, s));
        } else {
            create.error.set(None);
        }
    };
    view! {
        <Modal
            open=Signal::derive(|| true)
            title="New API key"
            on_cancel=move |_| {
                if !create.pending().get_untracked() {
                    on_close.run(())
                }
            }
        >
            <form class="stack" novalidate on:submit=submit>
                <TextField
                    label="Name"
                    value=name
                    autocomplete="off"
                    error=Signal::derive(move || errors.with(|e| e.0.clone()))
                />
                <fieldset class="scopes">
                    <legend>"Scopes"</legend>
                    <Transition fallback=|| {
                        view! { <p class="muted">"Loading scopes…"</p> }
                    }>
                        {move || {
                            answer(scopes)
                                .map(|r| match r {
                                    Ok(s) => {
                                        s.scopes
                                            .into_iter()
                                            .map(|sc| {
                                                let (a, b) = (sc.clone(), sc.clone());
                                                view! {
                                                    <label class="check">
                                                        <input
                                                            type="checkbox"
                                                            prop:checked=move || picked.with(|p| p.contains(&a))
                                                            on:change=move |ev| {
                                                                let on = event_target_checked(&ev);
                                                                let s = b.clone();
                                                                picked
                                                                    .update(|p| {
                                                                        p.retain(|x| *x != s);
                                                                        if on {
                                                                            p.push(s);
                                                                        }
                                                                    });
                                                            }
                                                        />
                                                        <code>{sc}</code>
                                                    </label>
                                                }
                                            })
                                            .collect_view()
                                            .into_any()
                                    }
                                    Err(e) => {
                                        view! {
                                            <p class="alert" role="alert">
                                                "The scopes could not be loaded. "
                                                {e.message}
                                            </p>
                                        }
                                            .into_any()
                                    }
                                })
                        }}
                    </Transition>
                    <p class="field__error" aria-live="polite">
                        {move || errors.with(|e| e.1.clone())}
                    </p>
                </fieldset>
                <FormEnd error=create.error>
                    <Button
                        class="btn"
                        disabled=move || create.pending().get()
                        on_click=move || on_close.run(())
                    >
                        "Cancel"
                    </Button>
                    <SubmitButton pending=create.pending() label="Create key" busy="Creating…" />
                </FormEnd>
            </form>
        </Modal>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_needs_a_name_and_a_scope() {
        assert_eq!(check("CI", &["users:read".into()]), (None, None));
        let (n, s) = check(" ", &[]);
        assert!(n.unwrap().starts_with("Give the key a name"));
        assert_eq!(s.as_deref(), Some("Pick at least one scope."));
        assert!(check(&"x".repeat(101), &["a".into()]).0.is_some());
    }
}
