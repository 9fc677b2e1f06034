//! Batch end-user create / delete (extension; at most 1,000 per request).

use axum::routing::post;
use axum::Router;
use std::collections::HashSet;

use axum::Json;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::endusers::new_end_user;
use crate::auth::Admin;
use crate::body::Body;
use crate::error::{ApiError, ApiResult, Reply};
use crate::state::AppState;

/// The user-batch extension under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/enduser/batch", post(create))
        .route("/admin/enduser/batch-delete", post(delete))
}

pub const MAX_BATCH: usize = 1000;

#[derive(Deserialize)]
pub struct NewUser {
    email: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    password: Option<String>,
}

/// The body's list `field`: required, and at most [`MAX_BATCH`] `items`.
fn batch<T>(list: Option<Vec<T>>, field: &str, items: &str) -> ApiResult<Vec<T>> {
    let list = list.ok_or_else(|| ApiError::field(field, &format!("{field} is required")))?;
    if list.len() > MAX_BATCH {
        let msg = format!("at most {MAX_BATCH} {items} per batch");
        return Err(ApiError::field(field, &msg));
    }
    Ok(list)
}

#[derive(Deserialize)]
pub struct CreateReq {
    tenant_id: Option<String>,
    users: Option<Vec<NewUser>>,
}

pub async fn create(st: AppState, caller: Admin, Body(req, _): Body<CreateReq>) -> Reply {
    caller.require_tenant_opt(req.tenant_id.as_deref())?;
    let users = batch(req.users, "users", "users")?;
    let mut db = st.db();
    let mut existing: HashSet<String> = db
        .users
        .values()
        .filter(|u| u.tenant_id == caller.tenant_id)
        .map(|u| u.email.clone())
        .collect();
    let (mut created, mut failed, mut duplicates) = (0usize, Vec::new(), Vec::new());
    for nu in users {
        let raw = nu.email.unwrap_or_default();
        let email = raw.trim().to_lowercase();
        if existing.contains(&email) {
            duplicates.push(raw);
            continue;
        }
        let first = nu.first_name.unwrap_or_default();
        let last = nu.last_name.unwrap_or_default();
        match new_end_user(
            caller.tenant_id,
            &email,
            nu.password.as_deref(),
            &first,
            &last,
        ) {
            Ok(u) => {
                existing.insert(email);
                db.users.insert(u.id, u);
                created += 1;
            }
            Err(_) => failed.push(raw),
        }
    }
    Ok(Json(json!({
        "success_created_count": created, "fail_create_emails": failed, "duplicate_emails": duplicates,
    })))
}

#[derive(Deserialize)]
pub struct DeleteReq {
    tenant_id: Option<String>,
    users_ids: Option<Vec<String>>,
}

pub async fn delete(st: AppState, caller: Admin, Body(req, _): Body<DeleteReq>) -> Reply {
    caller.require_tenant_opt(req.tenant_id.as_deref())?;
    // The extension deletes as AuthSec's own delete rows do: only with users:delete.
    caller.require_perm(&st.db(), "users", "delete")?;
    let ids = batch(req.users_ids, "users_ids", "ids")?;
    let mut db = st.db();
    let (mut deleted, mut missing) = (0usize, Vec::new());
    for raw in ids {
        let target = Uuid::parse_str(raw.trim()).ok().filter(|id| {
            db.user_in(caller.tenant_id, *id)
                .is_some_and(|u| !u.is_admin)
        });
        match target {
            Some(id) => {
                db.remove_user(id);
                deleted += 1;
            }
            None => missing.push(raw),
        }
    }
    Ok(Json(
        json!({ "deleted_count": deleted, "missing_ids": missing }),
    ))
}
