//! Deleting a factor: a plain confirmation, or, for the last one, a warning
//! that must be ticked before the button works.

use crate::components::FormEnd;
use crate::components::Modal;
use leptos::prelude::*;

#[component]
pub fn DeleteFactor(
    #[prop(into)] open: Signal<bool>,
    /// "the authenticator app Phone", "the passkey Laptop".
    #[prop(into)]
    what: Signal<String>,
    #[prop(into)] is_last: Signal<bool>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let understood = RwSignal::new(false);
    Effect::new(move |_| {
        if open.get() {
            understood.set(false);
        }
    });
    let ready = move || !pending.get() && (!is_last.get() || understood.get());
    view! {
        <Modal open=open title="Delete factor" on_cancel=on_cancel>
            <form
                class="stack"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if ready() {
                        on_confirm.run(());
                    }
                }
            >
                <p>
                    {move || format!("Delete {}? It can no longer be used to sign in.", what.get())}
                </p>
                <Show when=move || is_last.get()>
                    <p class="alert alert--warning" role="note">
                        "This is your last two-factor method. Without it, your password alone protects your account, and your backup codes stop working."
                    </p>
                    <label class="check">
                        <input type="checkbox" bind:checked=understood />
                        "I understand; delete my last factor"
                    </label>
                </Show>
                <FormEnd error=error>
                    <button type="button" class="btn" on:click=move |_| on_cancel.run(())>
                        "Cancel"
                    </button>
                    <button type="submit" class="btn btn--danger" disabled=move || !ready()>
                        "Delete"
                    </button>
                </FormEnd>
            </form>
        </Modal>
    }
}
