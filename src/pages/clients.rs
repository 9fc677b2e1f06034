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
pub mod new;
mod row;
mod selection;
mod walk;

use crate::api::clients::{self, ClientPage};
use crate::api::{Api, ApiError};
use crate::auth::AuthContext;
use crate::components::{ConfirmDialog, Pager, Toasts};
use crate::paging::page_count;
use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use list_state::{Column, ListState};
pub use selection::Selection;

/// What a row asks the page to do after confirmation.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    SoftDelete { id: String, name: String },
    HardDelete { client_id: String, name: String },
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// The list's URL state and the one way to change it.
#[derive(Clone, Copy)]
pub struct ListUrl {
    pub state: Memo<ListState>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl ListUrl {
    fn new() -> Self {
        let query = use_query_map();
        let state = Memo::new(move |_| {
            query.with(|q| ListState::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
        });
        let nav = use_navigate();
        ListUrl {
            state,
            navigate: StoredValue::new_local(Box::new(nav)),
        }
    }

    /// Moves to `next`; `replace` while typing so history is not flooded.
    pub fn go(&self, next: ListState, replace: bool) {
        let q = next.to_query();
        let url = if q.is_empty() {
            "/clients".to_string()
        } else {
            format!("/clients?{q}")
        };
        let opts = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        self.navigate.with_value(|n| n(&url, opts));
    }

    /// Applies a filter change: back to page 1.
    pub fn filter(&self, f: impl FnOnce(&mut ListState), replace: bool) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        s.page = 1;
        self.go(s, replace);
    }
}

#[component]
pub fn ClientsPage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let url = ListUrl::new();
    let state = url.state;
    let reload = RwSignal::new(0u32);
    let selection = Selection::provide();

    // A newer request aborts the one in flight (the fetch is keyed by what it
    // asked for); Leptos also drops any answer that is not the latest, so a
    // slow stale page never overwrites a fresh one.
    type Key = (ListState, String, u32);
    let in_flight = StoredValue::new_local(None::<(Key, AbortHandle)>);
    let abort_unless = move |key: Option<&Key>| {
        let stale = in_flight.try_update_value(|f| match f {
            Some((k, _)) if Some(&*k) == key => None,
            _ => f.take(),
        });
        if let Some(Some((_, h))) = stale {
            h.abort();
        }
    };
    let data = LocalResource::new(move || {
        let key: Key = (state.get(), tenant.get(), reload.get());
        abort_unless(Some(&key));
        let (s, t) = (key.0.clone(), key.1.clone());
        let (fut, handle) =
            abortable(async move { clients::list(&api, &t, &s.api_query(s.page, s.size)).await });
        in_flight.set_value(Some((key, handle)));
        async move { fut.await.unwrap_or_else(|_| Err(ApiError::aborted())) }
    });
    // The resource may wait for its running fetch before starting the next:
    // abort a fetch for outdated inputs as soon as they change.
    Effect::new(move |_| {
        let key: Key = (state.get(), tenant.get(), reload.get());
        abort_unless(Some(&key));
    });
    on_cleanup(move || abort_unless(None));

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

    let on_page = Callback::new(move |(page, size): (u32, u32)| {
        url.go(
            ListState {
                page,
                size,
                ..state.get_untracked()
            },
            false,
        )
    });

    view! {
        <div class="page-head">
            <h1>"Clients"</h1>
            <span class="page-head__spacer"></span>
            <export::ExportButton state=state />
            <A href="/clients/new" attr:class="btn btn--primary">"New client"</A>
        </div>
        <filters::FilterBar url=url />
        <bulk::BulkBar total=total state=state on_done=Callback::new(move |_| reload.update(|n| *n += 1)) />
        <Transition fallback=|| view! { <Skeleton /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Table page=page url=url ask=ask /> }.into_any(),
                    Err(e) if e.kind == crate::api::error::ErrorKind::Aborted => view! { <Skeleton /> }.into_any(),
                    Err(e) => view! {
                        <div class="alert" role="alert">
                            <p>"The clients could not be loaded. " {e.message}</p>
                            <button type="button" class="btn" on:click=move |_| reload.update(|n| *n += 1)>"Retry"</button>
                        </div>
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
            on_confirm=Callback::new(move |_| if let Some(p) = pending.get_untracked() { run.dispatch(p); })
            on_cancel=Callback::new(move |_| pending.set(None))
            danger=true
        />
    }
}

#[component]
fn Skeleton() -> impl IntoView {
    view! {
        <div class="skeleton-table" aria-busy="true" aria-label="Loading clients">
            {(0..8).map(|_| view! { <div class="skeleton-row"></div> }).collect_view()}
        </div>
    }
}

#[component]
fn Table(page: ClientPage, url: ListUrl, ask: Callback<Pending>) -> impl IntoView {
    let state = url.state;
    let selection = Selection::expect();
    if page.clients.is_empty() {
        let filtered = state.with_untracked(ListState::is_filtered);
        return view! {
            <div class="empty">
                {if filtered {
                    view! {
                        <p>"No clients match these filters."</p>
                        <button type="button" class="btn" on:click=move |_| url.go(state.get_untracked().cleared(), false)>"Clear filters"</button>
                    }.into_any()
                } else {
                    view! {
                        <p>"This workspace has no clients yet."</p>
                        <A href="/clients/new" attr:class="btn btn--primary">"Create the first client"</A>
                    }.into_any()
                }}
            </div>
        }
        .into_any();
    }
    let ids: Vec<selection::Picked> = page.clients.iter().map(selection::Picked::of).collect();
    let all_here = {
        let ids = ids.clone();
        move || !ids.is_empty() && ids.iter().all(|p| selection.has(&p.id))
    };
    let shows = move |c: Column| state.with(|s| s.shows(c));
    view! {
        <div class="table-wrap">
            <table class="table" aria-label="Clients">
                <thead>
                    <tr>
                        <th scope="col" class="table__check">
                            <input
                                type="checkbox"
                                aria-label="Select all on this page"
                                prop:checked=all_here.clone()
                                on:change=move |ev| selection.set_many(&ids, event_target_checked(&ev))
                            />
                        </th>
                        {Column::ALL.into_iter().map(|c| view! {
                            <th scope="col" hidden=move || !shows(c)>{c.label()}</th>
                        }).collect_view()}
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {page.clients.into_iter().map(|c| view! { <row::ClientRow client=c state=state ask=ask /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
