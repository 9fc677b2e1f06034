//! `/apps`: the tenant's management applications: search by name (in the
//! URL), type, protocol, domain with its status, created.

pub mod detail;
pub mod fields;
mod form_view;
pub mod model;
pub mod new;

use crate::api::{apps, Api};
use crate::components::LoadFailed;
use crate::components::{when, SearchInput, TableSkeleton};
use crate::hooks::{ListUrl, UrlState};
use crate::routes::Page;
use crate::url::Query;
use leptos::prelude::*;
use leptos_router::components::A;
use serde_json::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppsState {
    pub q: String,
}

impl UrlState for AppsState {
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let q = pairs
            .into_iter()
            .find(|(k, _)| *k == "q")
            .map(|(_, v)| v.to_string())
            .unwrap_or_default();
        AppsState { q }
    }
    fn to_query(&self) -> String {
        Query::new().add("q", &self.q).encode()
    }
    fn set_page(&mut self, _: u32) {}
}

/// The applications whose name holds `q` (case-insensitive).
pub fn matching<'a>(list: &'a [Value], q: &str) -> Vec<&'a Value> {
    let q = q.trim().to_lowercase();
    list.iter()
        .filter(|a| apps::text(a, "app_name").to_lowercase().contains(&q))
        .collect()
}

/// The domain column: custom domain with its status, else the subdomain.
pub fn domain_of(app: &Value) -> (String, Option<String>) {
    match app
        .get("custom_domain")
        .and_then(|d| d.get("domain"))
        .and_then(Value::as_str)
    {
        Some(d) => {
            let status = app["custom_domain"]
                .get("status")
                .and_then(Value::as_str)
                .unwrap_or("pending");
            (d.to_string(), Some(status.to_string()))
        }
        None => (apps::text(app, "subdomain").to_string(), None),
    }
}

#[component]
pub fn AppsPage() -> impl IntoView {
    let api = Api::expect();
    let url = ListUrl::<AppsState>::new(Page::Apps);
    let state = url.state;
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        reload.track();
        async move { apps::list(&api).await }
    });
    let row = |a: &Value| {
        let id = apps::text(a, "app_id");
        let name = apps::text(a, "app_name").to_string();
        let title = name.clone();
        let (domain, status) = domain_of(a);
        let protocol = apps::text(a, "authentication_protocol").to_uppercase();
        view! {
            <tr>
                <td class="truncate" title=title><A href=Page::App(id).path()>{name}</A></td>
                <td>{apps::text(a, "client_type").to_string()}</td>
                <td>{protocol}</td>
                <td class="truncate">{domain}{status.map(|s| {
                    let ok = s == "active";
                    let bad = s == "failed";
                    view! { " " <span class="badge" class:badge--ok=ok class:badge--off=bad>{s}</span> }
                })}</td>
                <td>{when(Some(apps::text(a, "created_at")))}</td>
            </tr>
        }
    };
    view! {
        <div class="page-head">
            <h1>"Applications"</h1>
            <span class="page-head__spacer"></span>
            <A href=Page::NewApp.path() attr:class="btn btn--primary">"New application"</A>
        </div>
        <form class="filters" role="search" aria-label="Filter applications" on:submit=|ev| ev.prevent_default()>
            <SearchInput label="Search" placeholder="Application name" value=Signal::derive(move || state.with(|s| s.q.clone()))
                on_commit=move |q: String| url.go(AppsState { q }, true) />
        </form>
        <Transition fallback=|| view! { <TableSkeleton label="Loading applications" /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => {
                        let q = state.with(|s| s.q.clone());
                        let hits = matching(&list, &q);
                        if hits.is_empty() {
                            view! { <div class="empty"><p>{if q.trim().is_empty() { "No applications yet." } else { "No application matches this name." }}</p></div> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap"><table class="table" aria-label="Applications">
                                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Client type"</th><th scope="col">"Protocol"</th>
                                        <th scope="col">"Domain"</th><th scope="col">"Created"</th></tr></thead>
                                    <tbody>{hits.into_iter().map(row).collect_view()}</tbody>
                                </table></div>
                            }.into_any()
                        }
                    }
                    Err(e) if e.is_missing_feature() => view! { <p class="alert alert--info" role="status">"This server does not offer management applications."</p> }.into_any(),
                    Err(e) => view! {
                        <LoadFailed what="The applications" error=e on_retry=move |_| reload.update(|n| *n += 1) />
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
