//! `/account/security`: the signed-in user's own sign-in factors, on AuthSec's routes: an
//! overview, the authenticator app (set up, moved, new backup codes) and passkeys.

mod add_passkey;
mod app;
mod delete_factor;
mod passkeys;

use crate::api::login::Realm;
use crate::api::mfa::{self, Account, Enrolled};
use crate::api::passkeys::{self as pk, Passkey};
use crate::api::{Api, ApiError};
use crate::auth::AuthContext;
use crate::components::Card;
use leptos::prelude::*;

/// What the overview counts: the authenticator app, and the passkeys (a count when the
/// server lists them, else whether AuthSec has one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EnrolledFactors {
    pub app: bool,
    pub passkey: bool,
    pub passkeys: Option<usize>,
}

impl EnrolledFactors {
    pub fn of(e: &Enrolled, p: Option<&[Passkey]>) -> Self {
        EnrolledFactors {
            app: e.totp,
            passkey: e.passkey,
            passkeys: p.map(<[Passkey]>::len),
        }
    }
    pub fn total(&self) -> usize {
        usize::from(self.app) + self.passkeys.unwrap_or(usize::from(self.passkey))
    }
}

/// The signed-in account as AuthSec's factor rows name it: an admin by e-mail and tenant;
/// an end user also by the client their token names (else config.json's).
pub fn my_account(api: &Api, auth: AuthContext) -> Account {
    let fallback = api.config().end_user_client_id.unwrap_or_default();
    auth.session()
        .with_untracked(|s| {
            s.as_ref().map(|s| Account {
                realm: if s.is_admin() {
                    Realm::Admin
                } else if s.claims.client_id.is_empty() {
                    Realm::EndUser(fallback.clone())
                } else {
                    Realm::EndUser(s.claims.client_id.clone())
                },
                email: s.email().to_string(),
                tenant_id: s.claims.tenant_id.clone(),
            })
        })
        .unwrap_or_default()
}

/// Shared by the page's sections: the loaded answers and a way to reload them.
#[derive(Clone, Copy)]
pub struct SecurityData {
    pub enrolled: LocalResource<Result<Enrolled, ApiError>>,
    pub passkeys: LocalResource<Result<Vec<Passkey>, ApiError>>,
}

impl SecurityData {
    pub fn factors(&self) -> EnrolledFactors {
        let e = self
            .enrolled
            .with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).cloned())
            .unwrap_or_default();
        let p = self
            .passkeys
            .with(|p| p.as_ref().and_then(|r| r.as_ref().ok()).cloned());
        EnrolledFactors::of(&e, p.as_deref())
    }
    pub fn refresh(&self) {
        self.enrolled.refetch();
        self.passkeys.refetch();
    }
}

#[component]
pub fn SecurityPage() -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let data = SecurityData {
        enrolled: LocalResource::new(move || async move {
            mfa::enrolled(&api, &my_account(&api, auth)).await
        }),
        passkeys: LocalResource::new(move || async move { pk::list(&api).await }),
    };
    provide_context(data);
    let invited = auth
        .session()
        .with_untracked(|s| s.as_ref().is_some_and(|s| s.is_invited()));
    if invited {
        // AuthSec signs invited admins in by password alone and checks no factor for them:
        // one turned on would lock them out (authsec-api.md §a).
        return view! {
            <h1>"Security"</h1>
            <Card title="Two-factor sign-in" class="stack">
                <p class="alert alert--warning" role="note">
                    "You are an invited admin. This AuthSec server signs invited admins in with their password alone and has no route that checks a second factor for them: turning one on would lock you out, so it cannot be set up here. Keep your password strong and unique."
                </p>
            </Card>
        }
        .into_any();
    }
    view! {
        <h1>"Security"</h1>
        <Overview />
        <app::AppSection />
        <passkeys::PasskeysSection />
    }
    .into_any()
}

#[component]
fn Overview() -> impl IntoView {
    let data = expect_context::<SecurityData>();
    let f = Memo::new(move |_| data.factors());
    // Counting factors from a failed or half-loaded answer would claim "off".
    let loaded = move || {
        data.enrolled.with(|d| matches!(d, Some(Ok(_)))) && data.passkeys.with(Option::is_some)
    };
    let failed = move || data.enrolled.with(|d| matches!(d, Some(Err(_))));
    view! {
        <Card title="Two-factor sign-in" class="stack">
            <Show
                when=loaded
                fallback=move || {
                    if failed() {
                        view! {
                            <p class="alert" role="alert">
                                "Your sign-in methods could not be loaded, so what is on cannot be shown. Reload the page to try again."
                            </p>
                        }
                            .into_any()
                    } else {
                        view! { <p class="muted">"Loading your factors…"</p> }.into_any()
                    }
                }
            >
                {move || {
                    let f = f.get();
                    let mut items = vec![
                        format!("Authenticator app: {}", if f.app { "on" } else { "off" }),
                    ];
                    items
                        .push(
                            match f.passkeys {
                                Some(n) => format!("Passkeys: {n}"),
                                None => format!("Passkey: {}", if f.passkey { "on" } else { "off" }),
                            },
                        );
                    if f.app {
                        items.push("Backup codes: on".to_string());
                    }
                    view! {
                        <ul class="plain overview">
                            {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                        </ul>
                        {match f.total() {
                            0 => {
                                Some(
                                    view! {
                                        <p class="alert alert--warning" role="note">
                                            "Two-factor sign-in is off: your password alone protects this account. Add an authenticator app or a passkey."
                                        </p>
                                    }
                                        .into_any(),
                                )
                            }
                            1 if f.app => {
                                Some(
                                    view! {
                                        <p class="alert alert--warning" role="note">
                                            "Only one factor is left. If you lose that device you will need your backup codes; consider adding a second factor."
                                        </p>
                                    }
                                        .into_any(),
                                )
                            }
                            1 => {
                                Some(
                                    view! {
                                        <p class="alert alert--warning" role="note">
                                            "Only one factor is left, and a passkey has no backup codes: if you lose that device you cannot sign in. Add an authenticator app too."
                                        </p>
                                    }
                                        .into_any(),
                                )
                            }
                            _ => None,
                        }}
                    }
                }}
            </Show>
        </Card>
    }
}
