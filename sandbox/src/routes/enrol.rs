//! Enrolling the sign-in factors, as AuthSec's routes take it (authsec-api.md §a, §d;
//! tests/fixtures/authsec/): the authenticator app through `/webauthn/totp/beginLoginSetup`
//! and `confirmLoginSetup` (admins) or `beginSetup` and `confirmSetup` (end users), and
//! which factors an admin has (`/webauthn/admin/mfa/status`, `loginStatus`).
//!
//! AuthSec leaves these routes open to anyone who knows an e-mail; the sandbox refuses
//! what AuthSec would allow (never the shapes): the caller must hold the account's token
//! or have passed its password in a live sign-in attempt.

use axum::body::Bytes;
use axum::extract::OriginalUri;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Json;
use axum::Router;
use rand::Rng;
use serde::Deserialize;
use serde_json::{json, Value};
use totp_rs::Secret;
use uuid::Uuid;

use super::factor_body::{bind_setup, client_not_found, user_by_email};
use super::login::attempt_mut;
use super::login_mfa::account;
use super::totp::{code_matches, otpauth_uri, ISSUER};
use crate::auth::{Caller, OriginChecked};
use crate::body::Body;
use crate::config::Args;
use crate::db::{Db, User};
use crate::error::{ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::{backup_codes, now};

/// Enrolment and MFA status under `/authsec/webauthn`.
pub fn routes(backup_regenerate: bool) -> Router<AppState> {
    let mut r = Router::new()
        .route("/admin/mfa/status", post(admin_status))
        .route("/admin/mfa/loginStatus", post(admin_status));
    for (begin, confirm) in [
        ("beginLoginSetup", "confirmLoginSetup"),
        ("beginSetup", "confirmSetup"),
    ] {
        r = r
            .route(&format!("/totp/{begin}"), post(totp_begin))
            .route(&format!("/totp/{confirm}"), post(totp_confirm));
    }
    if backup_regenerate {
        r = r.route(
            "/totp/backup/regenerate",
            post(super::totp::regenerate_backup),
        );
    }
    r
}

/// The user whose factor is being enrolled, if the caller may enrol it: the account's own
/// token, or (for an account with no factor yet, i.e. its first one) its open sign-in
/// attempt, the password having passed. A factor never replaces another on a password alone.
/// A token enrols only with a recent proof where the server offers step-up: else a stolen
/// token could enrol its own factor and then step up with it.
pub fn enrolee(db: &mut Db, cfg: &Args, caller: Option<&Caller>, user_id: Uuid) -> ApiResult<Uuid> {
    let user = db.users.get(&user_id).cloned().ok_or_else(refused)?;
    if let Some(c) = caller.filter(|c| c.user_id == user_id) {
        c.require_recent(cfg)?;
        return Ok(user_id);
    }
    if !user.factors().is_empty() {
        return Err(refused());
    }
    let tenant = user.tenant_id.to_string();
    attempt_mut(db, &user.email, Some(&tenant))
        .map(|_| user_id)
        .ok_or_else(refused)
}

fn refused() -> ApiError {
    ApiError::gin(
        StatusCode::UNAUTHORIZED,
        "Unauthorized: sign in with the account's password first",
    )
}

/// Marks the user's sign-in attempt (if any) as having passed its factor.
pub fn factor_passed(db: &mut Db, user: &User) {
    let tenant = user.tenant_id.to_string();
    if let Some((_, a)) = attempt_mut(db, &user.email, Some(&tenant)) {
        a.second_factor_ok = true;
    }
}

/// `beginLoginSetup` / `beginSetup` `{tenant_id, email, client_id?}`: a new secret, stored
/// nowhere (confirm takes it back).
pub async fn totp_begin(
    st: AppState,
    _o: OriginChecked,
    caller: Result<Caller, ApiError>,
    body: Bytes,
) -> Reply {
    let (tenant, email, _, _) = bind_setup(&body, false)?;
    let mut db = st.db();
    let id = user_by_email(&db, tenant, &email)?;
    enrolee(&mut db, &st.cfg, caller.as_ref().ok(), id)?;
    let bytes: [u8; 32] = rand::rng().random();
    let secret = Secret::new(bytes.to_vec().into_boxed_slice()).to_base32();
    let secret = secret.trim_end_matches('=').to_string();
    let account = db.users.get(&id).map(|u| u.email.clone()).unwrap_or(email);
    Ok(Json(json!({
        "secret": secret, "qr_code": QR_PLACEHOLDER, "manual_entry": secret,
        "issuer": ISSUER, "account": account, "otp_auth_url": otpauth_uri(&account, &secret),
    })))
}

/// A 1×1 PNG: AuthSec sends a QR code image; the console draws its own from the URI.
const QR_PLACEHOLDER: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==";

/// `confirmLoginSetup` / `confirmSetup` `{tenant_id, email, secret, code, client_id?}`:
/// the code is checked against the posted secret, which then replaces any earlier one,
/// with ten new backup codes. At sign-in, this is the attempt's factor.
pub async fn totp_confirm(
    st: AppState,
    _o: OriginChecked,
    caller: Result<Caller, ApiError>,
    body: Bytes,
) -> Reply {
    let (tenant, email, secret, code) = bind_setup(&body, true)?;
    if !code_matches(&secret, &code) {
        return Err(ApiError::gin(StatusCode::BAD_REQUEST, "invalid TOTP code"));
    }
    let mut db = st.db();
    let id = user_by_email(&db, tenant, &email)?;
    enrolee(&mut db, &st.cfg, caller.as_ref().ok(), id)?;
    let codes = backup_codes(&mut rand::rng());
    let user = db.users.get_mut(&id).ok_or_else(client_not_found)?;
    user.sign_in_totp = Some(secret);
    user.backup_codes = codes.clone();
    user.updated_at = now();
    let user = user.clone();
    factor_passed(&mut db, &user);
    let shown: Vec<String> = codes.iter().map(|c| c.to_uppercase()).collect();
    Ok(Json(json!({
        "success": true, "message": "TOTP enabled successfully", "backup_codes": shown,
    })))
}

#[derive(Deserialize)]
pub struct StatusReq {
    email: Option<String>,
}

/// `POST /webauthn/admin/mfa/status` and `loginStatus` `{email}` (public on AuthSec):
/// the admin's sign-in factors.
pub async fn admin_status(
    st: AppState,
    OriginalUri(uri): OriginalUri,
    Body(req, _): Body<StatusReq>,
) -> Reply {
    let email = req
        .email
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(|| ApiError::gin(StatusCode::BAD_REQUEST, "email is required"))?;
    let db = st.db();
    let id = account(&db, &uri, &email, None)
        .ok_or_else(|| ApiError::gin(StatusCode::NOT_FOUND, "user not found"))?;
    let user = db.users.get(&id).ok_or_else(ApiError::unauthorized)?;
    Ok(Json(methods_answer(user)))
}

/// `{mfa_required: false}`, or the factors as AuthSec's `MFAMethod` rows, one per type
/// (their secrets and codes as opaque stand-ins for AuthSec's encrypted ones).
pub fn methods_answer(user: &User) -> Value {
    let factors = user.factors();
    if factors.is_empty() {
        return json!({ "mfa_required": false });
    }
    let methods: Vec<Value> = factors
        .iter()
        .map(|f| {
            let mut m = json!({
                "id": crate::util::new_id(), "client_id": user.id, "user_id": user.id,
                "method_type": f, "display_name": "", "description": "", "recommended": false,
                "method_data": {}, "enabled": true, "is_primary": false, "verified": true,
                "enrolled_at": user.created_at, "created_at": user.created_at,
                "updated_at": user.updated_at,
            });
            if let Some(t) = user.factor_used_at {
                m["last_used_at"] = json!(t);
            }
            if *f == "totp" {
                m["method_data"] = json!({
                    "digits": 6, "issuer": ISSUER, "period": 30, "algorithm": "SHA1",
                    "setup_completed": user.updated_at, "secret_encrypted": "(encrypted)",
                });
                m["backup_codes"] = json!(format!("[{}]", user.backup_codes.len()));
            } else {
                let id = user
                    .passkeys
                    .first()
                    .map(|p| p.id.clone())
                    .unwrap_or_default();
                m["method_data"] = json!({ "credential_id": id });
            }
            m
        })
        .collect();
    json!({ "methods": methods, "mfa_required": true })
}
