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
mod selection;
mod walk;

use crate::api::clients;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::LoadFailed;
use crate::components::{ConfirmDialog, Pager, Toasts};
use crate::hooks::keyed_fetch;
use crate::paging::page_count;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use list_state::ListState;
use list_table::{Skeleton, Table};
pub use selection::Selection;

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
    let reload = RwSignal::new(0u32);
    let selection = Selection::provide();

    let data = keyed_fetch(
        move || (state.get(), tenant.get(), reload.get()),
        move |(s, t, _)| async move { clients::list(&api, &t, &s.api_query(s.page, s.size)).await },
    );

    // New filters mean a new set: the selection no longer applies.
    Effect::new(move |prev: Option<ListState>| {
        let s = state.get();
        if prev.is_some_and(|p| !p.same_filter(&s)) {
            selection.clear();
        }
        s
    });

    let total = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|p| p.pagination.total)
        })
        .unwrap_or(0)
    });
    let page_rows = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|p| {
                    p.clients
                        .iter()
                        .map(selection::Picked::of)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
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

    let pending = RwSignal::new(None::<Pending>);
    let confirm_error = RwSignal::new(None::<String>);
    let run = Action::new_local(move |p: &Pending| {
        let (p, t) = (p.clone(), tenant.get_untracked());
        async move {
            match &p {
                Pending::SoftDelete { id, .. } => clients::soft_delete(&api, &t, id).await,
                Pending::HardDelete { client_id, .. } => {
                    clients::delete_complete(&api, &t, client_id).await
                }
            }
            .map(|_| p)
        }
    });
    Effect::new(move |_| match run.value().get() {
        Some(Ok(p)) => {
            let name = match &p {
                Pending::SoftDelete { name, .. } => format!("{name} was deleted."),
                Pending::HardDelete { name, .. } => format!("{name} was deleted permanently."),
            };
            toasts.success(name);
            pending.set(None);
            run.value().set(None);
            reload.update(|n| *n += 1);
        }
        Some(Err(e)) => confirm_error.set(Some(e.message)),
        None => {}
    });
    let ask = Callback::new(move |p: Pending| {
        confirm_error.set(None);
        pending.set(Some(p));
    });

    let on_page = Callback::new(move |(page, size): (u32, u32)| url.page(page, |s| s.size = size));

    view! {
        <div class="page-head">
            <h1>"Clients"</h1>
            <span class="page-head__spacer"></span>
            <export::ExportButton state=state />
            <A href=Page::NewClient.path() attr:class="btn btn--primary">"New client"</A>
        </div>
        <filters::FilterBar url=url />
        <bulk::BulkBar total=total state=state on_done=move |_| reload.update(|n| *n += 1) />
        <Transition fallback=|| view! { <Skeleton /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Table page=page url=url ask=ask /> }.into_any(),
                    Err(e) if e.kind == crate::api::error::ErrorKind::Aborted => view! { <Skeleton /> }.into_any(),
                    Err(e) => view! {
                        <LoadFailed what="The clients" error=e on_retry=move |_| reload.update(|n| *n += 1) />
                    }.into_any(),
                }
            })}
        </Transition>
        <Pager
            page=Signal::derive(move || state.get().page)
            size=Signal::derive(move || state.get().size)
            total=total
            on_change=on_page
        />
        <ConfirmDialog
            open=Signal::derive(move || pending.with(Option::is_some))
            title="Delete client"
            message=Signal::derive(move || match pending.get() {
                Some(Pending::SoftDelete { name, .. }) => format!("Delete {name}? It stops working at once; it stays listed under Deleted."),
                Some(Pending::HardDelete { name, .. }) => format!("Delete {name} permanently? This cannot be undone."),
                None => String::new(),
            })
            confirm_label="Delete"
            type_to_confirm=Signal::derive(move || match pending.get() {
                Some(Pending::HardDelete { name, .. }) => Some(name),
                _ => None,
            })
            pending=run.pending()
            error=confirm_error
            on_confirm=move |_| if let Some(p) = pending.get_untracked() { run.dispatch(p); }
            on_cancel=move |_| pending.set(None)
            danger=true
        />
    }
}
