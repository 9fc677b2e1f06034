//! A selectable table ([`Selection`]) and its check-box cells: the header's, which
//! selects or clears the rows on this page, and each row's.
//!
//! ```ignore
//! view! {
//!     <SelectTable label="End users" selection picks=rows.iter().map(Picked::of).collect()
//!         head=|| view! { <th scope="col">"User"</th> }>
//!         <tr><SelectRowCell selection pick=Picked::of(&row) label=format!("Select {name}") /> …</tr>
//!     </SelectTable>
//! }
//! ```

use crate::hooks::{use_cell_labels, Pick, Selection};
use leptos::prelude::*;

/// A table whose first column selects rows: its wrapper, the header's "select all on this
/// page" cell before `head`'s cells, and the rows (`children`) in the body.
#[component]
pub fn SelectTable<P: Pick>(
    /// The table's accessible name.
    label: &'static str,
    /// The table's classes (a list with hidden columns changes them).
    #[prop(into, default = Signal::stored("table".to_string()))]
    class: Signal<String>,
    selection: Selection<P>,
    /// The rows on this page, for the header's cell.
    picks: Vec<P>,
    /// The header cells after the check-box column.
    #[prop(into)]
    head: ViewFn,
    children: Children,
) -> impl IntoView {
    let table = use_cell_labels();
    view! {
        <div class="table-wrap">
            <table node_ref=table class=class aria-label=label>
                <thead>
                    <tr>
                        <SelectPageCell selection picks />
                        {head.run()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// The header cell: checked while every row on the page is selected.
#[component]
pub fn SelectPageCell<P: Pick>(selection: Selection<P>, picks: Vec<P>) -> impl IntoView {
    let picks = StoredValue::new(picks);
    view! {
        <th scope="col" class="table__check">
            <input
                type="checkbox"
                aria-label="Select all on this page"
                prop:checked=move || picks.with_value(|p| selection.has_all(p))
                on:change=move |ev| {
                    picks.with_value(|p| selection.set_many(p, event_target_checked(&ev)))
                }
            />
        </th>
    }
}

/// A row's cell; `label` names the row ("Select ada@example.com").
#[component]
pub fn SelectRowCell<P: Pick>(selection: Selection<P>, pick: P, label: String) -> impl IntoView {
    let pick = StoredValue::new(pick);
    view! {
        <td class="table__check">
            <input
                type="checkbox"
                aria-label=label
                prop:checked=move || pick.with_value(|p| selection.has(p.key()))
                on:change=move |ev| pick.with_value(|p| selection.set(p, event_target_checked(&ev)))
            />
        </td>
    }
}
