//! What a [`SearchList`](crate::components::SearchList) shows, set up once: a list AuthSec
//! answers whole, the URL's search (`?q=`, through [`ListUrl<Search>`]) and the hits of
//! that search. The hits are cut again on a new search, not on a page change, and a
//! Retry refetches the whole list.
//!
//! ```ignore
//! let fetch = move || async move { access::roles(&api).await };
//! let roles = use_search_source(Page::Roles, fetch, matching);
//! view! {
//!     <SearchList of=roles noun=ROLES placeholder="Role name" columns=&["Name"] row />
//! }
//! ```

use super::{ListUrl, Search};
use crate::api::ApiError;
use crate::routes::Page;
use leptos::prelude::*;
use std::future::Future;

/// The list, the URL's search and its hits (`H`: a row of the table, often `T` itself).
pub struct SearchSource<T: 'static, H: 'static = T> {
    pub url: ListUrl<Search>,
    /// The whole list, as AuthSec answered it.
    pub all: LocalResource<Result<Vec<T>, ApiError>>,
    /// What the URL's search finds in it.
    pub hits: LocalResource<Result<Vec<H>, ApiError>>,
}

impl<T, H> Clone for SearchSource<T, H> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, H> Copy for SearchSource<T, H> {}

/// The list of `page` (its URL state), fetched by `fetch`, searched by `matching`.
pub fn use_search_source<T, H, F, Fut>(
    page: Page<'_>,
    fetch: F,
    matching: fn(&[T], &str) -> Vec<H>,
) -> SearchSource<T, H>
where
    T: Clone + 'static,
    H: Clone + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<Vec<T>, ApiError>> + 'static,
{
    let url = ListUrl::<Search>::new(page);
    let all = LocalResource::new(fetch);
    let q = url.search();
    let hits = LocalResource::new(move || {
        let q = q.get();
        async move { all.await.map(|list| matching(&list, &q)) }
    });
    SearchSource { url, all, hits }
}
