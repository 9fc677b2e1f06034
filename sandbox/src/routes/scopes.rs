//! Scopes and API scopes (authsec-api.md §e.2), with AuthSec's checks and texts
//! (`controllers/admin/scope_controller.go`, `api_scopes_controller.go`): scope names
//! are not checked at all, an update with no resources deletes the scope, API scope
//! names need only a ':', and an empty list of permissions on update keeps the links.

use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::Admin;
use crate::body::Params;
use crate::db::scope::{ApiScope, ScopeRow};
use crate::db::Db;
use crate::error::{ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::{new_id, now};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/scopes", get(list).post(create))
        .route("/admin/scopes/mappings", get(mappings))
        .route(
            "/admin/scopes/{name}",
            axum::routing::put(update).delete(remove),
        )
        .route("/admin/api_scopes", get(api_list).post(api_create))
        .route(
            "/admin/api_scopes/{id}",
            get(api_get).put(api_update).delete(api_delete),
        )
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::gin(StatusCode::BAD_REQUEST, msg)
}

/// The tenant's scope names, sorted (`SELECT DISTINCT … ORDER BY scope_name`).
fn names(db: &Db, tenant: Uuid) -> Vec<String> {
    let mut n: Vec<String> = db
        .scope_rows
        .iter()
        .filter(|r| r.tenant_id == tenant)
        .map(|r| r.scope_name.clone())
        .collect();
    n.sort();
    n.dedup();
    n
}

pub async fn list(st: AppState, caller: Admin) -> Reply {
    Ok(Json(json!(names(&st.db(), caller.tenant_id))))
}

pub async fn mappings(st: AppState, caller: Admin) -> Reply {
    let db = st.db();
    let rows: Vec<Value> = names(&db, caller.tenant_id)
        .into_iter()
        .map(|n| {
            let resources: Vec<&str> = db
                .scope_rows
                .iter()
                .filter(|r| r.tenant_id == caller.tenant_id && r.scope_name == n)
                .map(|r| r.resource.as_str())
                .collect();
            json!({ "scope_name": n, "resources": resources })
        })
        .collect();
    Ok(Json(json!(rows)))
}

/// A gin binding failure: the validator's text with no prefix (`"EOF"` for no body).
fn bind<T: for<'de> Deserialize<'de>>(body: &[u8]) -> ApiResult<T> {
    if body.is_empty() {
        return Err(bad("EOF"));
    }
    serde_json::from_slice(body).map_err(|e| bad(e.to_string()))
}

#[derive(Deserialize)]
struct AddScope {
    #[serde(default)]
    scope_name: String,
    #[serde(default)]
    resources: Option<Vec<String>>,
}

fn insert(db: &mut Db, tenant: Uuid, name: &str, resources: &[String]) -> ApiResult<()> {
    let mut seen: Vec<&str> = Vec::new();
    for r in resources {
        if seen.contains(&r.as_str()) {
            // The unique key (tenant, scope, resource); the transaction rolls back.
            db.scope_rows
                .retain(|x| !(x.tenant_id == tenant && x.scope_name == name));
            return Err(ApiError::gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("Failed to add resource {r}: pq: duplicate key value violates unique constraint"),
            ));
        }
        seen.push(r);
        db.scope_rows.push(ScopeRow {
            tenant_id: tenant,
            scope_name: name.to_string(),
            resource: r.clone(),
        });
    }
    Ok(())
}

pub async fn create(
    st: AppState,
    caller: Admin,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let req: AddScope = bind(&body)?;
    if req.scope_name.is_empty() {
        return Err(crate::error::bind_error(
            "AddScopeInput",
            &[("ScopeName", "required")],
        ));
    }
    let mut db = st.db();
    if names(&db, caller.tenant_id).contains(&req.scope_name) {
        return Err(bad("Scope already exists"));
    }
    // None or [] means every resource; each "" becomes "*" (scope_controller.go:483-517).
    let mut resources = req.resources.unwrap_or_default();
    if resources.is_empty() {
        resources.push("*".into());
    }
    for r in resources.iter_mut().filter(|r| r.is_empty()) {
        *r = "*".into();
    }
    insert(&mut db, caller.tenant_id, &req.scope_name, &resources)?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "message": "Scope created successfully" })),
    ))
}

#[derive(Deserialize)]
struct EditScope {
    #[serde(default)]
    resources: Option<Vec<String>>,
}

pub async fn update(st: AppState, caller: Admin, Path(name): Path<String>, body: Bytes) -> Reply {
    let req: EditScope = bind(&body)?;
    let Some(resources) = req.resources else {
        return Err(crate::error::bind_error(
            "EditScopeInput",
            &[("Resources", "required")],
        ));
    };
    let mut db = st.db();
    if !names(&db, caller.tenant_id).contains(&name) {
        return Err(ApiError::not_found("Scope not found"));
    }
    // Every row goes, then the new ones: `[]` leaves none, and the scope is gone.
    db.scope_rows
        .retain(|x| !(x.tenant_id == caller.tenant_id && x.scope_name == name));
    insert(&mut db, caller.tenant_id, &name, &resources)?;
    Ok(Json(json!({ "message": "Scope updated successfully" })))
}

pub async fn remove(st: AppState, caller: Admin, Path(name): Path<String>) -> Reply {
    let mut db = st.db();
    if !names(&db, caller.tenant_id).contains(&name) {
        return Err(ApiError::not_found("Scope not found"));
    }
    db.scope_rows
        .retain(|x| !(x.tenant_id == caller.tenant_id && x.scope_name == name));
    Ok(Json(json!({ "message": "Scope deleted successfully" })))
}

// ------------------------------------------------------------------ API scopes

fn strings(db: &Db, s: &ApiScope) -> Vec<String> {
    s.permission_ids
        .iter()
        .filter_map(|id| db.rbac.permissions.iter().find(|p| p.id == *id))
        .map(|p| format!("{}:{}", p.resource, p.action))
        .collect()
}

fn api_not_found() -> ApiError {
    ApiError::not_found("API scope not found")
}

fn api_find(db: &Db, tenant: Uuid, raw: &str) -> ApiResult<ApiScope> {
    let id = Uuid::parse_str(raw).map_err(|_| bad("Invalid scope ID format"))?;
    db.api_scopes
        .iter()
        .find(|s| s.id == id && s.tenant_id == tenant)
        .cloned()
        .ok_or_else(api_not_found)
}

/// The permission ids, each this tenant's (`api_scopes_controller.go:709-730`).
fn permission_ids(db: &Db, tenant: Uuid, raw: &[String]) -> ApiResult<Vec<Uuid>> {
    let mut ids = Vec::new();
    for r in raw {
        ids.push(
            Uuid::parse_str(r).map_err(|_| bad(format!("invalid permission ID format: {r}")))?,
        );
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    let known = unique
        .iter()
        .filter(|id| db.rbac.permission(tenant, **id).is_some())
        .count();
    if known != ids.len() {
        return Err(bad(
            "one or more permission IDs do not exist or do not belong to this tenant",
        ));
    }
    Ok(ids)
}

pub async fn api_list(st: AppState, caller: Admin, Query(q): Params) -> Reply {
    let db = st.db();
    let needle = q.get("name").map(|n| n.to_lowercase()).unwrap_or_default();
    let mut hits: Vec<&ApiScope> = db
        .api_scopes
        .iter()
        .filter(|s| s.tenant_id == caller.tenant_id && s.name.to_lowercase().contains(&needle))
        .collect();
    hits.sort_by_key(|s| std::cmp::Reverse(s.created_at));
    Ok(Json(json!(hits
        .iter()
        .map(|s| s.row())
        .collect::<Vec<_>>())))
}

#[derive(Deserialize, Default)]
struct ApiScopeReq {
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    mapped_permission_ids: Vec<String>,
}

fn api_bind(body: &[u8]) -> ApiResult<ApiScopeReq> {
    serde_json::from_slice(body).map_err(|e| bad(format!("Invalid request payload: {e}")))
}

fn format_error() -> ApiError {
    bad("Scope name should be in format 'resource:action' (e.g., 'files:read')")
}

fn taken(name: &str) -> ApiError {
    ApiError::gin(
        StatusCode::CONFLICT,
        format!("scope name '{name}' already exists"),
    )
}

pub async fn api_create(st: AppState, caller: Admin, body: Bytes) -> Reply {
    let req = api_bind(&body)?;
    if req.name.is_empty() {
        return Err(bad("Invalid request payload: Key: 'CreateAPIScopeRequest.Name' Error:Field validation for 'Name' failed on the 'required' tag"));
    }
    if !req.name.contains(':') {
        return Err(format_error());
    }
    let mut db = st.db();
    let ids = permission_ids(&db, caller.tenant_id, &req.mapped_permission_ids)?;
    if db
        .api_scopes
        .iter()
        .any(|s| s.tenant_id == caller.tenant_id && s.name == req.name)
    {
        return Err(taken(&req.name));
    }
    let s = ApiScope {
        id: new_id(),
        tenant_id: caller.tenant_id,
        name: req.name,
        description: req.description,
        permission_ids: ids,
        created_at: now(),
    };
    let answer = s.full(strings(&db, &s));
    db.api_scopes.push(s);
    Ok(Json(answer))
}

pub async fn api_get(st: AppState, caller: Admin, Path(id): Path<String>) -> Reply {
    let db = st.db();
    let s = api_find(&db, caller.tenant_id, &id)?;
    Ok(Json(s.full(strings(&db, &s))))
}

pub async fn api_update(st: AppState, caller: Admin, Path(id): Path<String>, body: Bytes) -> Reply {
    let req = api_bind(&body)?;
    let mut db = st.db();
    let mut s = api_find(&db, caller.tenant_id, &id)?;
    if !req.name.is_empty() {
        if !req.name.contains(':') {
            return Err(format_error());
        }
        let clash = db
            .api_scopes
            .iter()
            .any(|o| o.tenant_id == caller.tenant_id && o.id != s.id && o.name == req.name);
        if clash {
            return Err(taken(&req.name));
        }
        s.name = req.name;
    }
    // Empty means unchanged: a description cannot be cleared, links not all removed.
    if !req.description.is_empty() {
        s.description = req.description;
    }
    if !req.mapped_permission_ids.is_empty() {
        s.permission_ids = permission_ids(&db, caller.tenant_id, &req.mapped_permission_ids)?;
    }
    if let Some(slot) = db.api_scopes.iter_mut().find(|o| o.id == s.id) {
        *slot = s.clone();
    }
    Ok(Json(s.full(strings(&db, &s))))
}

pub async fn api_delete(st: AppState, caller: Admin, Path(id): Path<String>) -> Reply {
    let mut db = st.db();
    let s = api_find(&db, caller.tenant_id, &id)?;
    db.api_scopes.retain(|o| o.id != s.id);
    Ok(Json(json!({ "message": "API scope deleted successfully",
                    "name": s.name, "scope_id": s.id })))
}
