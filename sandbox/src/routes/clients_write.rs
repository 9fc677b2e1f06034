//! Client create / update / status / delete / rotate-secret (clientms).

use axum::http::StatusCode;
use axum::routing::{patch, MethodRouter};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::clients::{find, ClientmsCaller};
use crate::body::Body;
use crate::db::{Client, Db};
use crate::error::{bind_error, ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::validate::is_valid_email;
use crate::util::{new_id, now, random_b64, sha256_hex, switched};

/// The fields AuthSec's create (`RegisterClientsRequest`) and update (`UpdateClientRequest`)
/// read; anything else in a body (redirect URIs, scopes, grant types, a logo…) is ignored,
/// as Go's JSON binding ignores unknown keys (authsec-api.md §b).
#[derive(Deserialize, Default)]
pub struct ClientReq {
    name: Option<String>,
    email: Option<String>,
    client_type: Option<String>,
    /// Update only.
    tags: Option<Vec<String>>,
    oidc_enabled: Option<bool>,
    active: Option<bool>,
    status: Option<String>,
}

/// Create's binding: `name` required (1-256), `email` required, an address (≤ 512),
/// `client_type` ≤ 100; failures read as gin's text.
fn validate_create(req: &ClientReq) -> ApiResult<()> {
    let mut failed = Vec::new();
    match req.name.as_deref() {
        None | Some("") => failed.push(("Name", "required")),
        Some(n) if n.chars().count() > 256 => failed.push(("Name", "max")),
        _ => {}
    }
    match req.email.as_deref() {
        None | Some("") => failed.push(("Email", "required")),
        Some(m) if !is_valid_email(m) => failed.push(("Email", "email")),
        Some(m) if m.chars().count() > 512 => failed.push(("Email", "max")),
        _ => {}
    }
    if req
        .client_type
        .as_deref()
        .is_some_and(|t| t.chars().count() > 100)
    {
        failed.push(("ClientType", "max"));
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(bind_error("RegisterClientsRequest", &failed))
    }
}

fn apply(c: &mut Client, req: ClientReq) {
    if let Some(v) = req.name {
        c.name = v;
    }
    if let Some(v) = req.email {
        c.email = v;
    }
    if let Some(v) = req.client_type {
        c.client_type = v;
    }
    if let Some(v) = req.tags {
        c.tags = v;
    }
    if let Some(v) = req.oidc_enabled {
        c.oidc_enabled = v;
        c.hydra_client_id = v.then(|| format!("{}-main-client", c.client_id));
    }
    if let Some(s) = req.status {
        c.set_active(s.eq_ignore_ascii_case("active"));
    }
    if let Some(a) = req.active {
        c.set_active(a);
    }
    c.updated_at = now();
}

pub async fn create(
    st: AppState,
    caller: ClientmsCaller,
    Body(mut req, _): Body<ClientReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    validate_create(&req)?;
    // Create takes no tags and no OIDC switch (update does).
    (req.tags, req.oidc_enabled, req.active, req.status) = (None, None, None, None);
    let mut db = st.db();
    let (project_id, org_id) = db
        .tenant(caller.tenant_id)
        .map(|t| (t.project_id, t.org_id))
        .unwrap_or_default();
    let t = now();
    let secret = random_b64(32);
    let mut c = Client {
        id: new_id(),
        client_id: new_id().to_string(),
        tenant_id: caller.tenant_id,
        project_id,
        owner_id: caller.user_id,
        org_id,
        name: String::new(),
        email: String::new(),
        status: "Active",
        active: true,
        tags: vec![],
        roles: json!([]),
        oidc_enabled: false,
        hydra_client_id: None,
        client_type: "application".into(),
        mfa_enabled: false,
        mfa_verified: false,
        mfa_method: vec![],
        mfa_default_method: None,
        mfa_enrolled_at: None,
        last_login: None,
        user_count: 0,
        authentication_methods: vec!["password".into()],
        deleted: false,
        created_at: t,
        updated_at: t,
        secret_hash: sha256_hex(&secret),
        is_default: false,
    };
    apply(&mut c, req);
    let out = json!({
        "id": c.id, "client_id": c.client_id, "tenant_id": c.tenant_id, "project_id": c.project_id,
        "name": c.name, "secret_id": secret, "email": c.email, "active": c.active,
        "created_at": c.created_at, "message": "Client registered successfully",
    });
    db.clients.insert(c.id, c);
    Ok((StatusCode::CREATED, Json(out)))
}

pub async fn update(st: AppState, at: ClientmsCaller, Body(req, _): Body<ClientReq>) -> Reply {
    let mut db = st.db();
    let c = client_mut(&mut db, &at)?;
    apply(c, req);
    Ok(Json(c.json(false)))
}

/// The client the path names (its id or its client id) in the caller's tenant, to change.
fn client_mut<'a>(db: &'a mut Db, at: &ClientmsCaller) -> ApiResult<&'a mut Client> {
    let id = find(db, at.tenant_id, &at.key)?;
    db.clients
        .get_mut(&id)
        .ok_or_else(|| ApiError::not_found("Client not found"))
}

fn set_active(st: &AppState, at: &ClientmsCaller, active: bool) -> Reply {
    let mut db = st.db();
    let c = client_mut(&mut db, at)?;
    c.set_active(active);
    c.updated_at = now();
    let msg = switched("Client", active);
    Ok(Json(json!({ "message": msg, "client": c.json(false) })))
}

/// PATCH `…/{id}/activate` (`true`) and `…/{id}/deactivate` (`false`).
pub fn set_active_route(active: bool) -> MethodRouter<AppState> {
    patch(move |st: AppState, at: ClientmsCaller| async move { set_active(&st, &at, active) })
}

pub async fn soft_delete(st: AppState, at: ClientmsCaller) -> Reply {
    let mut db = st.db();
    let c = client_mut(&mut db, &at)?;
    c.deleted = true;
    c.active = false;
    c.status = "Deleted";
    c.updated_at = now();
    Ok(Json(
        json!({ "message": "Client deleted successfully", "id": c.id, "deleted": true }),
    ))
}

#[derive(Deserialize)]
pub struct HardDeleteReq {
    tenant_id: Option<String>,
    client_id: Option<String>,
}

pub async fn hard_delete(
    st: AppState,
    caller: ClientmsCaller,
    Body(req, _): Body<HardDeleteReq>,
) -> Reply {
    caller.require_tenant_opt(req.tenant_id.as_deref())?;
    let key = req
        .client_id
        .ok_or_else(|| ApiError::field("client_id", "client_id is required"))?;
    let mut db = st.db();
    let id = find(&db, caller.tenant_id, &key)?;
    if db.clients[&id].is_default {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "The tenant's default client cannot be deleted",
        ));
    }
    db.clients.remove(&id);
    Ok(Json(
        json!({ "message": "Client permanently deleted", "tenant_id": caller.tenant_id, "client_id": key }),
    ))
}

pub async fn rotate_secret(st: AppState, at: ClientmsCaller) -> Reply {
    at.require_recent(&st.cfg)?;
    let mut db = st.db();
    let c = client_mut(&mut db, &at)?;
    let secret = random_b64(32);
    c.secret_hash = sha256_hex(&secret);
    c.updated_at = now();
    Ok(Json(
        json!({ "client_id": c.client_id, "client_secret": secret, "rotated_at": c.updated_at }),
    ))
}
