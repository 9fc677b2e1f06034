//! A modal dialog on the native `<dialog>`: focus is trapped, the page
//! behind is inert, and Escape asks to cancel.

use super::field::unique_id;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    /// Its heading (it may change while the dialog is open).
    #[prop(into)]
    title: TextProp,
    /// Escape calls this; without it the dialog cannot be dismissed that way
    /// (e.g. a secret shown once).
    #[prop(optional, into)]
    on_cancel: Option<Callback<()>>,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("dlg");
    let labelled_by = title_id.clone();
    Effect::new(move |_| {
        let is_open = open.get();
        let Some(d) = dialog.get() else { return };
        if is_open && !d.open() {
            let _ = d.show_modal();
        } else if !is_open && d.open() {
            d.close();
        }
    });
    // The dialog closed while it should be open (the browser closed it): say so, or open
    // it again. A `close` queued by an earlier closing can come after the dialog was opened
    // again: only a dialog that is closed now has been closed.
    let on_close = move |_: leptos::ev::Event| {
        let closed = dialog.get_untracked().is_some_and(|d| !d.open());
        if closed && open.get_untracked() {
            match on_cancel {
                Some(cb) => {
                    cb.try_run(());
                }
                None => {
                    if let Some(d) = dialog.get_untracked() {
                        let _ = d.show_modal();
                    }
                }
            }
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="modal"
            aria-labelledby=labelled_by
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                if let Some(cb) = on_cancel {
                    cb.run(());
                }
            }
            on:close=on_close
        >
            <h2 id=title_id class="modal__title">
                {move || title.get()}
            </h2>
            <Show when=move || open.get()>{children()}</Show>
        </dialog>
    }
}
