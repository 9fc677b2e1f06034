//! `/account/security`: the signed-in user's own factors: an overview, the
//! authenticator apps (with the stepped setup), backup codes and passkeys.

mod add_passkey;
mod codes;
mod delete_factor;
mod devices;
mod passkeys;
pub mod totp_setup;

use crate::api::mfa::{self, Devices};
use crate::api::passkeys::{self as pk, Passkey};
use crate::api::{Api, ApiError};
use leptos::prelude::*;

/// What the overview counts: active apps, passkeys (None: the server cannot
/// list them), and unused backup codes when the server says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Factors {
    pub apps: usize,
    pub primary: Option<String>,
    pub passkeys: Option<usize>,
    pub backup_codes: Option<u32>,
}

impl Factors {
    pub fn of(d: &Devices, p: Option<&[Passkey]>) -> Self {
        let active: Vec<_> = d.devices.iter().filter(|d| d.is_active).collect();
        Factors {
            apps: active.len(),
            primary: active
                .iter()
                .find(|d| d.is_primary)
                .map(|d| d.device_name.clone()),
            passkeys: p.map(<[Passkey]>::len),
            backup_codes: (!active.is_empty())
                .then_some(d.backup_codes_remaining)
                .flatten(),
        }
    }
    pub fn total(&self) -> usize {
        self.apps + self.passkeys.unwrap_or(0)
    }
}

/// Shared by the page's sections: the loaded lists and a way to reload them.
#[derive(Clone, Copy)]
pub struct SecurityData {
    pub devices: LocalResource<Result<Devices, ApiError>>,
    pub passkeys: LocalResource<Result<Vec<Passkey>, ApiError>>,
    pub reload: RwSignal<u32>,
}

impl SecurityData {
    pub fn factors(&self) -> Factors {
        let d = self
            .devices
            .with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).cloned())
            .unwrap_or_default();
        let p = self
            .passkeys
            .with(|p| p.as_ref().and_then(|r| r.as_ref().ok()).cloned());
        Factors::of(&d, p.as_deref())
    }
    pub fn refresh(&self) {
        self.reload.update(|n| *n += 1);
    }
}

#[component]
pub fn SecurityPage() -> impl IntoView {
    let api = Api::expect();
    let reload = RwSignal::new(0u32);
    let data = SecurityData {
        devices: LocalResource::new(move || {
            reload.track();
            async move { mfa::devices(&api).await }
        }),
        passkeys: LocalResource::new(move || {
            reload.track();
            async move { pk::list(&api).await }
        }),
        reload,
    };
    provide_context(data);
    view! {
        <h1>"Security"</h1>
        <Overview />
        <devices::AppsSection />
        <passkeys::PasskeysSection />
    }
}

#[component]
fn Overview() -> impl IntoView {
    let data = expect_context::<SecurityData>();
    let f = Memo::new(move |_| data.factors());
    // Counting factors from a failed or half-loaded answer would claim "off".
    let loaded = move || {
        data.devices.with(|d| matches!(d, Some(Ok(_)))) && data.passkeys.with(Option::is_some)
    };
    let failed = move || data.devices.with(|d| matches!(d, Some(Err(_))));
    view! {
        <section class="card stack" aria-labelledby="overview-h">
            <h2 id="overview-h">"Two-factor sign-in"</h2>
            <Show when=loaded fallback=move || if failed() {
                view! { <p class="alert" role="alert">"Your sign-in methods could not be loaded, so what is on cannot be shown. Reload the page to try again."</p> }.into_any()
            } else {
                view! { <p class="muted">"Loading your factors…"</p> }.into_any()
            }>
                {move || {
                    let f = f.get();
                    let mut items = Vec::new();
                    items.push(match f.apps {
                        0 => "Authenticator app: off".to_string(),
                        1 => "Authenticator app: on".to_string(),
                        n => format!("Authenticator apps: {n}"),
                    });
                    if let Some(p) = f.primary.clone() { items.push(format!("Primary: {p}")); }
                    if let Some(n) = f.passkeys { items.push(format!("Passkeys: {n}")); }
                    if f.apps > 0 {
                        items.push(match f.backup_codes {
                            Some(0) => "Backup codes: none left. Make new ones below.".to_string(),
                            Some(n) => format!("Backup codes: {n} left"),
                            None => "Backup codes: on".to_string(),
                        });
                    }
                    view! {
                        <ul class="plain overview">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        {match f.total() {
                            0 => Some(view! { <p class="alert alert--warning" role="note">"Two-factor sign-in is off: your password alone protects this account. Add an authenticator app or a passkey."</p> }.into_any()),
                            1 => Some(view! { <p class="alert alert--warning" role="note">"Only one factor is left. If you lose that device you will need your backup codes; consider adding a second factor."</p> }.into_any()),
                            _ => None,
                        }}
                    }
                }}
            </Show>
        </section>
    }
}
