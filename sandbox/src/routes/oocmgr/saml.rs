//! `/authsec/oocmgr/saml/*`: SAML providers, rows of the tenant's table
//! (`oocmgr_controller.go:2107-2474`, `dto.go:283-362`). Failures answer
//! `{"error", "success": false}`; the certificate and the client are never answered.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use super::template_file;
use crate::db::idp::SamlRecord;
use crate::db::Db;
use crate::error::bind::{bind_text, decode, missing};
use crate::error::{ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::{new_id, now};

fn fail(status: StatusCode, error: impl Into<String>) -> ApiError {
    ApiError::new(status, json!({ "error": error.into(), "success": false }))
}

/// gin's binding: the decoder's text, then the `required` tags of `strukt` left empty.
fn bind(body: &Bytes, strukt: &str, required: &[(&'static str, &str)]) -> ApiResult<Fields> {
    let bad = |m: String| fail(StatusCode::BAD_REQUEST, format!("Invalid request: {m}"));
    let f: Fields = decode(body).map_err(bad)?;
    let failed = missing(
        &required
            .iter()
            .map(|(go, key)| (*go, !f.has(key)))
            .collect::<Vec<_>>(),
    );
    match failed.is_empty() {
        true => Ok(f),
        false => Err(bad(bind_text(strukt, &failed))),
    }
}

/// The tenant's database: a tenant AuthSec knows (`middlewares/tenant.go:44-73`).
fn tenant(db: &Db, id: &str) -> ApiResult<Uuid> {
    let found = db
        .tenants
        .iter()
        .find(|t| t.id.to_string() == id)
        .map(|t| t.id);
    found.ok_or_else(|| {
        let m = "Failed to connect to tenant database: failed to get tenant connection: tenant not found";
        fail(StatusCode::INTERNAL_SERVER_ERROR, m)
    })
}

fn provider_id(raw: &str) -> ApiResult<Uuid> {
    Uuid::parse_str(raw).map_err(|_| fail(StatusCode::BAD_REQUEST, "Invalid provider_id format"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Fields {
    tenant_id: String,
    client_id: String,
    provider_id: String,
    provider_name: String,
    display_name: String,
    entity_id: String,
    sso_url: String,
    slo_url: String,
    metadata_url: String,
    certificate: String,
    name_id_format: String,
    attribute_mapping: Option<Value>,
    is_active: Option<bool>,
    sort_order: Option<i64>,
}

impl Fields {
    fn has(&self, key: &str) -> bool {
        !match key {
            "tenant_id" => &self.tenant_id,
            "client_id" => &self.client_id,
            "provider_id" => &self.provider_id,
            "provider_name" => &self.provider_name,
            "display_name" => &self.display_name,
            "entity_id" => &self.entity_id,
            "sso_url" => &self.sso_url,
            _ => &self.certificate,
        }
        .is_empty()
    }
}

fn answer(status: StatusCode, message: &str, p: &SamlRecord) -> (StatusCode, Json<Value>) {
    (
        status,
        Json(json!({ "message": message, "provider": p.json(), "success": true })),
    )
}

/// `POST /saml/add-provider`: defaults for the name-id format, `is_active` and the mapping.
pub async fn add(st: AppState, body: Bytes) -> ApiResult<(StatusCode, Json<Value>)> {
    let required = [
        ("TenantID", "tenant_id"),
        ("ClientID", "client_id"),
        ("ProviderName", "provider_name"),
        ("DisplayName", "display_name"),
        ("EntityID", "entity_id"),
        ("SSOURL", "sso_url"),
        ("Certificate", "certificate"),
    ];
    let f = bind(&body, "AddSAMLProviderRequest", &required)?;
    let mut db = st.db();
    let tenant_id = tenant(&db, &f.tenant_id)?;
    let client_id = Uuid::parse_str(&f.client_id)
        .map_err(|_| fail(StatusCode::BAD_REQUEST, "Invalid client ID format"))?;
    let name = f.provider_name.trim().to_lowercase();
    let taken = db
        .saml_providers
        .iter()
        .any(|p| p.tenant_id == tenant_id && p.client_id == client_id && p.provider_name == name);
    if taken {
        let m = "SAML provider with this name already exists for this tenant and client";
        return Err(fail(StatusCode::CONFLICT, m));
    }
    let mapping = f.attribute_mapping.filter(|m| !m.is_null()).unwrap_or_else(|| {
        json!({ "email": "email", "first_name": "givenName", "last_name": "surname", "name": "displayName" })
    });
    let t = now();
    let p = SamlRecord {
        id: new_id(),
        tenant_id,
        client_id,
        provider_name: name,
        display_name: f.display_name,
        entity_id: f.entity_id,
        sso_url: f.sso_url,
        slo_url: f.slo_url,
        metadata_url: f.metadata_url,
        certificate: f.certificate,
        name_id_format: Some(f.name_id_format)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress".into()),
        attribute_mapping: mapping,
        is_active: f.is_active.unwrap_or(true),
        sort_order: f.sort_order.unwrap_or(0),
        created_at: t,
        updated_at: t,
    };
    let out = answer(StatusCode::CREATED, "SAML provider added successfully", &p);
    db.saml_providers.push(p);
    Ok(out)
}

/// The optional client filter, `-main-client` trimmed; not a UUID fails the query.
fn client_filter(raw: &str) -> ApiResult<Option<Uuid>> {
    let c = raw.strip_suffix("-main-client").unwrap_or(raw);
    if c.is_empty() {
        return Ok(None);
    }
    Uuid::parse_str(c).map(Some).map_err(|_| {
        let m = format!("Failed to fetch SAML providers: ERROR: invalid input syntax for type uuid: \"{c}\" (SQLSTATE 22P02)");
        fail(StatusCode::INTERNAL_SERVER_ERROR, m)
    })
}

/// `POST /saml/list-providers`: inactive ones too, by sort order then name.
pub async fn list(st: AppState, body: Bytes) -> Reply {
    let f = bind(
        &body,
        "ListSAMLProvidersRequest",
        &[("TenantID", "tenant_id")],
    )?;
    let db = st.db();
    let tenant_id = tenant(&db, &f.tenant_id)?;
    let client = client_filter(&f.client_id)?;
    let mut rows: Vec<&SamlRecord> = db
        .saml_providers
        .iter()
        .filter(|p| p.tenant_id == tenant_id && client.is_none_or(|c| p.client_id == c))
        .collect();
    rows.sort_by(|a, b| (a.sort_order, &a.display_name).cmp(&(b.sort_order, &b.display_name)));
    let providers: Vec<Value> = rows.into_iter().map(SamlRecord::json).collect();
    Ok(Json(
        json!({ "success": true, "tenant_id": f.tenant_id, "providers": providers }),
    ))
}

/// The provider `f` names in its tenant (and client, when given).
fn find(db: &Db, f: &Fields) -> ApiResult<usize> {
    let id = provider_id(&f.provider_id)?;
    let tenant_id = tenant(db, &f.tenant_id)?;
    let client = client_filter(&f.client_id)?;
    db.saml_providers
        .iter()
        .position(|p| {
            p.id == id && p.tenant_id == tenant_id && client.is_none_or(|c| p.client_id == c)
        })
        .ok_or_else(|| fail(StatusCode::NOT_FOUND, "SAML provider not found"))
}

/// `POST /saml/update-provider`: an empty field keeps its value (none can be cleared).
pub async fn update(st: AppState, body: Bytes) -> ApiResult<(StatusCode, Json<Value>)> {
    let required = [("TenantID", "tenant_id"), ("ProviderID", "provider_id")];
    let f = bind(&body, "UpdateSAMLProviderRequest", &required)?;
    let mut db = st.db();
    let i = find(&db, &f)?;
    let name = f.provider_name.trim().to_lowercase();
    let p = &db.saml_providers[i];
    let clash = !name.is_empty()
        && db.saml_providers.iter().any(|o| {
            o.id != p.id
                && o.tenant_id == p.tenant_id
                && o.client_id == p.client_id
                && o.provider_name == name
        });
    if clash {
        let m = "Failed to update SAML provider: ERROR: duplicate key value violates unique constraint \"idx_saml_provider_unique\" (SQLSTATE 23505)";
        return Err(fail(StatusCode::INTERNAL_SERVER_ERROR, m));
    }
    let p = &mut db.saml_providers[i];
    for (slot, v) in [
        (&mut p.provider_name, name),
        (&mut p.display_name, f.display_name),
        (&mut p.entity_id, f.entity_id),
        (&mut p.sso_url, f.sso_url),
        (&mut p.slo_url, f.slo_url),
        (&mut p.metadata_url, f.metadata_url),
        (&mut p.certificate, f.certificate),
        (&mut p.name_id_format, f.name_id_format),
    ] {
        if !v.is_empty() {
            *slot = v;
        }
    }
    if let Some(m) = f.attribute_mapping.filter(|m| !m.is_null()) {
        p.attribute_mapping = m;
    }
    p.is_active = f.is_active.unwrap_or(p.is_active);
    p.sort_order = f.sort_order.unwrap_or(p.sort_order);
    p.updated_at = now();
    Ok(answer(
        StatusCode::OK,
        "SAML provider updated successfully",
        p,
    ))
}

/// `POST /saml/delete-provider`: a hard delete.
pub async fn delete(st: AppState, body: Bytes) -> Reply {
    let required = [("TenantID", "tenant_id"), ("ProviderID", "provider_id")];
    let f = bind(&body, "DeleteSAMLProviderRequest", &required)?;
    let mut db = st.db();
    let i = find(&db, &f)?;
    db.saml_providers.remove(i);
    Ok(Json(
        json!({ "message": "SAML provider deleted successfully", "success": true }),
    ))
}

/// `POST /saml/templates`: the body is not read.
pub async fn templates() -> Json<Value> {
    Json(json!({ "success": true, "templates": template_file()["saml"] }))
}
