//! API keys (extension; FastAPI error shape). Only a hash of each secret is kept.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::Json;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::{Caller, FastShape, Recent};
use crate::body::Body;
use crate::db::apikey::{KEY_PREFIX, SCOPES};
use crate::db::{ApiKey, Db};
use crate::error::{fast_name, ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::{new_id, now, random_b64, sha256_hex};

/// The API-key extension under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api-keys/scopes", get(scopes))
        .route("/api-keys", get(list).post(create))
        .route("/api-keys/{key_id}/regenerate", post(regenerate))
        .route("/api-keys/{key_id}", delete(delete_one))
}

fn not_found() -> ApiError {
    ApiError::fast(StatusCode::NOT_FOUND, "API key not found")
}

fn new_secret() -> String {
    format!("{KEY_PREFIX}{}", random_b64(30))
}

fn with_secret(key: &ApiKey, secret: &str) -> Value {
    let mut v = serde_json::to_value(key).unwrap_or_default();
    v["api_key"] = json!(secret);
    v
}

pub async fn scopes(st: AppState, caller: Caller) -> Reply {
    let db = st.db();
    let tenants: Vec<Value> = db
        .tenant(caller.tenant_id)
        .map(|t| json!({ "tenant_id": t.id, "tenant_domain": t.domain, "name": t.name }))
        .into_iter()
        .collect();
    Ok(Json(json!({ "scopes": SCOPES, "tenants": tenants })))
}

pub async fn list(st: AppState, caller: Caller) -> Reply {
    let db = st.db();
    let mut keys: Vec<&ApiKey> = db
        .api_keys
        .values()
        .filter(|k| k.user_id == caller.user_id)
        .collect();
    keys.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then(a.key_id.cmp(&b.key_id))
    });
    Ok(Json(json!({ "api_keys": keys })))
}

#[derive(Deserialize)]
pub struct CreateReq {
    name: Option<Value>,
    scopes: Option<Value>,
    tenant_id: Option<String>,
}

pub async fn create(
    st: AppState,
    Recent(caller): Recent,
    Body(req, _): Body<CreateReq, FastShape>,
) -> Reply {
    let name = fast_name(req.name)?;
    let scopes: Vec<String> = match req.scopes {
        None | Some(Value::Null) => {
            return Err(ApiError::fast_field(
                "scopes",
                "field required",
                "value_error.missing",
            ))
        }
        Some(v) => serde_json::from_value(v).map_err(|_| {
            ApiError::fast_field("scopes", "value is not a valid list", "type_error.list")
        })?,
    };
    if scopes.is_empty() {
        return Err(ApiError::fast_field(
            "scopes",
            "at least one scope is required",
            "value_error",
        ));
    }
    if let Some(bad) = scopes.iter().find(|s| !SCOPES.contains(&s.as_str())) {
        return Err(ApiError::fast_field(
            "scopes",
            &format!("unknown scope {bad:?}"),
            "value_error",
        ));
    }
    if let Some(t) = req.tenant_id.as_deref() {
        caller.require_tenant(t).map_err(|_| {
            ApiError::fast(
                StatusCode::FORBIDDEN,
                "tenant_id is not your tenant".to_string(),
            )
        })?;
    }
    // An API key can never hold scopes its owner lacks.
    if !caller.is_admin() {
        if let Some(bad) = scopes.iter().find(|s| !caller.scopes.contains(s)) {
            return Err(ApiError::fast(
                StatusCode::FORBIDDEN,
                format!("scope {bad} is not available to this account"),
            ));
        }
    }
    let secret = new_secret();
    let key = ApiKey {
        key_id: new_id(),
        name,
        scopes,
        tenant_id: caller.tenant_id,
        user_id: caller.user_id,
        created_at: now(),
        last_use_at: None,
        is_active: true,
        key_hash: sha256_hex(&secret),
    };
    let out = with_secret(&key, &secret);
    st.db().api_keys.insert(key.key_id, key);
    Ok(Json(out))
}

pub async fn regenerate(st: AppState, Recent(caller): Recent, Path(id): Path<String>) -> Reply {
    let mut db = st.db();
    let key = own_key(&mut db, &caller, &id)?;
    let secret = new_secret();
    key.key_hash = sha256_hex(&secret);
    key.is_active = true;
    Ok(Json(with_secret(key, &secret)))
}

pub async fn delete_one(st: AppState, caller: Caller, Path(id): Path<String>) -> Reply {
    let mut db = st.db();
    let key_id = own_key(&mut db, &caller, &id)?.key_id;
    db.api_keys.remove(&key_id);
    Ok(Json(json!({ "success": true })))
}

/// The caller's own key `id` (another user's is as unknown as a missing one: 404).
fn own_key<'a>(db: &'a mut Db, caller: &Caller, id: &str) -> ApiResult<&'a mut ApiKey> {
    let id = Uuid::parse_str(id).map_err(|_| not_found())?;
    db.api_keys
        .get_mut(&id)
        .filter(|k| k.user_id == caller.user_id)
        .ok_or_else(not_found)
}
