//! The user's live sessions (admin sessions rows filtered by this user),
//! each revocable after a confirmation.

use crate::api::sessions::{self, DeviceSession};
use crate::api::Api;
use crate::components::Card;
use crate::components::{when, AskButton, ConfirmedDialog, TableList, Toasts};
use crate::hooks::use_confirmed;
use crate::pages::sessions::SESSION_COLUMNS;
use crate::url::Query;
use leptos::prelude::*;

#[component]
pub fn UserSessions(user_id: String) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let data = LocalResource::new(move || {
        let q = Query::new()
            .add("user_id", user_id.clone())
            .add("active", true)
            .add("page", 1)
            .add("limit", 100);
        async move { sessions::tenant(&api, &q).await.map(|p| p.sessions) }
    });
    let revoke = use_confirmed(
        move |s: DeviceSession| async move { sessions::revoke_any(&api, &s.id).await.map(|_| s) },
        move |s| {
            toasts.success(format!("The session on {} was revoked.", s.device_name));
            data.refetch();
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
                    <AskButton of=revoke item=ask label=label text="Revoke" />
                </td>
            </tr>
        }
    };
    view! {
        <Card title="Sessions">
            <TableList
                data
                noun=crate::noun!("session", "sessions", "Session", "Sessions")
                missing=Some("This server does not list sessions.")
                none="No active sessions."
                columns=SESSION_COLUMNS
                row
                skeleton_rows=2
            />
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
        </Card>
    }
}
