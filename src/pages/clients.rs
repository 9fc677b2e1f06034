//! `/clients`: the first page of the tenant's clients. The full area
//! (filters, paging, actions) grows here.

use crate::api::url::Query;
use crate::api::{clients, Api};
use crate::auth::AuthContext;
use leptos::prelude::*;

#[component]
pub fn ClientsPage() -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let tenant = auth.tenant_id();
    let page = LocalResource::new(move || {
        let tenant = tenant.get();
        async move { clients::list(&api, &tenant, &Query::new().add("page", 1).add("limit", 25)).await }
    });
    view! {
        <h1>"Clients"</h1>
        <Transition fallback=|| view! { <p class="skeleton" aria-busy="true">"Loading clients…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! {
                        <p class="muted">{format!("{} clients", p.pagination.total)}</p>
                        <table class="table">
                            <thead><tr><th scope="col">"Name"</th><th scope="col">"Client ID"</th><th scope="col">"Status"</th></tr></thead>
                            <tbody>
                                {p.clients.into_iter().map(|c| { let title = c.name.clone(); view! {
                                    <tr><td class="truncate" title=title>{c.name}</td><td><code>{c.client_id}</code></td><td>{c.status}</td></tr>
                                }}).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(e) => view! {
                        <div class="alert" role="alert">
                            <p>{e.message}</p>
                            <button type="button" class="btn" on:click=move |_| page.refetch()>"Retry"</button>
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
