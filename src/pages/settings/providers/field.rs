//! The parts both provider forms share: field errors by name, the "On" switch, the
//! template picker, and the failure sentence.

use super::rules::Errors;
use crate::api::ApiError;
use crate::components::field::unique_id;
use leptos::prelude::*;

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

/// A select of AuthSec's templates (name, label); picking one runs `on_pick` with its name.
#[component]
pub fn TemplatePicker(
    options: Signal<Vec<(String, String)>>,
    /// Why AuthSec's templates could not be loaded.
    failed: Signal<Option<String>>,
    #[prop(into)] on_pick: Callback<String>,
) -> impl IntoView {
    let id = unique_id("tpl");
    view! {
        <p class="field__hint" aria-live="polite">
            {move || {
                failed
                    .get()
                    .map(|why| {
                        format!(
                            "AuthSec's templates could not be loaded ({why}): fill in the form yourself.",
                        )
                    })
            }}
        </p>
        <div class="field">
            <label for=id.clone()>"Start from"</label>
            <select
                id=id
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if !v.is_empty() {
                        on_pick.run(v);
                    }
                }
            >
                <option value="">"A blank form"</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(k, label)| view! { <option value=k>{label}</option> })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
