//! How the sign-in factor rows (TOTP setup at `/webauthn/totp/*Setup`, codes at
//! `verifyLogin` and `verify`) bind their bodies: strictly (no body is no JSON), and any
//! failure is 400 `invalid request`, as AuthSec answers them.

use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use uuid::Uuid;

use crate::db::Db;
use crate::error::{ApiError, ApiResult};

pub fn invalid() -> ApiError {
    ApiError::gin(StatusCode::BAD_REQUEST, "invalid request")
}

/// The body as `T`, or `invalid request`.
pub fn bind_strict<T: DeserializeOwned>(body: &[u8]) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|_| invalid())
}

/// The body's `tenant_id` (trimmed), or `invalid request`.
pub fn tenant_uuid(raw: Option<String>) -> ApiResult<Uuid> {
    Uuid::parse_str(raw.unwrap_or_default().trim()).map_err(|_| invalid())
}

pub fn client_not_found() -> ApiError {
    ApiError::gin(StatusCode::NOT_FOUND, "client not found")
}

/// The tenant's user with that e-mail, or AuthSec's 404 `client not found`.
pub fn user_by_email(db: &Db, tenant: Uuid, email: &str) -> ApiResult<Uuid> {
    db.user_id_by_email(tenant, email)
        .ok_or_else(client_not_found)
}

#[derive(Deserialize)]
pub struct SetupReq {
    tenant_id: Option<String>,
    email: Option<String>,
    secret: Option<String>,
    code: Option<String>,
}

/// Binds the setup body (`confirm`: secret and code too), as gin does: any failure is
/// `invalid request`.
pub fn bind_setup(body: &[u8], confirm: bool) -> ApiResult<(Uuid, String, String, String)> {
    let req: SetupReq = bind_strict(body)?;
    let tenant = tenant_uuid(req.tenant_id)?;
    let email = req.email.unwrap_or_default().trim().to_string();
    if !crate::util::validate::is_valid_email(&email) {
        return Err(invalid());
    }
    let (secret, code) = (req.secret.unwrap_or_default(), req.code.unwrap_or_default());
    if confirm && (secret.trim().is_empty() || code.trim().is_empty()) {
        return Err(invalid());
    }
    Ok((
        tenant,
        email,
        secret.trim().to_string(),
        code.trim().to_string(),
    ))
}
