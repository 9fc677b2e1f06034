//! A list loaded whole and shown as one table, written once: a [`ListBody`] whose rows
//! are a [`DataTable`] of one row per item, with a sentence when there are none.
//!
//! ```ignore
//! view! {
//!     <TableList data loading="Loading domains" what="The domains" none="No domains yet."
//!         table="Domains" columns=&["Domain", "Status", "Added", ""] row />
//! }
//! ```

use super::{DataTable, ListBody};
use crate::api::ApiError;
use leptos::prelude::*;

#[component]
pub fn TableList<T, R, V>(
    data: LocalResource<Result<Vec<T>, ApiError>>,
    /// The skeleton's accessible name: "Loading domains".
    loading: &'static str,
    /// The subject of the failure sentence: "The domains".
    what: &'static str,
    /// The sentence for a server without this route.
    #[prop(default = None)]
    missing: Option<&'static str>,
    /// The sentence when there are none: "No domains yet."
    none: &'static str,
    /// The table's accessible name: "Domains".
    table: &'static str,
    /// Its column heads ([`DataTable`]).
    columns: &'static [&'static str],
    /// One item's row.
    row: R,
    /// The skeleton's grey rows.
    #[prop(default = 8)]
    skeleton_rows: usize,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let rows = move |list: Vec<T>| {
        let row = row.clone();
        view! {
            <DataTable label=table columns>
                {list.into_iter().map(row).collect_view()}
            </DataTable>
        }
    };
    view! {
        <ListBody
            data
            loading
            what
            missing
            skeleton_rows
            is_empty=Vec::is_empty
            empty=move || none
            rows
        />
    }
}
