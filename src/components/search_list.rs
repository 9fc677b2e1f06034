//! A list searched and paged in the browser, written once: the filter form with its
//! search box (`?q=` in the URL, through [`ListUrl<Search>`]) above a [`ListBody`] whose
//! empty sentence says whether the search hid the rows, and a pager (`?page=&size=`) once
//! the hits fill more than the smallest page. AuthSec answers these lists whole, so a
//! workspace with 10,000 roles renders one page of them, not 10,000 rows.
//!
//! ```ignore
//! let fetch = move || async move { access::roles(&api).await };
//! let roles = use_search_source(Page::Roles, fetch, matching);
//! view! {
//!     <SearchList of=roles noun=ROLES placeholder="Role name"
//!         columns=&["Name", "Description"] row=|r: &Role| view! { <tr>…</tr> } />
//! }
//! ```

use super::{DataTable, FilterForm, ListBody, Noun, SearchInput, UrlPager};
use crate::hooks::{Search, SearchSource};
use crate::paging::{page_count, PAGE_SIZES};
use leptos::prelude::*;

#[component]
pub fn SearchList<A, T, R, V>(
    /// The list, the URL's search and its hits ([`use_search_source`](crate::hooks::use_search_source)).
    of: SearchSource<A, T>,
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
    A: 'static,
    T: Clone + Send + Sync + 'static,
    R: Fn(&T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let SearchSource { url, all, hits } = of;
    let state = url.state;
    let rows = move |hits: Vec<T>| {
        let total = hits.len() as u64;
        let row = row.clone();
        // A page change renders another page of the same hits (no new search).
        let page = move || {
            state.with(|s| {
                // A page past the end (rows deleted since) shows the last one.
                let last = page_count(total, s.size);
                let at = Search {
                    page: s.page.min(last),
                    ..s.clone()
                };
                at.page_of(&hits).iter().map(&row).collect_view()
            })
        };
        view! {
            <DataTable label=noun.many columns>
                {page}
            </DataTable>
            <Show when=move || { total > u64::from(PAGE_SIZES[0]) }>
                <UrlPager url total=Signal::derive(move || total) label=noun.pages />
            </Show>
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
            data=hits
            loading=noun.loading
            what=noun.what
            missing
            is_empty=Vec::is_empty
            on_retry=move || all.refetch()
            empty
            rows
        />
    }
}
