//! Every session in the workspace (admins): email and active filters and the
//! page in the URL; each session revocable; the email links to the user.

use super::SessionsState;
use crate::api::error::ErrorKind;
use crate::api::sessions::{self, Session};
use crate::api::Api;
use crate::components::LoadFailed;
use crate::components::{when, ConfirmDialog, Pager, SearchInput, TableSkeleton, Toasts};
use crate::hooks::list_url::Tri;
use crate::hooks::{keyed_fetch, use_confirmed, ListUrl};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TenantSessions() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let url = ListUrl::<SessionsState>::new(Page::Sessions);
    let state = url.state;
    let reload = RwSignal::new(0u32);
    let data = keyed_fetch(
        move || (state.get(), reload.get()),
        move |(s, _)| async move { sessions::tenant(&api, &s.api_query()).await },
    );
    let total = Memo::new(move |_| {
        data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(|p| p.total))
            .unwrap_or(0)
    });
    let revoke = use_confirmed(
        move |s: Session| async move { sessions::revoke_any(&api, &s.id).await.map(|_| s) },
        move |s| {
            toasts.success(format!(
                "The session of {} on {} was revoked.",
                s.user_email.clone().unwrap_or_default(),
                s.device_name
            ));
            reload.update(|n| *n += 1);
        },
    );
    let row = move |s: Session| {
        let live = s.is_active.unwrap_or(true);
        let email = s.user_email.clone().unwrap_or_default();
        let href = Page::User(s.user_id.as_deref().unwrap_or("")).path();
        let label = format!("Revoke the session of {email} on {}", s.device_name);
        let s2 = s.clone();
        view! {
            <tr>
                <td class="truncate"><A href=href>{email}</A></td>
                <td>{s.device_name.clone()}</td>
                <td class="mono">{s.ip_address.clone()}</td>
                <td>{s.location.clone()}</td>
                <td>{when(Some(s.last_accessed.as_str()))}</td>
                <td><span class="badge" class:badge--ok=live class:badge--off=!live>{if live { "Active" } else { "Ended" }}</span></td>
                <td class="actions-cell">
                    {live.then(|| view! { <button type="button" class="btn btn--small btn--danger-ghost" aria-label=label on:click=move |_| revoke.ask(s2.clone())>"Revoke"</button> })}
                </td>
            </tr>
        }
    };
    view! {
        <section class="card stack" aria-labelledby="tenant-h">
            <h2 id="tenant-h">"All sessions in this workspace"</h2>
            <form class="filters" role="search" aria-label="Filter sessions" on:submit=|ev| ev.prevent_default()>
                <SearchInput label="User email" value=Signal::derive(move || state.with(|s| s.email.clone()))
                    on_commit=move |q: String| url.filter(|s| s.email = q, true) />
                <label class="filters__field">"Status"
                    <select prop:value=move || state.with(|s| s.active.key()) on:change=move |ev| { let v = event_target_value(&ev); url.filter(|s| s.active = Tri::parse(&v), false); }>
                        <option value="">"Any"</option><option value="true">"Active"</option><option value="false">"Ended"</option>
                    </select>
                </label>
            </form>
            <Transition fallback=|| view! { <TableSkeleton label="Loading sessions" /> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(p) if p.sessions.is_empty() => view! { <div class="empty"><p>"No sessions match."</p></div> }.into_any(),
                        Ok(p) => view! {
                            <div class="table-wrap"><table class="table" aria-label="Workspace sessions">
                                <thead><tr><th scope="col">"User"</th><th scope="col">"Device"</th><th scope="col">"IP address"</th><th scope="col">"Location"</th>
                                    <th scope="col">"Last active"</th><th scope="col">"Status"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                                <tbody>{p.sessions.into_iter().map(row).collect_view()}</tbody>
                            </table></div>
                        }.into_any(),
                        Err(e) if e.is_missing_feature() => view! { <p class="alert alert--info" role="status">"This server does not list the workspace's sessions."</p> }.into_any(),
                        Err(e) if e.kind == ErrorKind::Aborted => view! { <TableSkeleton label="Loading sessions" /> }.into_any(),
                        Err(e) => view! {
                            <LoadFailed what="The sessions" error=e on_retry=move |_| reload.update(|n| *n += 1) />
                        }.into_any(),
                    }
                })}
            </Transition>
            <Pager page=Signal::derive(move || state.with(|s| s.page)) size=Signal::derive(move || state.with(|s| s.size)) total=total
                on_change=move |(p, size): (u32, u32)| url.page(p, |s| s.size = size) label="Sessions pages" />
            <ConfirmDialog
                open=revoke.open()
                title="Revoke session"
                message=Signal::derive(move || revoke.item.with(|s| s.as_ref().map(|s| format!(
                    "Revoke the session of {} on {}? That device is signed out at its next request.",
                    s.user_email.clone().unwrap_or_default(), s.device_name)).unwrap_or_default()))
                confirm_label="Revoke"
                pending=revoke.pending()
                error=revoke.error()
                on_confirm=revoke.confirm()
                on_cancel=revoke.cancel()
                danger=true
            />
        </section>
    }
}
