//! The user's live sessions (admin sessions rows filtered by this user),
//! each revocable after a confirmation.

use crate::api::sessions::{self, DeviceSession};
use crate::api::Api;
use crate::components::when;
use crate::components::while_alive;
use crate::components::Button;
use crate::components::LoadFailed;
use crate::components::{ConfirmedDialog, DataTable, Toasts};
use crate::hooks::use_confirmed;
use crate::pages::sessions::SESSION_COLUMNS;
use crate::url::Query;
use leptos::prelude::*;

#[component]
pub fn UserSessions(user_id: String) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    // The id is owned by the fetcher, not a StoredValue: a resource may run its
    // first fetch after its component is gone (created and replaced at once while
    // the page reloads), and a disposed StoredValue panics.
    // Reference-counted, not arena-owned: this section is created afresh each
    // time the user page reloads, and its suspense may poll the resource after
    // a replaced section is gone (an arena resource panics then).
    let data = ArcLocalResource::new(move || {
        let q = Query::new()
            .add("user_id", user_id.clone())
            .add("active", true)
            .add("page", 1)
            .add("limit", 100);
        async move { sessions::tenant(&api, &q).await }
    });
    let reload = {
        let data = data.clone();
        Callback::new(move |_| data.refetch())
    };
    let revoke = use_confirmed(
        move |s: DeviceSession| async move { sessions::revoke_any(&api, &s.id).await.map(|_| s) },
        move |s| {
            toasts.success(format!("The session on {} was revoked.", s.device_name));
            reload.run(());
        },
    );
    let row = move |s: DeviceSession| {
        let label = format!("Revoke the session on {}", s.device_name);
        let ask = s.clone();
        view! {
            <tr>
                <td>{s.device_name.clone()}</td>
                <td class="mono">{s.ip_address.clone()}</td>
                <td>{s.location.clone()}</td>
                <td>{when(Some(s.created_at.as_str()))}</td>
                <td>{when(Some(s.last_accessed.as_str()))}</td>
                <td>
                    <Button
                        class="btn btn--small btn--danger-ghost"
                        label=label
                        on_click=move || revoke.ask(ask.clone())
                    >
                        "Revoke"
                    </Button>
                </td>
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="sessions-h">
            <h2 id="sessions-h">"Sessions"</h2>
            <Transition fallback=|| {
                view! { <p class="muted">"Loading sessions…"</p> }
            }>
                {move || {
                    let data = data.clone();
                    Suspend::new(async move {
                        while_alive(
                            match data.await {
                                Ok(p) if p.sessions.is_empty() => {
                                    // An Arc resource outlives the section: awaiting it never panics.
                                    view! { <p class="muted">"No active sessions."</p> }
                                        .into_any()
                                }
                                Ok(p) => {
                                    view! {
                                        <DataTable label="Sessions" columns=SESSION_COLUMNS>
                                            {p.sessions.into_iter().map(row).collect_view()}
                                        </DataTable>
                                    }
                                        .into_any()
                                }
                                Err(e) if e.is_missing_feature() => {
                                    view! {
                                        <p class="muted">"This server does not list sessions."</p>
                                    }
                                        .into_any()
                                }
                                Err(e) => {
                                    view! {
                                        <LoadFailed what="The sessions" error=e on_retry=reload />
                                    }
                                        .into_any()
                                }
                            },
                        )
                    })
                }}
            </Transition>
            <ConfirmedDialog
                of=revoke
                title="Revoke session"
                message=|s: DeviceSession| {
                    format!(
                        "Revoke the session on {} ({})? That device is signed out at its next request.",
                        s.device_name,
                        s.ip_address,
                    )
                }
                confirm_label="Revoke"
                danger=true
            />
        </section>
    }
}
