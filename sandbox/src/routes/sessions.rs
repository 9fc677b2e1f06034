//! Sessions (extension): the caller's own, and the tenant's for admins.

use axum::routing::{delete, get, post};
use axum::Router;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::{Admin, Caller, FastShape};
use crate::body::Params;
use crate::db::Session;
use crate::error::{ApiError, Reply};
use crate::state::AppState;
use crate::util::{now, paging};

/// The sessions extension under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sessions", get(mine))
        .route("/sessions/revoke-all", post(revoke_all))
        .route("/sessions/current", delete(revoke_current))
        .route("/sessions/{id}", delete(revoke_mine))
        .route("/admin/sessions", get(tenant_list))
        .route("/admin/sessions/{id}", delete(revoke_any))
}

fn not_found() -> ApiError {
    ApiError::fast(StatusCode::NOT_FOUND, "Session not found")
}

pub async fn mine(st: AppState, caller: Caller) -> Reply {
    let db = st.db();
    let t = now();
    let mut list: Vec<&Session> = db
        .sessions
        .values()
        .filter(|s| s.user_id == caller.user_id && s.is_live(t))
        .collect();
    list.sort_by(|a, b| b.last_accessed.cmp(&a.last_accessed).then(a.id.cmp(&b.id)));
    let sessions: Vec<Value> = list.iter().map(|s| s.view(caller.sid)).collect();
    Ok(Json(
        json!({ "total": sessions.len(), "sessions": sessions }),
    ))
}

pub async fn revoke_mine(st: AppState, caller: Caller, Path(id): Path<String>) -> Reply {
    revoke(&st, &id, |s| s.user_id == caller.user_id && !s.revoked)
}

/// Sign-out: the caller's own session (an API key has none: 404, as for an unknown id).
pub async fn revoke_current(st: AppState, caller: Caller) -> Reply {
    let sid = caller.sid.ok_or_else(not_found)?;
    revoke(&st, &sid.to_string(), |_| true)
}

/// Revokes the session `id` if `may` allows it (else 404, as for an unknown id).
fn revoke(st: &AppState, id: &str, may: impl Fn(&Session) -> bool) -> Reply {
    let id = Uuid::parse_str(id).map_err(|_| not_found())?;
    let mut db = st.db();
    let s = db
        .sessions
        .get_mut(&id)
        .filter(|s| may(s))
        .ok_or_else(not_found)?;
    s.revoked = true;
    Ok(Json(
        json!({ "success": true, "message": "Session revoked" }),
    ))
}

pub async fn revoke_all(st: AppState, caller: Caller) -> Reply {
    let mut db = st.db();
    let t = now();
    let mut n = 0;
    for s in db.sessions.values_mut() {
        if s.user_id == caller.user_id && s.is_live(t) && Some(s.id) != caller.sid {
            s.revoked = true;
            n += 1;
        }
    }
    Ok(Json(json!({ "revoked": n })))
}

pub async fn tenant_list(st: AppState, caller: Admin<FastShape>, Query(q): Params) -> Reply {
    let int = |k: &str| q.get(k).and_then(|v| v.trim().parse::<i64>().ok());
    let (page, limit) = paging::normalize(int("page"), int("limit"));
    let user_id = q
        .get("user_id")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let email = q
        .get("email")
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty());
    let active = match q.get("active").map(|s| s.trim().to_lowercase()).as_deref() {
        None | Some("") => None,
        Some("true") | Some("1") => Some(true),
        Some("false") | Some("0") => Some(false),
        Some(_) => {
            return Err(ApiError::fast_field(
                "active",
                "value could not be parsed to a boolean",
                "type_error.bool",
            ))
        }
    };
    let db = st.db();
    let t = now();
    let mut hits: Vec<(&Session, &str)> = db
        .sessions
        .values()
        .filter(|s| s.tenant_id == caller.tenant_id)
        .filter(|s| active.is_none_or(|a| s.is_live(t) == a))
        .filter(|s| {
            user_id
                .as_deref()
                .is_none_or(|u| s.user_id.to_string() == u)
        })
        .filter_map(|s| db.users.get(&s.user_id).map(|u| (s, u.email.as_str())))
        .filter(|(_, e)| email.as_deref().is_none_or(|q| e.contains(q)))
        .collect();
    hits.sort_by(|a, b| {
        b.0.last_accessed
            .cmp(&a.0.last_accessed)
            .then(a.0.id.cmp(&b.0.id))
    });
    let (items, info) = paging::slice(&hits, page, limit);
    let sessions: Vec<Value> = items
        .iter()
        .map(|(s, e)| {
            let mut v = s.view(caller.sid);
            v["user_email"] = json!(e);
            v["user_id"] = json!(s.user_id);
            v["is_active"] = json!(s.is_live(t));
            v
        })
        .collect();
    Ok(Json(
        json!({ "sessions": sessions, "total": info.total, "page": page, "limit": limit, "total_pages": info.total_pages }),
    ))
}

pub async fn revoke_any(st: AppState, caller: Admin<FastShape>, Path(id): Path<String>) -> Reply {
    revoke(&st, &id, |s| s.tenant_id == caller.tenant_id)
}
