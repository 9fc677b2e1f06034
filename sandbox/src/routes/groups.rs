//! Groups (authsec-api.md §e.3): the tenant DB's groups and memberships. As in AuthSec,
//! the list and the rename take the tenant from the body (not compared with the token),
//! a rename of a missing group answers 200, and deleting takes ids under `groups`.

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Json;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::Admin;
use crate::body::Body;
use crate::db::group::{Group, Membership};
use crate::db::Db;
use crate::error::{
    bind_error, missing, parse_body, payload_error, ApiError, ApiResult, Reply, Shape,
};
use crate::state::AppState;
use crate::util::{new_id, now};

/// Groups under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/groups", post(create).delete(delete_many))
        .route("/admin/groups/list", post(list))
        .route("/admin/groups/{key}", get(of_tenant).put(rename))
        .route(
            "/admin/groups/{tenant_id}/users/bulk",
            post(add_members).delete(remove_members),
        )
}

fn gin(status: StatusCode, msg: impl Into<String>) -> ApiError {
    ApiError::gin(status, msg)
}

fn tenant_of(raw: Option<&str>) -> Option<Uuid> {
    raw.and_then(|t| Uuid::parse_str(t.trim()).ok())
}

#[derive(Deserialize)]
pub struct CreateReq {
    tenant_id: Option<String>,
    groups: Option<Value>,
}

pub async fn create(st: AppState, _: Admin, Body(req, _): Body<CreateReq>) -> Reply {
    let failures = missing(&[
        (
            "TenantID",
            req.tenant_id.as_deref().is_none_or(str::is_empty),
        ),
        ("Groups", req.groups.as_ref().is_none_or(Value::is_null)),
    ]);
    if !failures.is_empty() {
        return Err(payload_error("GroupRequest", &failures));
    }
    // The body's tenant picks the tenant DB (not compared with the token).
    let tenant = tenant_of(req.tenant_id.as_deref()).ok_or_else(|| {
        gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Failed to add groups: invalid tenant ID format",
        )
    })?;
    let shape_error = || {
        gin(
            StatusCode::BAD_REQUEST,
            "Groups must be either array of strings or array of objects with 'name' field",
        )
    };
    let items = match req.groups {
        Some(Value::Array(a)) => a,
        _ => return Err(shape_error()),
    };
    let names: Vec<String> = items
        .iter()
        .map(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(String::from),
            _ => None,
        })
        .collect::<Option<_>>()
        .ok_or_else(shape_error)?;
    if names.is_empty() {
        return Err(gin(
            StatusCode::BAD_REQUEST,
            "At least one group is required",
        ));
    }
    let mut db = st.db();
    // FirstOrCreate by name: an existing group comes back unchanged.
    let out: Vec<Value> = names
        .iter()
        .map(|name| {
            let found = db
                .groups
                .iter()
                .find(|g| g.tenant_id == tenant && &g.name == name);
            match found {
                Some(g) => g.view(),
                None => {
                    let t = now();
                    let g = Group {
                        id: new_id(),
                        tenant_id: tenant,
                        name: name.clone(),
                        description: None,
                        created_at: t,
                        updated_at: t,
                    };
                    let v = g.view();
                    db.groups.push(g);
                    v
                }
            }
        })
        .collect();
    Ok(Json(
        json!({ "groups": out, "message": "Groups added successfully" }),
    ))
}

#[derive(Deserialize)]
pub struct ListReq {
    tenant_id: Option<String>,
    user_id: Option<String>,
}

fn members_of(db: &Db, group: &Group) -> Vec<Value> {
    let domain = db
        .tenant(group.tenant_id)
        .map(|t| t.domain.clone())
        .unwrap_or_default();
    db.memberships
        .iter()
        .filter(|m| m.group_id == group.id)
        .filter_map(|m| db.users.get(&m.user_id))
        .map(|u| u.record_json(&domain, false))
        .collect()
}

pub async fn list(st: AppState, _: Admin, Body(req, _): Body<ListReq>) -> Reply {
    let raw = req.tenant_id.unwrap_or_default();
    if raw.is_empty() {
        let e = bind_error("AdminGroupListRequest", &[("TenantID", "required")]);
        return Err(e);
    }
    let tenant = Uuid::parse_str(&raw).map_err(|e| {
        gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("invalid tenant ID format: {e}"),
        )
    })?;
    let user = req.user_id.filter(|u| !u.trim().is_empty());
    let db = st.db();
    let user = match user {
        None => None,
        Some(u) => Some(Uuid::parse_str(u.trim()).map_err(|e| {
            gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("invalid user ID format: {e}"),
            )
        })?),
    };
    let rows: Vec<Value> = db
        .groups
        .iter()
        .filter(|g| g.tenant_id == tenant)
        .filter(|g| {
            user.is_none_or(|u| {
                db.memberships.contains(&Membership {
                    group_id: g.id,
                    user_id: u,
                })
            })
        })
        .map(|g| json!({ "group": g.view(), "users": members_of(&db, g) }))
        .collect();
    Ok(Json(json!({ "groups": rows })))
}

/// `GET /admin/groups/:tenant_id`: the token's tenant only.
pub async fn of_tenant(st: AppState, caller: Admin, Path(key): Path<String>) -> Reply {
    caller.require_tenant(&key)?;
    let db = st.db();
    let rows: Vec<Value> = db
        .groups
        .iter()
        .filter(|g| g.tenant_id == caller.tenant_id)
        .map(Group::view)
        .collect();
    Ok(Json(json!({ "groups": rows })))
}

#[derive(Deserialize)]
pub struct RenameReq {
    tenant_id: Option<String>,
    name: Option<String>,
    description: Option<String>,
}

/// `PUT /admin/groups/:id`: 200 even when no group matched (AuthSec's 404 is unreachable).
pub async fn rename(
    st: AppState,
    _: Admin,
    Path(key): Path<String>,
    Body(req, _): Body<RenameReq>,
) -> Reply {
    let tenant_raw = req.tenant_id.unwrap_or_default();
    let name = req.name.unwrap_or_default();
    let failures = missing(&[
        ("TenantID", tenant_raw.is_empty()),
        ("Name", name.is_empty()),
    ]);
    if !failures.is_empty() {
        // An anonymous struct: the validator's namespace has no struct prefix.
        return Err(payload_error("", &failures));
    }
    let fail = |what: &str, e: uuid::Error| {
        gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("Failed to update group: invalid {what} ID format: {e}"),
        )
    };
    let tenant = Uuid::parse_str(&tenant_raw).map_err(|e| fail("tenant", e))?;
    let id = Uuid::parse_str(&key).map_err(|e| fail("group", e))?;
    let mut db = st.db();
    if let Some(g) = db
        .groups
        .iter_mut()
        .find(|g| g.id == id && g.tenant_id == tenant)
    {
        g.name = name;
        g.description = Some(req.description.unwrap_or_default());
        g.updated_at = now();
    }
    Ok(Json(json!({ "message": "Group updated successfully" })))
}

/// The ids to delete: `groups` (ids despite the name) or one of AuthSec's other spellings.
fn ids_to_delete(body: &Value) -> Vec<String> {
    for key in ["groups", "group_names", "groupNames", "Groups"] {
        match body.get(key) {
            Some(Value::Array(a)) => {
                return a
                    .iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            }
            Some(Value::String(s)) => {
                return s
                    .split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            }
            _ => {}
        }
    }
    Vec::new()
}

pub async fn delete_many(st: AppState, caller: Admin, Body(body, _): Body<Value>) -> Reply {
    let raw = ids_to_delete(&body);
    if raw.is_empty() {
        return Err(gin(
            StatusCode::BAD_REQUEST,
            "At least one group-id is required",
        ));
    }
    let ids: Vec<Uuid> = raw
        .iter()
        .map(|s| Uuid::parse_str(s))
        .collect::<Result<_, _>>()
        .map_err(|_| {
            gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("Failed to delete groups: ERROR: invalid input syntax for type uuid: \"{}\" (SQLSTATE 22P02)", raw[0]),
            )
        })?;
    let mut db = st.db();
    let tenant = caller.tenant_id;
    db.groups
        .retain(|g| !(g.tenant_id == tenant && ids.contains(&g.id)));
    db.memberships.retain(|m| !ids.contains(&m.group_id));
    Ok(Json(json!({ "message": "Groups deleted successfully" })))
}

#[derive(Deserialize)]
pub struct MembersReq {
    group_id: Option<Value>,
    user_ids: Option<Vec<Value>>,
}

/// The bound request: `group_id` a UUID, `user_ids` at least one UUID.
fn members_req(body: &[u8], strukt: &str) -> ApiResult<(Uuid, Vec<Uuid>)> {
    let req: MembersReq = parse_body(body, Shape::Gin)?;
    let uuid = |v: &Value| v.as_str().and_then(|s| Uuid::parse_str(s).ok());
    let mut failures = Vec::new();
    let group = req.group_id.as_ref().and_then(uuid);
    if group.is_none() {
        failures.push(("GroupID", "required"));
    }
    let users = req.user_ids.unwrap_or_default();
    if users.is_empty() {
        failures.push(("UserIDs", "min"));
    }
    if !failures.is_empty() {
        return Err(payload_error(strukt, &failures));
    }
    let users: Vec<Uuid> = users
        .iter()
        .map(uuid)
        .collect::<Option<_>>()
        .ok_or_else(|| {
            gin(
                StatusCode::BAD_REQUEST,
                "Invalid request payload: invalid UUID length",
            )
        })?;
    Ok((group.unwrap_or_default(), users))
}

fn group_in(db: &Db, tenant: Uuid, id: Uuid, verb: &str) -> ApiResult<()> {
    if db
        .groups
        .iter()
        .any(|g| g.id == id && g.tenant_id == tenant)
    {
        Ok(())
    } else {
        Err(gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("Failed to {verb} group: group not found in tenant"),
        ))
    }
}

/// Adding or removing members, in AuthSec's words: the request struct the validator
/// names, and the verb of its `Failed to … group` answers.
struct MemberChange {
    strukt: &'static str,
    verb: &'static str,
}

const ADD: MemberChange = MemberChange {
    strukt: "AddUsersToGroupRequest",
    verb: "add users to",
};

const REMOVE: MemberChange = MemberChange {
    strukt: "RemoveUsersFromGroupRequest",
    verb: "remove users from",
};

/// The checked request of a member change: the tenant in the path is the token's, the
/// body binds, the group is the tenant's.
fn member_change(
    st: &AppState,
    caller: &Admin,
    tenant: &str,
    body: &[u8],
    change: MemberChange,
) -> ApiResult<(Uuid, Vec<Uuid>)> {
    caller.require_tenant(tenant)?;
    let (group, users) = members_req(body, change.strukt)?;
    group_in(&st.db(), caller.tenant_id, group, change.verb)?;
    Ok((group, users))
}

fn changed(group: Uuid, message: &str, users: &[Uuid]) -> Json<Value> {
    Json(json!({ "group_id": group, "message": message, "user_count": users.len() }))
}

pub async fn add_members(
    st: AppState,
    caller: Admin,
    Path(tenant): Path<String>,
    body: Bytes,
) -> Reply {
    let (group, users) = member_change(&st, &caller, &tenant, &body, ADD)?;
    let mut db = st.db();
    // One transaction: an id that is no user of the tenant breaks the foreign key, and nothing is added.
    if users
        .iter()
        .any(|u| db.user_in(caller.tenant_id, *u).is_none())
    {
        return Err(gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Failed to add users to group: failed to add users to group: ERROR: insert or update on table \"user_groups\" violates foreign key constraint (SQLSTATE 23503)",
        ));
    }
    for u in &users {
        let m = Membership {
            group_id: group,
            user_id: *u,
        };
        if !db.memberships.contains(&m) {
            db.memberships.push(m);
        }
    }
    Ok(changed(group, "Users added to group successfully", &users))
}

pub async fn remove_members(
    st: AppState,
    caller: Admin,
    Path(tenant): Path<String>,
    body: Bytes,
) -> Reply {
    let (group, users) = member_change(&st, &caller, &tenant, &body, REMOVE)?;
    st.db()
        .memberships
        .retain(|m| !(m.group_id == group && users.contains(&m.user_id)));
    Ok(changed(
        group,
        "Users removed from group successfully",
        &users,
    ))
}
