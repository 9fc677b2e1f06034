//! The end users tab: search and status filter, a sortable table with row selection,
//! bulk actions and the pager. AuthSec sends every end user at once and filters nothing,
//! so the search, filter, sort and paging happen here (and the page says so when the
//! list is large).

use super::bulk::{UserBulkBar, UserSelection};
use super::end_table::EndUserTable;
use super::list_state::UsersState;
use super::UsersUrl;
use crate::api::users;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{Button, FilterSelect};
use crate::components::{FilterForm, ListBody, SearchInput, UrlPager};
use crate::hooks::{from_answer, keyed_fetch};
use leptos::prelude::*;
use std::sync::Arc;

/// Above this many end users the page says that it searches them itself.
const LARGE: u64 = 2_000;

#[component]
pub fn EndUserList(url: UsersUrl) -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    let state = url.state;
    let selected = UserSelection::new();
    // Everyone, once per tenant (and again on `refetch`); the view's page is cut from it here.
    // Shared, not copied, by each page cut from it.
    let all = keyed_fetch(
        move || tenant.get(),
        move |t| async move { users::all(&api, &t).await.map(Arc::new) },
    );
    // The view's page, cut from everyone again whenever the URL's state changes.
    let data = LocalResource::new(move || {
        let q = state.with(|s| s.end_user_query(""));
        async move { all.await.map(|list| users::page_end_users(&list, &q)) }
    });
    // New filters mean a new set: the selection no longer applies.
    Effect::new(move |prev: Option<UsersState>| {
        let s = state.get();
        if prev.is_some_and(|p| !p.same_filter(&s)) {
            selected.clear();
        }
        s
    });
    let total = from_answer(data, |p| p.total);
    let scanned = from_answer(data, |p| p.scanned);
    view! {
        <FilterForm label="Filter end users">
            <SearchInput
                label="Search"
                placeholder="Email or name"
                value=Signal::derive(move || state.with(|s| s.search.clone()))
                on_commit=move |q: String| url.filter(|s| s.search = q, true)
            />
            <FilterSelect
                label="Status"
                value=Signal::derive(move || state.with(|s| s.status.clone()))
                on_change=url.select(|s, v| s.status = v.to_string())
                options=&[("", "Any"), ("active", "Active"), ("inactive", "Inactive")]
            />
            <Button
                class="btn btn--link"
                disabled=move || !state.with(UsersState::is_filtered)
                on_click=move || url.go(state.get_untracked().cleared(), false)
            >
                "Clear filters"
            </Button>
        </FilterForm>
        {move || {
            let n = scanned.get();
            (n > LARGE)
                .then(|| {
                    view! {
                        <p class="muted" role="note">
                            {format!(
                                "This server sends all {n} end users at once: searching, filtering and sorting happen in your browser, so they may take a moment.",
                            )}
                        </p>
                    }
                })
        }}
        <UserBulkBar selected=selected on_done=move |_| all.refetch() />
        <ListBody
            data
            loading="Loading users"
            what="The users"
            on_retry=move || all.refetch()
            rows=move |page| view! { <EndUserTable page url selected /> }
        />
        <UrlPager url=url total=total />
    }
}
