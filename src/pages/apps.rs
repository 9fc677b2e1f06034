//! `/apps`: the tenant's management applications: search by name (in the
//! URL), type, protocol, domain with its status, created.

pub mod detail;
pub mod fields;
mod form_view;
pub mod model;
pub mod new;

use crate::api::{apps, Api};
use crate::components::when;
use crate::components::SearchList;
use crate::components::{NewLink, PageHead};
use crate::hooks::use_search_source;
use crate::paging::holds;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use serde_json::Value;

/// The applications whose name holds `q` (case-insensitive).
pub fn matching<'a>(list: &'a [Value], q: &str) -> Vec<&'a Value> {
    let q = q.trim().to_lowercase();
    list.iter()
        .filter(|a| holds(apps::text(a, "app_name"), &q))
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
    // The server has no search: the list is fetched once and filtered here.
    let list = use_search_source(
        Page::Apps,
        move || async move { apps::list(&api).await },
        |l: &[Value], q: &str| matching(l, q).into_iter().cloned().collect::<Vec<_>>(),
    );
    let row = |a: &Value| {
        let id = apps::text(a, "app_id");
        let name = apps::text(a, "app_name").to_string();
        let title = name.clone();
        let (domain, status) = domain_of(a);
        let protocol = apps::text(a, "authentication_protocol").to_uppercase();
        view! {
            <tr>
                <td class="truncate" title=title>
                    <A href=Page::App(id).path()>{name}</A>
                </td>
                <td>{apps::text(a, "client_type").to_string()}</td>
                <td>{protocol}</td>
                <td class="truncate">
                    {domain}
                    {status
                        .map(|s| {
                            let ok = s == "active";
                            let bad = s == "failed";
                            view! {
                                " " <span class="badge" class:badge--ok=ok class:badge--off=bad>{s}</span>
                            }
                        })}
                </td>
                <td>{when(Some(apps::text(a, "created_at")))}</td>
            </tr>
        }
    };
    view! {
        <PageHead title="Applications">
            <NewLink to=Page::NewApp label="New application" />
        </PageHead>
        <SearchList
            of=list
            noun=crate::noun!("application", "applications", "Application", "Applications")
            placeholder="Application name"
            missing=Some("This server does not offer management applications.")
            columns=&["Name", "Client type", "Protocol", "Domain", "Created"]
            row
        />
    }
}
