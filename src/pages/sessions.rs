//! `/sessions`: the signed-in user's sessions (revoke one, or all others;
//! revoking this one signs out), and for admins every session in the
//! workspace, filtered and paged in the URL.

mod state;
mod tenant;

use crate::api::sessions::{self, Session};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::LoadFailed;
use crate::components::{when, ConfirmDialog, Toasts};
use crate::hooks::use_confirmed;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
pub use state::SessionsState;

#[derive(Clone, Debug, PartialEq)]
enum Ask {
    One(Box<Session>),
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
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        reload.track();
        async move { sessions::mine(&api).await }
    });
    let ask = use_confirmed(
        move |a: Ask| async move {
            match &a {
                Ask::One(s) => sessions::revoke_mine(&api, &s.id).await.map(|_| a),
                Ask::Others => {
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
            if let Ask::One(s) = &a {
                if s.is_current {
                    // This device's session is gone: its token no longer works.
                    auth.sign_out();
                    navigate(&Page::Login.path(), Default::default());
                    return;
                }
                toasts.success(format!("The session on {} was revoked.", s.device_name));
            }
            reload.update(|n| *n += 1);
        },
    );
    let row = move |s: Session| {
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
                        on:click=move |_| ask.ask(Ask::One(Box::new(s2.clone())))>"Revoke"</button>
                </td>
            </tr>
        }
    };
    view! {
        <section class="card stack" aria-labelledby="mine-h">
            <div class="page-head">
                <h2 id="mine-h">"Your sessions"</h2>
                <span class="page-head__spacer"></span>
                <button type="button" class="btn" on:click=move |_| ask.ask(Ask::Others)>"Sign out everywhere else"</button>
            </div>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(p) => view! {
                            <div class="table-wrap"><table class="table" aria-label="Your sessions">
                                <thead><tr><th scope="col">"Device"</th><th scope="col">"IP address"</th><th scope="col">"Location"</th>
                                    <th scope="col">"Signed in"</th><th scope="col">"Last active"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                                <tbody>{p.sessions.into_iter().map(row).collect_view()}</tbody>
                            </table></div>
                        }.into_any(),
                        Err(e) if e.is_missing_feature() => view! { <p class="alert alert--info" role="status">"This server does not list sessions."</p> }.into_any(),
                        Err(e) => view! {
                            <LoadFailed what="Your sessions" error=e on_retry=move |_| reload.update(|n| *n += 1) />
                        }.into_any(),
                    }
                })}
            </Transition>
            <ConfirmDialog
                open=ask.open()
                title="Confirm"
                message=Signal::derive(move || match ask.item.get() {
                    Some(Ask::One(s)) if s.is_current => "Revoke this device's session? You will be signed out here.".to_string(),
                    Some(Ask::One(s)) => format!("Revoke the session on {} ({})? That device is signed out at its next request.", s.device_name, s.ip_address),
                    Some(Ask::Others) => "Sign out every other device? Only this session stays signed in.".to_string(),
                    None => String::new(),
                })
                confirm_label="Confirm"
                pending=ask.pending()
                error=ask.error()
                on_confirm=ask.confirm()
                on_cancel=ask.cancel()
                danger=true
            />
        </section>
    }
}
