//! Step-up (extension, extensions-api.md "Step-up"): `POST /uflow/step-up` proves the
//! signed-in user again (their authenticator code, a backup code, or the password of an
//! account without a second factor) and answers a token for the same session with a
//! fresh `auth_time`, which the step-up routes ([`crate::auth::Recent`]) then accept.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::login_mfa::{spend_backup_code, use_totp};
use crate::auth::jwt::restamp;
use crate::auth::{bearer, Caller};
use crate::body::Body;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::util::{normalize_backup_code, password_hash};

pub fn routes() -> Router<AppState> {
    Router::new().route("/step-up", post(step_up))
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
    State(st): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Body(req, _): Body<StepUpReq>,
) -> ApiResult<Json<Value>> {
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
        Proof::Password(_) if user.has_totp() => {
            return Err(bad("this account has a second factor: send a code"));
        }
        Proof::Password(p) => user.password_hash.as_deref() == Some(&password_hash(user.id, &p)),
    };
    if !ok {
        return Err(bad("invalid code or password"));
    }
    let token = bearer(&headers).ok_or_else(ApiError::unauthorized)?;
    let (token, exp) = restamp(&st, token).ok_or_else(ApiError::unauthorized)?;
    if let Some(s) = db.sessions.get_mut(&sid) {
        s.expires_at = exp;
    }
    Ok(Json(
        json!({ "access_token": token, "expires_in": st.cfg.token_ttl }),
    ))
}
