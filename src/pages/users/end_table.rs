//! The end users table: sortable headers, a selectable row per user, the
//! empty states.

use super::bulk::{PickedUser, UserSelection};
use super::list_state::{Sort, UsersState};
use super::UsersUrl;
use crate::api::users::{EndUser, UserPage};
use crate::components::{when, Avatar, EmptyList, SelectRowCell, SelectTable};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

/// An MFA method as an icon with its name for screen readers and on hover.
pub fn method_label(method: &str) -> String {
    match method {
        "totp" => "Authenticator app".into(),
        "webauthn" => "Passkey".into(),
        "sms" => "Text message".into(),
        "email" => "Email code".into(),
        other => other.to_string(),
    }
}

/// How the user signs in, as AuthSec's `provider` names it.
pub fn provider_label(provider: &str) -> String {
    match provider {
        "" | "custom" | "password" | "local" => "Password".into(),
        "ad_sync" => "Active Directory".into(),
        "entra_id" => "Microsoft Entra ID".into(),
        "scim" => "SCIM".into(),
        other => other.to_string(),
    }
}

#[component]
fn SortHeader(url: UsersUrl, sort: Sort, label: &'static str) -> impl IntoView {
    let state = url.state;
    let aria = move || {
        state.with(|s| match (s.sort == sort, s.asc) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        })
    };
    let arrow = move || match aria() {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "",
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button
                type="button"
                class="sort"
                on:click=move |_| url.go(state.get_untracked().sorted_by(sort), false)
            >
                {label}
                <span class="sort__arrow" aria-hidden="true">
                    {arrow}
                </span>
            </button>
        </th>
    }
}

#[component]
pub fn EndUserTable(
    page: UserPage<EndUser>,
    url: UsersUrl,
    selected: UserSelection,
) -> impl IntoView {
    let state = url.state;
    if page.users.is_empty() {
        let filtered = state.with_untracked(UsersState::is_filtered);
        return view! {
            <EmptyList
                filtered=filtered
                on_clear=move || url.go(state.get_untracked().cleared(), false)
                none_match="No users match these filters."
                none_yet="No end users yet."
                create=Page::NewUser
                create_label="Create the first user"
            />
        }
        .into_any();
    }
    let picks: Vec<PickedUser> = page.users.iter().map(PickedUser::of).collect();
    let head = move || {
        view! {
            <SortHeader url=url sort=Sort::Email label="User" />
            <th scope="col">"Status"</th>
            <th scope="col">"Sign-in"</th>
            <SortHeader url=url sort=Sort::Created label="Created" />
        }
    };
    view! {
        <SelectTable label="End users" selection=selected picks head>
            {page
                .users
                .into_iter()
                .map(|u| view! { <Row user=u selected=selected /> })
                .collect_view()}
        </SelectTable>
    }
    .into_any()
}

#[component]
fn Row(user: EndUser, selected: UserSelection) -> impl IntoView {
    let pick = PickedUser::of(&user);
    let id = user.id.clone();
    let is_sel = move || selected.has(&id);
    let email = user.email.clone();
    let name = user.full_name();
    let shown = if name.is_empty() {
        email.clone()
    } else {
        name.clone()
    };
    let href = Page::User(&user.id).path();
    let label = format!("Select {}", user.email);
    let active = user.is_active();
    view! {
        <tr class:row--selected=is_sel>
            <SelectRowCell selection=selected pick label />
            <td>
                <div class="user-cell">
                    <Avatar name=name.clone() email=email.clone() />
                    <div class="user-cell__text">
                        <A href=href attr:class="user-cell__name">{shown}</A>
                        <span class="user-cell__email truncate" title=email.clone()>{email.clone()}</span>
                    </div>
                </div>
            </td>
            <td><span class="badge" class:badge--ok=active class:badge--off=!active>{if active { "Active" } else { "Inactive" }}</span></td>
            <td>{provider_label(&user.provider)}</td>
            <td>{when(Some(user.created_at.as_str()))}</td>
        </tr>
    }
}
