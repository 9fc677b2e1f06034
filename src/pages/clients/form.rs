//! The client form, shared by create and edit: the fields AuthSec keeps (name, e-mail,
//! type, tags, OIDC; clientms has no redirect URIs, scopes, grant types or logo).
//! Rules are checked in the browser (the server's own); server field errors land on the
//! same fields; nothing typed is lost on any failure.

use super::draft::{server_fields, Draft, CLIENT_TYPES};
use crate::api::ApiError;
use crate::components::field::unique_id;
use crate::components::{focus_first_invalid, FormAlert, SubmitButton};
use crate::components::{ChipInput, TextField};
use crate::hooks::Sender;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One signal per field, so the form keeps what was typed across failures.
#[derive(Clone, Copy)]
pub struct FormFields {
    pub name: RwSignal<String>,
    pub email: RwSignal<String>,
    pub client_type: RwSignal<String>,
    pub tags: RwSignal<Vec<String>>,
    pub oidc: RwSignal<bool>,
}

impl FormFields {
    pub fn new(d: &Draft) -> Self {
        FormFields {
            name: RwSignal::new(d.name.clone()),
            email: RwSignal::new(d.email.clone()),
            client_type: RwSignal::new(d.client_type.clone()),
            tags: RwSignal::new(d.tags.clone()),
            oidc: RwSignal::new(d.oidc_enabled),
        }
    }

    pub fn draft(&self) -> Draft {
        Draft {
            name: self.name.get_untracked(),
            email: self.email.get_untracked(),
            client_type: self.client_type.get_untracked(),
            tags: self.tags.get_untracked(),
            oidc_enabled: self.oidc.get_untracked(),
        }
    }

    /// Subscribes the running effect or memo to every field (for an unsaved-changes
    /// memo comparing [`FormFields::draft`] with what was loaded).
    pub fn track(&self) {
        self.name.track();
        self.email.track();
        self.client_type.track();
        self.tags.track();
        self.oidc.track();
    }

    /// True when the form differs from `base` (tracked: use it in a memo).
    pub fn differs_from(&self, base: &Draft) -> bool {
        self.track();
        self.draft() != *base
    }
}

/// Shows a refused submit: the server's field messages on their fields, focus on the
/// first bad field; returns the sentence above the form. What was typed stays.
pub fn show_failure(
    errors: RwSignal<BTreeMap<String, String>>,
    e: &ApiError,
    sent: &Draft,
    lead: &str,
) -> String {
    errors.set(server_fields(&e.fields, sent));
    focus_first_invalid();
    if e.fields.is_empty() {
        e.sentence(lead)
    } else {
        format!("{lead}: fix the fields marked below.")
    }
}

#[component]
pub fn ClientForm(
    fields: FormFields,
    errors: RwSignal<BTreeMap<String, String>>,
    submit_label: &'static str,
    /// The form's send (`hooks::use_form`), with its failure: sent once the draft is valid.
    #[prop(into)]
    send: Sender<Draft>,
    #[prop(optional, into)] on_cancel: Option<Callback<()>>,
    /// Editing an existing client: AuthSec's update does not take the type, so it is
    /// not offered.
    #[prop(optional)]
    editing: bool,
) -> impl IntoView {
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending.get_untracked() {
            return;
        }
        let d = fields.draft();
        let e = d.validate();
        let ok = e.is_empty();
        errors.set(e);
        if ok {
            send.run(d);
        } else {
            focus_first_invalid();
        }
    };
    let type_id = unique_id("ctype");
    view! {
        <form class="form stack" novalidate on:submit=submit>
            <FormAlert error=send.error />
            <TextField
                label="Name"
                value=fields.name
                error=err("name")
                required=true
                autofocus=true
            />
            <TextField
                label="Email"
                value=fields.email
                error=err("email")
                input_type="email"
                autocomplete="off"
                required=true
            />
            {(!editing)
                .then(|| {
                    view! {
                        <div class="field" class:field--invalid=move || err("client_type").with(Option::is_some)>
                    <label for=type_id.clone()>"Client type"</label>
                    <select id=type_id.clone() prop:value=move || fields.client_type.get() on:change=move |ev| fields.client_type.set(event_target_value(&ev))>
                        {CLIENT_TYPES.iter().map(|(k, l)| view! { <option value=*k>{*l}</option> }).collect_view()}
                    </select>
                    <p class="field__error" aria-live="polite">{move || err("client_type").get()}</p>
                </div>
                    }
                })}
            <ChipInput
                label="Tags"
                values=fields.tags
                hint="Press Enter or comma after each tag."
                error=err("tags")
            />
            <label class="check">
                <input type="checkbox" bind:checked=fields.oidc />
                "OIDC enabled"
            </label>
            <div class="actions">
                {on_cancel
                    .map(|cb| {
                        view! {
                            <button type="button" class="btn" on:click=move |_| cb.run(())>
                                "Cancel"
                            </button>
                        }
                    })} <SubmitButton pending=send.pending label=submit_label />
            </div>
        </form>
    }
}
