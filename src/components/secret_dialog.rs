//! Shows a new secret exactly once. It closes only on "I have stored it";
//! then the value is dropped from memory (the signal is cleared).

use super::{CopyButton, Modal};
use leptos::prelude::*;

#[component]
pub fn SecretDialog(
    /// The secret; `Some` opens the dialog. Cleared when the user confirms.
    secret: RwSignal<Option<String>>,
    #[prop(into)] title: String,
    /// What the secret belongs to, e.g. "the client Billing".
    #[prop(into)]
    subject: Signal<String>,
    /// The secret field's accessible name ("Client secret" unless given).
    #[prop(optional, into)]
    label: Option<String>,
    /// What to do if it is lost (rotating it, unless given).
    #[prop(optional)]
    lost: Option<&'static str>,
    /// Runs after the secret has been cleared.
    #[prop(optional, into)]
    on_stored: Option<Callback<()>>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| "Client secret".into());
    let open = Signal::derive(move || secret.with(Option::is_some));
    let value = Signal::derive(move || secret.get().unwrap_or_default());
    let done = move |_| {
        secret.set(None);
        if let Some(cb) = on_stored {
            cb.run(());
        }
    };
    view! {
        <Modal open=open title=title>
            <div class="stack secret">
                <p>"The secret for " {move || subject.get()} ":"</p>
                <div class="secret__value">
                    <input
                        type="text"
                        readonly
                        aria-label=label.clone()
                        class="mono"
                        prop:value=value
                        on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(i) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            {
                                i.select();
                            }
                        }
                    />
                    <CopyButton value=value label="Copy secret" text="Copy secret" />
                </div>
                <p class="alert alert--warning" role="note">
                    <strong>"This is the only time the secret is shown."</strong>
                    " Store it in your secret manager now. "
                    {lost.unwrap_or("If it is lost, rotate the secret to get a new one.")}
                </p>
                <div class="actions">
                    <button type="button" class="btn btn--primary" on:click=done>
                        "I have stored it"
                    </button>
                </div>
            </div>
        </Modal>
    }
}
