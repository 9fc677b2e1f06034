//! Second factors at sign-in: TOTP / backup codes and WebAuthn authentication.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use webauthn_rs::prelude::PublicKeyCredential;

use super::login::ticket_mut;
use super::totp::code_matches;
use crate::auth::OriginChecked;
use crate::error::{parse_body, ApiError, ApiResult, Shape};
use crate::state::AppState;
use crate::util::{normalize_backup_code, now};

/// Wrong codes allowed per ticket before it is burned.
pub const MAX_CODE_FAILURES: u32 = 5;

#[derive(Deserialize)]
pub struct VerifyReq {
    email: Option<String>,
    tenant_id: Option<String>,
    code: Option<String>,
    backup_code: Option<String>,
    login_ticket: Option<String>,
}

pub async fn verify_totp(
    State(st): State<AppState>,
    _o: OriginChecked,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: VerifyReq = parse_body(&body, Shape::Gin)?;
    let ticket = req.login_ticket.unwrap_or_default();
    let email = req.email.unwrap_or_default();
    let mut db = st.db();
    let user_id = ticket_mut(&mut db, &ticket, &email, req.tenant_id.as_deref())?.user_id;
    let user = db
        .users
        .get_mut(&user_id)
        .ok_or_else(ApiError::unauthorized)?;
    if !user.has_totp() {
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            "TOTP is not enabled for this account",
        ));
    }
    let t = now();
    let mut backup_used = false;
    let ok = match (req.code.as_deref(), req.backup_code.as_deref()) {
        (Some(code), _) if !code.trim().is_empty() => {
            let dev = user
                .totp_devices
                .iter_mut()
                .filter(|d| d.confirmed)
                .find(|d| code_matches(&d.secret, code));
            dev.map(|d| d.last_used = Some(t)).is_some()
        }
        (_, Some(code)) => {
            let code = normalize_backup_code(code);
            let before = user.backup_codes.len();
            user.backup_codes.retain(|c| *c != code);
            backup_used = user.backup_codes.len() < before;
            backup_used
        }
        _ => return Err(ApiError::field("code", "code or backup_code is required")),
    };
    let remaining = user.backup_codes.len();
    let tk = db
        .tickets
        .get_mut(&ticket)
        .ok_or_else(ApiError::unauthorized)?;
    if !ok {
        tk.failures += 1;
        if tk.failures >= MAX_CODE_FAILURES {
            db.tickets.remove(&ticket);
        }
        return Err(ApiError::gin(StatusCode::BAD_REQUEST, "invalid TOTP code"));
    }
    tk.second_factor_ok = true;
    let mut out = json!({ "success": true, "method": "totp" });
    if backup_used {
        out["backup_code_used"] = json!(true);
        out["remaining_backup_codes"] = json!(remaining);
    }
    Ok(Json(out))
}

#[derive(Deserialize)]
pub struct AuthReq {
    email: Option<String>,
    tenant_id: Option<String>,
    login_ticket: Option<String>,
    credential: Option<Value>,
}

fn is_admin_flow(uri: &Uri) -> bool {
    uri.path().contains("/webauthn/admin/")
}

pub async fn begin_auth(
    State(st): State<AppState>,
    _o: OriginChecked,
    uri: Uri,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: AuthReq = parse_body(&body, Shape::Gin)?;
    let ticket = req.login_ticket.unwrap_or_default();
    let mut db = st.db();
    let user_id = ticket_mut(
        &mut db,
        &ticket,
        &req.email.unwrap_or_default(),
        req.tenant_id.as_deref(),
    )?
    .user_id;
    let user = db.users.get(&user_id).ok_or_else(ApiError::unauthorized)?;
    if is_admin_flow(&uri) && !user.is_admin {
        return Err(ApiError::gin(StatusCode::FORBIDDEN, "not an admin account"));
    }
    if user.passkeys.is_empty() {
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            "no passkeys registered for this account",
        ));
    }
    let creds: Vec<_> = user.passkeys.iter().map(|p| p.passkey.clone()).collect();
    let (challenge, state) = st
        .webauthn
        .start_passkey_authentication(&creds)
        .map_err(|e| {
            ApiError::gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("webauthn error: {e}"),
            )
        })?;
    db.auth_states.insert(ticket, state);
    Ok(Json(serde_json::to_value(challenge).unwrap_or_default()))
}

pub async fn finish_auth(
    State(st): State<AppState>,
    _o: OriginChecked,
    uri: Uri,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: AuthReq = parse_body(&body, Shape::Gin)?;
    let ticket = req.login_ticket.unwrap_or_default();
    let failed = || ApiError::gin(StatusCode::UNAUTHORIZED, "authentication failed");
    let mut db = st.db();
    let user_id = ticket_mut(
        &mut db,
        &ticket,
        &req.email.unwrap_or_default(),
        req.tenant_id.as_deref(),
    )?
    .user_id;
    if is_admin_flow(&uri) && !db.users.get(&user_id).is_some_and(|u| u.is_admin) {
        return Err(ApiError::gin(StatusCode::FORBIDDEN, "not an admin account"));
    }
    let cred: PublicKeyCredential = serde_json::from_value(req.credential.unwrap_or_default())
        .map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                json!({ "error": "invalid credential", "details": e.to_string() }),
            )
        })?;
    let state = db
        .auth_states
        .remove(&ticket)
        .ok_or_else(|| ApiError::gin(StatusCode::BAD_REQUEST, "no authentication in progress"))?;
    let Ok(result) = st.webauthn.finish_passkey_authentication(&cred, &state) else {
        let burnt = db.tickets.get_mut(&ticket).is_some_and(|tk| {
            tk.failures += 1;
            tk.failures >= MAX_CODE_FAILURES
        });
        if burnt {
            db.tickets.remove(&ticket);
        }
        return Err(failed());
    };
    let user = db.users.get_mut(&user_id).ok_or_else(failed)?;
    let t = now();
    for pk in user
        .passkeys
        .iter_mut()
        .filter(|p| p.passkey.cred_id() == result.cred_id())
    {
        pk.passkey.update_credential(&result);
        pk.last_used_at = Some(t);
    }
    if let Some(tk) = db.tickets.get_mut(&ticket) {
        tk.second_factor_ok = true;
    }
    Ok(Json(json!({ "success": true })))
}
