//! TOTP (RFC 6238, ±1 step): AuthSec's tenant TOTP devices (`/uflow/auth/tenant/totp/*`,
//! a store sign-in never reads) and the regeneration of sign-in backup codes (extension).

use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Json;
use axum::Router;
use rand::Rng;
use serde::Deserialize;
use serde_json::{json, Value};
use totp_rs::{Builder, Secret};
use uuid::Uuid;

use crate::auth::{Caller, Recent};
use crate::body::Body;
use crate::db::{TotpDevice, User};
use crate::error::{ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::{backup_codes, new_id, now};

/// The tenant's TOTP devices under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    let t = "/auth/tenant/totp";
    Router::new()
        .route(&format!("{t}/register"), post(register))
        .route(&format!("{t}/confirm"), post(confirm))
        .route(&format!("{t}/devices"), get(devices))
        .route(&format!("{t}/devices/delete"), post(delete_device))
        .route(&format!("{t}/devices/primary"), post(make_primary))
}

pub const ISSUER: &str = "AuthSec";

/// Whether `code` is valid for the base32 secret in the previous, current or next step.
pub fn code_matches(secret_b32: &str, code: &str) -> bool {
    let Ok(secret) = Secret::try_from_base32(secret_b32) else {
        return false;
    };
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    Builder::new()
        .with_secret(secret)
        .with_skew(1)
        .build()
        .is_ok_and(|t| t.check_current(&code).is_some())
}

pub fn otpauth_uri(email: &str, secret: &str) -> String {
    format!("otpauth://totp/{ISSUER}:{email}?secret={secret}&issuer={ISSUER}&algorithm=SHA1&digits=6&period=30")
}

#[derive(Deserialize)]
pub struct RegisterReq {
    device_name: Option<String>,
    device_type: Option<String>,
}

pub async fn register(
    st: AppState,
    caller: Caller,
    Body(req, _): Body<RegisterReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let name = req
        .device_name
        .unwrap_or_else(|| "Authenticator app".into());
    if name.trim().is_empty() || name.chars().count() > 128 {
        return Err(ApiError::field(
            "device_name",
            "device_name must be 1-128 characters",
        ));
    }
    let bytes: [u8; 20] = rand::rng().random();
    let secret = Secret::new(bytes.to_vec().into_boxed_slice()).to_base32();
    let codes = backup_codes(&mut rand::rng());
    let mut db = st.db();
    let user = caller.user_mut(&mut db)?;
    let device = TotpDevice {
        id: new_id(),
        name,
        device_type: req
            .device_type
            .unwrap_or_else(|| "authenticator_app".into()),
        secret: secret.clone(),
        confirmed: false,
        is_primary: false,
        last_used: None,
        created_at: now(),
    };
    let id = device.id;
    user.totp_devices.push(device);
    Ok((
        StatusCode::OK,
        Json(json!({
            "success": true, "device_id": id, "secret": secret,
            "qr_code_url": otpauth_uri(&user.email, &secret), "backup_codes": codes,
            "message": "Scan the QR code, then confirm with a code from the app",
        })),
    ))
}

#[derive(Deserialize)]
pub struct DeviceReq {
    device_id: Option<Uuid>,
    totp_code: Option<String>,
}

/// The tenant TOTP rows' failure shape (authsec-api.md §1.6): 400 `{success: false,
/// message}`, plus empty `device_id` and `device_name` on confirm.
fn totp_fail(message: &str, on_confirm: bool) -> ApiError {
    let mut body = json!({ "success": false, "message": message });
    if on_confirm {
        body["device_id"] = json!("");
        body["device_name"] = json!("");
    }
    ApiError::new(StatusCode::BAD_REQUEST, body)
}

/// The caller's record and the index of the device `id` names in it.
fn my_device<'a>(
    db: &'a mut crate::db::Db,
    caller: &Caller,
    id: Option<Uuid>,
    on_confirm: bool,
) -> ApiResult<(&'a mut User, usize)> {
    let user = caller.user_mut(db)?;
    let id = id.ok_or_else(|| ApiError::field("device_id", "device_id is required"))?;
    let i = user
        .totp_devices
        .iter()
        .position(|d| d.id == id)
        .ok_or_else(|| totp_fail("Device not found", on_confirm))?;
    Ok((user, i))
}

pub async fn confirm(st: AppState, caller: Caller, Body(req, _): Body<DeviceReq>) -> Reply {
    let mut db = st.db();
    let (user, i) = my_device(&mut db, &caller, req.device_id, true)?;
    let code = req.totp_code.unwrap_or_default();
    if !code_matches(&user.totp_devices[i].secret, &code) {
        return Err(totp_fail("Invalid TOTP code", true));
    }
    let first = !user.totp_devices.iter().any(|d| d.confirmed);
    let dev = &mut user.totp_devices[i];
    if !dev.confirmed {
        dev.confirmed = true;
        dev.is_primary = first;
        dev.last_used = Some(now());
    }
    user.updated_at = now();
    let (id, name) = (user.totp_devices[i].id, user.totp_devices[i].name.clone());
    Ok(Json(
        json!({ "success": true, "message": "TOTP device confirmed successfully", "device_id": id, "device_name": name }),
    ))
}

pub async fn devices(st: AppState, caller: Caller) -> Reply {
    let mut db = st.db();
    let user = caller.user_mut(&mut db)?;
    let list: Vec<Value> = user
        .totp_devices
        .iter()
        .map(|d| {
            json!({
                "id": d.id, "device_name": d.name, "device_type": d.device_type,
                "is_primary": d.is_primary, "is_active": d.confirmed,
                // Unix seconds, as AuthSec's tenant devices (authsec-api.md §1.8).
                "last_used": d.last_used.map(|t| t.timestamp()),
                "created_at": d.created_at.timestamp(),
            })
        })
        .collect();
    Ok(Json(json!({ "success": true, "devices": list })))
}

pub async fn delete_device(st: AppState, caller: Caller, Body(req, _): Body<DeviceReq>) -> Reply {
    let mut db = st.db();
    let (user, i) = my_device(&mut db, &caller, req.device_id, false)?;
    let removed = user.totp_devices.remove(i);
    if removed.is_primary {
        if let Some(next) = user.totp_devices.iter_mut().find(|d| d.confirmed) {
            next.is_primary = true;
        }
    }
    Ok(Json(
        json!({ "success": true, "message": "Device deleted successfully" }),
    ))
}

pub async fn make_primary(st: AppState, caller: Caller, Body(req, _): Body<DeviceReq>) -> Reply {
    let mut db = st.db();
    let (user, i) = my_device(&mut db, &caller, req.device_id, false)?;
    if !user.totp_devices[i].confirmed {
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            "device is not confirmed",
        ));
    }
    for (k, d) in user.totp_devices.iter_mut().enumerate() {
        d.is_primary = k == i;
    }
    Ok(Json(
        json!({ "success": true, "message": "Device set as primary successfully" }),
    ))
}

pub async fn regenerate_backup(st: AppState, Recent(caller): Recent) -> Reply {
    let mut db = st.db();
    let user = caller.user_mut(&mut db)?;
    if !user.has_totp() {
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            "TOTP is not enabled for this account",
        ));
    }
    user.backup_codes = backup_codes(&mut rand::rng());
    Ok(Json(json!({ "backup_codes": user.backup_codes })))
}
