//! End users (uflow): list, get, update, delete, status and register.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::Caller;
use crate::db::user::EndUserView;
use crate::db::{Db, User};
use crate::error::{check_toggle, parse_body, ApiError, ApiResult, Shape};
use crate::seed::demo;
use crate::state::AppState;
use crate::util::validate::{contains_ci, is_valid_email, password_error};
use crate::util::{new_id, now, paging, password_hash};

#[derive(Deserialize)]
pub struct ListReq {
    tenant_id: Option<String>,
    page: Option<i64>,
    limit: Option<i64>,
    search: Option<String>,
    status: Option<String>,
    mfa_enabled: Option<bool>,
    sort_by: Option<String>,
    sort_direction: Option<String>,
}

pub async fn list(
    State(st): State<AppState>,
    caller: Caller,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    caller.require_admin(Shape::Gin)?;
    let req: ListReq = parse_body(&body, Shape::Gin)?;
    caller.require_tenant_opt(req.tenant_id.as_deref())?;
    let (page, limit) = paging::normalize(req.page, req.limit);
    let search = req
        .search
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    let status = req
        .status
        .map(|s| s.to_lowercase())
        .filter(|s| !s.is_empty());
    if status
        .as_deref()
        .is_some_and(|s| s != "active" && s != "inactive")
    {
        return Err(ApiError::field(
            "status",
            "status must be active or inactive",
        ));
    }
    let sort_by = req.sort_by.unwrap_or_else(|| "created_at".into());
    if !["created_at", "email", "last_login"].contains(&sort_by.as_str()) {
        return Err(ApiError::field(
            "sort_by",
            "sort_by must be created_at, email or last_login",
        ));
    }
    let asc = req
        .sort_direction
        .is_some_and(|d| d.eq_ignore_ascii_case("asc"));
    let db = st.db();
    let mut hits: Vec<&User> = db
        .users
        .values()
        .filter(|u| u.tenant_id == caller.tenant_id && !u.is_admin)
        .filter(|u| status.as_deref().is_none_or(|s| u.status() == s))
        .filter(|u| {
            req.mfa_enabled
                .is_none_or(|m| u.all_mfa_methods().is_empty() != m)
        })
        .filter(|u| {
            search.as_deref().is_none_or(|s| {
                contains_ci(&u.email, s)
                    || contains_ci(&u.first_name, s)
                    || contains_ci(&u.last_name, s)
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        let ord = match sort_by.as_str() {
            "email" => a.email.cmp(&b.email),
            "last_login" => a.last_login.cmp(&b.last_login),
            _ => a.created_at.cmp(&b.created_at),
        };
        (if asc { ord } else { ord.reverse() }).then(a.id.cmp(&b.id))
    });
    let (items, info) = paging::slice(&hits, page, limit);
    let users: Vec<EndUserView> = items.iter().map(|u| u.end_user_view()).collect();
    Ok(Json(
        json!({ "limit": limit, "page": page, "total": info.total, "users": users }),
    ))
}

/// The tenant's end user (admins are not end users); checks tenant and role.
fn end_user<'a>(
    db: &'a mut Db,
    caller: &Caller,
    tenant: &str,
    id: &str,
) -> ApiResult<&'a mut User> {
    caller.require_tenant(tenant)?;
    caller.require_admin(Shape::Gin)?;
    let id = Uuid::parse_str(id).map_err(|_| ApiError::not_found("User not found"))?;
    db.user_in_mut(caller.tenant_id, id)
        .filter(|u| !u.is_admin)
        .ok_or_else(|| ApiError::not_found("User not found"))
}

pub async fn get_one(
    State(st): State<AppState>,
    caller: Caller,
    Path((t, id)): Path<(String, String)>,
) -> ApiResult<Json<EndUserView>> {
    let mut db = st.db();
    Ok(Json(end_user(&mut db, &caller, &t, &id)?.end_user_view()))
}

#[derive(Deserialize)]
pub struct UpdateReq {
    first_name: Option<String>,
    last_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    metadata: Option<Value>,
}

pub async fn update(
    State(st): State<AppState>,
    caller: Caller,
    Path((t, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: UpdateReq = parse_body(&body, Shape::Gin)?;
    let mut errs = BTreeMap::new();
    for (k, v) in [
        ("first_name", &req.first_name),
        ("last_name", &req.last_name),
    ] {
        if v.as_ref().is_some_and(|s| s.chars().count() > 256) {
            errs.insert(k.to_string(), format!("{k} must be at most 256 characters"));
        }
    }
    if req
        .email
        .as_ref()
        .is_some_and(|e| !is_valid_email(e.trim()))
    {
        errs.insert("email".into(), "email must be a valid address".into());
    }
    if req.metadata.as_ref().is_some_and(|m| !m.is_object()) {
        errs.insert("metadata".into(), "metadata must be an object".into());
    }
    if !errs.is_empty() {
        return Err(ApiError::validation(errs));
    }
    let mut db = st.db();
    let uid = end_user(&mut db, &caller, &t, &id)?.id;
    if let Some(e) = &req.email {
        if db
            .user_by_email(caller.tenant_id, e)
            .is_some_and(|u| u.id != uid)
        {
            return Err(ApiError::gin(
                StatusCode::CONFLICT,
                "User with this email already exists",
            ));
        }
    }
    let u = db
        .users
        .get_mut(&uid)
        .ok_or_else(|| ApiError::not_found("User not found"))?;
    if let Some(v) = req.first_name {
        u.first_name = v;
    }
    if let Some(v) = req.last_name {
        u.last_name = v;
    }
    if let Some(v) = req.email {
        u.email = v.trim().to_lowercase();
    }
    if let Some(v) = req.phone {
        u.phone = Some(v).filter(|p| !p.trim().is_empty());
    }
    if let Some(v) = req.metadata {
        u.metadata = v;
    }
    u.updated_at = now();
    Ok(Json(
        json!({ "message": "User updated successfully", "user": u.end_user_view() }),
    ))
}

pub async fn delete_one(
    State(st): State<AppState>,
    caller: Caller,
    Path((t, id)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    let mut db = st.db();
    let uid = end_user(&mut db, &caller, &t, &id)?.id;
    db.remove_user(uid);
    Ok(Json(json!({ "message": "User deleted successfully" })))
}

#[derive(Deserialize)]
pub struct StatusReq {
    tenant_id: Option<String>,
    user_id: Option<String>,
    active: Option<bool>,
}

pub async fn set_status(
    State(st): State<AppState>,
    caller: Caller,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: StatusReq = parse_body(&body, Shape::Gin)?;
    let active = check_toggle(&req.tenant_id, &req.user_id, req.active)?;
    let mut db = st.db();
    let tenant = caller.tenant_id.to_string();
    let u = end_user(&mut db, &caller, &tenant, &req.user_id.unwrap_or_default())?;
    u.active = active;
    u.updated_at = now();
    let uid = u.id;
    if !active {
        db.revoke_user_sessions(uid);
    }
    let msg = if active {
        "End user activated successfully"
    } else {
        "End user deactivated successfully"
    };
    Ok(Json(
        json!({ "active": active, "message": msg, "user_id": uid }),
    ))
}

#[derive(Deserialize)]
pub struct RegisterReq {
    tenant_id: Option<String>,
    client_id: Option<String>,
    email: Option<String>,
    password: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    provider: Option<String>,
}

/// Validates and builds a new end user; `Err` carries per-field messages.
pub fn new_end_user(
    tenant: Uuid,
    email: &str,
    password: Option<&str>,
    first: &str,
    last: &str,
) -> Result<User, BTreeMap<String, String>> {
    let mut errs = BTreeMap::new();
    if !is_valid_email(email) {
        errs.insert(
            "email".to_string(),
            "email must be a valid address".to_string(),
        );
    }
    if let Some(msg) = password.and_then(password_error) {
        errs.insert("password".to_string(), msg.to_string());
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let mut u = demo::user(&mut rng, tenant, email, first.to_string(), last.to_string());
    let t = now();
    u.id = new_id();
    u.username = email.to_string();
    u.email_verified = false;
    u.created_at = t;
    u.updated_at = t;
    u.password_hash = password.map(|p| password_hash(u.id, p));
    Ok(u)
}

pub async fn register(
    State(st): State<AppState>,
    caller: Caller,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<EndUserView>)> {
    caller.require_admin(Shape::Gin)?;
    let req: RegisterReq = parse_body(&body, Shape::Gin)?;
    caller.require_tenant_opt(req.tenant_id.as_deref())?;
    let email = req.email.unwrap_or_default().trim().to_lowercase();
    let password = req.password.unwrap_or_default();
    let mut u = new_end_user(
        caller.tenant_id,
        &email,
        Some(&password),
        &req.first_name.unwrap_or_default(),
        &req.last_name.unwrap_or_default(),
    )
    .map_err(ApiError::validation)?;
    u.provider = req.provider.unwrap_or_else(|| "password".into());
    let mut db = st.db();
    if db.user_by_email(caller.tenant_id, &email).is_some() {
        return Err(ApiError::gin(
            StatusCode::CONFLICT,
            "User with this email already exists",
        ));
    }
    u.client_id = match req
        .client_id
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        None => None,
        Some(key) => Some(
            crate::routes::clients::find(&db, caller.tenant_id, key).map_err(|_| {
                ApiError::field("client_id", "client_id names no client of this tenant")
            })?,
        ),
    };
    let view = u.end_user_view();
    db.users.insert(u.id, u);
    Ok((StatusCode::CREATED, Json(view)))
}
