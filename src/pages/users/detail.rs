//! `/users/:id`: one end user: the profile (editable), status, MFA methods,
//! sessions, and delete with the email typed to confirm.

mod groups;
mod profile;
mod sessions;

use super::end_table::{method_label, provider_label};
use crate::api::users::{self, EndUser};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::when;
use crate::components::Button;
use crate::components::Card;
use crate::components::{Avatar, ConfirmedDialog, DetailPage, SecretDialog, Toasts};
use crate::hooks::{use_confirmed, use_may};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
pub use profile::Profile;

#[derive(Clone, Debug, PartialEq)]
enum UserAct {
    SetActive(bool),
    ResetPassword,
    Delete,
}

/// Whether the user may sign in with a password AuthSec keeps (a reset means nothing to
/// someone who signs in through Entra ID, say; SCIM-made users sign in with one).
fn has_password(provider: &str) -> bool {
    matches!(
        provider,
        "" | "custom" | "password" | "local" | "ad_sync" | "scim"
    )
}

#[component]
pub fn UserDetailPage() -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    view! {
        <DetailPage
            list=Page::Users
            noun=crate::noun!("user", "users", "User", "Users")
            fetch=move |id| {
                let t = tenant.get();
                async move { users::get(&api, &t, &id).await }
            }
            view=|u, reload| view! { <Detail user=u reload=reload /> }
        />
    }
}

#[component]
fn Detail(user: EndUser, #[prop(into)] reload: Callback<()>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let navigate = use_navigate();
    let u = StoredValue::new(user.clone());
    let active = user.is_active();
    let email = user.email.clone();
    let name = user.full_name();
    // A temporary password, shown once in its dialog, then dropped.
    let temporary = RwSignal::new(None::<String>);
    let resettable = has_password(&user.provider);
    let may_delete = use_may("users", "delete");
    let ask = use_confirmed(
        move |a: UserAct| {
            // Read now, at the click: the future may outlive this page.
            let (t, id) = (tenant.get_untracked(), u.with_value(|u| u.id.clone()));
            async move {
                match a {
                    UserAct::SetActive(on) => users::set_active(&api, &id, on).await,
                    UserAct::ResetPassword => users::reset_password(&api, &t, &id)
                        .await
                        .map(|p| temporary.set(Some(p.temporary_password.reveal()))),
                    UserAct::Delete => users::delete(&api, &t, &id).await,
                }
                .map(|_| a)
            }
        },
        move |a| {
            let e = u.with_value(|u| u.email.clone());
            match a {
                UserAct::SetActive(true) => toasts.success(format!("{e} was activated.")),
                UserAct::SetActive(false) => toasts.success(format!("{e} was deactivated.")),
                UserAct::ResetPassword => {
                    toasts.success(format!("{e} has a new temporary password."));
                    return;
                }
                UserAct::Delete => {
                    toasts.success(format!("{e} was deleted."));
                    navigate(&Page::Users.path(), Default::default());
                    return;
                }
            }
            reload.run(());
        },
    );
    let profile = user.clone();
    let methods = if user.mfa_methods.is_empty() {
        view! { <p class="muted">"None enrolled. The user can add them under Account security."</p> }
            .into_any()
    } else {
        let items = user
            .mfa_methods
            .iter()
            .map(|m| view! { <li>{method_label(m)}</li> });
        view! { <ul class="plain">{items.collect_view()}</ul> }.into_any()
    };
    view! {
        <div class="page-head">
            <Avatar name=name.clone() email=email.clone() />
            <h1 class="truncate" title=email.clone()>{if name.is_empty() { email.clone() } else { name.clone() }}</h1>
            <span class="badge" class:badge--ok=active class:badge--off=!active>{if active { "Active" } else { "Inactive" }}</span>
            <span class="page-head__spacer"></span>
            <button type="button" class="btn" on:click=move |_| ask.ask(UserAct::SetActive(!active))>
                {if active { "Deactivate" } else { "Activate" }}
            </button>
            {resettable
                .then(|| {
                    view! {
                        <Button class="btn" on_click=move || ask.ask(UserAct::ResetPassword)>"Reset password"</Button>
                    }
                })}
            <Show when=move || may_delete.get() == Some(true)>
                <Button class="btn btn--danger-ghost" on_click=move || ask.ask(UserAct::Delete)>"Delete"</Button>
            </Show>
        </div>
        <Show when=move || may_delete.get() == Some(false)>
            <p class="muted" role="status">"Your role does not allow deleting users."</p>
        </Show>
        <dl class="facts">
            <dt>"Email"</dt><dd>{email.clone()}</dd>
            <dt>"Sign-in"</dt><dd>{provider_label(&user.provider)}</dd>
            <dt>"Last login"</dt><dd>{when(user.last_login.as_deref())}</dd>
            <dt>"Created"</dt><dd>{when(Some(user.created_at.as_str()))}</dd>
        </dl>
        <Card title="Profile">
            <profile::ProfileForm user=profile on_saved=move |_| reload.run(()) />
        </Card>
        <Card title="Two-factor methods">{methods}</Card>
        <groups::UserGroups user_id=user.id.clone() email=user.email.clone() />
        <sessions::UserSessions user_id=user.id.clone() />
        <ConfirmedDialog
            of=ask
            title="Confirm"
            message=move |a: UserAct| {
                let e = u.with_value(|u| u.email.clone());
                match a {
                    UserAct::SetActive(true) => format!("Activate {e}? They can sign in again."),
                    UserAct::SetActive(false) => {
                        format!(
                            "Deactivate {e}? They cannot sign in until activated; their data is kept.",
                        )
                    }
                    UserAct::ResetPassword => {
                        format!(
                            "Give {e} a new temporary password? Their current password stops working at once; the new one is shown here once for you to hand over.",
                        )
                    }
                    UserAct::Delete => format!("Delete {e} and all their data? This cannot be undone."),
                }
            }
            confirm_label="Confirm"
            type_to_confirm=move |a: UserAct| (a == UserAct::Delete).then(|| u.with_value(|u| u.email.clone()))
            danger=true
        />
        <SecretDialog
            secret=temporary
            title="Temporary password"
            subject=Signal::derive(move || u.with_value(|u| u.email.clone()))
            label="Temporary password"
            lost="If it is lost, reset the password again."
        />
    }
}
