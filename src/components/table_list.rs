//! A list loaded whole and shown as one table, written once: a [`ListBody`] whose rows
//! are a [`DataTable`] of one row per item, with a sentence when there are none.
//!
//! ```ignore
//! view! {
//!     <TableList data noun=noun!("domain", "domains", "Domain", "Domains")
//!         columns=&["Domain", "Status", "Added", ""] row />
//! }
//! ```

use super::{DataTable, ListBody, Noun};
use crate::api::ApiError;
use leptos::prelude::*;

#[component]
pub fn TableList<T, R, V>(
    data: LocalResource<Result<Vec<T>, ApiError>>,
    /// What the list holds: its loading, failure and empty sentences, the table's name.
    noun: Noun,
    /// The sentence for a server without this route.
    #[prop(default = None)]
    missing: Option<&'static str>,
    /// The sentence when there are none, where "No domains yet." is not the right one.
    #[prop(optional)]
    none: Option<&'static str>,
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
            <DataTable label=noun.many columns>
                {list.into_iter().map(row).collect_view()}
            </DataTable>
        }
    };
    view! {
        <ListBody
            data
            loading=noun.loading
            what=noun.what
            missing
            skeleton_rows
            is_empty=Vec::is_empty
            empty=move || none.unwrap_or(noun.none_yet)
            rows
        />
    }
}
