//! Sign-in rows (§1): password, second factor, token.

use super::error::ApiError;
use super::http::Api;
use crate::config::Service;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct PasswordOk {
    pub tenant_id: String,
    #[serde(default)]
    pub tenant_domain: String,
    pub email: String,
    #[serde(default)]
    pub first_login: bool,
    #[serde(default)]
    pub mfa_required: bool,
    #[serde(default)]
    pub methods: Vec<String>,
    pub login_ticket: String,
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

/// The body of the TOTP/backup-code step; pure so host tests reach it.
pub fn second_factor_body(
    email: &str,
    tenant_id: &str,
    ticket: &str,
    factor: &SecondFactor,
) -> Value {
    let mut body = json!({ "email": email, "tenant_id": tenant_id, "login_ticket": ticket });
    match factor {
        SecondFactor::Totp(code) => body["code"] = json!(code),
        SecondFactor::BackupCode(code) => body["backup_code"] = json!(code),
    }
    body
}

pub async fn verify_code(
    api: &Api,
    ok: &PasswordOk,
    factor: &SecondFactor,
) -> Result<(), ApiError> {
    let body = second_factor_body(&ok.email, &ok.tenant_id, &ok.login_ticket, factor);
    api.post_anon::<_, Value>(Service::Webauthn, "/totp/verifyLogin", &body)
        .await
        .map(|_| ())
}

/// Where the passkey rows live for this account: `/admin/…` first, then
/// `/enduser/…` (with `tenant_id`) when the server says it is no admin.
fn passkey_body(ok: &PasswordOk, admin: bool, extra: Option<(&str, Value)>) -> Value {
    let mut body = json!({ "email": ok.email, "login_ticket": ok.login_ticket });
    if !admin {
        body["tenant_id"] = json!(ok.tenant_id);
    }
    if let Some((k, v)) = extra {
        body[k] = v;
    }
    body
}

/// Begins a passkey assertion; returns whether the admin rows were used and
/// the `publicKey` request options.
pub async fn begin_passkey(api: &Api, ok: &PasswordOk) -> Result<(bool, Value), ApiError> {
    let admin: Result<Value, ApiError> = api
        .post_anon(
            Service::Webauthn,
            "/admin/beginAuthentication",
            &passkey_body(ok, true, None),
        )
        .await;
    let (admin, opts) = match admin {
        Ok(v) => (true, v),
        Err(e) if e.status == 403 || e.is_missing_feature() => {
            let v = api
                .post_anon(
                    Service::Webauthn,
                    "/enduser/beginAuthentication",
                    &passkey_body(ok, false, None),
                )
                .await?;
            (false, v)
        }
        Err(e) => return Err(e),
    };
    let pk = opts
        .get("publicKey")
        .cloned()
        .ok_or_else(|| ApiError::decode("publicKey missing"))?;
    Ok((admin, pk))
}

pub async fn finish_passkey(
    api: &Api,
    ok: &PasswordOk,
    admin: bool,
    credential: Value,
) -> Result<(), ApiError> {
    let path = if admin {
        "/admin/finishAuthentication"
    } else {
        "/enduser/finishAuthentication"
    };
    let body = passkey_body(ok, admin, Some(("credential", credential)));
    api.post_anon::<_, Value>(Service::Webauthn, path, &body)
        .await
        .map(|_| ())
}

pub async fn mint_token(api: &Api, ok: &PasswordOk) -> Result<TokenOk, ApiError> {
    let body = json!({
        "email": ok.email, "tenant_id": ok.tenant_id, "login_ticket": ok.login_ticket,
        "mfa_verified": true, "flow_context": "admin",
    });
    api.post_anon(Service::Uflow, "/login/webauthn-callback", &body)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> PasswordOk {
        serde_json::from_str(
            r#"{"tenant_id":"t1","tenant_domain":"acme","email":"a@acme.test","first_login":false,
                "mfa_required":true,"methods":["totp"],"login_ticket":"lt1"}"#,
        )
        .unwrap()
    }

    #[test]
    fn decodes_the_password_answer() {
        let ok = ok();
        assert!(ok.mfa_required);
        assert_eq!(ok.methods, vec!["totp"]);
    }

    #[test]
    fn totp_and_backup_bodies() {
        let b = second_factor_body(
            "a@acme.test",
            "t1",
            "lt1",
            &SecondFactor::Totp("123456".into()),
        );
        assert_eq!(
            b,
            json!({"email":"a@acme.test","tenant_id":"t1","login_ticket":"lt1","code":"123456"})
        );
        let b = second_factor_body(
            "a@acme.test",
            "t1",
            "lt1",
            &SecondFactor::BackupCode("abcd-efgh".into()),
        );
        assert_eq!(b["backup_code"], "abcd-efgh");
        assert!(b.get("code").is_none());
    }

    #[test]
    fn passkey_bodies_add_tenant_for_end_users_only() {
        assert!(passkey_body(&ok(), true, None).get("tenant_id").is_none());
        let b = passkey_body(&ok(), false, Some(("credential", json!({"id":"x"}))));
        assert_eq!(b["tenant_id"], "t1");
        assert_eq!(b["credential"]["id"], "x");
    }
}
