//! The parts of a list whose rows are edited in the form above it (the scopes pages):
//! each row's Edit and Delete buttons, and the form's end (Save, and Cancel while a row
//! is in it).

use crate::components::{Button, FormEnd, SubmitButton};
use crate::hooks::FormStatus;
use leptos::prelude::*;

/// A row's last cell: Edit (puts the row in the form) and Delete (asks first, by the
/// caller's confirm). Both buttons name the row for screen readers.
#[component]
pub fn EditDeleteCell(
    /// The row's name, as the labels say it: "Edit {name}", "Delete {name}".
    name: String,
    #[prop(into)] on_edit: Callback<()>,
    #[prop(into)] on_delete: Callback<()>,
    /// While true, Edit is disabled (the row is still being read for the form).
    #[prop(optional, into)]
    edit_disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <td class="actions-cell">
            <Button
                class="btn btn--small"
                label=format!("Edit {name}")
                disabled=move || edit_disabled.get()
                on_click=move || on_edit.run(())
            >
                "Edit"
            </Button>
            <Button
                class="btn btn--small btn--danger-ghost"
                label=format!("Delete {name}")
                on_click=move || on_delete.run(())
            >
                "Delete"
            </Button>
        </td>
    }
}

/// The form's end: its error, Save, and Cancel while a row is in the form (Cancel
/// empties it). The form's error keeps `aria-live` (see [`FormEnd`]).
#[component]
pub fn EditFormEnd(
    /// The form's send ([`use_form`](crate::hooks::use_form)).
    #[prop(into)]
    of: FormStatus,
    /// Save's words: "Save scope".
    label: &'static str,
    #[prop(into)] editing: Signal<bool>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <FormEnd error=of.error>
            <SubmitButton pending=of.pending label busy="Saving…" />
            <Show when=move || editing.get()>
                <button type="button" class="btn" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </Show>
        </FormEnd>
    }
}
