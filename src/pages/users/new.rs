//! `/users/new`: create an end user through SCIM, the one way AuthSec's admins have
//! (authsec-api.md §c): AuthSec e-mails the new user a temporary password, so there is no
//! password here. An email that exists links to that user.

use crate::api::unsure::{Made, Once};
use crate::api::users::{self, NewEndUser};
use crate::api::{Api, ApiError};
use crate::auth::AuthContext;
use crate::components::Crumbs;
use crate::components::{FormEnd, SubmitButton};
use crate::components::{TextField, Toasts, UnsavedGuard};
use crate::hooks::use_form;
use crate::routes::Page;
use crate::validate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;

/// Field messages for a new user; empty when it can be sent.
pub fn check(email: &str, first: &str, last: &str) -> BTreeMap<&'static str, String> {
    let mut e = BTreeMap::new();
    if let Some(m) = validate::email(email) {
        e.insert("email", m.to_string());
    }
    for (k, v) in [("first_name", first), ("last_name", last)] {
        if let Some(m) = validate::name(v) {
            e.insert(k, m.to_string());
        }
    }
    e
}

/// The id of the user who owns `email`, for the "already exists" link.
async fn find_by_email(api: &Api, tenant: &str, email: &str) -> Option<String> {
    let ids = users::ids_with_email(api, tenant, email.to_string()).await;
    ids.ok()?.into_iter().next()
}

#[component]
pub fn NewUserPage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let navigate = use_navigate();
    let (email, first, last) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let errors = RwSignal::new(BTreeMap::<&'static str, String>::new());
    let exists = RwSignal::new(None::<String>);
    // Anything typed and not created yet (a success navigates away at once).
    let dirty = Memo::new(move |_| {
        [email, first, last]
            .iter()
            .any(|s| s.with(|v| !v.trim().is_empty()))
    });
    let once = Once::unique();
    let create = use_form(
        move |n: NewEndUser| {
            let (t, once) = (tenant.get_untracked(), once.clone());
            async move {
                match users::create(&api, &n, &once).await {
                    Err(e) if e.status == 409 => Err((e, find_by_email(&api, &t, &n.email).await)),
                    Ok(Made::Answered(u)) => Ok((u.id, u.email)),
                    // The answer was lost, and the user is there.
                    Ok(Made::Found(id)) => Ok((id, n.email)),
                    Err(e) => Err((e, None)),
                }
            }
        },
        move |(id, email)| {
            toasts.success(format!("{email} was created."));
            navigate(&Page::User(&id).path(), Default::default());
        },
        move |(e, id)| show_error(&e, id, errors, exists),
    );
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if create.pending().get_untracked() {
            return;
        }
        let (e, f, l) = (
            email.get_untracked(),
            first.get_untracked(),
            last.get_untracked(),
        );
        let problems = check(&e, &f, &l);
        create.error.set(None);
        exists.set(None);
        let ok = problems.is_empty();
        errors.set(problems);
        if ok {
            create.send(NewEndUser {
                tenant_id: tenant.get_untracked(),
                email: e.trim().to_string(),
                first_name: f.trim().to_string(),
                last_name: l.trim().to_string(),
            });
        }
    };
    view! {
        <UnsavedGuard dirty=dirty />
        <Crumbs up=Page::Users up_label="Users" here="New user" />
        <form class="narrow-form stack" on:submit=submit novalidate>
            <TextField
                label="Email"
                value=email
                input_type="email"
                autocomplete="off"
                required=true
                error=err("email")
            />
            {move || {
                exists
                    .get()
                    .map(|id| {
                        view! {
                            <p class="alert alert--info" role="status">
                                "A user with this email exists. "
                                <A href=Page::User(&id).path()>"Open that user"</A>
                            </p>
                        }
                    })
            }}
            <TextField label="First name" value=first autocomplete="off" error=err("first_name") />
            <TextField label="Last name" value=last autocomplete="off" error=err("last_name") />
            <p class="muted">
                "AuthSec e-mails the new user a temporary password. At their first sign-in they set up a second factor."
            </p>
            <FormEnd error=create.error>
                <A href=Page::Users.path() attr:class="btn">
                    "Cancel"
                </A>
                <SubmitButton pending=create.pending() label="Create user" busy="Creating…" />
            </FormEnd>
        </form>
    }
}

/// Marks the fields the server named (a taken email links to its user); the sentence,
/// unless the email field says it all.
fn show_error(
    e: &ApiError,
    id: Option<String>,
    errors: RwSignal<BTreeMap<&'static str, String>>,
    exists: RwSignal<Option<String>>,
) -> Option<String> {
    if e.status == 409 {
        errors.set(BTreeMap::from([(
            "email",
            "A user with this email exists.".to_string(),
        )]));
        exists.set(id);
        return None;
    }
    let mut f = BTreeMap::new();
    for k in ["email", "first_name", "last_name"] {
        if let Some(m) = e.field(k) {
            f.insert(k, m.to_string());
        }
    }
    errors.set(f);
    Some(e.sentence("The user was not created"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_every_field() {
        assert!(check("a@b.io", "Ada", "").is_empty());
        let e = check("nope", &"x".repeat(300), "");
        assert_eq!(
            e.keys().copied().collect::<Vec<_>>(),
            vec!["email", "first_name"]
        );
    }
}
