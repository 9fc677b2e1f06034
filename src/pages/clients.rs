//! `/clients`: the tenant's OAuth clients. The list's filters, page, size and
//! columns live in the URL; rows act optimistically; bulk actions and the CSV
//! export walk every matching page.

mod bulk;
pub mod detail;
pub mod draft;
mod export;
mod filters;
pub mod form;
pub mod list_state;
mod list_table;
pub mod new;
mod row;
mod walk;

use crate::api::clients;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{ConfirmedDialog, ListBody, Toasts, UrlPager};
use crate::components::{NewLink, PageHead};
use crate::hooks::{from_answer, keyed_fetch, use_confirmed, Pick, UrlState};
use crate::paging::page_count;
use crate::routes::Page;
use leptos::prelude::*;
use list_state::ListState;
use list_table::Table;

/// The clients list's path with a state changed from the default (the overview's links).
pub fn list_path(change: impl FnOnce(&mut ListState)) -> String {
    let mut s = ListState::default();
    change(&mut s);
    format!("{}?{}", Page::Clients.path(), s.to_query())
}

/// What a bulk action needs to know about a client.
#[derive(Clone, Debug, PartialEq)]
pub struct PickedClient {
    pub id: String,
    pub client_id: String,
    pub name: String,
}

impl PickedClient {
    pub fn of(c: &clients::Client) -> Self {
        PickedClient {
            id: c.id.clone(),
            client_id: c.client_id.clone(),
            name: c.name.clone(),
        }
    }
}

impl Pick for PickedClient {
    fn key(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
}

/// Which clients are selected: picked rows (any page), or every match.
pub type Selection = crate::hooks::Selection<PickedClient>;

/// What a row asks the page to do after confirmation.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    SoftDelete { id: String, name: String },
    HardDelete { client_id: String, name: String },
}

/// The clients list's URL state.
pub type ListUrl = crate::hooks::ListUrl<ListState>;

#[component]
pub fn ClientsPage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let url = ListUrl::new(Page::Clients);
    let state = url.state;
    let selection = Selection::provide();

    let data = keyed_fetch(
        move || (state.get(), tenant.get()),
        move |(s, t)| async move { clients::list(&api, &t, &s.api_query(s.page, s.size)).await },
    );

    // New filters mean a new set: the selection no longer applies.
    Effect::new(move |prev: Option<ListState>| {
        let s = state.get();
        if prev.is_some_and(|p| !p.same_filter(&s)) {
            selection.clear();
        }
        s
    });

    let total = from_answer(data, |p| p.pagination.total);
    let page_rows = from_answer(data, |p| p.clients.iter().map(PickedClient::of).collect());
    // A page past the end (rows deleted meanwhile): go to the last page.
    Effect::new(move |_| {
        let (s, t) = (state.get(), total.get());
        if t > 0 && s.page > page_count(t, s.size) && page_rows.with(Vec::is_empty) {
            url.go(
                ListState {
                    page: page_count(t, s.size),
                    ..s
                },
                true,
            );
        }
    });

    let delete = use_confirmed(
        move |p: Pending| {
            let t = tenant.get_untracked();
            async move {
                match &p {
                    Pending::SoftDelete { id, .. } => clients::soft_delete(&api, &t, id).await,
                    Pending::HardDelete { client_id, .. } => {
                        clients::delete_complete(&api, &t, client_id).await
                    }
                }
                .map(|_| p)
            }
        },
        move |p| {
            toasts.success(match &p {
                Pending::SoftDelete { name, .. } => format!("{name} was deleted."),
                Pending::HardDelete { name, .. } => format!("{name} was deleted permanently."),
            });
            data.refetch();
        },
    );
    let ask = Callback::new(move |p: Pending| delete.ask(p));

    view! {
        <PageHead title="Clients">
            <export::ExportButton state=state />
            <NewLink to=Page::NewClient label="New client" />
        </PageHead>
        <filters::FilterBar url=url />
        <bulk::ClientBulkBar total=total state=state on_done=move |_| data.refetch() />
        <ListBody
            data
            loading="Loading clients"
            what="The clients"
            rows=move |page| view! { <Table page=page url=url ask=ask /> }
        />
        <UrlPager url=url total=total />
        <ConfirmedDialog
            of=delete
            title="Delete client"
            message=|p: Pending| match p {
                Pending::SoftDelete { name, .. } => {
                    format!(
                        "Delete {name}? It stops working at once; it stays listed under Deleted.",
                    )
                }
                Pending::HardDelete { name, .. } => {
                    format!("Delete {name} permanently? This cannot be undone.")
                }
            }
            confirm_label="Delete"
            type_to_confirm=|p: Pending| match p {
                Pending::HardDelete { name, .. } => Some(name),
                _ => None,
            }
            danger=true
        />
    }
}
