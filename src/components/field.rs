//! A labelled text field with its hint and error wired for screen readers.

use leptos::html;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A document-unique id for label/aria wiring.
pub fn unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

#[component]
pub fn TextField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    /// The message shown under the field; `None` when the value is fine.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autofocus: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] node_ref: Option<NodeRef<html::Input>>,
) -> impl IntoView {
    let id = unique_id("f");
    let err_id = format!("{id}-err");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let invalid = move || error.with(Option::is_some);
    let described = {
        let (err_id, hint_id) = (err_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if invalid() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let node_ref = node_ref.unwrap_or_default();
    // The `autofocus` attribute works once per document; a single-page app focuses the
    // field itself when it appears.
    if autofocus {
        Effect::new(move |_| {
            if let Some(i) = node_ref.get() {
                let _ = i.focus();
            }
        });
    }
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=input_type
                bind:value=value
                node_ref=node_ref
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                autofocus=autofocus
                disabled=move || disabled.get()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            <p class="field__error" id=err_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
