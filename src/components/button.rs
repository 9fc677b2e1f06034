//! The console's plain button (not a form's submit: that is
//! [`SubmitButton`](super::SubmitButton)), written once so a page says what it does in a
//! line: its look, what a click runs, and, where the visible text is not enough, the
//! name a screen reader hears.
//!
//! ```ignore
//! view! {
//!     <Button class="btn btn--small btn--danger-ghost" label=format!("Delete {name}")
//!         on_click=move || export.run(())>"Export"</Button>
//!     // A row's destructive action, asking its question first (`hooks::use_confirmed`):
//!     <AskButton of=delete item=key.clone() label=format!("Delete {name}") text="Delete" />
//! }
//! ```

use crate::hooks::Confirmed;
use leptos::prelude::*;

/// A `type="button"` button: never submits the form it stands in.
#[component]
pub fn Button(
    /// Its classes, e.g. "btn btn--small" or "btn btn--link".
    class: &'static str,
    /// What a click runs.
    #[prop(into)]
    on_click: Callback<()>,
    /// The accessible name, where the visible text does not say which row it acts on.
    #[prop(optional, into)]
    label: Option<String>,
    /// While true the button is disabled (e.g. while its request runs).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Its keyboard shortcut, as `aria-keyshortcuts` says it (the shell's `n` clicks
    /// the page's control marked "n").
    #[prop(optional)]
    keys: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            aria-label=label
            aria-keyshortcuts=keys
            disabled=move || disabled.get()
            on:click=move |_| on_click.run(())
        >
            {children()}
        </button>
    }
}

/// A row's small danger button ("Delete", "Revoke") that asks `of`'s question about `item`;
/// the `ConfirmedDialog` of `of` does the rest.
#[component]
pub fn AskButton<A>(
    of: Confirmed<A>,
    item: A,
    /// The accessible name, naming the row ("Delete invoices:read").
    #[prop(into)]
    label: String,
    /// The visible text.
    text: &'static str,
) -> impl IntoView
where
    A: Clone + Send + Sync + 'static,
{
    let item = StoredValue::new(item);
    view! {
        <Button
            class="btn btn--small btn--danger-ghost"
            label=label
            on_click=move || of.ask(item.get_value())
        >
            {text}
        </Button>
    }
}
