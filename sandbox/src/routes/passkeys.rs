//! Passkey registration (webauthn-rs), the passkey list extension and MFA status.

mod register;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::{get, patch, post};
use axum::Json;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

use super::enrol::methods_answer;
use crate::auth::{Caller, FastShape, Recent};
use crate::body::Body;
use crate::error::{fast_name, ApiError, Reply};
use crate::state::AppState;

/// Passkey registration (and the credentials extension) under `/authsec/webauthn`.
pub fn routes(credentials: bool) -> Router<AppState> {
    let mut r = Router::new().route("/enduser/mfa/loginStatus", post(login_status));
    for flow in ["admin", "enduser"] {
        r = r
            .route(
                &format!("/{flow}/beginRegistration"),
                post(register::begin_registration),
            )
            .route(
                &format!("/{flow}/finishRegistration"),
                post(register::finish_registration),
            );
    }
    if credentials {
        r = r
            .route("/credentials", get(list))
            .route("/credentials/{id}", patch(rename).delete(remove));
    }
    r
}

pub async fn list(st: AppState, caller: Caller) -> Reply {
    let db = st.db();
    let user = db
        .users
        .get(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    let list: Vec<Value> = user.passkeys.iter().map(|p| json!({
        "id": p.id, "name": p.name, "created_at": p.created_at, "last_used_at": p.last_used_at,
        "transports": p.transports, "authenticator_attachment": p.authenticator_attachment,
    })).collect();
    Ok(Json(json!({ "passkeys": list })))
}

#[derive(Deserialize)]
pub struct RenameReq {
    name: Option<Value>,
}

pub async fn rename(
    st: AppState,
    caller: Caller,
    Path(id): Path<String>,
    Body(req, _): Body<RenameReq, FastShape>,
) -> Reply {
    let name = fast_name(req.name)?;
    let mut db = st.db();
    let user = caller.user_mut(&mut db)?;
    let pk = user
        .passkeys
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| ApiError::fast(StatusCode::NOT_FOUND, "Passkey not found"))?;
    pk.name = name.clone();
    Ok(Json(json!({ "id": id, "name": name })))
}

pub async fn remove(st: AppState, Recent(caller): Recent, Path(id): Path<String>) -> Reply {
    let mut db = st.db();
    let user = caller.user_mut(&mut db)?;
    let before = user.passkeys.len();
    user.passkeys.retain(|p| p.id != id);
    if user.passkeys.len() == before {
        return Err(ApiError::fast(StatusCode::NOT_FOUND, "Passkey not found"));
    }
    Ok(Json(json!({ "success": true })))
}

#[derive(Deserialize)]
pub struct StatusReq {
    email: Option<String>,
    tenant_id: Option<String>,
}

/// `POST /webauthn/enduser/mfa/loginStatus` `{tenant_id, email}` (public, as on AuthSec):
/// which factors the end user has, as `MFAMethod` rows (without their secrets).
pub async fn login_status(st: AppState, Body(req, _): Body<StatusReq>) -> Reply {
    let required = || ApiError::gin(StatusCode::BAD_REQUEST, "tenant_id and email are required");
    let email = req
        .email
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(required)?;
    let tenant = req
        .tenant_id
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(required)?;
    let not_found = || ApiError::gin(StatusCode::NOT_FOUND, "user not found");
    let tenant = uuid::Uuid::parse_str(tenant.trim()).map_err(|_| not_found())?;
    let db = st.db();
    let user = db.user_by_email(tenant, &email).ok_or_else(not_found)?;
    Ok(Json(methods_answer(user)))
}
