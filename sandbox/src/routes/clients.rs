//! Client listing and lookup (clientms).

use axum::routing::{get, post};
use axum::Router;
use std::collections::{BTreeMap, HashMap};
use std::ops::Deref;

use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::Caller;
use crate::body::Params;
use crate::db::{Client, Db};
use crate::error::bind::decode;
use crate::error::{ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::paging;

/// clientms, under `/authsec/clientms/tenants/{tenant_id}/clients`.
pub fn routes(rotate_secret: bool) -> Router<AppState> {
    use super::clients_write as w;
    let r = Router::new()
        .route("/getClients", get(list).post(list_all))
        .route("/create", post(w::create))
        .route("/platform-selectors", get(platform_selectors))
        .route("/delete-complete", post(w::hard_delete))
        .route(
            "/{id}",
            get(get_one)
                .put(w::update)
                .patch(w::update)
                .delete(w::soft_delete),
        )
        .route("/{id}/activate", w::set_active_route(true))
        .route("/{id}/deactivate", w::set_active_route(false));
    if rotate_secret {
        return r.route("/{id}/rotate-secret", post(w::rotate_secret));
    }
    r
}

/// The caller of a clientms row, checked as every row checks it: the path's tenant
/// (`{tenant_id}`) is the token's. No role is asked: clientms is `JWT` only (authsec-api.md
/// §b). `key` is the path's `{id}` (a client's id or client id) where the route has one.
pub struct ClientmsCaller {
    pub caller: Caller,
    pub key: String,
}

impl Deref for ClientmsCaller {
    type Target = Caller;
    fn deref(&self) -> &Caller {
        &self.caller
    }
}

impl FromRequestParts<AppState> for ClientmsCaller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let caller = Caller::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Path(path) = Path::<Vec<String>>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        caller
            .require_tenant(&path[0])
            .map_err(IntoResponse::into_response)?;
        let key = path.get(1).cloned().unwrap_or_default();
        Ok(ClientmsCaller { caller, key })
    }
}

/// The tenant's client with this id (path `{id}` or client_id), deleted or not.
pub fn find(db: &Db, tenant: Uuid, key: &str) -> ApiResult<Uuid> {
    let by_id = Uuid::parse_str(key)
        .ok()
        .filter(|id| db.clients.get(id).is_some_and(|c| c.tenant_id == tenant));
    by_id
        .or_else(|| {
            db.clients
                .values()
                .find(|c| c.tenant_id == tenant && c.client_id == key)
                .map(|c| c.id)
        })
        .ok_or_else(|| ApiError::not_found("Client not found"))
}

fn parse_bool(
    q: &HashMap<String, String>,
    key: &str,
    errs: &mut BTreeMap<String, String>,
) -> Option<bool> {
    match q.get(key).map(|s| s.trim().to_lowercase()).as_deref() {
        None | Some("") => None,
        Some("true") | Some("1") => Some(true),
        Some("false") | Some("0") => Some(false),
        Some(_) => {
            errs.insert(key.into(), format!("{key} must be true or false"));
            None
        }
    }
}

/// What `getClients` names as Hydra's public URL (deployment configuration on AuthSec).
pub const HYDRA_PUBLIC_URL: &str = "http://127.0.0.1/hmgr";

/// `GET …/clients/platform-selectors?platform=`: the workload selector keys a platform takes.
pub async fn platform_selectors(Query(q): Params) -> Reply {
    let platform = q.get("platform").map(|p| p.trim()).unwrap_or_default();
    let keys: &[&str] = match platform {
        "" => {
            return Err(ApiError::gin(
                axum::http::StatusCode::BAD_REQUEST,
                "platform query param is required",
            ))
        }
        "kubernetes" => &[
            "k8s:ns",
            "k8s:sa",
            "k8s:pod-label:app",
            "k8s:container-name",
        ],
        "docker" => &["docker:label", "docker:image-id", "docker:env"],
        "unix" => &["unix:uid", "unix:gid", "unix:path"],
        _ => {
            return Err(ApiError::new(
                axum::http::StatusCode::BAD_REQUEST,
                json!({ "error": "unsupported platform", "supported_platforms": ["kubernetes", "docker", "unix"] }),
            ))
        }
    };
    Ok(Json(json!({ "platform": platform, "selector_keys": keys })))
}

pub async fn list(st: AppState, caller: ClientmsCaller, Query(q): Params) -> Reply {
    let mut errs = BTreeMap::new();
    let active = parse_bool(&q, "active", &mut errs);
    let deleted = parse_bool(&q, "deleted", &mut errs).unwrap_or(false);
    // clientms: a limit of 0, above 100 or not a number is 10, not clamped to 100
    // (authsec-api.md §1.7).
    let num = |k: &str| q.get(k).and_then(|s| s.trim().parse::<i64>().ok());
    let limit = num("limit").filter(|l| (1..=100).contains(l));
    let (page, limit) = paging::normalize(num("page"), limit);
    // `status` is an exact, case-sensitive match on AuthSec (any text).
    let status = q.get("status").cloned().filter(|s| !s.is_empty());
    if !errs.is_empty() {
        return Err(ApiError::validation(errs));
    }
    // `name` and `email` are SQL `LIKE %x%` on AuthSec: case-sensitive.
    let exact = |k: &str| q.get(k).cloned().filter(|s| !s.is_empty());
    let (name, email) = (exact("name"), exact("email"));
    let tags: Vec<String> = exact("tags")
        .map(|t| {
            t.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();

    let db = st.db();
    let mut hits: Vec<&Client> = db
        .clients
        .values()
        .filter(|c| c.tenant_id == caller.tenant_id && c.deleted == deleted)
        .filter(|c| active.is_none_or(|a| c.active == a))
        .filter(|c| status.as_deref().is_none_or(|s| c.status == s))
        .filter(|c| name.as_deref().is_none_or(|n| c.name.contains(n)))
        .filter(|c| email.as_deref().is_none_or(|e| c.email.contains(e)))
        // Postgres `tags && $1`: any of the tags, exactly.
        .filter(|c| tags.is_empty() || tags.iter().any(|t| c.tags.contains(t)))
        .collect();
    hits.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
    let (items, info) = paging::slice(&hits, page, limit);
    let clients: Vec<Value> = items.into_iter().map(|c| c.json(true)).collect();
    Ok(Json(
        json!({ "clients": clients, "pagination": info, "hydra_public_url": HYDRA_PUBLIC_URL }),
    ))
}

pub async fn get_one(st: AppState, at: ClientmsCaller) -> Reply {
    let db = st.db();
    let id = find(&db, at.tenant_id, &at.key)?;
    Ok(Json(db.clients[&id].json(false)))
}

/// clientms's error envelope (`clients_controller.go:51-66`).
fn envelope(status: StatusCode, error: &str, message: String) -> ApiError {
    let at = crate::util::now();
    ApiError::new(
        status,
        json!({ "error": error, "message": message, "code": status.as_u16(), "timestamp": at }),
    )
}

/// `POST …/clients/getClients` (the legacy route): every client of the **body's** tenant,
/// oldest first, unpaged, bare `Client`s in clientms's envelope; deleted ones left out
/// (the sandbox keeps them for `deleted=true` of the GET), `active_only` keeps the active ones. Neither the path nor the
/// token's tenant is checked, nor the admin role: only the JWT
/// (`clients_controller.go:308-364`, authsec-api.md `clientms.getClients.post.json`).
pub async fn list_all(st: AppState, _caller: Caller, body: Bytes) -> Reply {
    #[derive(serde::Deserialize)]
    struct Req {
        #[serde(default)]
        tenant_id: String,
        #[serde(default)]
        active_only: bool,
    }
    let bad = |m: String| envelope(StatusCode::BAD_REQUEST, "Invalid request", m);
    let req: Req = decode(&body).map_err(bad)?;
    let db = st.db();
    let Some(tenant) = Uuid::parse_str(&req.tenant_id)
        .ok()
        .filter(|t| db.tenant(*t).is_some())
    else {
        let m = format!("tenant not found: {}", req.tenant_id);
        return Err(envelope(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Database connection failed",
            m,
        ));
    };
    let mut hits: Vec<&Client> = db
        .clients
        .values()
        .filter(|c| c.tenant_id == tenant && !c.deleted)
        .filter(|c| !req.active_only || c.active)
        .collect();
    hits.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    let clients: Vec<Value> = hits.into_iter().map(|c| c.json(false)).collect();
    let data = json!({
        "active_only": req.active_only,
        "clients": clients,
        "count": clients.len(),
        "tenant_id": req.tenant_id,
    });
    let at = crate::util::now();
    Ok(Json(json!({
        "data": data,
        "message": "Clients retrieved successfully",
        "success": true,
        "timestamp": at,
    })))
}
