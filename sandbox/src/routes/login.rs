//! Sign-in as AuthSec does it (authsec-api.md §a): precheck, the password step, the
//! token step.

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Json;
use axum::Router;
use chrono::Duration;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::jwt::{self, Realm};
use crate::auth::ClientMeta;
use crate::body::Body;
use crate::db::{Attempt, Db};
use crate::error::{bind_error, missing, parse_body, ApiError, ApiResult, Reply, Shape};
use crate::state::AppState;
use crate::util::{now, password_hash};

/// The sign-in routes under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/admin/login/precheck", post(precheck))
        .route("/auth/admin/login", post(admin_login))
        .route("/login", post(login))
        .route("/user/login", post(user_login))
        .route("/auth/enduser/webauthn-callback", post(enduser_callback))
        .route("/login/webauthn-callback", post(callback))
}

pub const ATTEMPT_TTL_SECS: i64 = 300;
pub const MAX_PASSWORD_FAILURES: usize = 10;
pub const FAILURE_WINDOW_SECS: i64 = 300;

#[derive(Deserialize)]
pub struct PrecheckReq {
    email: Option<String>,
    current_domain: Option<String>,
}

pub async fn precheck(st: AppState, Body(req, _): Body<PrecheckReq>) -> Reply {
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
    let found = found.and_then(|u| db.tenant(u.tenant_id).map(|t| (u, t)));
    Ok(Json(match found {
        Some((u, t)) => json!({
            "exists": true, "display_name": format!("{} {}", u.first_name, u.last_name).trim(),
            "tenant_domain": t.domain, "tenant_id": t.id, "next_step": "login",
            "requires_password": true, "available_providers": ["email", "local"],
        }),
        None => json!({ "exists": false, "next_step": "bootstrap", "requires_password": false }),
    }))
}

#[derive(Deserialize)]
pub struct LoginReq {
    email: Option<String>,
    password: Option<String>,
    tenant_domain: Option<String>,
}

/// `LoginInput`'s binding: `email` required + e-mail, `password` required + min=10,
/// `tenant_domain` required (authsec-api.md §a).
fn check_login_input(email: &str, password: &str, domain: &str) -> ApiResult<()> {
    let mut failed = Vec::new();
    if email.is_empty() {
        failed.push(("Email", "required"));
    } else if !crate::util::validate::is_valid_email(email) {
        failed.push(("Email", "email"));
    }
    if password.is_empty() {
        failed.push(("Password", "required"));
    } else if password.chars().count() < 10 {
        failed.push(("Password", "min"));
    }
    if domain.is_empty() {
        failed.push(("TenantDomain", "required"));
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(bind_error("LoginInput", &failed))
    }
}

/// `POST /uflow/login`: the password step. Answers `LoginResponse` (no token, no ticket);
/// opens the sandbox's own record of the attempt (see [`Attempt`]).
pub async fn login(st: AppState, Body(req, _): Body<LoginReq>) -> Reply {
    let email = req.email.unwrap_or_default().trim().to_lowercase();
    let password = req.password.unwrap_or_default();
    let domain = req.tenant_domain.unwrap_or_default();
    check_login_input(&email, &password, domain.trim())?;
    let invalid = || ApiError::gin(StatusCode::UNAUTHORIZED, "Invalid credentials");
    let mut db = st.db();
    let t = now();
    let failures = db.login_failures.entry(email.clone()).or_default();
    failures.retain(|f| (t - *f).num_seconds() < FAILURE_WINDOW_SECS);
    if failures.len() >= MAX_PASSWORD_FAILURES {
        return Err(ApiError::rate_limit_exceeded());
    }
    let password_ok = |u: &crate::db::User| {
        u.password_hash.as_deref() == Some(password_hash(u.id, &password).as_str())
    };
    let Some(tenant) = tenant_by_domain(&db, &domain) else {
        // AuthSec finds the account by e-mail first, then refuses the domain.
        let holder = db
            .users
            .values()
            .any(|u| u.email == email && password_ok(u));
        if !holder {
            db.login_failures.entry(email).or_default().push(t);
            return Err(invalid());
        }
        return Err(ApiError::gin(
            StatusCode::UNAUTHORIZED,
            "Invalid tenant domain",
        ));
    };
    // Only a tenant's admins sign in here (on AuthSec: its owner); end users use
    // `/uflow/user/login`.
    let user = db
        .user_by_email(tenant.id, &email)
        .filter(|u| u.is_admin && !u.invited)
        .cloned();
    let Some(user) = user.filter(|u| password_ok(u)) else {
        db.login_failures.entry(email).or_default().push(t);
        return Err(invalid());
    };
    if !user.active {
        return Err(ApiError::gin(
            StatusCode::UNAUTHORIZED,
            "Account is disabled",
        ));
    }
    db.login_failures.remove(&email);
    open_attempt(&mut db, &user, None);
    Ok(Json(login_response(&tenant, &user)))
}

/// `LoginResponse` in struct order (authsec-api.md §a): a first sign-in looks up no
/// factor; otherwise the default factor, or `otp_required` when there is none.
fn login_response(tenant: &crate::db::Tenant, user: &crate::db::User) -> Value {
    let first_login = user.last_login.is_none();
    let mut out = serde_json::Map::new();
    out.insert("tenant_id".into(), json!(tenant.id));
    out.insert("tenant_domain".into(), json!(tenant.domain));
    out.insert("email".into(), json!(user.email));
    out.insert("first_login".into(), json!(first_login));
    let default = user.factors().first().copied().filter(|_| !first_login);
    out.insert(
        "otp_required".into(),
        json!(!first_login && default.is_none()),
    );
    if default == Some("webauthn") {
        out.insert("webauthn_required".into(), json!(true));
    }
    out.insert("mfa_required".into(), json!(default.is_some()));
    if let Some(m) = default {
        out.insert("mfa_method".into(), json!(m));
        out.insert("methods".into(), json!([m]));
    }
    Value::Object(out)
}

/// The tenant a sign-in names: its domain, or the first label of a host name
/// (`acme.console.test`), case-insensitively.
fn tenant_by_domain(db: &Db, domain: &str) -> Option<crate::db::Tenant> {
    let domain = domain.trim().to_lowercase();
    db.tenant_by_domain(&domain)
        .or_else(|| {
            domain
                .split('.')
                .next()
                .and_then(|label| db.tenant_by_domain(label))
        })
        .cloned()
}

/// Opens a sign-in attempt for `user` (through the OAuth `client` of an end user).
fn open_attempt(db: &mut Db, user: &crate::db::User, client: Option<Uuid>) {
    let t = now();
    db.attempts.retain(|a| a.expires_at > t);
    db.attempts.push(Attempt {
        user_id: user.id,
        tenant_id: user.tenant_id,
        email: user.email.clone(),
        client_id: client,
        expires_at: t + Duration::seconds(ATTEMPT_TTL_SECS),
        second_factor_ok: false,
        failures: 0,
    });
}

/// Whether a live attempt is this e-mail's in this tenant (`tenant` None: in any tenant,
/// for the admin passkey rows, which name only the e-mail).
fn attempt_of(email: &str, tenant: Option<Uuid>) -> impl Fn(&Attempt) -> bool + '_ {
    let t = now();
    move |a| a.email == email && tenant.is_none_or(|tn| a.tenant_id == tn) && a.expires_at > t
}

/// The sign-in attempt of this e-mail that a factor check counts for: the oldest one
/// still open, else the newest. Its index too, to close it.
pub fn attempt_mut<'a>(
    db: &'a mut Db,
    email: &str,
    tenant: Option<&str>,
) -> Option<(usize, &'a mut Attempt)> {
    let email = email.trim().to_lowercase();
    let tenant = match tenant {
        Some(tn) => Some(Uuid::parse_str(tn.trim()).ok()?),
        None => None,
    };
    let mine = attempt_of(&email, tenant);
    let at = db
        .attempts
        .iter()
        .position(|a| mine(a) && !a.second_factor_ok)
        .or_else(|| db.attempts.iter().rposition(&mine))?;
    Some((at, &mut db.attempts[at]))
}

#[derive(Deserialize)]
pub struct CallbackReq {
    email: Option<String>,
    mfa_verified: Option<bool>,
    tenant_id: Option<String>,
}

/// `POST /uflow/login/webauthn-callback` `{email, mfa_verified, tenant_id}`: the admin's
/// token. AuthSec trusts `mfa_verified`; the sandbox mints only when the attempt's factor
/// passed (or the account has none), answering AuthSec's own texts otherwise.
pub async fn callback(st: AppState, meta: ClientMeta, body: Bytes) -> Reply {
    let (out, last_login) = mint_after_factor(&st, &meta, &body, false)?;
    let mut out = out;
    out["last_login"] = json!(last_login.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    Ok(Json(out))
}

/// `POST /uflow/auth/enduser/webauthn-callback`: the same for an end user who signed in
/// through `/uflow/user/login` (a token for their OAuth client).
pub async fn enduser_callback(st: AppState, meta: ClientMeta, body: Bytes) -> Reply {
    mint_after_factor(&st, &meta, &body, true).map(|(out, _)| Json(out))
}

/// Binds `WebAuthnCallbackInput`, checks the attempt (of the right realm), mints; answers
/// the common keys and the time of this sign-in.
fn mint_after_factor(
    st: &AppState,
    meta: &ClientMeta,
    body: &[u8],
    end_user: bool,
) -> ApiResult<(Value, crate::util::Time)> {
    let req: CallbackReq = parse_body(body, Shape::Gin)?;
    let email = req.email.unwrap_or_default();
    let tenant = req.tenant_id.unwrap_or_default();
    let failed = missing(&[
        ("Email", email.trim().is_empty()),
        ("MFAVerified", req.mfa_verified.is_none()),
        ("TenantID", tenant.trim().is_empty()),
    ]);
    if !failed.is_empty() {
        return Err(bind_error("WebAuthnCallbackInput", &failed));
    }
    if Uuid::parse_str(tenant.trim()).is_err() {
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            format!("invalid UUID length: {}", tenant.trim().len()),
        ));
    }
    let mfa_failed = || ApiError::gin(StatusCode::UNAUTHORIZED, "MFA verification failed");
    if req.mfa_verified != Some(true) {
        return Err(mfa_failed());
    }
    let mut db = st.db();
    // The oldest attempt of this realm whose factor passed (or, failing that, any, which
    // answers as AuthSec would for an unverified one).
    let email_lc = email.trim().to_lowercase();
    let mine = attempt_of(&email_lc, Uuid::parse_str(tenant.trim()).ok());
    let realm_ok = |a: &Attempt| mine(a) && a.client_id.is_some() == end_user;
    let at = db
        .attempts
        .iter()
        .position(|a| realm_ok(a) && a.second_factor_ok)
        .or_else(|| db.attempts.iter().position(realm_ok))
        .ok_or_else(mfa_failed)?;
    let attempt = db.attempts[at].clone();
    let user = db
        .users
        .get(&attempt.user_id)
        .cloned()
        .ok_or_else(|| ApiError::gin(StatusCode::UNAUTHORIZED, "User not found"))?;
    if !user.active {
        return Err(ApiError::gin(
            StatusCode::UNAUTHORIZED,
            "Account is disabled",
        ));
    }
    // AuthSec trusts `mfa_verified`; the sandbox mints only once a factor really passed
    // (an account without one enrols it first, which counts).
    if !attempt.second_factor_ok {
        return Err(mfa_failed());
    }
    db.attempts.remove(at);
    db.auth_states.remove(&user.id);
    let realm = attempt.client_id.map_or(Realm::Admin, Realm::EndUser);
    let (token, _) = jwt::mint(st, &mut db, user.id, realm, (&meta.device_name, &meta.ip))
        .ok_or_else(|| {
            ApiError::gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Failed to generate token",
            )
        })?;
    let first_login = user.last_login.is_none();
    let t = now();
    if let Some(u) = db.users.get_mut(&user.id) {
        u.last_login = Some(t);
        u.login_count += 1;
        u.pending_registration = false;
    }
    let out = json!({
        "access_token": token, "email": user.email, "expires_in": st.cfg.token_ttl,
        "first_login": first_login, "tenant_id": attempt.tenant_id, "token_type": "Bearer",
    });
    Ok((out, t))
}

#[derive(Deserialize)]
pub struct UserLoginReq {
    client_id: Option<String>,
    email: Option<String>,
    password: Option<String>,
}

/// `POST /uflow/user/login` `{client_id, email, password}`: an end user's password step
/// (`CustomLogin`, tests/fixtures/authsec/uflow.user.login.json). Says nothing of factors
/// (`mfa_required` is always false: `/webauthn/enduser/mfa/loginStatus` does) and, as on
/// AuthSec, does not look at `active` (the token step does).
pub async fn user_login(st: AppState, Body(req, _): Body<UserLoginReq>) -> Reply {
    let client = req.client_id.unwrap_or_default();
    let email = req.email.unwrap_or_default().trim().to_lowercase();
    let password = req.password.unwrap_or_default();
    let failed = missing(&[
        ("ClientID", client.trim().is_empty()),
        ("Email", email.is_empty()),
        ("Password", password.is_empty()),
    ]);
    if !failed.is_empty() {
        return Err(bind_error("CustomLoginInput", &failed));
    }
    let client = Uuid::parse_str(client.trim())
        .map_err(|_| ApiError::gin(StatusCode::BAD_REQUEST, "Invalid client ID format"))?;
    let mut db = st.db();
    let tenant_id = db
        .clients
        .values()
        .find(|c| c.id == client || c.client_id == client.to_string())
        .map(|c| c.tenant_id)
        .ok_or_else(|| {
            ApiError::gin(
                StatusCode::INTERNAL_SERVER_ERROR,
                "failed to map tenant: failed to find tenant: record not found",
            )
        })?;
    let user = db
        .user_by_email(tenant_id, &email)
        .filter(|u| !u.is_admin)
        .filter(|u| u.password_hash.as_deref() == Some(password_hash(u.id, &password).as_str()))
        .cloned()
        .ok_or_else(|| ApiError::gin(StatusCode::UNAUTHORIZED, "Invalid credentials"))?;
    open_attempt(&mut db, &user, Some(client));
    Ok(Json(json!({
        "tenant_id": tenant_id, "email": user.email, "first_login": user.last_login.is_none(),
        "otp_required": false, "mfa_required": false,
    })))
}

/// `POST /uflow/auth/admin/login` `{email, password, tenant_domain?}`: the route AuthSec
/// gives admins who are not the tenant's owner (invited ones, authsec-api.md §a). A token
/// at once when the account has no second factor (AuthSec checks none for them);
/// otherwise the factor it has, and no token (no route exchanges a factor for theirs).
pub async fn admin_login(st: AppState, meta: ClientMeta, Body(req, _): Body<LoginReq>) -> Reply {
    let email = req.email.unwrap_or_default().trim().to_lowercase();
    let password = req.password.unwrap_or_default();
    let mut failed = Vec::new();
    if email.is_empty() {
        failed.push(("Email", "required"));
    } else if !crate::util::validate::is_valid_email(&email) {
        failed.push(("Email", "email"));
    }
    if password.is_empty() {
        failed.push(("Password", "required"));
    } else if password.chars().count() < 10 {
        failed.push(("Password", "min"));
    }
    if !failed.is_empty() {
        return Err(bind_error("AdminLoginInput", &failed));
    }
    let mut db = st.db();
    let domain = req.tenant_domain.unwrap_or_default();
    let tenant = (!domain.trim().is_empty())
        .then(|| tenant_by_domain(&db, &domain))
        .flatten();
    let not_found = || {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            json!({ "error": "Invalid credentials for this tenant",
                    "hint": "User not found. Ensure you are using the correct tenant domain." }),
        )
    };
    let user = db
        .users
        .values()
        .find(|u| {
            u.is_admin && u.email == email && tenant.as_ref().is_none_or(|t| t.id == u.tenant_id)
        })
        .cloned()
        .ok_or_else(not_found)?;
    if user.password_hash.as_deref() != Some(password_hash(user.id, &password).as_str()) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            json!({ "error": "Invalid credentials",
                    "message": "Invalid password. 2 attempt(s) remaining before account lockout." }),
        ));
    }
    if !user.active {
        return Err(ApiError::gin(
            StatusCode::UNAUTHORIZED,
            "Account is disabled",
        ));
    }
    let tenant_domain = db
        .tenant(user.tenant_id)
        .map(|t| t.domain.clone())
        .unwrap_or_default();
    let first_login = user.last_login.is_none();
    let factor = user.factors().first().copied();
    let mut out = json!({
        "email": user.email, "first_login": first_login,
        "methods": factor.map(|m| json!([m])).unwrap_or(Value::Null),
        "mfa_method": factor.unwrap_or(""), "mfa_required": factor.is_some(),
        "otp_required": factor == Some("totp"), "tenant_domain": tenant_domain,
        "tenant_id": user.tenant_id,
    });
    if let Some(m) = factor {
        out["webauthn_required"] = json!(m == "webauthn");
        return Ok(Json(out));
    }
    let (token, _) = jwt::mint(
        &st,
        &mut db,
        user.id,
        Realm::Admin,
        (&meta.device_name, &meta.ip),
    )
    .ok_or_else(|| {
        ApiError::gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Failed to generate token",
        )
    })?;
    out["token"] = json!(token);
    if user.pending_registration {
        out["message"] = json!("Please change your password on first login");
        out["password_change_required"] = json!(true);
        out["temporary_password"] = json!(true);
    }
    if let Some(u) = db.users.get_mut(&user.id) {
        u.last_login = Some(now());
        u.login_count += 1;
    }
    Ok(Json(out))
}
