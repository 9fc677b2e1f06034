//! Passkeys: the list (name, created, last used, transports), rename, delete
//! and "Add a passkey". Where the server lacks the list/rename/delete
//! extension rows, only adding is offered.

use super::add_passkey::AddPasskey;
use super::delete_factor::DeleteFactor;
use super::SecurityData;
use crate::api::passkeys::{self as pk, Passkey};
use crate::api::Api;
use crate::components::Card;
use crate::components::{when, ListBody, Toasts};
use crate::components::{AskButton, Button};
use crate::hooks::use_confirmed;
use crate::hooks::use_form;
use leptos::prelude::*;

/// A transport as words (the icon's text alternative).
pub fn transport_label(t: &str) -> &str {
    match t {
        "internal" => "This device",
        "usb" => "USB security key",
        "nfc" => "NFC",
        "ble" => "Bluetooth",
        "hybrid" => "Phone (nearby)",
        other => other,
    }
}

/// A small pictogram per transport; the label next to it carries the meaning.
fn transport_path(t: &str) -> &'static str {
    match t {
        "internal" => "M4 5h16v10H4zm-2 12h20v2H2z",
        "usb" => "M9 2h6v6h2v8a5 5 0 0 1-10 0V8h2zm2 2v4h2V4z",
        "nfc" => "M6 4h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 4v8h2v-5l2 5h2V8h-2v5l-2-5z",
        "ble" | "hybrid" => "M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h10V5z",
        _ => "M14 3a5 5 0 0 0-4.6 7L3 16.4V21h4.6v-2.3h2.3v-2.3h2.3l1.4-1.4A5 5 0 1 0 14 3z",
    }
}

#[component]
pub fn PasskeysSection() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let data = expect_context::<SecurityData>();
    let renaming = RwSignal::new(None::<String>);
    let new_name = RwSignal::new(String::new());
    let rename = use_form(
        move |(id, name): (String, String)| {
            let name = name.trim().to_string();
            async move { pk::rename(&api, &id, &name).await }
        },
        move |()| {
            renaming.set(None);
            toasts.success("The passkey was renamed.");
            data.refresh();
        },
        move |e| format!("The name was not saved. {}", e.message),
    );
    let delete = use_confirmed(
        move |p: Passkey| async move { pk::delete(&api, &p.id).await.map(|_| p) },
        move |p| {
            toasts.success(format!("The passkey {} was deleted.", p.name));
            data.refresh();
        },
    );
    let is_last = Signal::derive(move || data.factors().total() <= 1);
    let row = move |p: Passkey| {
        let (id, id2, id3, p2) = (p.id.clone(), p.id.clone(), p.id.clone(), p.clone());
        let editing = move || renaming.get().as_deref() == Some(id.as_str());
        let start_name = p.name.clone();
        view! {
            <li class="device">
                <Show
                    when=editing.clone()
                    fallback=move || {
                        let (p, p2, start_name) = (p.clone(), p2.clone(), start_name.clone());
                        let id = id2.clone();
                        view! {
                            <div class="device__text">
                                <strong class="truncate" title=p.name.clone()>
                                    {p.name.clone()}
                                </strong>
                                <span class="muted">
                                    "Added " {when(Some(p.created_at.as_str()))} " · last used "
                                    {when(p.last_used_at.as_deref())}
                                </span>
                                <span class="transports">
                                    {p
                                        .transports
                                        .iter()
                                        .map(|t| {
                                            view! {
                                                <span
                                                    class="transport"
                                                    title=transport_label(t).to_string()
                                                >
                                                    <svg
                                                        viewBox="0 0 24 24"
                                                        width="14"
                                                        height="14"
                                                        aria-hidden="true"
                                                    >
                                                        <path fill="currentColor" d=transport_path(t) />
                                                    </svg>
                                                    {transport_label(t).to_string()}
                                                </span>
                                            }
                                        })
                                        .collect_view()}
                                </span>
                            </div>
                            <div class="row">
                                <Button
                                    class="btn btn--small"
                                    label=format!("Rename {}", p.name)
                                    on_click=move || {
                                        rename.error.set(None);
                                        new_name.set(start_name.clone());
                                        renaming.set(Some(id.clone()));
                                    }
                                >
                                    "Rename"
                                </Button>
                                <AskButton
                                    of=delete
                                    item=p2
                                    label=format!("Delete {}", p.name)
                                    text="Delete"
                                />
                            </div>
                        }
                    }
                >
                    <form
                        class="row"
                        on:submit={
                            let id = id3.clone();
                            move |ev| {
                                ev.prevent_default();
                                let n = new_name.get_untracked();
                                if n.trim().is_empty() || n.chars().count() > 64 {
                                    rename.refuse("Use 1 to 64 characters.");
                                } else {
                                    rename.send((id.clone(), n));
                                }
                            }
                        }
                    >
                        <label class="filters__field">
                            "New name"<input type="text" bind:value=new_name autocomplete="off" />
                        </label>
                        <button
                            type="submit"
                            class="btn btn--small btn--primary"
                            disabled=move || rename.pending().get()
                        >
                            "Save"
                        </button>
                        <Button class="btn btn--small" on_click=move || renaming.set(None)>
                            "Cancel"
                        </Button>
                        <p class="field__error" role="alert">
                            {move || rename.error.get()}
                        </p>
                    </form>
                </Show>
            </li>
        }
    };
    view! {
        <Card
            title="Passkeys"
            lead="A passkey signs you in with your device's screen lock or a security key, and cannot be phished."
            class="stack"
        >
            <ListBody
                data=data.passkeys
                loading="Loading your passkeys"
                what="Your passkeys"
                missing=Some(
                    "This server does not list passkeys, so they cannot be renamed or deleted here. You can still add one.",
                )
                is_empty=Vec::is_empty
                empty=|| "No passkey yet."
                on_retry=move || data.refresh()
                rows=move |list| {
                    view! {
                        <ul class="plain devices" aria-label="Passkeys">
                            {list.into_iter().map(row).collect_view()}
                        </ul>
                    }
                }
            />
            <AddPasskey on_added=move |_| data.refresh() />
            <DeleteFactor
                open=delete.open()
                what=Signal::derive(move || {
                    delete
                        .item
                        .with(|p| {
                            p.as_ref()
                                .map(|p| format!("the passkey {}", p.name))
                                .unwrap_or_default()
                        })
                })
                is_last=is_last
                pending=delete.pending()
                error=delete.error()
                on_confirm=delete.confirm()
                on_cancel=delete.cancel()
            />
        </Card>
    }
}
