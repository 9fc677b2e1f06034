//! The two ends of every form, written once: the form-level failure (announced,
//! hidden while there is none) and the submit button that is disabled and says
//! what it is doing while the request runs, so nothing is sent twice.
//!
//! ```ignore
//! view! {
//!     <form on:submit=submit>
//!         <TextField label="Name" value=name error=err("name") />
//!         <FormAlert error=create.error />
//!         <div class="actions">
//!             <SubmitButton pending=create.pending() label="Create key" busy="Creating…" />
//!         </div>
//!         // or both at once: <SubmitEnd of=create label="Create key" busy="Creating…" />
//!     </form>
//! }
//! ```

use crate::hooks::FormStatus;
use leptos::prelude::*;

/// The failure of the whole form (or step), in a live region; hidden while `None`.
#[component]
pub fn FormAlert(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="alert" role="alert" hidden=move || error.with(Option::is_none)>
            {move || error.get()}
        </p>
    }
}

/// The primary submit button: disabled while `pending`, saying `busy` then.
#[component]
pub fn SubmitButton(
    #[prop(into)] pending: Signal<bool>,
    label: &'static str,
    /// What the button says while the request runs (default: the label).
    #[prop(optional)]
    busy: Option<&'static str>,
    /// Extra classes: "btn--small", or "btn--danger" instead of primary.
    #[prop(default = "btn--primary")]
    class: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="submit"
            class=format!("btn {class}")
            disabled=move || pending.get()
            aria-busy=move || pending.get().to_string()
        >
            {move || if pending.get() { busy.unwrap_or(label) } else { label }}
        </button>
    }
}

/// The end of a form or dialog: its failure ([`FormAlert`]), then its buttons.
#[component]
pub fn FormEnd(#[prop(into)] error: Signal<Option<String>>, children: Children) -> impl IntoView {
    view! {
        <FormAlert error=error />
        <div class="actions">{children()}</div>
    }
}

/// The end of a form whose one button is its submit: [`FormEnd`] with a [`SubmitButton`].
#[component]
pub fn SubmitEnd(
    /// The form's send ([`use_form`](crate::hooks::use_form)) or a form component's `Sender`.
    #[prop(into)]
    of: FormStatus,
    label: &'static str,
    /// What the button says while the request runs: "Saving…".
    busy: &'static str,
) -> impl IntoView {
    view! {
        <FormEnd error=of.error>
            <SubmitButton pending=of.pending label busy />
        </FormEnd>
    }
}

/// Moves focus to the first field marked invalid, after the marks are drawn, so keyboard
/// and screen reader users land on what needs fixing.
pub fn focus_first_invalid() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        // A dialog's form first: a stale mark in the page behind it cannot take focus.
        let doc = document();
        let found = doc
            .query_selector("dialog[open] form [aria-invalid='true']")
            .ok()
            .flatten()
            .or_else(|| {
                doc.query_selector("form [aria-invalid='true']")
                    .ok()
                    .flatten()
            });
        if let Some(el) = found {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
