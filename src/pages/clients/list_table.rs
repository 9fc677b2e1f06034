//! The list's table: header with select-all, one row per client, the empty
//! state.

use super::list_state::{table_class, Column, ListState};
use super::{row, ListUrl, Pending, PickedClient, Selection};
use crate::api::clients::ClientPage;
use crate::components::{EmptyList, SelectTable};
use crate::routes::Page;
use leptos::prelude::*;

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
            <EmptyList
                filtered=filtered
                on_clear=move || url.go(state.get_untracked().cleared(), false)
                none_match="No clients match these filters."
                none_yet="This workspace has no clients yet."
                create=Page::NewClient
                create_label="Create the first client"
            />
        }
        .into_any();
    }
    let picks: Vec<PickedClient> = page.clients.iter().map(PickedClient::of).collect();
    // Hidden columns are classes on the table (style/main.css hides their cells):
    // a page of rows has no per-cell reactive state, so it renders and drops fast.
    let class = Memo::new(move |_| state.with(|s| table_class(&s.columns)));
    let head = || {
        view! {
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
        }
    };
    view! {
        <SelectTable label="Clients" class selection picks head>
            {page
                .clients
                .into_iter()
                .map(|c| view! { <row::ClientRow client=c ask=ask /> })
                .collect_view()}
        </SelectTable>
    }
    .into_any()
}
