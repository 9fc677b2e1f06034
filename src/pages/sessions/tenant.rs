//! Every session in the workspace (admins): email and active filters and the
//! page in the URL; each session revocable; the email links to the user.

use super::SessionsState;
use crate::api::sessions::{self, DeviceSession, SessionPage};
use crate::api::Api;
use crate::components::Card;
use crate::components::{
    when, ConfirmedDialog, DataTable, FilterForm, ListBody, SearchInput, Toasts, UrlPager,
};
use crate::components::{AskButton, FilterSelect};
use crate::hooks::list_url::Tri;
use crate::hooks::{from_answer, keyed_fetch, use_confirmed, ListUrl};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TenantSessions() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let url = ListUrl::<SessionsState>::new(Page::Sessions);
    let state = url.state;
    let data = keyed_fetch(
        move || state.get(),
        move |s| async move { sessions::tenant(&api, &s.api_query()).await },
    );
    let total = from_answer(data, |p| p.total);
    let revoke = use_confirmed(
        move |s: DeviceSession| async move { sessions::revoke_any(&api, &s.id).await.map(|_| s) },
        move |s| {
            toasts.success(format!(
                "The session of {} on {} was revoked.",
                s.user_email.clone().unwrap_or_default(),
                s.device_name
            ));
            data.refetch();
        },
    );
    let row = move |s: DeviceSession| {
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
                    {live.then(|| view! { <AskButton of=revoke item=s2 label=label text="Revoke" /> })}
                </td>
            </tr>
        }
    };
    view! {
        <Card title="All sessions in this workspace" class="stack">
            <FilterForm label="Filter sessions">
                <SearchInput
                    label="User email"
                    value=Signal::derive(move || state.with(|s| s.email.clone()))
                    on_commit=move |q: String| url.filter(|s| s.email = q, true)
                />
                <FilterSelect
                    label="Status"
                    value=Signal::derive(move || state.with(|s| s.active.key().to_string()))
                    on_change=url.select(|s, v| s.active = Tri::parse(v))
                    options=&[("", "Any"), ("true", "Active"), ("false", "Ended")]
                />
            </FilterForm>
            <ListBody
                data
                loading="Loading sessions"
                what="The sessions"
                missing=Some("This server does not list the workspace's sessions.")
                is_empty=|p: &SessionPage| p.sessions.is_empty()
                empty=|| "No sessions match."
                rows=move |p: SessionPage| {
                    view! {
                        <DataTable
                            label="Workspace sessions"
                            columns=&[
                                "User",
                                "Device",
                                "IP address",
                                "Location",
                                "Last active",
                                "Status",
                                "",
                            ]
                        >
                            {p.sessions.into_iter().map(row).collect_view()}
                        </DataTable>
                    }
                }
            />
            <UrlPager url=url total=total label="Sessions pages" />
            <ConfirmedDialog
                of=revoke
                title="Revoke session"
                message=|s: DeviceSession| {
                    format!(
                        "Revoke the session of {} on {}? That device is signed out at its next request.",
                        s.user_email.unwrap_or_default(),
                        s.device_name,
                    )
                }
                confirm_label="Revoke"
                danger=true
            />
        </Card>
    }
}
