//! Adding or editing an OIDC provider. A new one can start from one of AuthSec's
//! templates; the address people come back to is shown (with Copy) as the key is typed,
//! since it must be registered at the provider. The stored client secret is never
//! shown: the field starts empty, and left empty on an edit it keeps the stored one.

use super::field::{err, ActiveSwitch, NameFields, ProviderFormEnd, TemplatePicker};
use super::rules::{check_oidc, key_of, scopes_of};
use super::save::use_provider_save;
use crate::api::idp::{self, OidcDraft, OidcProvider, OidcTemplate};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{CopyButton, TextField};
use leptos::prelude::*;

#[component]
pub fn OidcForm(
    /// The provider to edit; none: a new one.
    #[prop(optional)]
    existing: Option<OidcProvider>,
    /// The keys the workspace's providers already use.
    keys: Signal<Vec<String>>,
    /// Where people come back: the workspace's own site, as its main client says.
    site: Signal<String>,
    /// Closes the form: with what to announce after a save, or none after Cancel.
    on_done: Callback<Option<String>>,
) -> impl IntoView {
    let api = Api::expect();
    let by = AuthContext::expect().email().unwrap_or_default();
    let adding = existing.is_none();
    let p = existing.clone().unwrap_or_default();
    let c = &p.provider_config;
    let key = RwSignal::new(p.provider_name.clone());
    let name = RwSignal::new(p.display_name.clone());
    let client_id = RwSignal::new(c.client_id.clone());
    let secret = RwSignal::new(String::new());
    let auth_url = RwSignal::new(c.auth_url.clone());
    let token_url = RwSignal::new(c.token_url.clone());
    let user_info_url = RwSignal::new(c.user_info_url.clone());
    let scopes = RwSignal::new(c.scopes.join(" "));
    let active = RwSignal::new(existing.as_ref().is_none_or(|p| p.is_active));
    let hydra_id = p.hydra_id.clone();
    let (issuer_url, jwks_url) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let callback = {
        let stored = p.callback_url.clone();
        move || match adding {
            true => format!("{}/oidc/auth/callback/{}", site.get(), key_of(&key.get())),
            false => stored.clone(),
        }
    };
    let pick = move |t: OidcTemplate| {
        key.set(t.provider_name);
        name.set(t.display_name);
        auth_url.set(t.auth_url);
        token_url.set(t.token_url);
        user_info_url.set(t.user_info_url);
        scopes.set(t.scopes.join(" "));
        issuer_url.set(t.issuer_url);
        jwks_url.set(t.jwks_url);
    };
    let save = use_provider_save(
        adding,
        keys,
        on_done,
        check_oidc,
        |d: &OidcDraft| &d.provider_name,
        move |d: OidcDraft| {
            let (site, by, mine) = (site.get_untracked(), by.clone(), hydra_id.clone());
            async move {
                if adding {
                    return idp::oidc_add(&api, &d, &site, &by)
                        .await
                        .map(|_| Ok(d.display_name));
                }
                // AuthSec finds the provider by tenant and name first: it may have changed
                // another application's copy of the same key.
                let changed = idp::oidc_update(&api, &d, &by).await?;
                Ok(if changed == mine {
                    Ok(d.display_name)
                } else {
                    Err(format!(
                        "AuthSec saved these settings on another record of this provider ({changed}), not this one: another application uses the same key. Check that application's sign-in settings."
                    ))
                })
            }
        },
    );
    let errors = save.errors;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = OidcDraft {
            provider_name: key_of(&key.get_untracked()),
            display_name: name.get_untracked().trim().into(),
            client_id: client_id.get_untracked().trim().into(),
            client_secret: secret.get_untracked().trim().into(),
            auth_url: auth_url.get_untracked().trim().into(),
            token_url: token_url.get_untracked().trim().into(),
            user_info_url: user_info_url.get_untracked().trim().into(),
            scopes: scopes_of(&scopes.get_untracked()),
            is_active: active.get_untracked(),
            issuer_url: issuer_url.get_untracked(),
            jwks_url: jwks_url.get_untracked(),
        };
        save.submit(d);
    };
    let secret_hint = if adding {
        "The provider gives it with the client ID. It is never shown again."
    } else {
        "A secret is stored and never shown. Leave this empty to keep it."
    };
    view! {
        <form class="stack" novalidate on:submit=submit>
            {adding
                .then(|| {
                    view! {
                        <TemplatePicker
                            load=move || async move { idp::oidc_templates(&api).await }
                            on_pick=pick
                        />
                    }
                })}
            <NameFields
                key
                name
                errors
                adding
                key_hint="Lower case, part of the return address; it cannot be changed later."
            />
            <dl class="facts">
                <dt>"Return address to register at the provider"</dt>
                <dd>
                    <code class="mono">{callback.clone()}</code>
                    <CopyButton value=Signal::derive(callback) label="Copy the return address" />
                </dd>
            </dl>
            <TextField
                label="Client ID"
                value=client_id
                error=err(errors, "client_id")
                autocomplete="off"
                required=true
            />
            <TextField
                label="Client secret"
                value=secret
                error=err(errors, "client_secret")
                input_type="password"
                autocomplete="new-password"
                hint=secret_hint
                required=adding
            />
            <TextField
                label="Authorization URL"
                value=auth_url
                error=err(errors, "auth_url")
                input_type="url"
                required=true
            />
            <TextField
                label="Token URL"
                value=token_url
                error=err(errors, "token_url")
                input_type="url"
                required=true
            />
            <TextField
                label="User info URL"
                value=user_info_url
                error=err(errors, "user_info_url")
                input_type="url"
                required=true
            />
            <TextField
                label="Scopes"
                value=scopes
                error=err(errors, "scopes")
                hint="Separated by spaces, e.g. openid profile email"
                required=true
            />
            <ActiveSwitch on=active />
            <ProviderFormEnd of=save.send adding on_cancel=on_done />
        </form>
    }
}
