//! Permissions (authsec-api.md §e.1): `resource:action` pairs of the token's tenant.

use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::{delete, get};
use axum::Json;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::Admin;
use crate::body::Params;
use crate::db::rbac::Permission;
use crate::error::{optional_uuid, parse_body, ApiError, ApiResult, Reply, Shape};
use crate::state::AppState;
use crate::util::new_id;

/// Permissions under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/permissions",
            get(list).post(create).delete(delete_by_body),
        )
        .route("/admin/permissions/resources", get(resources))
        .route("/admin/permissions/{id}", delete(delete_one))
        .route("/admin/policy/check", axum::routing::post(policy_check))
}

fn deleted() -> Json<Value> {
    Json(json!({ "message": "Permission deleted successfully" }))
}

fn not_found() -> ApiError {
    ApiError::not_found("Permission not found")
}

pub async fn list(st: AppState, caller: Admin, Query(q): Params) -> Reply {
    let db = st.db();
    let resource = q.get("resource").filter(|r| !r.is_empty());
    let rows: Vec<Value> = db
        .rbac
        .permissions_of(caller.tenant_id)
        .filter(|p| resource.is_none_or(|r| &p.resource == r))
        .map(|p| {
            json!({ "id": p.id, "resource": p.resource, "action": p.action,
                    "full_permission_string": p.full(), "description": p.description,
                    "roles_assigned": db.rbac.roles_holding(p.id) })
        })
        .collect();
    Ok(Json(json!(rows)))
}

pub async fn resources(st: AppState, caller: Admin) -> Reply {
    let db = st.db();
    let mut out: Vec<&str> = Vec::new();
    for p in db.rbac.permissions_of(caller.tenant_id) {
        if !out.contains(&p.resource.as_str()) {
            out.push(&p.resource);
        }
    }
    Ok(Json(json!({ "resources": out })))
}

/// `PermissionRequest`: no binding tags, so nothing is refused before the handler's check.
#[derive(Deserialize, Default)]
pub struct PermissionReq {
    #[serde(default)]
    resource: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    description: String,
}

fn parse(body: &[u8]) -> ApiResult<PermissionReq> {
    let req: PermissionReq = parse_body(body, Shape::Gin)?;
    if req.resource.is_empty() || req.action.is_empty() {
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            "Resource and Action are required",
        ));
    }
    Ok(req)
}

pub async fn create(st: AppState, caller: Admin, body: Bytes) -> Reply {
    let req = parse(&body)?;
    let mut db = st.db();
    if db
        .rbac
        .permission_by(caller.tenant_id, &req.resource, &req.action)
        .is_some()
    {
        // The table's unique (tenant, resource, action) constraint.
        return Err(ApiError::gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Failed to register permission: ERROR: duplicate key value violates unique constraint \"idx_permissions_tenant_resource_action\" (SQLSTATE 23505)",
        ));
    }
    let p = Permission {
        id: new_id(),
        tenant_id: caller.tenant_id,
        resource: req.resource,
        action: req.action,
        description: req.description,
    };
    // The create answer alone spells it with a dot.
    let answer = json!({ "id": p.id, "full_string": format!("{}.{}", p.resource, p.action) });
    db.rbac.permissions.push(p);
    Ok(Json(answer))
}

/// Removes a permission and its links to roles.
fn remove(db: &mut crate::db::Db, id: Uuid) {
    db.rbac.permissions.retain(|p| p.id != id);
    for r in db.rbac.roles.iter_mut() {
        r.permission_ids.retain(|p| *p != id);
    }
    // `api_scope_permissions` cascades too.
    for s in db.api_scopes.iter_mut() {
        s.permission_ids.retain(|p| *p != id);
    }
}

pub async fn delete_one(st: AppState, caller: Admin, Path(raw): Path<String>) -> Reply {
    let id = Uuid::parse_str(&raw)
        .map_err(|_| ApiError::gin(StatusCode::BAD_REQUEST, "Invalid Permission ID format"))?;
    let mut db = st.db();
    db.rbac
        .permission(caller.tenant_id, id)
        .ok_or_else(not_found)?;
    remove(&mut db, id);
    Ok(deleted())
}

pub async fn delete_by_body(st: AppState, caller: Admin, body: Bytes) -> Reply {
    let req = parse(&body)?;
    let mut db = st.db();
    let id = db
        .rbac
        .permission_by(caller.tenant_id, &req.resource, &req.action)
        .map(|p| p.id)
        .ok_or_else(not_found)?;
    remove(&mut db, id);
    Ok(deleted())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PolicyReq {
    principal_id: String,
    resource: String,
    action: String,
    scope_id: String,
}

/// `POST /admin/policy/check` (`controllers/platform/authorization_controller.go:46-82`):
/// whether a binding of the principal, in any tenant, grants `resource:action`.
async fn policy_check(st: AppState, _caller: Admin, body: Bytes) -> Reply {
    let req: PolicyReq = crate::error::bind::decode(&body).map_err(|m| {
        ApiError::gin(
            StatusCode::BAD_REQUEST,
            format!("Invalid request payload: {m}"),
        )
    })?;
    let failed = crate::error::missing(&[
        ("PrincipalID", req.principal_id.is_empty()),
        ("Resource", req.resource.is_empty()),
        ("Action", req.action.is_empty()),
    ]);
    if !failed.is_empty() {
        return Err(crate::error::payload_error("PolicyCheckRequest", &failed));
    }
    let principal = Uuid::parse_str(&req.principal_id)
        .map_err(|_| ApiError::gin(StatusCode::BAD_REQUEST, "Invalid Principal ID format"))?;
    let scope = optional_uuid(&req.scope_id, "Invalid Scope ID format")?;
    let db = st.db();
    Ok(Json(
        match db.rbac.grant(principal, &req.resource, &req.action, scope) {
            // The role's name as it is now (the query joins roles).
            Some((b, role)) => json!({
                "allowed": true,
                "trace": format!("Granted by Binding [{}] via Role [{}]", b.id, role.name),
            }),
            None => json!({ "allowed": false, "trace": "No matching binding found" }),
        },
    ))
}
