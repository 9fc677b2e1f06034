//! Step-up (extension, extensions-api.md "Step-up"): `POST /uflow/step-up` proves the
//! signed-in user again (their authenticator code, a backup code, or the password of an
//! account without a second factor) and answers a token for the same session with a
//! fresh `auth_time`, which the step-up routes ([`crate::auth::Recent`]) then accept.
//! A passkey proves it in two calls: `/step-up/webauthn/begin` answers the challenge for
//! the caller's passkeys, `/step-up/webauthn/finish` takes the assertion.

use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::login_mfa::{passkey_challenge, spend_backup_code, use_totp};
use crate::auth::jwt::restamp;
use crate::auth::{bearer, Caller};
use crate::body::Body;
use crate::db::Db;
use crate::error::{ApiError, Reply};
use crate::state::AppState;
use crate::util::{normalize_backup_code, now, password_hash};
use uuid::Uuid;
use webauthn_rs::prelude::PublicKeyCredential;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/step-up", post(step_up))
        .route("/step-up/webauthn/begin", post(passkey_begin))
        .route("/step-up/webauthn/finish", post(passkey_finish))
}

#[derive(Deserialize)]
pub struct StepUpReq {
    code: Option<String>,
    backup_code: Option<String>,
    password: Option<String>,
}

/// What the caller sent to prove who they are: exactly one of the three.
enum Proof {
    Code(String),
    Backup(String),
    Password(String),
}

impl StepUpReq {
    fn proof(self) -> Option<Proof> {
        let filled = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
        match (
            filled(self.code),
            filled(self.backup_code),
            filled(self.password),
        ) {
            (Some(c), None, None) => Some(Proof::Code(c)),
            (None, Some(b), None) => Some(Proof::Backup(b)),
            (None, None, Some(p)) => Some(Proof::Password(p)),
            _ => None,
        }
    }
}

pub async fn step_up(
    st: AppState,
    caller: Caller,
    headers: HeaderMap,
    Body(req, _): Body<StepUpReq>,
) -> Reply {
    let bad = |m: &str| ApiError::gin(StatusCode::BAD_REQUEST, m);
    // An API key has no session to renew.
    let sid = caller.sid.ok_or_else(ApiError::unauthorized)?;
    let proof = req
        .proof()
        .ok_or_else(|| bad("send one of code, backup_code or password"))?;
    let mut db = st.db();
    let user = caller.user_mut(&mut db)?;
    let ok = match proof {
        Proof::Code(c) => use_totp(user, &c),
        Proof::Backup(b) => {
            let typed = normalize_backup_code(&b);
            spend_backup_code(user, |c| *c == typed)
        }
        // The password proves nothing more to an account that signs in with a second factor.
        Proof::Password(_) if user.has_totp() || !user.passkeys.is_empty() => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                json!({ "error": "second_factor_required" }),
            ));
        }
        Proof::Password(p) => user.password_hash.as_deref() == Some(&password_hash(user.id, &p)),
    };
    if !ok {
        return Err(wrong(&mut db, sid, "invalid code or password"));
    }
    renewed(&st, &mut db, sid, &headers)
}

/// Wrong step-up proofs a session may make before it is ended (as a sign-in attempt is
/// dropped after as many wrong codes).
pub const MAX_STEP_UP_FAILURES: u32 = 5;

/// Counts a wrong proof: the answer is a 400 with `msg`, or, at the limit, the session
/// ends and the answer is a 401 (the console then asks for a whole sign-in).
fn wrong(db: &mut Db, sid: Uuid, msg: &str) -> ApiError {
    let n = db.step_up_failures.entry(sid).or_default();
    *n += 1;
    if *n < MAX_STEP_UP_FAILURES {
        return ApiError::gin(StatusCode::BAD_REQUEST, msg);
    }
    if let Some(s) = db.sessions.get_mut(&sid) {
        s.revoked = true;
    }
    ApiError::unauthorized()
}

/// The answer of a step-up that passed: the caller's token, proved just now.
fn renewed(st: &AppState, db: &mut Db, sid: Uuid, headers: &HeaderMap) -> Reply {
    let token = bearer(headers).ok_or_else(ApiError::unauthorized)?;
    let (token, exp) = restamp(st, token).ok_or_else(ApiError::unauthorized)?;
    db.step_up_failures.remove(&sid);
    if let Some(s) = db.sessions.get_mut(&sid) {
        s.expires_at = exp;
    }
    Ok(Json(
        json!({ "access_token": token, "expires_in": st.cfg.token_ttl }),
    ))
}

/// `POST /step-up/webauthn/begin`: the challenge for the caller's passkeys.
pub async fn passkey_begin(st: AppState, caller: Caller) -> Reply {
    let mut db = st.db();
    passkey_challenge(&st, &mut db, caller.user_id)
        .map(Json)
        .ok_or_else(|| ApiError::gin(StatusCode::BAD_REQUEST, "no passkey on this account"))
}

#[derive(Deserialize)]
pub struct AssertionReq {
    credential: Option<Value>,
}

/// `POST /step-up/webauthn/finish` `{credential}`: the assertion for that challenge.
pub async fn passkey_finish(
    st: AppState,
    caller: Caller,
    headers: HeaderMap,
    Body(req, _): Body<AssertionReq>,
) -> Reply {
    let bad = |m: &str| ApiError::gin(StatusCode::BAD_REQUEST, m);
    let sid = caller.sid.ok_or_else(ApiError::unauthorized)?;
    let cred: PublicKeyCredential = req
        .credential
        .and_then(|c| serde_json::from_value(c).ok())
        .ok_or_else(|| bad("invalid credential payload"))?;
    let mut db = st.db();
    let state = db
        .auth_states
        .remove(&caller.user_id)
        .ok_or_else(|| bad("no step-up in progress"))?;
    let Ok(result) = st.webauthn.finish_passkey_authentication(&cred, &state) else {
        return Err(wrong(&mut db, sid, "the passkey was not accepted"));
    };
    caller.user_mut(&mut db)?.passkey_used(&result, now());
    renewed(&st, &mut db, sid, &headers)
}
