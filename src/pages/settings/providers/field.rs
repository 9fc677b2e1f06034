//! The parts both provider forms share: field errors by name, the "On" switch, the
//! template picker, and the failure sentence.

use super::rules::Errors;
use crate::api::idp::{OidcTemplate, SamlTemplate};
use crate::api::ApiError;
use crate::components::field::unique_id;
use crate::components::{Button, FormEnd, SubmitButton, TextField};
use crate::hooks::FormStatus;
use leptos::prelude::*;
use std::future::Future;

/// The error of one field, for its `TextField`.
pub fn err(errors: RwSignal<Errors>, k: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(|e| e.get(k).cloned()))
}

/// A refused save in a sentence: AuthSec's oocmgr answers its reason in `message`
/// beside a short `error`, which is all the console's decoder keeps.
pub fn failure(lead: &str, e: &ApiError) -> String {
    let why = match (e.status, e.message.as_str()) {
        (409, _) => "This workspace already has a provider with this key.",
        (404, m) if m.contains("Tenant") => "AuthSec has no OAuth base record for this workspace.",
        (404, _) => "AuthSec no longer has this provider; it may have been deleted.",
        (_, m) => m,
    };
    format!("{lead}. {why}")
}

/// Whether people can sign in through the provider.
#[component]
pub fn ActiveSwitch(on: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || on.get()
                on:change=move |ev| on.set(event_target_checked(&ev))
            />
            "People can sign in through it"
        </label>
    }
}

/// One of AuthSec's templates, as the picker offers it.
pub trait Template: Clone + 'static {
    /// Its key and the label it is offered under.
    fn names(&self) -> (&str, &str);
}

impl Template for OidcTemplate {
    fn names(&self) -> (&str, &str) {
        (&self.provider_name, &self.display_name)
    }
}

impl Template for SamlTemplate {
    fn names(&self) -> (&str, &str) {
        (&self.provider_name, &self.display_name)
    }
}

/// A select of AuthSec's templates, loaded when shown: picking one hands it to
/// `on_pick`; a failed load is said, and the form is filled by hand.
#[component]
pub fn TemplatePicker<T, L, Fut, P>(
    /// Loads the templates.
    load: L,
    on_pick: P,
) -> impl IntoView
where
    T: Template,
    L: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<Vec<T>, ApiError>> + 'static,
    P: Fn(T) + 'static,
{
    let id = unique_id("tpl");
    let templates = LocalResource::new(load);
    let listed = move || templates.get().and_then(Result::ok).unwrap_or_default();
    let failed = move || {
        templates.get().and_then(Result::err).map(|e| {
            format!(
                "AuthSec's templates could not be loaded ({}): fill in the form yourself.",
                e.message
            )
        })
    };
    let pick = move |key: String| {
        let list = templates
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_default();
        if let Some(t) = list.into_iter().find(|t| t.names().0 == key) {
            on_pick(t);
        }
    };
    view! {
        <p class="field__hint" aria-live="polite">
            {failed}
        </p>
        <div class="field">
            <label for=id.clone()>"Start from"</label>
            <select id=id on:change=move |ev| pick(event_target_value(&ev))>
                <option value="">"A blank form"</option>
                {move || {
                    listed()
                        .iter()
                        .map(|t| {
                            let (k, label) = t.names();
                            view! { <option value=k.to_string()>{label.to_string()}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// The key (set once, when adding) and the name people see.
#[component]
pub fn NameFields(
    key: RwSignal<String>,
    name: RwSignal<String>,
    errors: RwSignal<Errors>,
    adding: bool,
    key_hint: &'static str,
) -> impl IntoView {
    view! {
        <TextField
            label="Key"
            value=key
            error=err(errors, "provider_name")
            hint=key_hint
            disabled=Signal::derive(move || !adding)
            required=adding
        />
        <TextField
            label="Name people see"
            value=name
            error=err(errors, "display_name")
            required=true
        />
    }
}

/// Cancel and the submit button, with the form's failure sentence.
#[component]
pub fn ProviderFormEnd(
    #[prop(into)] of: FormStatus,
    adding: bool,
    on_cancel: Callback<Option<String>>,
) -> impl IntoView {
    let pending = of.pending;
    view! {
        <FormEnd error=of.error>
            <Button class="btn" disabled=pending on_click=move || on_cancel.run(None)>
                "Cancel"
            </Button>
            <SubmitButton
                pending
                label=if adding { "Add provider" } else { "Save provider" }
                busy="Saving…"
            />
        </FormEnd>
    }
}
