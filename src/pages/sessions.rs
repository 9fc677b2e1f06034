//! `/sessions`: the signed-in user's sessions (revoke one, or all others;
//! revoking this one signs out), and for admins every session in the
//! workspace, filtered and paged in the URL.

mod state;
mod tenant;

use crate::api::sessions::{self, DeviceSession, SessionPage};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{when, ConfirmedDialog, DataTable, ListBody, Toasts};
use crate::hooks::use_confirmed;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
pub use state::SessionsState;

/// The columns of a session table (yours, and a user's).
pub const SESSION_COLUMNS: &[&str] = &[
    "Device",
    "IP address",
    "Location",
    "Signed in",
    "Last active",
    "",
];

#[derive(Clone, Debug, PartialEq)]
enum SessionAct {
    One(Box<DeviceSession>),
    Others,
}

#[component]
pub fn SessionsPage() -> impl IntoView {
    let auth = AuthContext::expect();
    view! {
        <h1>"Sessions"</h1>
        <MySessions />
        <Show when=move || auth.is_admin()>
            <tenant::TenantSessions />
        </Show>
    }
}

#[component]
fn MySessions() -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let toasts = Toasts::expect();
    let navigate = use_navigate();
    let data = LocalResource::new(move || async move { sessions::mine(&api).await });
    let ask = use_confirmed(
        move |a: SessionAct| async move {
            match &a {
                SessionAct::One(s) => sessions::revoke_mine(&api, &s.id).await.map(|_| a),
                SessionAct::Others => {
                    let n = sessions::revoke_all_mine(&api).await?.revoked;
                    toasts.success(match n {
                        0 => "There were no other sessions to sign out.".to_string(),
                        1 => "1 other session was signed out.".to_string(),
                        n => format!("{n} other sessions were signed out."),
                    });
                    Ok(a)
                }
            }
        },
        move |a| {
            if let SessionAct::One(s) = &a {
                if s.is_current {
                    // This device's session is gone: its token no longer works.
                    auth.sign_out();
                    navigate(&Page::Login.path(), Default::default());
                    return;
                }
                toasts.success(format!("The session on {} was revoked.", s.device_name));
            }
            data.refetch();
        },
    );
    let row = move |s: DeviceSession| {
        let s2 = s.clone();
        view! {
            <tr class:row--current=s.is_current>
                <td>
                    <span class="device__name"><strong>{s.device_name.clone()}</strong>
                    {s.is_current.then(|| view! { <span class="badge badge--ok">"This device"</span> })}</span>
                </td>
                <td class="mono">{s.ip_address.clone()}</td>
                <td>{s.location.clone()}</td>
                <td>{when(Some(s.created_at.as_str()))}</td>
                <td>{when(Some(s.last_accessed.as_str()))}</td>
                <td class="actions-cell">
                    <button type="button" class="btn btn--small btn--danger-ghost"
                        aria-label=format!("Revoke the session on {}{}", s.device_name, if s.is_current { " (this device)" } else { "" })
                        on:click=move |_| ask.ask(SessionAct::One(Box::new(s2.clone())))>"Revoke"</button>
                </td>
            </tr>
        }
    };
    view! {
        <section class="card stack" aria-labelledby="mine-h">
            <div class="page-head">
                <h2 id="mine-h">"Your sessions"</h2>
                <span class="page-head__spacer"></span>
                <button type="button" class="btn" on:click=move |_| ask.ask(SessionAct::Others)>
                    "Sign out everywhere else"
                </button>
            </div>
            <ListBody
                data
                loading="Loading your sessions"
                what="Your sessions"
                missing=Some("This server does not list sessions.")
                is_empty=|p: &SessionPage| p.sessions.is_empty()
                empty=|| "No sessions."
                rows=move |p: SessionPage| {
                    view! {
                        <DataTable label="Your sessions" columns=SESSION_COLUMNS>
                            {p.sessions.into_iter().map(row).collect_view()}
                        </DataTable>
                    }
                }
            />
            <ConfirmedDialog
                of=ask
                title="Confirm"
                message=|a: SessionAct| match a {
                    SessionAct::One(s) if s.is_current => {
                        "Revoke this device's session? You will be signed out here.".to_string()
                    }
                    SessionAct::One(s) => {
                        format!(
                            "Revoke the session on {} ({})? That device is signed out at its next request.",
                            s.device_name,
                            s.ip_address,
                        )
                    }
                    SessionAct::Others => {
                        "Sign out every other device? Only this session stays signed in."
                            .to_string()
                    }
                }
                confirm_label="Confirm"
                danger=true
            />
        </section>
    }
}
