//! Sign-in as AuthSec does it (authsec-api.md §a): the password step
//! (`/uflow/login`, no token, no ticket), the factor check (`/webauthn/totp/verifyLogin`,
//! a backup code in `code`; or a passkey through `/webauthn/admin/*`), the token step
//! (`/uflow/login/webauthn-callback`), then the admin probe (§1.5).

use super::error::{decode_error, ApiError};
use super::http::Api;
use super::nullable;
use crate::config::Service;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// `LoginResponse` (authsec-api.md §a).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct PasswordOk {
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
}

#[derive(Deserialize)]
pub struct TokenOk {
    pub access_token: String,
}

/// The second factor a user offers.
#[derive(Clone, Debug, PartialEq)]
pub enum SecondFactor {
    Totp(String),
    BackupCode(String),
}

#[derive(Serialize)]
struct PasswordBody<'a> {
    email: &'a str,
    password: &'a str,
    tenant_domain: &'a str,
}

pub async fn password(
    api: &Api,
    email: &str,
    password: &str,
    tenant_domain: &str,
) -> Result<PasswordOk, ApiError> {
    api.post_anon(
        Service::Uflow,
        "/login",
        &PasswordBody {
            email,
            password,
            tenant_domain,
        },
    )
    .await
}

/// The body of the TOTP/backup-code step; pure so host tests reach it. AuthSec reads a
/// backup code only from `code` (its `backup_code` key is never read).
pub fn second_factor_body(email: &str, tenant_id: &str, factor: &SecondFactor) -> Value {
    let code = match factor {
        SecondFactor::Totp(c) | SecondFactor::BackupCode(c) => c.trim(),
    };
    json!({ "email": email, "tenant_id": tenant_id, "code": code })
}

pub async fn verify_code(
    api: &Api,
    ok: &PasswordOk,
    factor: &SecondFactor,
) -> Result<(), ApiError> {
    let body = second_factor_body(&ok.email, &ok.tenant_id, factor);
    api.post_anon::<_, Value>(Service::Webauthn, "/totp/verifyLogin", &body)
        .await
        .map(|_| ())
}

/// Begins a passkey assertion in the admin realm (`{email}`); answers the `publicKey`
/// request options.
pub async fn begin_passkey(api: &Api, ok: &PasswordOk) -> Result<Value, ApiError> {
    let opts: Value = api
        .post_anon(
            Service::Webauthn,
            "/admin/beginAuthentication",
            &json!({ "email": ok.email }),
        )
        .await?;
    opts.get("publicKey")
        .cloned()
        .ok_or_else(|| ApiError::decode("publicKey missing"))
}

pub async fn finish_passkey(api: &Api, ok: &PasswordOk, credential: Value) -> Result<(), ApiError> {
    let body = json!({ "email": ok.email, "credential": credential });
    api.post_anon::<_, Value>(Service::Webauthn, "/admin/finishAuthentication", &body)
        .await
        .map(|_| ())
}

/// The token step's body: the console sends it only after its own factor check passed.
pub fn token_body(ok: &PasswordOk) -> Value {
    json!({ "email": ok.email, "mfa_verified": true, "tenant_id": ok.tenant_id })
}

pub async fn mint_token(api: &Api, ok: &PasswordOk) -> Result<TokenOk, ApiError> {
    api.post_anon(Service::Uflow, "/login/webauthn-callback", &token_body(ok))
        .await
}

/// Whether the account behind `token` is an admin of its tenant: AuthSec's tokens do not
/// say, so the console asks the cheapest admin route (authsec-api.md §1.5): 2xx yes,
/// 403 no. Anything else is an error (e.g. 401: the token was refused).
pub async fn is_admin(api: &Api, token: &str) -> Result<bool, ApiError> {
    let resp = api
        .get_with_token(Service::Uflow, "/admin/me/roles-permissions", token)
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
    fn totp_and_backup_codes_both_go_in_code() {
        let b = second_factor_body("a@acme.test", "t1", &SecondFactor::Totp("123456".into()));
        assert_eq!(
            b,
            json!({"email":"a@acme.test","tenant_id":"t1","code":"123456"})
        );
        let b = second_factor_body(
            "a@acme.test",
            "t1",
            &SecondFactor::BackupCode(" ABCD-EFGH ".into()),
        );
        assert_eq!(b["code"], "ABCD-EFGH");
        assert!(b.get("backup_code").is_none());
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
