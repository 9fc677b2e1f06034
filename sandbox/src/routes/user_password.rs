//! An admin resets an end user's password (authsec-api.md §c.2,
//! `controllers/enduser/enduser_controller.go:2443-2598`): any signed-in caller, the
//! tenant from the body (not compared with the token), a new temporary password in the
//! answer, and AuthSec's double write: two JSON objects back to back in one body. The
//! sandbox sends no mail, so `email_sent` is always false.

use axum::body::Bytes;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use rand::Rng;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::{bind_error, ApiError, ApiResult};
use crate::state::AppState;
use crate::util::{now, password_hash};

pub fn routes() -> Router<AppState> {
    Router::new().route("/user/admin/reset-password", post(reset))
}

#[derive(Deserialize, Default)]
struct ResetReq {
    #[serde(default)]
    tenant_id: String,
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    send_email: bool,
}

/// Twenty characters of letters, digits and symbols (`utils/otp.go:156-172`).
fn temporary_password() -> String {
    const SET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!@#$%^&*";
    let mut rng = rand::rng();
    (0..20)
        .map(|_| SET[rng.random_range(0..SET.len())] as char)
        .collect()
}

pub async fn reset(st: AppState, _caller: Caller, body: Bytes) -> ApiResult<Response> {
    let bad = |m: &str| ApiError::gin(StatusCode::BAD_REQUEST, m);
    let req: ResetReq = serde_json::from_slice(&body).map_err(|e| bad(&e.to_string()))?;
    if req.tenant_id.is_empty() {
        return Err(bind_error(
            "AdminResetPasswordInput",
            &[("TenantID", "required")],
        ));
    }
    let tenant = Uuid::parse_str(&req.tenant_id).map_err(|_| bad("Invalid tenant ID format"))?;
    let mut db = st.db();
    let id = if !req.user_id.is_empty() {
        let id = Uuid::parse_str(&req.user_id).map_err(|_| bad("Invalid user ID format"))?;
        db.users
            .values()
            .find(|u| u.id == id && u.tenant_id == tenant && !u.is_admin)
            .map(|u| u.id)
    } else if !req.email.is_empty() {
        let email = req.email.to_lowercase();
        db.users
            .values()
            .find(|u| {
                u.tenant_id == tenant
                    && !u.is_admin
                    && u.email == email
                    && ["custom", "ad_sync"].contains(&u.provider.as_str())
            })
            .map(|u| u.id)
    } else {
        return Err(bad("Either email or user_id must be provided"));
    };
    let id = id.ok_or_else(|| ApiError::not_found("User not found"))?;
    let temp = temporary_password();
    let user = db.users.get_mut(&id).expect("found above");
    user.password_hash = Some(password_hash(id, &temp));
    user.updated_at = now();
    let email = user.email.clone();
    let first = json!({ "email": email, "email_sent": false,
                        "message": "User password reset successfully", "success": true,
                        "temporary_password": temp, "tenant_id": tenant, "user_id": id });
    // The handler writes a second object after the first (`c.JSON` twice).
    let second = json!({ "email": email, "email_sent": false,
                         "message": "User password reset successfully. Temporary password included in response",
                         "success": true, "temporary_password": temp, "tenant_id": tenant, "user_id": id });
    let _ = req.send_email;
    Ok((
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        format!("{first}{second}"),
    )
        .into_response())
}
