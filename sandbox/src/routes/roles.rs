//! Roles and role bindings (authsec-api.md §e.1): the token's tenant, gin's `{"error"}`.
//! A binding can be added and listed, never removed: AuthSec has no route for that.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Json;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::Admin;
use crate::body::{Body, Params};
use crate::db::rbac::{Binding, Role};
use crate::db::Db;
use crate::error::{missing, parse_body, payload_error, ApiError, ApiResult, Reply, Shape};
use crate::state::AppState;
use crate::util::{new_id, now};

/// Roles and bindings under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/roles", get(list).post(create))
        .route(
            "/admin/roles/{role_id}",
            get(get_one).put(update).delete(delete_one),
        )
        .route("/admin/bindings", get(list_bindings).post(bind))
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::gin(StatusCode::BAD_REQUEST, msg)
}

/// A UUID that parses, else `None` (AuthSec ignores a filter that does not).
fn uuid_of(q: &HashMap<String, String>, key: &str) -> Option<Uuid> {
    q.get(key).and_then(|s| Uuid::parse_str(s).ok())
}

pub async fn list(st: AppState, caller: Admin, Query(q): Params) -> Reply {
    let db = st.db();
    let role_filter = uuid_of(&q, "role_id");
    let user_filter = uuid_of(&q, "user_id");
    let resource = q.get("resource").filter(|r| !r.is_empty());
    let rows: Vec<Value> = db
        .rbac
        .roles_of(caller.tenant_id)
        .filter(|r| role_filter.is_none_or(|id| r.id == id))
        .map(|r| {
            let count = db
                .rbac
                .permissions_of(caller.tenant_id)
                .filter(|p| r.permission_ids.contains(&p.id))
                .filter(|p| resource.is_none_or(|x| &p.resource == x))
                .count();
            let mut ids = Vec::new();
            let mut names = Vec::new();
            for b in db.rbac.bindings_of(caller.tenant_id) {
                let wanted = b.role_id == r.id && user_filter.is_none_or(|u| b.user_id == u);
                let id = b.user_id.to_string();
                if wanted && !ids.contains(&id) {
                    ids.push(id);
                    names.push(b.username.clone());
                }
            }
            let mut v = json!({ "id": r.id, "name": r.name, "description": r.description,
                                "users_assigned": ids.len(), "permissions_count": count });
            if !ids.is_empty() {
                v["user_ids"] = json!(ids);
                v["usernames"] = json!(names);
            }
            v
        })
        .collect();
    // Go's nil slice: a tenant without roles answers `null`.
    Ok(Json(if rows.is_empty() {
        Value::Null
    } else {
        json!(rows)
    }))
}

pub async fn get_one(st: AppState, caller: Admin, Path(raw): Path<String>, q: Params) -> Reply {
    let id = Uuid::parse_str(&raw).map_err(|_| bad("Invalid Role ID format"))?;
    if id == caller.tenant_id {
        // AuthSec's quirk: the tenant's id as a role id answers the list.
        return list(st, caller, q).await;
    }
    let db = st.db();
    let role = db
        .rbac
        .role(caller.tenant_id, id)
        .ok_or_else(|| ApiError::not_found("Role not found"))?;
    let (ids, names) = db.rbac.holders(role.id);
    let mut v = json!({ "id": role.id, "name": role.name, "description": role.description,
                        "permissions": db.rbac.strings_of(role) });
    if !ids.is_empty() {
        v["user_ids"] = json!(ids);
        v["usernames"] = json!(names);
    }
    Ok(Json(v))
}

#[derive(Deserialize)]
pub struct RoleReq {
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    permission_ids: Option<Vec<String>>,
    #[serde(default)]
    permission_strings: Option<Vec<String>>,
}

/// The request, bound as gin binds `CreateRoleRequest`, with its permissions resolved
/// (`controllers/shared/role_helpers.go:16-50`): ids are parsed, strings looked up.
fn role_req(db: &Db, tenant: Uuid, body: &[u8]) -> ApiResult<(String, String, Vec<Uuid>)> {
    let req: RoleReq = parse_body(body, Shape::Gin)?;
    let name = req.name.unwrap_or_default();
    if name.is_empty() {
        return Err(payload_error("CreateRoleRequest", &[("Name", "required")]));
    }
    let mut ids: Vec<Uuid> = Vec::new();
    for raw in req.permission_ids.unwrap_or_default() {
        let id = Uuid::parse_str(&raw).map_err(|e| {
            bad(format!(
                "invalid permission_id {raw:?}: invalid UUID length: {}",
                e
            ))
        })?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    for s in req.permission_strings.unwrap_or_default() {
        let parts: Vec<&str> = s.split([':', '.']).filter(|p| !p.is_empty()).collect();
        let [resource, action] = parts[..] else {
            return Err(bad(format!(
                "invalid permission string: {s} (expected resource:action)"
            )));
        };
        let p = db
            .rbac
            .permission_by(tenant, resource, action)
            .ok_or_else(|| bad(format!("permission not found: {s}")))?;
        if !ids.contains(&p.id) {
            ids.push(p.id);
        }
    }
    if ids.is_empty() {
        return Err(bad("permission_ids or permission_strings required"));
    }
    // An id that names no permission of the tenant breaks the link table's foreign key.
    if ids
        .iter()
        .any(|id| db.rbac.permission(tenant, *id).is_none())
    {
        return Err(ApiError::gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Failed to save role: ERROR: insert or update on table \"role_permissions\" violates foreign key constraint (SQLSTATE 23503)",
        ));
    }
    Ok((name, req.description.unwrap_or_default(), ids))
}

fn saved(role: &Role) -> Json<Value> {
    Json(
        json!({ "id": role.id, "name": role.name, "permissions_count": role.permission_ids.len() }),
    )
}

pub async fn create(st: AppState, caller: Admin, body: Bytes) -> Reply {
    let mut db = st.db();
    let (name, description, permission_ids) = role_req(&db, caller.tenant_id, &body)?;
    let role = Role {
        id: new_id(),
        tenant_id: caller.tenant_id,
        name,
        description,
        permission_ids,
    };
    let answer = saved(&role);
    db.rbac.roles.push(role);
    Ok(answer)
}

pub async fn update(st: AppState, caller: Admin, Path(raw): Path<String>, body: Bytes) -> Reply {
    let id = Uuid::parse_str(&raw).map_err(|_| bad("Invalid Role ID format"))?;
    let mut db = st.db();
    let (name, description, permission_ids) = role_req(&db, caller.tenant_id, &body)?;
    let tenant = caller.tenant_id;
    let role = db
        .rbac
        .roles
        .iter_mut()
        .find(|r| r.id == id && r.tenant_id == tenant)
        .ok_or_else(|| ApiError::not_found("Role not found"))?;
    role.name = name.clone();
    role.description = description;
    role.permission_ids = permission_ids;
    let answer = saved(role);
    // Bindings carry the role's name as it was when they were made (a column of their own).
    Ok(answer)
}

pub async fn delete_one(st: AppState, caller: Admin, Path(raw): Path<String>) -> Reply {
    let id = Uuid::parse_str(&raw).map_err(|_| bad("Invalid role ID format"))?;
    let mut db = st.db();
    if db.rbac.role(caller.tenant_id, id).is_none() {
        return Err(ApiError::not_found("Role not found"));
    }
    db.rbac.roles.retain(|r| r.id != id);
    db.rbac.bindings.retain(|b| b.role_id != id);
    Ok(Json(
        json!({ "id": id, "message": "Role deleted successfully" }),
    ))
}

#[derive(Deserialize)]
pub struct BindReq {
    user_id: Option<String>,
    role_id: Option<String>,
    scope: Option<ScopeReq>,
    conditions: Option<Value>,
}

#[derive(Deserialize)]
pub struct ScopeReq {
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    id: String,
}

pub async fn bind(st: AppState, caller: Admin, Body(req, _): Body<BindReq>) -> Reply {
    let user = req.user_id.unwrap_or_default();
    let role = req.role_id.unwrap_or_default();
    let failures = missing(&[("UserID", user.is_empty()), ("RoleID", role.is_empty())]);
    if !failures.is_empty() {
        return Err(payload_error("BindingRequest", &failures));
    }
    let user_id = Uuid::parse_str(&user).map_err(|_| bad("Invalid User ID format"))?;
    let role_id = Uuid::parse_str(&role).map_err(|_| bad("Invalid Role ID format"))?;
    let mut db = st.db();
    let role_name = db
        .rbac
        .role(caller.tenant_id, role_id)
        .map(|r| r.name.clone())
        .ok_or_else(|| ApiError::not_found("Role not found for tenant"))?;
    // The master DB's users: admins, of any tenant (AuthSec looks the id up alone).
    let (username, email) = db
        .users
        .get(&user_id)
        .filter(|u| u.is_admin)
        .map(|u| (u.username.clone(), u.email.clone()))
        .ok_or_else(|| ApiError::not_found("User not found"))?;
    let mut scope_type = None;
    let mut scope_id = None;
    let mut description = "Tenant-Wide".to_string();
    if let Some(s) = req.scope {
        if !s.kind.is_empty() && s.kind != "*" {
            scope_type = Some(s.kind.clone());
        }
        if !s.id.is_empty() && s.id != "*" {
            let sid = Uuid::parse_str(&s.id).map_err(|_| {
                bad("Invalid Scope ID format (must be UUID or '*' for tenant-wide)")
            })?;
            scope_id = Some(sid);
            description = format!("{}: {}", s.kind, s.id);
        } else {
            description = "Tenant-Wide (wildcard)".into();
        }
    }
    let binding = Binding {
        id: new_id(),
        tenant_id: caller.tenant_id,
        user_id,
        username,
        email,
        role_id,
        role_name: role_name.clone(),
        scope_type,
        scope_id,
        conditions: req.conditions,
        created_at: now(),
    };
    let id = binding.id;
    db.rbac.bindings.push(binding);
    Ok(Json(
        json!({ "id": id, "status": "active", "scope_description": description,
                    "role_name": role_name }),
    ))
}

pub async fn list_bindings(st: AppState, caller: Admin, Query(q): Params) -> Reply {
    let db = st.db();
    let user = uuid_of(&q, "user_id");
    let role = uuid_of(&q, "role_id");
    let scope_type = q.get("scope_type").filter(|s| !s.is_empty());
    // Newest first (`ORDER BY created_at DESC`).
    let rows: Vec<Value> = db
        .rbac
        .bindings_of(caller.tenant_id)
        .rev()
        .filter(|b| user.is_none_or(|u| b.user_id == u) && role.is_none_or(|r| b.role_id == r))
        .filter(|b| scope_type.is_none_or(|t| b.scope_type.as_ref() == Some(t)))
        .map(Binding::view)
        .collect();
    Ok(Json(json!(rows)))
}
