//! A tenant's domains (authsec-api.md §f.2): add, list, get, verify by a DNS TXT record,
//! set primary, delete. The path's `:tenant_id` is the tenant the handlers use; it must
//! be the token's. DNS is the zone file of `--dns-zone` (no file: no name exists), as
//! the network is not reachable where the sandbox runs.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use rand::Rng;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::{Admin, GinShape};
use crate::body::Body;
use crate::db::domain::{normalize, Domain};
use crate::error::{bind_error, ApiError, ApiResult, Reply};
use crate::state::AppState;
use crate::util::{new_id, now};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/tenants/{tenant_id}/domains", get(list).post(create))
        .route(
            "/admin/tenants/{tenant_id}/domains/{domain_id}",
            get(one).delete(remove),
        )
        .route(
            "/admin/tenants/{tenant_id}/domains/{domain_id}/verify",
            post(verify),
        )
        .route(
            "/admin/tenants/{tenant_id}/domains/{domain_id}/set-primary",
            post(set_primary),
        )
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::gin(StatusCode::BAD_REQUEST, msg)
}

/// The path's tenant, which must be the caller's (auth-manager's check, in the words of
/// its in-tree copy `middlewares/tenant_validation.go:54-58`), and the path's domain id
/// where the route has one. Taken after the admin check, as the middleware runs.
pub struct InTenant {
    tenant: Uuid,
    domain: String,
}

impl FromRequestParts<AppState> for InTenant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let caller = Admin::<GinShape>::from_request_parts(parts, state).await?;
        let Path(path) = Path::<Vec<String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::not_found("404 page not found"))?;
        let tenant = Uuid::parse_str(&path[0]).map_err(|e| {
            ApiError::gin(
                StatusCode::UNAUTHORIZED,
                format!("invalid tenant_id format: {e}"),
            )
        })?;
        if tenant != caller.tenant_id {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                json!({ "error": "Access denied: Tenant mismatch",
                        "message": "You can only access resources from your own tenant" }),
            ));
        }
        let domain = path.get(1).cloned().unwrap_or_default();
        Ok(InTenant { tenant, domain })
    }
}

impl InTenant {
    /// The path's domain, or the route's 400/403/404 (`verb`: "access", "verify"…).
    fn find(&self, db: &crate::db::Db, verb: &str) -> ApiResult<Domain> {
        let id = Uuid::parse_str(&self.domain).map_err(|_| bad("invalid domain_id format"))?;
        let d = db
            .domains
            .iter()
            .find(|d| d.id == id)
            .ok_or_else(|| ApiError::not_found("domain not found"))?;
        if d.tenant_id != self.tenant {
            return Err(ApiError::gin(
                StatusCode::FORBIDDEN,
                format!("not authorized to {verb} this domain"),
            ));
        }
        Ok(d.clone())
    }
}

fn save(db: &mut crate::db::Db, d: &Domain) {
    if let Some(slot) = db.domains.iter_mut().find(|x| x.id == d.id) {
        *slot = d.clone();
    }
}

pub async fn list(st: AppState, at: InTenant) -> Reply {
    let tenant = at.tenant;
    let db = st.db();
    let mut rows: Vec<&Domain> = db
        .domains
        .iter()
        .filter(|d| d.tenant_id == tenant)
        .collect();
    // `ORDER BY is_primary DESC, created_at DESC` (tenant_domains_repository.go:211).
    rows.sort_by_key(|d| std::cmp::Reverse((d.is_primary, d.created_at)));
    let domains: Vec<Value> = rows.iter().map(|d| d.view()).collect();
    Ok(Json(
        json!({ "count": domains.len(), "domains": domains, "success": true }),
    ))
}

#[derive(Deserialize)]
pub struct CreateReq {
    #[serde(default)]
    domain: String,
}

pub async fn create(
    st: AppState,
    at: InTenant,
    Body(req, _): Body<CreateReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let tenant = at.tenant;
    if req.domain.is_empty() {
        return Err(bind_error("CreateDomainRequest", &[("Domain", "required")]));
    }
    let name = normalize(&req.domain).map_err(bad)?;
    let mut db = st.db();
    let taken = db.domains.iter().find(|d| d.domain == name);
    if taken.is_some_and(|d| d.tenant_id != tenant) {
        return Err(bad("domain already claimed by another tenant"));
    }
    if taken.is_some() {
        return Err(bad("failed to create domain: pq: duplicate key value violates unique constraint \"idx_tenant_domains_domain_unique\""));
    }
    if name.len() + "_authsec-challenge.".len() > 255 {
        return Err(bad(
            "failed to create domain: pq: value too long for type character varying(255)",
        ));
    }
    let at = now();
    let token: [u8; 32] = rand::rng().random();
    let d = Domain {
        id: new_id(),
        tenant_id: tenant,
        domain: name,
        is_primary: false,
        is_verified: false,
        token: hex::encode(token),
        verified_at: None,
        created_at: at,
        updated_at: at,
    };
    let verification = json!({ "method": "dns_txt", "token": d.token,
                                "txt_name": d.txt_name(), "txt_value": d.txt_value() });
    let answer = json!({ "domain": d.view(), "success": true, "verification": verification });
    db.domains.push(d);
    Ok((StatusCode::CREATED, Json(answer)))
}

pub async fn one(st: AppState, at: InTenant) -> Reply {
    let d = at.find(&st.db(), "access")?;
    Ok(Json(json!({ "domain": d.view(), "success": true })))
}

fn verify_failed(details: String) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        json!({ "details": details, "error": "verification failed" }),
    )
}

pub async fn verify(st: AppState, at: InTenant) -> Reply {
    let mut d = at.find(&st.db(), "verify")?;
    if d.is_verified {
        return Err(verify_failed("domain already verified".into()));
    }
    let (name, want) = (d.txt_name(), d.txt_value());
    let outcome = match crate::dns::lookup_txt(st.cfg.dns_zone.as_deref(), &name) {
        None => Err(format!(
            "verification failed: DNS TXT lookup failed: lookup {name}: no such host"
        )),
        Some(found) if found.is_empty() => Err(format!(
            "verification failed: No TXT records found for {name}"
        )),
        Some(found) if !found.contains(&want) => Err(format!(
            "verification failed: TXT record value mismatch. Expected: {want}, Found: [{}]",
            found.join(" ")
        )),
        Some(_) => Ok(()),
    };
    let mut db = st.db();
    d.updated_at = now();
    if let Err(details) = outcome {
        // A failed check is recorded too (tenant_domains_repository.go:377-399).
        save(&mut db, &d);
        return Err(verify_failed(details));
    }
    d.is_verified = true;
    d.verified_at = Some(d.updated_at);
    save(&mut db, &d);
    Ok(Json(
        json!({ "domain": d.view(), "message": "domain verified successfully", "success": true }),
    ))
}

pub async fn set_primary(st: AppState, at: InTenant) -> Reply {
    let tenant = at.tenant;
    let mut db = st.db();
    let mut d = at.find(&db, "modify")?;
    if !d.is_verified {
        return Err(bad("domain must be verified before setting as primary"));
    }
    let at = now();
    for x in db
        .domains
        .iter_mut()
        .filter(|x| x.tenant_id == tenant && x.is_primary)
    {
        x.is_primary = false;
        x.updated_at = at;
    }
    d.is_primary = true;
    d.updated_at = at;
    save(&mut db, &d);
    Ok(Json(
        json!({ "domain": d.view(), "message": "domain set as primary", "success": true }),
    ))
}

pub async fn remove(st: AppState, at: InTenant) -> Reply {
    let mut db = st.db();
    let d = at.find(&db, "delete")?;
    // No guard: a primary or verified domain goes too (tenant_domains_repository.go:331-347).
    db.domains.retain(|x| x.id != d.id);
    Ok(Json(
        json!({ "message": "domain deleted successfully", "success": true }),
    ))
}
