//! Sign-in: precheck, the password step (login ticket) and the token step.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::Duration;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::{jwt, ClientMeta};
use crate::db::{Db, Ticket};
use crate::error::{parse_body, ApiError, ApiResult, Shape};
use crate::state::AppState;
use crate::util::{now, password_hash, random_b64};

pub const TICKET_TTL_SECS: i64 = 300;
pub const MAX_PASSWORD_FAILURES: usize = 10;
pub const FAILURE_WINDOW_SECS: i64 = 300;

#[derive(Deserialize)]
pub struct PrecheckReq {
    email: Option<String>,
    current_domain: Option<String>,
}

pub async fn precheck(State(st): State<AppState>, body: Bytes) -> ApiResult<Json<Value>> {
    let req: PrecheckReq = parse_body(&body, Shape::Gin)?;
    let email = req.email.unwrap_or_default().trim().to_lowercase();
    if email.is_empty() {
        return Err(ApiError::field("email", "email is required"));
    }
    let db = st.db();
    let host = req.current_domain.unwrap_or_default().to_lowercase();
    let preferred = db
        .tenants
        .iter()
        .find(|t| host.split('.').next() == Some(t.domain.as_str()));
    let found = preferred
        .and_then(|t| db.user_by_email(t.id, &email))
        .or_else(|| db.users.values().find(|u| u.email == email && u.is_admin));
    Ok(Json(match found.and_then(|u| db.tenant(u.tenant_id)) {
        Some(t) => json!({ "exists": true, "next_step": "login", "tenant_domain": t.domain }),
        None => json!({ "exists": false, "next_step": "register" }),
    }))
}

#[derive(Deserialize)]
pub struct LoginReq {
    email: Option<String>,
    password: Option<String>,
    tenant_domain: Option<String>,
}

pub async fn login(State(st): State<AppState>, body: Bytes) -> ApiResult<Json<Value>> {
    let req: LoginReq = parse_body(&body, Shape::Gin)?;
    let email = req.email.unwrap_or_default().trim().to_lowercase();
    let password = req.password.unwrap_or_default();
    let domain = req.tenant_domain.unwrap_or_default();
    if email.is_empty() || password.is_empty() {
        let field = if email.is_empty() {
            "email"
        } else {
            "password"
        };
        return Err(ApiError::field(field, &format!("{field} is required")));
    }
    let mut db = st.db();
    let t = now();
    let failures = db.login_failures.entry(email.clone()).or_default();
    failures.retain(|f| (t - *f).num_seconds() < FAILURE_WINDOW_SECS);
    if failures.len() >= MAX_PASSWORD_FAILURES {
        let wait = FAILURE_WINDOW_SECS - (t - failures[0]).num_seconds();
        return Err(ApiError::rate_limited(
            wait as u64,
            "Too many failed login attempts",
        ));
    }
    let tenant = resolve_tenant(&db, &domain, &email);
    let user = tenant
        .as_ref()
        .and_then(|tn| db.user_by_email(tn.id, &email))
        .cloned();
    let ok = user.as_ref().is_some_and(|u| {
        u.password_hash.as_deref() == Some(password_hash(u.id, &password).as_str())
    });
    let (Some(tenant), Some(user), true) = (tenant, user, ok) else {
        db.login_failures.entry(email).or_default().push(t);
        return Err(ApiError::gin(
            StatusCode::UNAUTHORIZED,
            "Invalid credentials",
        ));
    };
    if !user.active {
        // Same answer as a wrong password: the step must not reveal account state.
        db.login_failures.entry(email).or_default().push(t);
        return Err(ApiError::gin(
            StatusCode::UNAUTHORIZED,
            "Invalid credentials",
        ));
    }
    db.login_failures.remove(&email);
    let methods = user.factors();
    let ticket = random_b64(32);
    db.tickets.retain(|_, tk| tk.expires_at > t);
    db.tickets.insert(
        ticket.clone(),
        Ticket {
            user_id: user.id,
            tenant_id: tenant.id,
            email: user.email.clone(),
            expires_at: t + Duration::seconds(TICKET_TTL_SECS),
            second_factor_ok: false,
            failures: 0,
        },
    );
    Ok(Json(json!({
        "tenant_id": tenant.id, "tenant_domain": tenant.domain, "email": user.email,
        "first_login": user.login_count == 0, "mfa_required": !methods.is_empty(),
        "methods": methods, "login_ticket": ticket, "expires_in": TICKET_TTL_SECS,
    })))
}

/// The tenant a sign-in names: the exact domain, else the first label of a host
/// name (`acme.console.test`), else the one tenant that holds this email.
fn resolve_tenant(db: &Db, domain: &str, email: &str) -> Option<crate::db::Tenant> {
    let domain = domain.trim().to_lowercase();
    if let Some(t) = db.tenant_by_domain(&domain) {
        return Some(t.clone());
    }
    if let Some(t) = domain
        .split('.')
        .next()
        .and_then(|label| db.tenant_by_domain(label))
    {
        return Some(t.clone());
    }
    let mut holders = db
        .users
        .values()
        .filter(|u| u.email == email)
        .map(|u| u.tenant_id);
    match (holders.next(), holders.next()) {
        (Some(id), None) => db.tenant(id).cloned(),
        _ => None,
    }
}

/// The live ticket, if it belongs to this email (and tenant, when given).
pub fn ticket_mut<'a>(
    db: &'a mut Db,
    ticket: &str,
    email: &str,
    tenant: Option<&str>,
) -> ApiResult<&'a mut Ticket> {
    let invalid = || ApiError::gin(StatusCode::UNAUTHORIZED, "invalid or expired login ticket");
    let email = email.trim().to_lowercase();
    let tk = db.tickets.get_mut(ticket).ok_or_else(invalid)?;
    let tenant_ok = tenant.is_none_or(|t| Uuid::parse_str(t.trim()).ok() == Some(tk.tenant_id));
    if tk.expires_at <= now() || tk.email != email || !tenant_ok {
        return Err(invalid());
    }
    Ok(tk)
}

#[derive(Deserialize)]
pub struct CallbackReq {
    email: Option<String>,
    tenant_id: Option<String>,
    login_ticket: Option<String>,
}

pub async fn callback(
    State(st): State<AppState>,
    meta: ClientMeta,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: CallbackReq = parse_body(&body, Shape::Gin)?;
    let ticket_id = req.login_ticket.unwrap_or_default();
    let mut db = st.db();
    let tk = ticket_mut(
        &mut db,
        &ticket_id,
        &req.email.unwrap_or_default(),
        req.tenant_id.as_deref(),
    )?
    .clone();
    let user = db
        .users
        .get(&tk.user_id)
        .filter(|u| u.active)
        .cloned()
        .ok_or_else(|| {
            ApiError::gin(StatusCode::UNAUTHORIZED, "invalid or expired login ticket")
        })?;
    if !user.factors().is_empty() && !tk.second_factor_ok {
        return Err(ApiError::gin(
            StatusCode::UNAUTHORIZED,
            "second factor required",
        ));
    }
    db.tickets.remove(&ticket_id);
    db.auth_states.remove(&ticket_id);
    let ttl = st.cfg.token_ttl;
    let (token, _) = jwt::mint(&st.jwt, &mut db, user.id, ttl, &meta.device_name, &meta.ip)
        .ok_or_else(ApiError::unauthorized)?;
    if let Some(u) = db.users.get_mut(&user.id) {
        u.last_login = Some(now());
        u.login_count += 1;
        u.pending_registration = false;
    }
    Ok(Json(json!({
        "access_token": token, "token_type": "Bearer", "expires_in": ttl,
        "tenant_id": tk.tenant_id, "email": user.email,
    })))
}
