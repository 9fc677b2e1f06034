//! Passkey registration (webauthn-rs), the passkey list extension and MFA status.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use webauthn_rs::prelude::RegisterPublicKeyCredential;

use crate::auth::{Caller, OriginChecked};
use crate::db::StoredPasskey;
use crate::error::{fast_name, parse_body, ApiError, ApiResult, Shape};
use crate::state::AppState;
use crate::util::{b64url, now};

#[derive(Deserialize)]
pub struct RegReq {
    email: Option<String>,
    tenant_id: Option<String>,
    name: Option<String>,
    credential: Option<Value>,
}

fn check_self(caller: &Caller, email: Option<&str>, tenant: Option<&str>) -> ApiResult<()> {
    caller.require_tenant_opt(tenant)?;
    match email {
        Some(e) if e.trim().eq_ignore_ascii_case(&caller.email) => Ok(()),
        Some(_) => Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "Forbidden: email does not match the signed-in account",
        )),
        None => Err(ApiError::field("email", "email is required")),
    }
}

pub async fn begin_registration(
    State(st): State<AppState>,
    _o: OriginChecked,
    caller: Caller,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: RegReq = parse_body(&body, Shape::Gin)?;
    check_self(&caller, req.email.as_deref(), req.tenant_id.as_deref())?;
    let mut db = st.db();
    let user = db
        .users
        .get(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    let exclude: Vec<_> = user
        .passkeys
        .iter()
        .map(|p| p.passkey.cred_id().clone())
        .collect();
    let display = format!("{} {}", user.first_name, user.last_name);
    let display = if display.trim().is_empty() {
        user.email.clone()
    } else {
        display.trim().to_string()
    };
    let (challenge, state) = st
        .webauthn
        .start_passkey_registration(user.id, &user.email, &display, Some(exclude))
        .map_err(|e| {
            ApiError::gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("webauthn error: {e}"),
            )
        })?;
    db.reg_states.insert(caller.user_id, state);
    Ok(Json(serde_json::to_value(challenge).unwrap_or_default()))
}

pub async fn finish_registration(
    State(st): State<AppState>,
    _o: OriginChecked,
    caller: Caller,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: RegReq = parse_body(&body, Shape::Gin)?;
    check_self(&caller, req.email.as_deref(), req.tenant_id.as_deref())?;
    let name = req
        .name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Passkey".into());
    if name.chars().count() > 256 {
        return Err(ApiError::field(
            "name",
            "name must be at most 256 characters",
        ));
    }
    let cred: RegisterPublicKeyCredential =
        serde_json::from_value(req.credential.unwrap_or_default()).map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                json!({ "error": "invalid credential", "details": e.to_string() }),
            )
        })?;
    let mut db = st.db();
    let state = db
        .reg_states
        .remove(&caller.user_id)
        .ok_or_else(|| ApiError::gin(StatusCode::BAD_REQUEST, "no registration in progress"))?;
    let passkey = st
        .webauthn
        .finish_passkey_registration(&cred, &state)
        .map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                json!({ "error": "registration failed", "details": e.to_string() }),
            )
        })?;
    let transports = cred.response.transports.clone().unwrap_or_default();
    let transports: Vec<String> = transports
        .iter()
        .filter_map(|t| serde_json::to_value(t).ok()?.as_str().map(str::to_string))
        .filter(|t| t != "unknown")
        .collect();
    let id = b64url(passkey.cred_id());
    let user = db
        .users
        .get_mut(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    user.passkeys.push(StoredPasskey {
        id: id.clone(),
        name,
        passkey,
        created_at: now(),
        last_used_at: None,
        authenticator_attachment: transports
            .iter()
            .any(|t| t == "internal")
            .then(|| "platform".into()),
        transports,
    });
    user.updated_at = now();
    Ok(Json(json!({ "success": true, "credential_id": id })))
}

pub async fn list(State(st): State<AppState>, caller: Caller) -> ApiResult<Json<Value>> {
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
    State(st): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: RenameReq = parse_body(&body, Shape::Fast)?;
    let name = fast_name(req.name)?;
    let mut db = st.db();
    let user = db
        .users
        .get_mut(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    let pk = user
        .passkeys
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| ApiError::fast(StatusCode::NOT_FOUND, "Passkey not found"))?;
    pk.name = name.clone();
    Ok(Json(json!({ "id": id, "name": name })))
}

pub async fn remove(
    State(st): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let mut db = st.db();
    let user = db
        .users
        .get_mut(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
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
pub async fn login_status(State(st): State<AppState>, body: Bytes) -> ApiResult<Json<Value>> {
    let req: StatusReq = parse_body(&body, Shape::Gin)?;
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
    let factors = user.factors();
    if factors.is_empty() {
        return Ok(Json(json!({ "mfa_required": false })));
    }
    let methods: Vec<Value> = factors
        .iter()
        .enumerate()
        .map(|(i, f)| {
            json!({
                "id": crate::util::new_id(), "client_id": user.id, "user_id": user.id,
                "method_type": f, "display_name": "", "description": "", "recommended": false,
                "method_data": {}, "enabled": true, "is_primary": i == 0, "verified": true,
                "enrolled_at": user.created_at, "created_at": user.created_at,
                "updated_at": user.updated_at,
            })
        })
        .collect();
    Ok(Json(json!({ "methods": methods, "mfa_required": true })))
}
