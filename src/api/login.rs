//! Sign-in as AuthSec does it (authsec-api.md §a), in two realms behind one form:
//! - **admins** (the tenant's owner): the password step (`/uflow/login`, no token, no
//!   ticket), the factor check (`/webauthn/totp/verifyLogin`, a backup code in `code`; or a
//!   passkey through `/webauthn/admin/*`), the token (`/uflow/login/webauthn-callback`);
//! - **end users**, when config.json names the client they sign in through and the admin
//!   password step refused the account: `/uflow/user/login` `{client_id, email,
//!   password}`, their factors from `/webauthn/enduser/mfa/loginStatus`, the check
//!   (`/webauthn/totp/verify`, a backup code undashed in `backup_code`; or
//!   `/webauthn/enduser/*`), the token (`/uflow/auth/enduser/webauthn-callback`);
//!   tests/fixtures/authsec/ has these rows, from the source.
//!
//! Then the admin probe (§1.5) says which the account is.

use super::anon::Public;
use super::error::{decode_error, ApiError};
use super::http::Api;
use super::mfa;
use super::nullable;
use super::retry::Method;
use crate::config::Service;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Which sign-in routes an account goes through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Realm {
    #[default]
    Admin,
    /// Through this AuthSec client.
    EndUser(String),
}

/// `LoginResponse` (authsec-api.md §a), or the end user's equivalent.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct PasswordOk {
    /// Set by the console, not sent by the server.
    #[serde(skip)]
    pub realm: Realm,
    pub tenant_id: String,
    #[serde(default)]
    pub tenant_domain: String,
    pub email: String,
    #[serde(default)]
    pub first_login: bool,
    /// Signed in before but no factor: AuthSec e-mails a code no route checks (a dead
    /// end), so the console treats it as "no factor yet".
    #[serde(default)]
    pub otp_required: bool,
    #[serde(default)]
    pub webauthn_required: bool,
    #[serde(default)]
    pub mfa_required: bool,
    #[serde(default)]
    pub mfa_method: Option<String>,
    /// At most one element: the account's default factor.
    #[serde(default, deserialize_with = "nullable::vec")]
    pub methods: Vec<String>,
    /// An invited admin's route answers a token at once when the account has no factor.
    #[serde(default)]
    pub token: Option<Secret>,
    /// Signed in with the invitation's temporary password.
    #[serde(default)]
    pub password_change_required: bool,
    /// Set by the console: the account came through the invited admins' route.
    #[serde(skip)]
    pub invited: bool,
}

#[derive(Deserialize)]
pub struct TokenOk {
    pub access_token: String,
}

/// The second factor a user offers.
#[derive(Clone, Debug, PartialEq)]
pub enum SecondFactor {
    Totp(Secret),
    BackupCode(Secret),
}

#[derive(Serialize)]
struct PasswordBody<'a> {
    email: &'a str,
    password: &'a str,
    tenant_domain: &'a str,
}

/// The password step: the admin route, then (for an account it does not know, when
/// config.json names an end-user client) the end-user route. Both refusing answers the
/// admin route's error. Then the account's factors, from the realm's `mfa/loginStatus` (as
/// AuthSec's own console asks: the password step's answer leaves them out at a first
/// sign-in).
pub async fn password<P: Public>(
    api: &P,
    email: &str,
    password: &str,
    tenant_domain: &str,
) -> Result<PasswordOk, ApiError> {
    let body = PasswordBody {
        email,
        password,
        tenant_domain,
    };
    let admin = password_row(api, "/login", &body).await;
    let client = api.end_user_client();
    let mut ok: PasswordOk = match admin {
        // Not the tenant's owner: an end user (through config.json's client), else an
        // invited admin (their own route, rate-limited, so tried last).
        Err(e) if e.status == 401 && e.message == "Invalid credentials" => {
            let end_user = match client {
                Some(client) => Some(end_user_password(api, &client, email, password).await),
                None => None,
            };
            match end_user {
                Some(Ok(ok)) => ok,
                Some(Err(eu)) if eu.status != 401 => return Err(eu),
                _ => {
                    return match invited_password(api, &body).await {
                        Ok(ok) => Ok(ok),
                        // Not an admin of this tenant either (or that route is busy): the
                        // owner route's answer stands.
                        Err(ie) if ie.status == 429 || ie.message.contains("for this tenant") => {
                            Err(e)
                        }
                        Err(ie) => Err(ie),
                    };
                }
            }
        }
        result => result?,
    };
    // 404: AuthSec knows no factor row for the account (its console reads it as none).
    let enrolled = match mfa::enrolled(api, &ok.account()).await {
        Err(e) if e.status == 404 => Ok(mfa::Enrolled::default()),
        other => other,
    }?;
    ok.methods = [("totp", enrolled.totp), ("webauthn", enrolled.passkey)]
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(m, _)| m.to_string())
        .collect();
    ok.mfa_method = ok.methods.first().cloned();
    ok.mfa_required = enrolled.any();
    ok.webauthn_required = enrolled.passkey && !enrolled.totp;
    ok.otp_required = !enrolled.any();
    Ok(ok)
}

impl PasswordOk {
    /// The account whose factors the next steps check or enrol.
    pub fn account(&self) -> mfa::Account {
        mfa::Account {
            realm: self.realm.clone(),
            email: self.email.clone(),
            tenant_id: self.tenant_id.clone(),
        }
    }
}

/// One of uflow's password rows (no token).
async fn password_row<P: Public, B: Serialize>(
    api: &P,
    path: &str,
    body: &B,
) -> Result<PasswordOk, ApiError> {
    api.post_row(Service::Uflow, path, body, false).await
}

/// `/uflow/auth/admin/login`, AuthSec's route for admins who are not the tenant's owner:
/// a token at once for an account without a factor (AuthSec checks none for them), or the
/// factor it has and no token.
async fn invited_password<P: Public>(
    api: &P,
    body: &PasswordBody<'_>,
) -> Result<PasswordOk, ApiError> {
    let mut ok = password_row(api, "/auth/admin/login", body).await?;
    ok.invited = true;
    Ok(ok)
}

/// `/uflow/user/login` says nothing of factors (always false).
async fn end_user_password<P: Public>(
    api: &P,
    client: &str,
    email: &str,
    password: &str,
) -> Result<PasswordOk, ApiError> {
    let body = json!({ "client_id": client, "email": email, "password": password });
    let mut ok = password_row(api, "/user/login", &body).await?;
    ok.realm = Realm::EndUser(client.to_string());
    Ok(ok)
}

/// The body of the TOTP/backup-code step; pure so host tests reach it. The admin route
/// reads a backup code only from `code` (its `backup_code` key is never read); the
/// end-user route only from `backup_code`, compared without the dash.
pub fn second_factor_body(ok: &PasswordOk, factor: &SecondFactor) -> Value {
    let mut body = json!({ "email": ok.email, "tenant_id": ok.tenant_id });
    match (&ok.realm, factor) {
        (Realm::Admin, SecondFactor::Totp(c) | SecondFactor::BackupCode(c)) => {
            body["code"] = json!(c.expose().trim());
        }
        (Realm::EndUser(client), SecondFactor::Totp(c)) => {
            body["client_id"] = json!(client);
            body["code"] = json!(c.expose().trim());
        }
        (Realm::EndUser(client), SecondFactor::BackupCode(c)) => {
            body["client_id"] = json!(client);
            let bare: String = c
                .expose()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            body["backup_code"] = json!(bare.to_ascii_uppercase());
        }
    }
    body
}

pub async fn verify_code(
    api: &Api,
    ok: &PasswordOk,
    factor: &SecondFactor,
) -> Result<(), ApiError> {
    let body = second_factor_body(ok, factor);
    let path = match ok.realm {
        Realm::Admin => "/totp/verifyLogin",
        Realm::EndUser(_) => "/totp/verify",
    };
    api.post_anon::<_, Value>(Service::Webauthn, path, &body)
        .await
        .map(|_| ())
}

/// The passkey rows' path and body: the admin realm by e-mail, the end-user realm by
/// tenant, e-mail and client (AuthSec needs the client to find the user).
fn passkey_call(ok: &PasswordOk, step: &str, credential: Option<Value>) -> (String, Value) {
    let (path, mut body) = match &ok.realm {
        Realm::Admin => (format!("/admin/{step}"), json!({ "email": ok.email })),
        Realm::EndUser(client) => (
            format!("/enduser/{step}"),
            json!({ "tenant_id": ok.tenant_id, "email": ok.email, "client_id": client }),
        ),
    };
    if let Some(c) = credential {
        body["credential"] = c;
    }
    (path, body)
}

/// Begins a passkey assertion; answers the `publicKey` request options.
pub async fn begin_passkey(api: &Api, ok: &PasswordOk) -> Result<Value, ApiError> {
    let (path, body) = passkey_call(ok, "beginAuthentication", None);
    let opts: Value = api.post_anon(Service::Webauthn, &path, &body).await?;
    opts.get("publicKey")
        .cloned()
        .ok_or_else(|| ApiError::decode("publicKey missing"))
}

pub async fn finish_passkey(api: &Api, ok: &PasswordOk, credential: Value) -> Result<(), ApiError> {
    let (path, body) = passkey_call(ok, "finishAuthentication", Some(credential));
    api.post_anon::<_, Value>(Service::Webauthn, &path, &body)
        .await
        .map(|_| ())
}

/// The token step's body: the console sends it only after its own factor check passed.
pub fn token_body(ok: &PasswordOk) -> Value {
    json!({ "email": ok.email, "mfa_verified": true, "tenant_id": ok.tenant_id })
}

pub async fn mint_token<P: Public>(api: &P, ok: &PasswordOk) -> Result<TokenOk, ApiError> {
    let path = match ok.realm {
        Realm::Admin => "/login/webauthn-callback",
        Realm::EndUser(_) => "/auth/enduser/webauthn-callback",
    };
    api.post_row(Service::Uflow, path, &token_body(ok), false)
        .await
}

/// Whether the account behind `token` is an admin of its tenant: AuthSec's tokens do not
/// say, so the console asks the cheapest admin route (authsec-api.md §1.5): 2xx yes,
/// 403 no. Anything else is an error (e.g. 401: the token was refused).
pub async fn is_admin<P: Public>(api: &P, token: &str) -> Result<bool, ApiError> {
    let resp = api
        .call_with_token(
            Method::Get,
            Service::Uflow,
            "/admin/me/roles-permissions",
            token,
        )
        .await?;
    admin_answer(resp.status, &resp.body)
}

fn admin_answer(status: u16, body: &str) -> Result<bool, ApiError> {
    match status {
        200..=299 => Ok(true),
        403 => Ok(false),
        _ => Err(decode_error(status, body, None)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_second_factor_never_prints_its_code() {
        let shown = format!(
            "{:?} {:?}",
            super::SecondFactor::Totp("123456".into()),
            super::SecondFactor::BackupCode("7kq2-m9xa".into())
        );
        assert!(
            !shown.contains("123456") && !shown.contains("7kq2"),
            "{shown}"
        );
    }

    use super::*;

    fn ok() -> PasswordOk {
        serde_json::from_str(
            r#"{"tenant_id":"t1","tenant_domain":"acme","email":"a@acme.test","first_login":false,
                "otp_required":false,"mfa_required":true,"mfa_method":"totp","methods":["totp"]}"#,
        )
        .unwrap()
    }

    #[test]
    fn decodes_the_password_answer() {
        let ok = ok();
        assert!(ok.mfa_required);
        assert_eq!(ok.methods, vec!["totp"]);
        assert_eq!(ok.mfa_method.as_deref(), Some("totp"));
    }

    #[test]
    fn admin_totp_and_backup_codes_both_go_in_code() {
        let b = second_factor_body(&ok(), &SecondFactor::Totp("123456".into()));
        assert_eq!(
            b,
            json!({"email":"a@acme.test","tenant_id":"t1","code":"123456"})
        );
        let b = second_factor_body(&ok(), &SecondFactor::BackupCode(" ABCD-EFGH ".into()));
        assert_eq!(b["code"], "ABCD-EFGH");
        assert!(b.get("backup_code").is_none());
    }

    #[test]
    fn end_user_backup_codes_go_undashed_in_backup_code_with_the_client() {
        let mut eu = ok();
        eu.realm = Realm::EndUser("c1".into());
        let b = second_factor_body(&eu, &SecondFactor::BackupCode(" abcd-efgh ".into()));
        assert_eq!(
            b,
            json!({"email":"a@acme.test","tenant_id":"t1","client_id":"c1","backup_code":"ABCDEFGH"})
        );
        let b = second_factor_body(&eu, &SecondFactor::Totp("123456".into()));
        assert_eq!(b["code"], "123456");
        assert_eq!(b["client_id"], "c1");
        let (path, body) = passkey_call(&eu, "finishAuthentication", Some(json!({"id":"x"})));
        assert_eq!(path, "/enduser/finishAuthentication");
        assert_eq!(body["client_id"], "c1");
        assert_eq!(body["credential"]["id"], "x");
        let (path, body) = passkey_call(&ok(), "beginAuthentication", None);
        assert_eq!(
            (path.as_str(), body),
            ("/admin/beginAuthentication", json!({"email":"a@acme.test"}))
        );
    }

    #[test]
    fn token_body_is_what_the_callback_binds() {
        assert_eq!(
            token_body(&ok()),
            json!({"email":"a@acme.test","mfa_verified":true,"tenant_id":"t1"})
        );
    }

    #[test]
    fn admin_probe_reads_the_status() {
        assert_eq!(admin_answer(200, "{}"), Ok(true));
        assert_eq!(admin_answer(403, r#"{"error":"forbidden"}"#), Ok(false));
        let e = admin_answer(401, r#"{"error":"Invalid or expired token"}"#).unwrap_err();
        assert_eq!(e.status, 401);
    }
}
