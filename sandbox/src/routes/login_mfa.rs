//! Second factors at sign-in, as AuthSec answers them (authsec-api.md §a): TOTP and
//! backup codes (`/webauthn/totp/verifyLogin`, a backup code only in `code`) and passkeys
//! (`/webauthn/{admin,enduser}/{begin,finish}Authentication`). None of them mints
//! anything; each success marks the sign-in attempt that the token step checks.

use axum::body::Bytes;
use axum::extract::OriginalUri;
use axum::http::{StatusCode, Uri};
use axum::routing::post;
use axum::Json;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;
use webauthn_rs::prelude::PublicKeyCredential;

use super::factor_body::{bind_strict, invalid, tenant_uuid, user_by_email};
use super::login::attempt_mut;
use super::totp::code_matches;
use crate::auth::OriginChecked;
use crate::body::Body;
use crate::db::{Db, User};
use crate::error::{ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::{normalize_backup_code, now};

/// Second factors at sign-in under `/authsec/webauthn`.
pub fn routes() -> Router<AppState> {
    let mut r = Router::new()
        .route("/totp/verifyLogin", post(verify_totp))
        .route("/totp/verify", post(verify_enduser_totp));
    for flow in ["admin", "enduser"] {
        r = r
            .route(&format!("/{flow}/beginAuthentication"), post(begin_auth))
            .route(&format!("/{flow}/finishAuthentication"), post(finish_auth));
    }
    r
}

/// Wrong codes allowed per sign-in attempt before it is dropped.
pub const MAX_CODE_FAILURES: u32 = 5;

fn gin(status: StatusCode, msg: &str) -> ApiError {
    ApiError::gin(status, msg)
}

/// Marks (`ok`) or counts a failure against the user's attempt, if one is open.
fn record(db: &mut Db, user: &User, ok: bool) {
    if let (true, Some(u)) = (ok, db.users.get_mut(&user.id)) {
        u.factor_used_at = Some(now());
    }
    let tenant = user.tenant_id.to_string();
    let Some((at, attempt)) = attempt_mut(db, &user.email, Some(&tenant)) else {
        return;
    };
    if ok {
        attempt.second_factor_ok = true;
        return;
    }
    attempt.failures += 1;
    if attempt.failures >= MAX_CODE_FAILURES {
        db.attempts.remove(at);
    }
}

/// Whether `code` is the current code of the user's sign-in authenticator app.
pub fn use_totp(user: &User, code: &str) -> bool {
    user.sign_in_totp
        .as_deref()
        .is_some_and(|secret| code_matches(secret, code))
}

/// Removes the stored backup codes that `hit` matches; whether any did.
pub fn spend_backup_code(user: &mut User, hit: impl Fn(&String) -> bool) -> bool {
    let before = user.backup_codes.len();
    user.backup_codes.retain(|c| !hit(c));
    user.backup_codes.len() < before
}

/// A code checked at sign-in, and AuthSec's words for it: `method` and `message` when it
/// passed, `wrong` when it did not.
struct Checked {
    ok: bool,
    method: &'static str,
    message: &'static str,
    wrong: &'static str,
}

impl Checked {
    /// A backup code's check; AuthSec's two verify routes word its refusal apart.
    fn backup(ok: bool, wrong: &'static str) -> Checked {
        Checked {
            ok,
            method: "backup_code",
            message: "Backup code accepted",
            wrong,
        }
    }

    /// A TOTP code's check; the two routes word its success apart.
    fn totp(ok: bool, message: &'static str) -> Checked {
        Checked {
            ok,
            method: "totp",
            message,
            wrong: "invalid TOTP code",
        }
    }
}

/// Finds the account by e-mail in the tenant, runs `check` on it, records the result
/// against the sign-in attempt and answers it.
fn check_user(
    st: &AppState,
    tenant_id: Uuid,
    email: &str,
    check: impl FnOnce(&mut User) -> ApiResult<Checked>,
) -> Reply {
    let mut db = st.db();
    let user_id = user_by_email(&db, tenant_id, email)?;
    let user = db.users.get_mut(&user_id).ok_or_else(invalid)?;
    let c = check(user)?;
    let user = user.clone();
    record(&mut db, &user, c.ok);
    if !c.ok {
        return Err(gin(StatusCode::BAD_REQUEST, c.wrong));
    }
    Ok(Json(json!({
        "success": true, "message": c.message, "method": c.method,
        "tenant_id": tenant_id, "email": user.email,
    })))
}

#[derive(Deserialize)]
pub struct VerifyReq {
    email: Option<String>,
    tenant_id: Option<String>,
    code: Option<String>,
}

/// `POST /webauthn/totp/verifyLogin` `{tenant_id, email, code}`.
pub async fn verify_totp(st: AppState, _o: OriginChecked, body: Bytes) -> Reply {
    let req: VerifyReq = bind_strict(&body)?;
    let email = req.email.unwrap_or_default().trim().to_lowercase();
    let tenant_id = tenant_uuid(req.tenant_id)?;
    if !crate::util::validate::is_valid_email(&email) {
        return Err(invalid());
    }
    let code = req.code.unwrap_or_default().trim().to_string();
    check_user(&st, tenant_id, &email, |user| {
        if !user.has_totp() {
            let msg = if user.passkeys.is_empty() {
                "TOTP not enabled for this account"
            } else {
                "TOTP not enabled for this account. Use webauthn method instead."
            };
            return Err(gin(StatusCode::BAD_REQUEST, msg));
        }
        // AuthSec takes a backup code only in `code`, and only at 8 or 9 characters.
        if (8..=9).contains(&code.chars().count()) {
            let typed = normalize_backup_code(&code);
            let ok = spend_backup_code(user, |c| *c == typed);
            return Ok(Checked::backup(ok, "invalid TOTP code"));
        }
        Ok(Checked::totp(use_totp(user, &code), "TOTP code valid"))
    })
}

#[derive(Deserialize)]
pub struct EndUserVerifyReq {
    email: Option<String>,
    tenant_id: Option<String>,
    code: Option<String>,
    backup_code: Option<String>,
}

/// `POST /webauthn/totp/verify` `{tenant_id, email, client_id, code | backup_code}`: an end
/// user's TOTP or backup code at sign-in (tests/fixtures/authsec/webauthn.totp.verify.json).
/// A backup code is read only from `backup_code`, without its dash.
pub async fn verify_enduser_totp(st: AppState, _o: OriginChecked, body: Bytes) -> Reply {
    let req: EndUserVerifyReq = bind_strict(&body)?;
    let email = req.email.unwrap_or_default().trim().to_string();
    let tenant_id = tenant_uuid(req.tenant_id)?;
    let backup = req.backup_code.filter(|c| !c.trim().is_empty());
    let code = req.code.unwrap_or_default();
    check_user(&st, tenant_id, &email, |user| {
        Ok(match backup {
            Some(backup) => {
                let typed = backup.replace('-', "").to_lowercase();
                let ok = spend_backup_code(user, |c| c.replace('-', "") == typed);
                Checked::backup(ok, "invalid backup code")
            }
            None => Checked::totp(use_totp(user, &code), "TOTP verification successful"),
        })
    })
}

#[derive(Deserialize)]
pub struct AuthReq {
    email: Option<String>,
    tenant_id: Option<String>,
    credential: Option<Value>,
}

/// The account a passkey row names: an admin by e-mail (`/webauthn/admin/…`), or an
/// end user by e-mail in the named tenant (`/webauthn/enduser/…`).
pub fn account(db: &Db, uri: &Uri, email: &str, tenant: Option<&str>) -> Option<Uuid> {
    let email = email.trim().to_lowercase();
    if uri.path().contains("/webauthn/admin/") {
        return db
            .users
            .values()
            .find(|u| u.is_admin && u.email == email)
            .map(|u| u.id);
    }
    let tenant = Uuid::parse_str(tenant?.trim()).ok()?;
    db.user_id_by_email(tenant, &email)
}

pub async fn begin_auth(
    st: AppState,
    _o: OriginChecked,
    OriginalUri(uri): OriginalUri,
    Body(req, _): Body<AuthReq>,
) -> Reply {
    let email = req.email.unwrap_or_default();
    if email.trim().is_empty() {
        return Err(gin(StatusCode::BAD_REQUEST, "email is required"));
    }
    let mut db = st.db();
    let user_id = account(&db, &uri, &email, req.tenant_id.as_deref())
        .ok_or_else(|| gin(StatusCode::NOT_FOUND, "user not found"))?;
    passkey_challenge(&st, &mut db, user_id)
        .map(Json)
        .ok_or_else(|| {
            gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                "failed to begin authentication",
            )
        })
}

/// The challenge for the user's passkeys, its state kept for the finish (sign-in and
/// step-up); None for a user without a passkey.
pub fn passkey_challenge(st: &AppState, db: &mut Db, user_id: Uuid) -> Option<Value> {
    let user = db.users.get(&user_id)?;
    let creds: Vec<_> = user.passkeys.iter().map(|p| p.passkey.clone()).collect();
    if creds.is_empty() {
        return None;
    }
    let (challenge, state) = st.webauthn.start_passkey_authentication(&creds).ok()?;
    db.auth_states.insert(user_id, state);
    serde_json::to_value(challenge).ok()
}

pub async fn finish_auth(
    st: AppState,
    _o: OriginChecked,
    OriginalUri(uri): OriginalUri,
    Body(req, _): Body<AuthReq>,
) -> Reply {
    let email = req.email.unwrap_or_default();
    let (false, Some(credential)) = (email.trim().is_empty(), req.credential) else {
        return Err(gin(
            StatusCode::BAD_REQUEST,
            "email and credential are required",
        ));
    };
    let failed = || gin(StatusCode::UNAUTHORIZED, "authentication failed");
    let mut db = st.db();
    let user_id = account(&db, &uri, &email, req.tenant_id.as_deref())
        .ok_or_else(|| gin(StatusCode::UNAUTHORIZED, "user not found"))?;
    let cred: PublicKeyCredential = serde_json::from_value(credential)
        .map_err(|_| gin(StatusCode::BAD_REQUEST, "invalid credential payload"))?;
    let state = db
        .auth_states
        .remove(&user_id)
        .ok_or_else(|| gin(StatusCode::BAD_REQUEST, "no authentication session"))?;
    let result = st.webauthn.finish_passkey_authentication(&cred, &state);
    let user = db.users.get_mut(&user_id).ok_or_else(failed)?;
    let Ok(result) = result else {
        let user = user.clone();
        record(&mut db, &user, false);
        return Err(failed());
    };
    user.passkey_used(&result, now());
    let user = user.clone();
    record(&mut db, &user, true);
    Ok(Json(
        json!({ "email": user.email, "success": true, "user_id": user.id }),
    ))
}
