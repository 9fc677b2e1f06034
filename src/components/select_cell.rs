//! The check-box cells of a selectable table ([`Selection`]): the header's, which
//! selects or clears the rows on this page, and each row's.
//!
//! ```ignore
//! view! {
//!     <thead><tr><SelectPageCell selection picks=rows.iter().map(Picked::of).collect() /> …</tr></thead>
//!     <tbody><tr><SelectRowCell selection pick=Picked::of(&row) label=format!("Select {name}") /> …</tr></tbody>
//! }
//! ```

use crate::hooks::{Pick, Selection};
use leptos::prelude::*;

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
