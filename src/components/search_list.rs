//! A list searched in the browser, written once: the filter form with its search box
//! (`?q=` in the URL, through [`ListUrl<Search>`]) above a [`ListBody`] whose empty
//! sentence says whether the search hid the rows.
//!
//! ```ignore
//! let all = LocalResource::new(move || async move { access::roles(&api).await });
//! let data = LocalResource::new(move || {
//!     let q = url.state.with(|s| s.q.clone());
//!     async move { all.await.map(|l| matching(&l, &q)) }
//! });
//! view! {
//!     <SearchList url data on_retry=move || all.refetch() noun=ROLES placeholder="Role name"
//!         columns=&["Name", "Description"] row=|r: &Role| view! { <tr>…</tr> } />
//! }
//! ```

use super::{DataTable, FilterForm, ListBody, Noun, SearchInput};
use crate::api::ApiError;
use crate::hooks::{ListUrl, Search};
use leptos::prelude::*;

#[component]
pub fn SearchList<T, R, V>(
    url: ListUrl<Search>,
    data: LocalResource<Result<Vec<T>, ApiError>>,
    /// Retry after a failure: refetch what `data` is cut from.
    #[prop(into)]
    on_retry: Callback<()>,
    /// What the list holds: its filter form's name, loading, failure and empty sentences.
    noun: Noun,
    placeholder: &'static str,
    /// The sentence for a server without this route.
    #[prop(default = None)]
    missing: Option<&'static str>,
    /// Its column heads ([`DataTable`]).
    columns: &'static [&'static str],
    /// One hit's row.
    row: R,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    R: Fn(&T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let state = url.state;
    let rows = move |hits: Vec<T>| {
        let row = row.clone();
        view! {
            <DataTable label=noun.many columns>
                {hits.iter().map(row).collect_view()}
            </DataTable>
        }
    };
    let empty = move || {
        if state.with(|s| s.q.trim().is_empty()) {
            noun.none_yet
        } else {
            noun.none_match
        }
    };
    view! {
        <FilterForm label=noun.filter>
            <SearchInput
                label="Search"
                placeholder=placeholder
                value=Signal::derive(move || state.with(|s| s.q.clone()))
                on_commit=move |q: String| url.go(Search::q(q), true)
            />
        </FilterForm>
        <ListBody
            data
            loading=noun.loading
            what=noun.what
            missing
            is_empty=Vec::is_empty
            on_retry
            empty
            rows
        />
    }
}
