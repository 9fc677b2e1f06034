//! Management applications (extension; errors `{message, error_code}`).

use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::Json;
use axum::Router;
use serde_json::{json, Map, Value};

use crate::auth::{Admin, AppShape};
use crate::body::Body;
use crate::db::App;
use crate::error::{ApiError, ApiResult, Reply};
use crate::seed::apps::blank;
use crate::state::AppState;
use crate::util::{new_id, now, random_b64, sha256_hex};

/// The apps extension at `/authsec/apps` (with and without the trailing slash, as
/// gin answers both).
pub fn routes(enabled: bool) -> Router<AppState> {
    if !enabled {
        return Router::new();
    }
    Router::new()
        .route("/authsec/apps", get(list).post(create))
        .route("/authsec/apps/", get(list).post(create))
        .route("/authsec/apps/{app_id}", put(update).delete(delete_one))
}

fn not_found() -> ApiError {
    ApiError::app(StatusCode::NOT_FOUND, "Application not found")
}

fn bad(msg: String) -> ApiError {
    ApiError::app(StatusCode::BAD_REQUEST, msg)
}

pub async fn list(st: AppState, caller: Admin<AppShape>) -> Reply {
    let db = st.db();
    let mut apps: Vec<&App> = db
        .apps
        .values()
        .filter(|a| a.tenant_id == caller.tenant_id)
        .collect();
    apps.sort_by(|a, b| {
        a.created_at
            .cmp(&b.created_at)
            .then(a.app_id.cmp(&b.app_id))
    });
    Ok(Json(json!({ "result": apps })))
}

pub async fn create(
    st: AppState,
    caller: Admin<AppShape>,
    Body(body, _): Body<Map<String, Value>, AppShape>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    if body
        .get("app_name")
        .and_then(Value::as_str)
        .is_none_or(|n| n.trim().is_empty())
    {
        return Err(bad("app_name is required".into()));
    }
    let t = now();
    let mut app = blank(
        new_id().to_string(),
        caller.tenant_id,
        new_id().to_string(),
        caller.user_id.to_string(),
        t,
    );
    app.apply(&body, t).map_err(bad)?;
    if app.client_display_name.is_empty() {
        app.client_display_name = app.app_name.clone();
    }
    let secret = random_b64(32);
    app.secret_hash = sha256_hex(&secret);
    let mut out = serde_json::to_value(&app).unwrap_or_default();
    out["client_secret"] = json!(secret);
    st.db().apps.insert(app.app_id.clone(), app);
    Ok((StatusCode::CREATED, Json(json!({ "result": out }))))
}

pub async fn update(
    st: AppState,
    caller: Admin<AppShape>,
    Path(id): Path<String>,
    Body(body, _): Body<Map<String, Value>, AppShape>,
) -> Reply {
    let mut db = st.db();
    let app = db
        .apps
        .get_mut(&id)
        .filter(|a| a.tenant_id == caller.tenant_id)
        .ok_or_else(not_found)?;
    let mut next = app.clone();
    let t = now();
    next.apply(&body, t).map_err(bad)?;
    // updated_at strictly increases, even for two updates within one clock tick.
    next.updated_at = t.max(app.updated_at + chrono::Duration::milliseconds(1));
    *app = next;
    Ok(Json(json!({ "result": app })))
}

pub async fn delete_one(
    st: AppState,
    caller: Admin<AppShape>,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let mut db = st.db();
    if db
        .apps
        .get(&id)
        .is_none_or(|a| a.tenant_id != caller.tenant_id)
    {
        return Err(not_found());
    }
    db.apps.remove(&id);
    Ok(StatusCode::NO_CONTENT)
}
