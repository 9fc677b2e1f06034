//! The admins tab: search, pages, invite, activate/deactivate and delete.
//! Acting on oneself is not offered; the server's 403 for the last active
//! admin becomes a sentence that says what to do instead.

use super::end_table::method_label;
use super::invite::InviteButton;
use super::pending::PendingInvites;
use super::UsersUrl;
use crate::api::users::{self, AdminUser};
use crate::api::{Api, ApiError};
use crate::auth::AuthContext;
use crate::components::when;
use crate::components::Button;
use crate::components::{
    Avatar, ConfirmedDialog, DataTable, ListBody, SearchInput, Toasts, UrlPager,
};
use crate::hooks::{from_answer, keyed_fetch, use_confirmed, use_may};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum AdminAct {
    SetActive {
        id: String,
        email: String,
        active: bool,
    },
    Delete {
        id: String,
        email: String,
    },
}

/// The server's refusals, in words that say what to do instead.
pub fn refusal(e: &ApiError) -> String {
    let m = e.message.to_lowercase();
    if e.status == 403 && m.contains("last active admin") {
        "This is the last active admin, and a workspace always needs one. Activate or invite another admin first.".into()
    } else if e.status == 403 && m.contains("own account") {
        "You cannot do this to your own account; ask another admin.".into()
    } else {
        e.message.clone()
    }
}

#[component]
pub fn AdminList(url: UsersUrl) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let auth = AuthContext::expect();
    let me = Memo::new(move |_| {
        auth.session()
            .with(|s| s.as_ref().map(|s| s.claims.sub.clone()))
            .unwrap_or_default()
    });
    let state = url.state;
    let data = keyed_fetch(
        move || state.get(),
        move |s| async move { users::list_admins(&api, &s.admin_query()).await },
    );
    let total = from_answer(data, |p| p.total);
    let invites = LocalResource::new(move || async move { users::pending_invites(&api).await });
    let may_delete = use_may("users", "delete");
    let act = use_confirmed(
        move |a: AdminAct| async move {
            match &a {
                AdminAct::SetActive { id, active, .. } => {
                    users::set_admin_active(&api, id, *active).await
                }
                AdminAct::Delete { id, .. } => users::delete_admin(&api, id).await,
            }
            .map(|_| a)
            .map_err(|e| ApiError {
                message: refusal(&e),
                ..e
            })
        },
        move |a| {
            toasts.success(match a {
                AdminAct::SetActive {
                    email,
                    active: true,
                    ..
                } => format!("{email} was activated."),
                AdminAct::SetActive { email, .. } => format!(
                    "{email} was deactivated. This server lists only active admins, so they leave this list."
                ),
                AdminAct::Delete { email, .. } => format!("{email} was deleted."),
            });
            data.refetch();
        },
    );
    let rows = move |list: Vec<AdminUser>| {
        list.into_iter()
            .map(|a| {
                let is_me = a.id == me.get_untracked();
                let name = a.full_name();
                let status = if a.pending_registration {
                    "Invited"
                } else if a.active {
                    "Active"
                } else {
                    "Inactive"
                };
                let (id, email, active) = (a.id.clone(), a.email.clone(), a.active);
                let (id2, email2) = (id.clone(), email.clone());
                view! {
                    <tr>
                        <td>
                            <div class="user-cell">
                                <Avatar name=name.clone() email=a.email.clone() />
                                <div class="user-cell__text">
                                    <span class="user-cell__name">{if name.is_empty() { a.username.clone() } else { name }}
                                        {is_me.then(|| view! { " " <span class="badge">"You"</span> })}</span>
                                    <span class="user-cell__email truncate" title=a.email.clone()>{a.email.clone()}" · @"{a.username.clone()}</span>
                                </div>
                            </div>
                        </td>
                        <td><span class="badge" class:badge--ok=status == "Active" class:badge--off=status == "Inactive">{status}</span></td>
                        <td class:muted=!a.has_second_factor()>{second_factor(&a)}</td>
                        <td>{when(a.last_login.as_deref())}</td>
                        <td>{when(Some(a.created_at.as_str()))}</td>
                        <td class="actions-cell">
                            {if is_me {
                                view! { <span class="muted">"Your account"</span> }.into_any()
                            } else {
                                view! {
                                    <button type="button" class="btn btn--small" on:click=move |_| act.ask(AdminAct::SetActive { id: id.clone(), email: email.clone(), active: !active })>
                                        {if active { "Deactivate" } else { "Activate" }}
                                    </button>
                                    <Show when=move || may_delete.get() == Some(true)>
                                        <Button class="btn btn--small btn--danger-ghost" on_click={
                                            let (id2, email2) = (id2.clone(), email2.clone());
                                            move || act.ask(AdminAct::Delete { id: id2.clone(), email: email2.clone() })
                                        }>"Delete"</Button>
                                    </Show>
                                }.into_any()
                            }}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="filters">
            <SearchInput
                label="Search"
                placeholder="Email, name or username"
                value=Signal::derive(move || state.with(|s| s.search.clone()))
                on_commit=move |q: String| url.filter(|s| s.search = q, true)
            />
            <span class="page-head__spacer"></span>
            <InviteButton on_invited=move |_| {
                data.refetch();
                invites.refetch();
            } />
        </div>
        <ListBody
            data
            loading="Loading admins"
            what="The admins"
            is_empty=|p| p.users.is_empty()
            empty=|| "No admins match this search."
            rows=move |p| {
                view! {
                    <DataTable
                        label="Admins"
                        columns=&["Admin", "Status", "Second factor", "Last login", "Created", ""]
                    >
                        {rows(p.users)}
                    </DataTable>
                }
            }
        />
        <Show when=move || may_delete.get() == Some(false)>
            <p class="muted" role="status">
                "Your role does not allow deleting admins."
            </p>
        </Show>
        <UrlPager url=url total=total />
        <PendingInvites data=invites on_change=move |_| data.refetch() />
        <ConfirmedDialog
            of=act
            title="Confirm"
            message=|a: AdminAct| match a {
                AdminAct::SetActive { email, active: true, .. } => {
                    format!("Activate {email}? They can sign in and manage this workspace again.")
                }
                AdminAct::SetActive { email, .. } => {
                    format!(
                        "Deactivate {email}? They cannot sign in, and this server stops listing them (it lists only active admins), so they cannot be activated here again.",
                    )
                }
                AdminAct::Delete { email, .. } => {
                    format!("Delete the admin {email}? This cannot be undone.")
                }
            }
            confirm_label="Confirm"
            type_to_confirm=|a: AdminAct| match a {
                AdminAct::Delete { email, .. } => Some(email),
                _ => None,
            }
            danger=true
        />
    }
}

/// The admin's second factors in words ("Authenticator app, Passkey"), "On" when AuthSec
/// flags one without naming it, "None" without.
fn second_factor(a: &AdminUser) -> String {
    match (a.mfa_method.is_empty(), a.mfa_enabled) {
        (false, _) => a
            .mfa_method
            .iter()
            .map(|m| method_label(m))
            .collect::<Vec<_>>()
            .join(", "),
        (true, true) => "On".into(),
        (true, false) => "None".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_admin_refusals_read_as_advice() {
        let e = crate::api::error::decode_error(
            403,
            r#"{"error":"Cannot deactivate the last active admin"}"#,
            None,
        );
        assert!(refusal(&e).starts_with("This is the last active admin"));
        let e = crate::api::error::decode_error(
            403,
            r#"{"error":"You cannot delete your own account"}"#,
            None,
        );
        assert!(refusal(&e).contains("own account"));
        let e = crate::api::error::decode_error(404, r#"{"error":"User not found"}"#, None);
        assert_eq!(refusal(&e), e.message);
    }

    #[test]
    fn an_admins_second_factor_is_named_or_said_to_be_missing() {
        let admin = |enabled: bool, methods: &[&str]| AdminUser {
            mfa_enabled: enabled,
            mfa_method: methods.iter().map(|m| m.to_string()).collect(),
            ..AdminUser::default()
        };
        assert_eq!(
            second_factor(&admin(true, &["totp", "webauthn"])),
            "Authenticator app, Passkey"
        );
        assert_eq!(second_factor(&admin(true, &[])), "On");
        assert_eq!(second_factor(&admin(false, &[])), "None");
        assert!(!admin(false, &[]).has_second_factor());
        assert!(admin(false, &["totp"]).has_second_factor());
    }
}
