//! End users (uflow): list, get, update, delete, status and register.

use axum::routing::{delete, get, post};
use axum::Router;
use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::{Admin, Caller};
use crate::body::Body;
use crate::db::{Db, User};
use crate::error::bind::{bind_text, decode};
use crate::error::{bind_error, missing, optional_uuid, ApiError, ApiResult, Reply, ToggleReq};
use crate::seed::demo;
use crate::state::AppState;
use crate::util::validate::{is_valid_email, password_error};
use crate::util::{new_id, now, paging, password_hash};

/// End users under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/enduser/list", post(list))
        .route("/user/enduser/list", post(user_list))
        .route("/admin/enduser/active", post(set_status))
        .route(
            "/user/enduser/{tenant_id}/{user_id}",
            get(get_one).put(update).delete(delete_one),
        )
        .route(
            "/user/enduser/delete_all/{tenant_id}/{user_id}",
            delete(delete_all),
        )
        .route("/scim/v2/{client_id}/{project_id}/Users", post(scim_create))
}

#[derive(Deserialize)]
pub struct ListReq {
    tenant_id: Option<String>,
    page: Option<i64>,
    limit: Option<i64>,
    client_id: Option<String>,
    provider: Option<String>,
}

pub async fn list(st: AppState, _: Admin, Body(req, _): Body<ListReq>) -> Reply {
    let Some(raw) = req.tenant_id.as_deref().filter(|t| !t.is_empty()) else {
        return Err(bind_error(
            "TenantUserListRequest",
            &[("TenantID", "required")],
        ));
    };
    // The body's tenant is listed as it is: AuthSec does not compare it with the token's
    // (authsec-api.md §1.3), so an admin can read another workspace's end users.
    let bad = |text: &'static str| ApiError::gin(StatusCode::BAD_REQUEST, text);
    let tenant = Uuid::parse_str(raw).map_err(|_| bad("Invalid tenant ID"))?;
    let client = match req.client_id.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(Uuid::parse_str(c).map_err(|_| bad("Invalid client_id format"))?),
        None => None,
    };
    let provider = req.provider.as_deref().filter(|p| !p.is_empty());
    let db = st.db();
    if db.tenant(tenant).is_none() {
        return Err(ApiError::not_found("Tenant not found"));
    }
    // AuthSec loads every end user and pages in memory, in no set order; it filters by
    // client and provider only (no search, status, MFA or sort keys: authsec-api.md
    // §c.1, §1.7): a page of 0 or less is 1, a limit of 0 or less is every user.
    let mut hits: Vec<&User> = db
        .users
        .values()
        .filter(|u| u.tenant_id == tenant && !u.is_admin)
        .filter(|u| client.is_none_or(|c| u.client_id == Some(c)))
        .filter(|u| provider.is_none_or(|p| u.provider == p))
        .collect();
    hits.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    let page = req.page.filter(|p| *p >= 1).unwrap_or(1) as usize;
    let limit = match req.limit {
        Some(l) if l >= 1 => l as usize,
        _ => hits.len(),
    };
    let (items, info) = paging::slice(&hits, page, limit.max(1));
    let users: Vec<Value> = items.iter().map(|u| u.summary_json()).collect();
    // A tenant without (matching) users: `users` is null.
    let users = if users.is_empty() {
        Value::Null
    } else {
        Value::Array(users)
    };
    Ok(Json(
        json!({ "limit": limit, "page": page, "total": info.total, "users": users }),
    ))
}

#[derive(Deserialize)]
pub struct UserListReq {
    #[serde(default)]
    tenant_id: String,
    page: Option<i64>,
    limit: Option<i64>,
    active: Option<bool>,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    provider: String,
}

/// `POST /uflow/user/enduser/list`: the body's tenant's end users, newest first, paged
/// and counted by the database (`enduser_controller.go:302-425`). Any signed-in caller:
/// no admin check, and the body's tenant is not compared with the token's. `active`
/// defaults to true; `email` and `name` match case-insensitively anywhere; a limit of 0
/// or less is 10, above 100 is 100. Rows are the whole `User` record.
pub async fn user_list(st: AppState, _caller: Caller, body: Bytes) -> Reply {
    let req: UserListReq = decode(&body).map_err(|m| ApiError::gin(StatusCode::BAD_REQUEST, m))?;
    if req.tenant_id.is_empty() {
        return Err(bind_error("GetEndUsersFilter", &[("TenantID", "required")]));
    }
    let client = optional_uuid(&req.client_id, "invalid client_id format")?;
    let db = st.db();
    // Not trimmed: " " passes `required` and finds no tenant database.
    let tenant = Uuid::parse_str(&req.tenant_id)
        .ok()
        .and_then(|t| db.tenant(t))
        .ok_or_else(|| {
            ApiError::gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                "failed to connect to tenant database",
            )
        })?;
    let (email, name) = (req.email.to_lowercase(), req.name.to_lowercase());
    let active = req.active.unwrap_or(true);
    let mut hits: Vec<&User> = db
        .users
        .values()
        .filter(|u| u.tenant_id == tenant.id && !u.is_admin && u.active == active)
        .filter(|u| client.is_none_or(|c| u.client_id == Some(c)))
        .filter(|u| u.email.to_lowercase().contains(&email))
        .filter(|u| u.name().to_lowercase().contains(&name))
        .filter(|u| req.provider.is_empty() || u.provider == req.provider)
        .collect();
    hits.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
    let (page, limit) = paging::normalize(req.page, req.limit);
    let (items, info) = paging::slice(&hits, page, limit);
    let users: Vec<Value> = items
        .iter()
        .map(|u| u.record_json(&tenant.domain, true))
        .collect();
    Ok(Json(json!({
        "users": users, "total": info.total, "page": page, "limit": limit,
        "total_pages": info.total_pages,
    })))
}

/// The tenant's end user (admins are not end users); checks the tenant only: these routes
/// are `JWT+T`, and AuthSec lets any token of the tenant through (authsec-api.md §c.1).
fn end_user<'a>(
    db: &'a mut Db,
    caller: &Caller,
    tenant: &str,
    id: &str,
) -> ApiResult<&'a mut User> {
    caller.require_tenant(tenant)?;
    let id = Uuid::parse_str(id).map_err(|_| ApiError::not_found("User not found"))?;
    db.user_in_mut(caller.tenant_id, id)
        .filter(|u| !u.is_admin)
        .ok_or_else(|| ApiError::not_found("User not found"))
}

pub async fn get_one(st: AppState, caller: Caller, Path((t, id)): Path<(String, String)>) -> Reply {
    let mut db = st.db();
    let domain = tenant_domain(&db, caller.tenant_id);
    Ok(Json(
        end_user(&mut db, &caller, &t, &id)?.record_json(&domain, true),
    ))
}

fn tenant_domain(db: &Db, tenant: uuid::Uuid) -> String {
    db.tenant(tenant)
        .map(|t| t.domain.clone())
        .unwrap_or_default()
}

/// What AuthSec's update applies (authsec-api.md §c.1): nothing else in a body is read.
#[derive(Deserialize)]
pub struct UpdateReq {
    name: Option<String>,
    username: Option<String>,
    email: Option<String>,
}

pub async fn update(
    st: AppState,
    caller: Caller,
    Path((t, id)): Path<(String, String)>,
    Body(req, _): Body<UpdateReq>,
) -> Reply {
    let mut db = st.db();
    let uid = end_user(&mut db, &caller, &t, &id)?.id;
    let domain = tenant_domain(&db, caller.tenant_id);
    let u = db
        .users
        .get_mut(&uid)
        .ok_or_else(|| ApiError::gin(StatusCode::NOT_FOUND, "user not found"))?;
    if let Some(v) = req.name {
        u.set_name(&v);
    }
    if let Some(v) = req.username {
        u.username = v;
    }
    if let Some(v) = req.email {
        u.email = v;
    }
    u.updated_at = now();
    Ok(Json(
        json!({ "message": "User updated successfully", "user": u.record_json(&domain, false) }),
    ))
}

pub async fn delete_one(
    st: AppState,
    caller: Caller,
    Path((t, id)): Path<(String, String)>,
) -> Reply {
    let mut db = st.db();
    // The group's tenant check runs before the route's permission check.
    caller.require_tenant(&t)?;
    caller.require_perm(&db, "users", "delete")?;
    let uid = end_user(&mut db, &caller, &t, &id)?.id;
    // AuthSec's DELETE only deactivates (authsec-api.md §c.1).
    last_active_guard(&db, caller.tenant_id, uid, "deactivate")?;
    if let Some(u) = db.users.get_mut(&uid) {
        u.active = false;
        u.updated_at = now();
    }
    Ok(Json(json!({ "message": "User deleted successfully" })))
}

/// AuthSec refuses to leave a tenant without an active end user.
fn last_active_guard(db: &Db, tenant: uuid::Uuid, uid: uuid::Uuid, verb: &str) -> ApiResult<()> {
    let others = db
        .users
        .values()
        .any(|u| u.tenant_id == tenant && !u.is_admin && u.active && u.id != uid);
    if others {
        Ok(())
    } else {
        Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            format!("cannot {verb} the last active user in this tenant"),
        ))
    }
}

/// The body of both `delete_all` rows (end users and admins): `{tenant_id, user_id}`; a
/// body that does not parse names neither.
#[derive(Deserialize, Default)]
pub struct DeleteAllReq {
    pub tenant_id: Option<String>,
    pub user_id: Option<String>,
}

impl DeleteAllReq {
    pub fn of(body: &[u8]) -> Self {
        serde_json::from_slice(body).unwrap_or_default()
    }
}

/// `DELETE /user/enduser/delete_all/:tenant_id/:user_id` with `{tenant_id, user_id}` (the
/// path is not read): the end user and their data, gone.
pub async fn delete_all(
    st: AppState,
    caller: Caller,
    Path((path_tenant, _)): Path<(String, String)>,
    body: Bytes,
) -> Reply {
    // The group's tenant check (on the path) runs before the route's permission check.
    caller.require_tenant(&path_tenant)?;
    caller.require_perm(&st.db(), "users", "delete")?;
    let req = DeleteAllReq::of(&body);
    let failed = missing(&[
        (
            "TenantID",
            req.tenant_id.as_deref().is_none_or(str::is_empty),
        ),
        ("UserID", req.user_id.as_deref().is_none_or(str::is_empty)),
    ]);
    if !failed.is_empty() {
        let text = bind_text("DeleteUserRequest", &failed);
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            format!("Invalid request: {text}"),
        ));
    }
    let (t, id) = (
        req.tenant_id.unwrap_or_default(),
        req.user_id.unwrap_or_default(),
    );
    if caller.require_tenant(&t).is_err() {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "cross-tenant deletion is not allowed",
        ));
    }
    let mut db = st.db();
    let uid = end_user(&mut db, &caller, &t, &id)
        .map_err(|_| ApiError::gin(StatusCode::NOT_FOUND, "User not found"))?
        .id;
    last_active_guard(&db, caller.tenant_id, uid, "delete")?;
    let (codes, passkeys) = db
        .users
        .get(&uid)
        .map(|u| (u.backup_codes.len(), u.passkeys.len()))
        .unwrap_or_default();
    db.remove_user(uid);
    Ok(Json(json!({
        "deleted_counts": {
            "backup_codes": codes, "ciba_auth_requests": 0, "ciba_push_devices": 0,
            "refresh_tokens": 0, "role_bindings": 1, "sessions": 0, "totp_secrets": 0,
            "user_groups": 0, "users": 1, "voice_identity_links": 0,
            "webauthn_credentials": passkeys,
        },
        "message": "User and all related data deleted successfully",
        "user_id": uid,
    })))
}

pub async fn set_status(st: AppState, caller: Admin, Body(req, _): Body<ToggleReq>) -> Reply {
    let (active, user) = req.check()?;
    let mut db = st.db();
    let tenant = caller.tenant_id.to_string();
    let id = end_user(&mut db, &caller, &tenant, &user)?.id;
    Ok(Json(db.set_active(id, active, "End user")))
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

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ScimUser {
    user_name: Option<String>,
    display_name: Option<String>,
    name: Option<ScimName>,
    emails: Option<Vec<ScimEmail>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ScimName {
    given_name: Option<String>,
    family_name: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ScimEmail {
    value: Option<String>,
    primary: Option<bool>,
}

fn scim_error(status: StatusCode, detail: &str, scim_type: Option<&str>) -> ApiError {
    let mut body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
        "detail": detail, "status": status.as_u16().to_string(),
    });
    if let Some(t) = scim_type {
        body["scimType"] = json!(t);
    }
    ApiError::new(status, body)
}

/// `POST /scim/v2/{client_id}/{project_id}/Users` (authsec-api.md §c): an end user of the
/// token's tenant, signing in through `client_id`, with a temporary password AuthSec
/// e-mails (never answered). The sandbox takes only admins' tokens here.
pub async fn scim_create(
    st: AppState,
    caller: Admin,
    Path((client, _project)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<(
    StatusCode,
    [(axum::http::HeaderName, &'static str); 1],
    Json<Value>,
)> {
    let client = uuid::Uuid::parse_str(client.trim()).map_err(|e| {
        scim_error(
            StatusCode::BAD_REQUEST,
            &format!("invalid client_id format: {e}"),
            None,
        )
    })?;
    let req: ScimUser = serde_json::from_slice(&body).map_err(|e| {
        scim_error(
            StatusCode::BAD_REQUEST,
            &format!("Invalid request: {e}"),
            None,
        )
    })?;
    let user_name = req.user_name.unwrap_or_default().trim().to_string();
    if user_name.is_empty() {
        return Err(scim_error(
            StatusCode::BAD_REQUEST,
            "userName is required",
            Some("invalidValue"),
        ));
    }
    let emails = req.emails.unwrap_or_default();
    let email = emails
        .iter()
        .find(|e| e.primary == Some(true))
        .or(emails.first())
        .and_then(|e| e.value.clone())
        .unwrap_or_else(|| user_name.clone())
        .trim()
        .to_lowercase();
    let name = req.name.unwrap_or_default();
    let (first, last) = (
        name.given_name.unwrap_or_default(),
        name.family_name.unwrap_or_default(),
    );
    let mut db = st.db();
    if db.user_by_email(caller.tenant_id, &email).is_some() {
        return Err(scim_error(
            StatusCode::CONFLICT,
            "User with this email already exists",
            Some("uniqueness"),
        ));
    }
    let secret = crate::util::random_b64(15);
    let mut u = new_end_user(caller.tenant_id, &email, None, &first, &last)
        .map_err(|_| scim_error(StatusCode::BAD_REQUEST, "Invalid request: email", None))?;
    if let Some(d) = req.display_name.filter(|d| !d.trim().is_empty()) {
        u.set_name(&d);
    }
    u.password_hash = Some(password_hash(u.id, &secret));
    u.provider = "scim".into();
    u.client_id = Some(client);
    let t = u.created_at;
    let out = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": u.id, "userName": user_name, "displayName": u.name(),
        "emails": [{ "value": u.email, "type": "work", "primary": true }],
        "active": true,
        "meta": { "resourceType": "User", "created": t, "lastModified": t,
            "location": format!("/uflow/scim/v2/{client}/{}/Users/{}", caller.tenant_id, u.id) },
    });
    db.users.insert(u.id, u);
    Ok((
        StatusCode::CREATED,
        [(
            axum::http::header::CONTENT_TYPE,
            "application/scim+json; charset=utf-8",
        )],
        Json(out),
    ))
}
