//! Tenants and the SCIM token (authsec-api.md §f.1, §f.4): the platform's tenant list,
//! an update that persists nothing, and a 365-day SCIM bearer.

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::Duration;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::jwt::{Claims, AUDIENCE, ISSUER};
use crate::auth::{Admin, Caller};
use crate::db::{Db, Tenant};
use crate::error::{parse_body, ApiError, Reply, Shape};
use crate::seed::base_date;
use crate::state::AppState;
use crate::util::now;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/tenants", get(list))
        .route("/admin/tenants/{tenant_id}", put(update))
        .route("/admin/scim/generate-token", post(scim_token))
}

/// `sharedmodels.Tenant` (authsec-api.md §f.1): the first admin's email, RFC 3339 times,
/// and, as AuthSec sends it to any admin of any tenant, a password hash (here a dummy).
fn view(db: &Db, t: &Tenant) -> Value {
    let owner = db
        .users
        .values()
        .filter(|u| u.tenant_id == t.id && u.is_admin)
        .min_by_key(|u| (u.created_at, u.id));
    let created = base_date() - Duration::days(800);
    json!({
        "id": t.id, "tenant_id": t.id,
        "tenant_db": format!("tenant_{}", t.id.to_string().replace('-', "_")),
        "password_hash": "$2a$10$sandbox.sandbox.sandbox.sandbox.sandbox.sandbox.sand",
        "email": owner.map(|u| u.email.clone()).unwrap_or_default(),
        "username": owner.map(|u| u.username.clone()).unwrap_or_default(),
        "provider": "local", "name": t.name, "source": "signup", "status": "active",
        "last_login": owner.and_then(|u| u.last_login).unwrap_or(created),
        "created_at": created, "updated_at": created, "tenant_domain": t.domain,
    })
}

/// Every tenant of the platform, newest first (AuthSec's `GET /admin/tenants`).
pub async fn list(st: AppState, _caller: Admin) -> Reply {
    let db = st.db();
    let rows: Vec<Value> = db.tenants.iter().rev().map(|t| view(&db, t)).collect();
    Ok(Json(json!({ "tenants": rows })))
}

#[derive(Deserialize, Default)]
struct TenantUpdate {
    email: Option<String>,
    username: Option<String>,
    name: Option<String>,
    tenant_domain: Option<String>,
    status: Option<String>,
}

/// Routed, answers the token's tenant with the changes applied in memory, saves nothing
/// (`admin_user_controller.go:969-1024`).
pub async fn update(st: AppState, caller: Admin, Path(raw): Path<String>, body: Bytes) -> Reply {
    Uuid::parse_str(&raw)
        .map_err(|_| ApiError::gin(StatusCode::BAD_REQUEST, "Invalid tenant ID format"))?;
    let req: TenantUpdate = parse_body(&body, Shape::Gin)?;
    let db = st.db();
    let t = db
        .tenant(caller.tenant_id)
        .ok_or_else(|| ApiError::not_found("Tenant not found"))?;
    let mut out = view(&db, t);
    for (key, v) in [
        ("email", req.email),
        ("username", req.username),
        ("name", req.name),
        ("tenant_domain", req.tenant_domain),
        ("status", req.status),
    ] {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out[key] = json!(v);
        }
    }
    Ok(Json(
        json!({ "message": "Tenant update not implemented yet", "tenant": out }),
    ))
}

#[derive(Deserialize)]
struct ScimReq {
    client_id: String,
    project_id: String,
}

/// A 365-day SCIM bearer for any signed-in caller (no admin check, no lookup of the
/// client: `scim_controller.go:1176-1256`).
pub async fn scim_token(st: AppState, caller: Caller, headers: HeaderMap, body: Bytes) -> Reply {
    let bad = |m: &str| ApiError::gin(StatusCode::BAD_REQUEST, m);
    let req: ScimReq = serde_json::from_slice(&body)
        .ok()
        .filter(|r: &ScimReq| !r.client_id.is_empty() && !r.project_id.is_empty())
        .ok_or_else(|| bad("client_id and project_id are required"))?;
    Uuid::parse_str(&req.client_id).map_err(|_| bad("invalid client_id format"))?;
    Uuid::parse_str(&req.project_id).map_err(|_| bad("invalid project_id format"))?;
    let t = now();
    let exp = t + Duration::days(365);
    let claims = Claims {
        aud: AUDIENCE.into(),
        auth_time: None,
        client_id: req.client_id.clone(),
        email_id: caller.email.clone(),
        exp: exp.timestamp(),
        iat: t.timestamp(),
        iss: ISSUER.into(),
        nbf: t.timestamp(),
        // The tenant, whatever project was asked for.
        project_id: caller.tenant_id.to_string(),
        scope: Some(vec!["scim:read".into(), "scim:write".into()]),
        sid: None,
        sub: caller.user_id.to_string(),
        tenant_id: caller.tenant_id.to_string(),
        token_type: "default".into(),
        user_id: caller.user_id.to_string(),
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    Ok(Json(json!({
        "token": st.jwt.encode(&claims),
        "base_url": format!("http://{host}/uflow/scim/v2/{}/{}", req.client_id, req.project_id),
        "expire_at": exp.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })))
}
