//! Sign-in factors, on AuthSec's own routes (authsec-api.md §a, §d;
//! tests/fixtures/authsec/): which factors an account has, the authenticator app's setup,
//! passkey registration, and (extension) new backup codes. AuthSec keys these routes by
//! the account's realm, e-mail and tenant, not by token, so they serve the sign-in (before
//! any token) and the signed-in Security page alike.

use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::login::Realm;
use super::nullable;
use super::retry::Method;
use crate::config::Service;
use crate::secret::Secret;
use serde::Deserialize;
use serde_json::{json, Value};

/// Whose factors: AuthSec finds an admin by e-mail (and tenant, for TOTP) and an end user
/// by tenant, e-mail and the client they sign in through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Account {
    pub realm: Realm,
    pub email: String,
    pub tenant_id: String,
}

impl Account {
    /// The route and body of one factor call; pure so host tests reach it.
    fn call(&self, admin_path: &str, end_user_path: &str) -> (String, Value) {
        match &self.realm {
            Realm::Admin => (
                admin_path.to_string(),
                json!({ "email": self.email, "tenant_id": self.tenant_id }),
            ),
            Realm::EndUser(client) => (
                end_user_path.to_string(),
                json!({ "email": self.email, "tenant_id": self.tenant_id, "client_id": client }),
            ),
        }
    }
}

/// The factors AuthSec has for the account (`MFAMethod` rows, enabled only).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Enrolled {
    pub totp: bool,
    pub passkey: bool,
}

impl Enrolled {
    pub fn any(&self) -> bool {
        self.totp || self.passkey
    }
}

/// A login-status answer (`{mfa_required:false}` or `{methods:[…], mfa_required:true}`).
#[derive(Deserialize)]
struct StatusAnswer {
    #[serde(default, deserialize_with = "nullable::vec")]
    methods: Vec<MethodRow>,
    /// On a verified custom domain with no passkey registered for it: the account's
    /// passkeys do not work here, so one must be registered (authsec-api.md §a).
    #[serde(default)]
    requires_registration: bool,
}

#[derive(Deserialize)]
struct MethodRow {
    #[serde(default)]
    method_type: String,
    #[serde(default)]
    enabled: bool,
}

impl From<StatusAnswer> for Enrolled {
    fn from(a: StatusAnswer) -> Enrolled {
        let on = |t: &str| a.methods.iter().any(|m| m.enabled && m.method_type == t);
        Enrolled {
            totp: on("totp"),
            passkey: on("webauthn") && !a.requires_registration,
        }
    }
}

/// Reads a status answer given as a JSON value (the fixture tests).
#[cfg(test)]
pub fn enrolled_of(v: Value) -> Result<Enrolled, ApiError> {
    serde_json::from_value::<StatusAnswer>(v)
        .map(Enrolled::from)
        .map_err(|e| ApiError::decode(&e.to_string()))
}

/// `/webauthn/admin/mfa/loginStatus {email}` or `/webauthn/enduser/mfa/loginStatus
/// {tenant_id, email}`. Decoded straight from the text, not through a `Value`: the
/// sign-in is in the first load, and a second decoder backend would be too.
pub async fn enrolled<P: super::anon::Public>(
    api: &P,
    who: &Account,
) -> Result<Enrolled, ApiError> {
    let body = match who.realm {
        Realm::Admin => json!({ "email": who.email }),
        Realm::EndUser(_) => json!({ "email": who.email, "tenant_id": who.tenant_id }),
    };
    let path = match who.realm {
        Realm::Admin => "/admin/mfa/loginStatus",
        Realm::EndUser(_) => "/enduser/mfa/loginStatus",
    };
    let a: StatusAnswer = api.post_row(Service::Webauthn, path, &body, true).await?;
    Ok(a.into())
}

/// The answer to "begin": what the setup steps show. Nothing is stored yet.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct TotpBegin {
    pub secret: Secret,
    /// It holds the secret too.
    pub otp_auth_url: Secret,
}

#[derive(Clone, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct BackupCodes {
    pub backup_codes: Vec<String>,
}

/// `beginLoginSetup` (admins) or `beginSetup` (end users).
pub async fn totp_begin(api: &Api, who: &Account) -> Result<TotpBegin, ApiError> {
    let (path, body) = who.call("/totp/beginLoginSetup", "/totp/beginSetup");
    api.post_public(Service::Webauthn, &path, &body).await
}

/// `confirmLoginSetup` / `confirmSetup`: the code is checked against the secret, which
/// then replaces any earlier app and its backup codes; answers the new codes.
pub async fn totp_confirm(
    api: &Api,
    who: &Account,
    secret: &str,
    code: &str,
) -> Result<BackupCodes, ApiError> {
    let (path, mut body) = who.call("/totp/confirmLoginSetup", "/totp/confirmSetup");
    body["secret"] = json!(secret);
    body["code"] = json!(code);
    api.post_public(Service::Webauthn, &path, &body).await
}

/// Passkey registration in the account's realm; `credential` None begins (answers the
/// `publicKey` creation options), Some finishes.
pub async fn passkey_registration(
    api: &Api,
    who: &Account,
    credential: Option<Value>,
) -> Result<Value, ApiError> {
    let step = if credential.is_some() {
        "finishRegistration"
    } else {
        "beginRegistration"
    };
    let (path, mut body) = who.call(&format!("/admin/{step}"), &format!("/enduser/{step}"));
    if who.realm == Realm::Admin {
        body = json!({ "email": who.email });
    }
    if let Some(c) = credential {
        body["credential"] = c;
        return api.post_public(Service::Webauthn, &path, &body).await;
    }
    let v: Value = api.post_public(Service::Webauthn, &path, &body).await?;
    v.get("publicKey")
        .cloned()
        .ok_or_else(|| ApiError::decode("publicKey missing"))
}

/// New backup codes without setting the app up again (extension).
pub async fn regenerate(api: &Api) -> Result<BackupCodes, ApiError> {
    let r = api
        .send::<(), _>(
            Method::Post,
            Service::Webauthn,
            "/totp/backup/regenerate",
            None,
        )
        .await;
    api.noted(Extension::BackupCodeRegeneration, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(realm: Realm) -> Account {
        Account {
            realm,
            email: "a@acme.test".into(),
            tenant_id: "t1".into(),
        }
    }

    #[test]
    fn each_realm_names_the_account_as_authsec_finds_it() {
        let (p, b) = who(Realm::Admin).call("/totp/beginLoginSetup", "/totp/beginSetup");
        assert_eq!(p, "/totp/beginLoginSetup");
        assert_eq!(b, json!({"email":"a@acme.test","tenant_id":"t1"}));
        let (p, b) = who(Realm::EndUser("c1".into())).call("/x", "/totp/beginSetup");
        assert_eq!(p, "/totp/beginSetup");
        assert_eq!(b["client_id"], "c1");
    }

    #[test]
    fn status_answers_read_as_enrolled_factors() {
        assert_eq!(
            enrolled_of(json!({"mfa_required": false})).unwrap(),
            Enrolled::default()
        );
        let v = json!({"methods": [
            {"method_type": "totp", "enabled": true},
            {"method_type": "webauthn", "enabled": false}
        ], "mfa_required": true});
        assert_eq!(
            enrolled_of(v).unwrap(),
            Enrolled {
                totp: true,
                passkey: false
            }
        );
        assert_eq!(
            enrolled_of(json!({"methods": null})).unwrap(),
            Enrolled::default()
        );
        // A custom domain without a passkey for it: the passkey does not count there, so
        // an account with only a passkey sets one up (AuthSec's console does the same).
        let v = json!({"methods": [{"method_type": "webauthn", "enabled": true}],
            "mfa_required": true, "requires_registration": true});
        assert_eq!(enrolled_of(v).unwrap(), Enrolled::default());
    }
}
