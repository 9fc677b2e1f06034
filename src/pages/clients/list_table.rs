//! The list's table: header with select-all, one row per client, the empty
//! states, and the loading skeleton.

use super::list_state::{table_class, Column, ListState};
use super::{row, ListUrl, Pending, PickedClient, Selection};
use crate::api::clients::ClientPage;
use crate::components::TableSkeleton;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Skeleton() -> impl IntoView {
    view! { <TableSkeleton label="Loading clients" /> }
}

#[component]
pub fn Table(
    page: ClientPage,
    url: ListUrl,
    #[prop(into)] ask: Callback<Pending>,
) -> impl IntoView {
    let state = url.state;
    let selection = Selection::expect();
    if page.clients.is_empty() {
        let filtered = state.with_untracked(ListState::is_filtered);
        return view! {
            <div class="empty">
                {if filtered {
                    view! {
                        <p>"No clients match these filters."</p>
                        <button
                            type="button"
                            class="btn"
                            on:click=move |_| url.go(state.get_untracked().cleared(), false)
                        >
                            "Clear filters"
                        </button>
                    }
                        .into_any()
                } else {
                    view! {
                        <p>"This workspace has no clients yet."</p>
                        <A href=Page::NewClient.path() attr:class="btn btn--primary">
                            "Create the first client"
                        </A>
                    }
                        .into_any()
                }}
            </div>
        }
        .into_any();
    }
    let ids: Vec<PickedClient> = page.clients.iter().map(PickedClient::of).collect();
    let all_here = {
        let ids = ids.clone();
        move || !ids.is_empty() && ids.iter().all(|p| selection.has(&p.id))
    };
    // Hidden columns are classes on the table (style/main.css hides their cells):
    // a page of rows has no per-cell reactive state, so it renders and drops fast.
    let class = Memo::new(move |_| state.with(|s| table_class(&s.columns)));
    view! {
        <div class="table-wrap">
            <table class=class aria-label="Clients">
                <thead>
                    <tr>
                        <th scope="col" class="table__check">
                            <input
                                type="checkbox"
                                aria-label="Select all on this page"
                                prop:checked=all_here.clone()
                                on:change=move |ev| {
                                    selection.set_many(&ids, event_target_checked(&ev))
                                }
                            />
                        </th>
                        {Column::ALL
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <th scope="col" class=c.cell_class()>
                                        {c.label()}
                                    </th>
                                }
                            })
                            .collect_view()}
                        <th scope="col">
                            <span class="visually-hidden">"Actions"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {page
                        .clients
                        .into_iter()
                        .map(|c| view! { <row::ClientRow client=c ask=ask /> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
