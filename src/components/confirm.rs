//! A confirmation dialog. With `type_to_confirm`, the confirm button stays
//! disabled until that exact text is typed (for what cannot be undone).

use super::field::unique_id;
use super::FormEnd;
use super::Modal;
use crate::components::Button;
use crate::hooks::Confirmed;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] title: String,
    #[prop(into)] message: Signal<String>,
    #[prop(into)] confirm_label: String,
    /// The text the user must type, e.g. the client's name; `None`: no typing.
    #[prop(optional, into)]
    type_to_confirm: Signal<Option<String>>,
    /// True while the action runs: the button is disabled, so it is never sent twice.
    #[prop(into)]
    pending: Signal<bool>,
    /// The failure to show inside the dialog, if the action failed.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let confirm_label = StoredValue::new(confirm_label);
    // The modal builds its content on each opening, so the form (and what was typed in it)
    // starts empty each time, with nothing to reset afterwards.
    view! {
        <Modal open=open title=title on_cancel=on_cancel>
            <ConfirmForm
                message
                type_to_confirm
                pending
                error
                on_confirm
                on_cancel
                danger
                confirm_label=confirm_label.get_value()
            />
        </Modal>
    }
}

#[component]
fn ConfirmForm(
    message: Signal<String>,
    type_to_confirm: Signal<Option<String>>,
    pending: Signal<bool>,
    error: Signal<Option<String>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    danger: bool,
    confirm_label: String,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let matches = move || {
        type_to_confirm.with(|want| {
            want.as_deref()
                .is_none_or(|w| typed.with(|t| t.trim() == w.trim()))
        })
    };
    let input_id = StoredValue::new(unique_id("confirm"));
    view! {
        <form
            class="stack"
            on:submit=move |ev| {
                ev.prevent_default();
                if matches() && !pending.get_untracked() {
                    on_confirm.run(());
                }
            }
        >
            <p>{move || message.get()}</p>
            <Show when=move || type_to_confirm.with(Option::is_some)>
                <div class="field">
                    <label for=input_id.get_value()>"Type " <strong>{move || type_to_confirm.get().unwrap_or_default()}</strong> " to confirm"</label>
                    <input id=input_id.get_value() type="text" autocomplete="off" spellcheck="false" bind:value=typed />
                </div>
            </Show>
            <FormEnd error=error>
                <Button class="btn" on_click=move || on_cancel.run(())>"Cancel"</Button>
                <button
                    type="submit"
                    class="btn"
                    class:btn--danger=danger
                    class:btn--primary=!danger
                    disabled=move || pending.get() || !matches()
                    aria-busy=move || pending.get().to_string()
                >
                    {confirm_label}
                </button>
            </FormEnd>
        </form>
    }
}

/// The dialog of a [`Confirmed`] action, written once: open while an item waits,
/// its message (and the text to type, for what cannot be undone) made from that
/// item, the action's pending state and failure inside.
///
/// ```ignore
/// let delete = use_confirmed(move |k: ApiKey| async move { apikeys::delete(&api, &k.key_id).await.map(|_| k) },
///                            move |k| toasts.success(format!("{} was deleted.", k.name)));
/// view! {
///     <button on:click=move |_| delete.ask(key.clone())>"Delete"</button>
///     <ConfirmedDialog of=delete title="Delete API key" confirm_label="Delete" danger=true
///         message=|k: ApiKey| format!("Delete {}? Anything using it stops working.", k.name) />
/// }
/// ```
#[component]
pub fn ConfirmedDialog<A>(
    of: Confirmed<A>,
    #[prop(into)] title: String,
    /// The question, from the waiting item.
    #[prop(into)]
    message: Callback<A, String>,
    #[prop(into)] confirm_label: String,
    /// The text to type before confirming, from the waiting item (`None`: no typing).
    #[prop(optional, into)]
    type_to_confirm: Option<Callback<A, Option<String>>>,
    #[prop(optional)] danger: bool,
) -> impl IntoView
where
    A: Clone + Send + Sync + 'static,
{
    let item = of.item;
    let from_item = move |f: Callback<A, String>| item.get().map(|a| f.run(a));
    view! {
        <ConfirmDialog
            open=of.open()
            title=title
            message=Signal::derive(move || from_item(message).unwrap_or_default())
            confirm_label=confirm_label
            type_to_confirm=Signal::derive(move || {
                type_to_confirm.and_then(|t| item.get().and_then(|a| t.run(a)))
            })
            pending=of.pending()
            error=of.error()
            on_confirm=of.confirm()
            on_cancel=of.cancel()
            danger=danger
        />
    }
}
