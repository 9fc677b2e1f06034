//! `/authsec/oocmgr`: upstream identity providers (authsec-api.md §f.3). OIDC providers
//! are Hydra records `<client>-<provider>-oidc` beside the client's `<client>-main-client`
//! (here: a main client exists for every tenant, made at sign-up, and every client);
//! SAML providers are in [`saml`]. As in AuthSec no route checks a token, and `get-config`
//! answers stored client secrets in clear (authsec-ai/authsec-ai@ea80426
//! controllers/platform/oocmgr_controller.go).

mod saml;

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::db::idp::{normalize, OidcRecord};
use crate::db::Db;
use crate::error::bind::decode;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::util::now;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/oidc/add-provider", post(add))
        .route("/oidc/get-config", post(get_config))
        .route("/oidc/update-provider", post(update))
        .route("/oidc/delete-provider", post(delete))
        .route("/oidc/templates", post(templates))
        .route("/saml/add-provider", post(saml::add))
        .route("/saml/list-providers", post(saml::list))
        .route("/saml/update-provider", post(saml::update))
        .route("/saml/delete-provider", post(saml::delete))
        .route("/saml/templates", post(saml::templates))
}

/// AuthSec's templates, as `oidc/templates` and `saml/templates` answer them.
fn template_file() -> Value {
    serde_json::from_str(include_str!("oocmgr/templates.json")).expect("templates.json")
}

fn nano() -> String {
    now().to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

/// The oocmgr envelope of a success (`dto.go:267-279`).
fn done(status: StatusCode, message: &str, data: Value) -> (StatusCode, Json<Value>) {
    let body = json!({ "message": message, "success": true, "data": data, "timestamp": nano() });
    (status, Json(body))
}

/// The oocmgr envelope of a failure.
fn fail(status: StatusCode, error: &str, message: impl Into<String>) -> ApiError {
    let body = json!({ "error": error, "message": message.into(), "code": status.as_u16(), "timestamp": nano() });
    ApiError::new(status, body)
}

fn bind<T: DeserializeOwned>(body: &Bytes) -> ApiResult<T> {
    decode(body).map_err(|m| fail(StatusCode::BAD_REQUEST, "Invalid request", m))
}

/// Whether Hydra holds `<base>-main-client`: made for a tenant at sign-up and for each client.
fn has_main(db: &Db, base: &str) -> bool {
    db.tenants.iter().any(|t| t.id.to_string() == base)
        || db
            .clients
            .values()
            .any(|c| !c.deleted && c.id.to_string() == base)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AddReq {
    tenant_id: String,
    client_id: String,
    provider: ProviderIn,
    react_app_url: String,
    created_by: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProviderIn {
    provider_name: String,
    display_name: String,
    client_id: String,
    client_secret: String,
    auth_url: String,
    token_url: String,
    user_info_url: String,
    scopes: Option<Vec<String>>,
    issuer_url: String,
    jwks_url: String,
    additional_params: Option<Value>,
    is_active: bool,
    sort_order: i64,
}

/// `POST /oidc/add-provider` (`oocmgr_controller.go:1435-1543`).
async fn add(st: AppState, body: Bytes) -> ApiResult<(StatusCode, Json<Value>)> {
    let req: AddReq = bind(&body)?;
    let base = req
        .client_id
        .strip_suffix("-main-client")
        .filter(|b| !b.is_empty());
    let base = base.unwrap_or(&req.client_id).to_string();
    let mut db = st.db();
    if !has_main(&db, &base) {
        let m = format!(
            "No base client found for tenant {}. Create base client first.",
            req.client_id
        );
        return Err(fail(StatusCode::NOT_FOUND, "Tenant not found", m));
    }
    let p = req.provider;
    let norm = normalize(&p.provider_name);
    let hydra_id = format!("{base}-{norm}-oidc");
    if let Some(old) = db.oidc_providers.iter().find(|r| r.hydra_id == hydra_id) {
        if old.config["client_id"] == json!(p.client_id) {
            let m = format!(
                "Provider {} with client_id {} already exists for tenant {}",
                p.provider_name, p.client_id, req.tenant_id
            );
            return Err(fail(StatusCode::CONFLICT, "Provider already exists", m));
        }
        let m = "Hydra API returned status 409: {\"error\":\"The request could not be completed due to a conflict\"}";
        return Err(fail(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Failed to add OIDC provider",
            m,
        ));
    }
    let config = json!({
        "client_id": p.client_id, "client_secret": p.client_secret, "auth_url": p.auth_url,
        "token_url": p.token_url, "user_info_url": p.user_info_url, "scopes": p.scopes,
        "issuer_url": p.issuer_url, "jwks_url": p.jwks_url, "additional_params": p.additional_params,
    });
    let created = now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let record = OidcRecord {
        hydra_id: hydra_id.clone(),
        base,
        c_id: req.tenant_id.clone(),
        provider_name: p.provider_name.clone(),
        display_name: p.display_name.clone(),
        config,
        is_active: p.is_active,
        sort_order: p.sort_order,
        callback_url: format!("{}/oidc/auth/callback/{norm}", req.react_app_url),
        created_at: created,
    };
    // AuthSec writes `created_by` into the Hydra client's metadata and its provider row
    // (oocmgr_controller.go:1506,1526), and no route answers it back (get-config,
    // show-auth-providers and get-provider list other keys): nothing here can read it.
    let _ = req.created_by;
    let data = json!({
        "callback_url": record.callback_url, "client_id": hydra_id, "created_at": nano(),
        "display_name": p.display_name, "is_active": p.is_active,
        "provider_name": p.provider_name, "tenant_id": req.tenant_id,
    });
    db.oidc_providers.push(record);
    Ok(done(
        StatusCode::CREATED,
        "OIDC provider added successfully",
        data,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfigReq {
    /// Go's `TenantID`, whose JSON key is `client_id`.
    client_id: String,
}

/// `POST /oidc/get-config` (`oocmgr_controller.go:470-531`): secrets in clear, as AuthSec.
async fn get_config(st: AppState, body: Bytes) -> ApiResult<(StatusCode, Json<Value>)> {
    let req: ConfigReq = bind(&body)?;
    let db = st.db();
    if !has_main(&db, &req.client_id) {
        let m = "No configuration found for the specified tenant";
        return Err(fail(
            StatusCode::NOT_FOUND,
            "Tenant configuration not found",
            m,
        ));
    }
    let list: Vec<Value> = db
        .oidc_providers
        .iter()
        .filter(|r| r.base == req.client_id)
        .map(OidcRecord::listed)
        .collect();
    let domain = db.tenants.iter().find(|t| {
        t.id.to_string() == req.client_id
            || db
                .clients
                .values()
                .any(|c| c.id.to_string() == req.client_id && c.tenant_id == t.id)
    });
    let site = crate::db::idp::main_site(&domain.map(|t| t.domain.clone()).unwrap_or_default());
    let name = db
        .clients
        .values()
        .find(|c| c.id.to_string() == req.client_id)
        .map(|c| c.name.clone())
        .or_else(|| {
            db.tenants
                .iter()
                .find(|t| t.id.to_string() == req.client_id)
                .map(|t| t.name.clone())
        })
        .unwrap_or_default();
    let data = json!({
        "oidc_providers": if list.is_empty() { Value::Null } else { json!(list) },
        "provider_count": list.len(),
        "tenant_client": {
            "client_id": format!("{}-main-client", req.client_id),
            "client_name": format!("{name} Main OAuth Client"),
            "created_at": now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "redirect_uris": [format!("https://{site}/oidc/auth/callback")],
            "scopes": ["openid", "offline_access", "email", "profile"],
        },
        "tenant_id": req.client_id,
    });
    Ok(done(
        StatusCode::OK,
        "Tenant OIDC configuration retrieved successfully",
        data,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct UpdateReq {
    tenant_id: String,
    provider_name: String,
    display_name: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    auth_url: Option<String>,
    token_url: Option<String>,
    user_info_url: Option<String>,
    scopes: Option<Vec<String>>,
    is_active: Option<bool>,
}

/// The record an update or delete means: the default id `<tenant_id>-<provider>-oidc`, else
/// the one the body's `tenant_id` made (`tenant_hydra_clients`), else the only record of
/// that tenant and provider (`oocmgr_controller.go:374-378,2641-2708`).
fn find(db: &Db, tenant: &str, provider: &str) -> Result<usize, String> {
    let norm = normalize(provider);
    let recs = &db.oidc_providers;
    // `tenant_hydra_clients` first: the row the add with this `tenant_id` made.
    if let Some(i) = recs
        .iter()
        .position(|r| r.c_id == tenant && r.provider_name == provider)
    {
        return Ok(i);
    }
    let default = format!("{tenant}-{norm}-oidc");
    if let Some(i) = recs.iter().position(|r| r.hydra_id == default) {
        return Ok(i);
    }
    let hits: Vec<usize> = (0..recs.len())
        .filter(|&i| {
            let r = &recs[i];
            !tenant.is_empty()
                && (r.base == tenant || r.c_id == tenant)
                && normalize(&r.provider_name) == norm
        })
        .collect();
    let head = "client not found or API error: 404";
    match hits.as_slice() {
        [i] => Ok(*i),
        [] => Err(format!(
            "{head}; no Hydra configs exist for tenant={tenant} provider={provider}"
        )),
        _ => Err(format!(
            "{head}; multiple Hydra configs exist for provider={provider}"
        )),
    }
}

/// `POST /oidc/update-provider` (`oocmgr_controller.go:366-468`): a config key sent empty
/// stores the empty string (the secret too); empty scopes are ignored.
async fn update(st: AppState, body: Bytes) -> ApiResult<(StatusCode, Json<Value>)> {
    let req: UpdateReq = bind(&body)?;
    let mut db = st.db();
    let i = find(&db, &req.tenant_id, &req.provider_name)
        .map_err(|m| fail(StatusCode::NOT_FOUND, "OIDC provider not found", m))?;
    let r = &mut db.oidc_providers[i];
    if let Some(n) = req.display_name {
        r.display_name = n;
    }
    let fields = [
        ("client_id", req.client_id),
        ("client_secret", req.client_secret),
        ("auth_url", req.auth_url),
        ("token_url", req.token_url),
        ("user_info_url", req.user_info_url),
    ];
    for (k, v) in fields {
        if let Some(v) = v {
            r.config[k] = json!(v);
        }
    }
    if let Some(s) = req.scopes.filter(|s| !s.is_empty()) {
        r.config["scopes"] = json!(s);
    }
    if let Some(a) = req.is_active {
        r.is_active = a;
    }
    let data = json!({ "client_id": r.hydra_id, "provider_name": req.provider_name, "updated_at": nano() });
    Ok(done(
        StatusCode::OK,
        "OIDC provider updated successfully",
        data,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DeleteReq {
    tenant_id: String,
    client_id: String,
    provider_name: String,
}

/// `POST /oidc/delete-provider` (`oocmgr_controller.go:573-608`): Hydra's 404 counts as
/// deleted, so a provider that is not there is deleted too.
async fn delete(st: AppState, body: Bytes) -> ApiResult<(StatusCode, Json<Value>)> {
    let req: DeleteReq = bind(&body)?;
    let norm = normalize(&req.provider_name);
    let mut db = st.db();
    let by_table = db
        .oidc_providers
        .iter()
        .find(|r| r.c_id == req.tenant_id && r.provider_name == req.provider_name)
        .map(|r| r.hydra_id.clone());
    let id = by_table.unwrap_or_else(|| match req.client_id.contains(&format!("-{norm}-oidc")) {
        true => req.client_id.clone(),
        false => format!("{}-{norm}-oidc", req.tenant_id),
    });
    db.oidc_providers.retain(|r| r.hydra_id != id);
    let data = json!({ "deleted_at": nano(), "provider_name": req.provider_name });
    Ok(done(
        StatusCode::OK,
        "OIDC provider deleted successfully",
        data,
    ))
}

/// `POST /oidc/templates` (`oocmgr_controller.go:712-815`): a JSON body is required.
async fn templates(body: Bytes) -> ApiResult<(StatusCode, Json<Value>)> {
    let _: Value = bind(&body)?;
    let data = template_file()["oidc"].clone();
    Ok(done(
        StatusCode::OK,
        "Provider templates retrieved successfully",
        data,
    ))
}
