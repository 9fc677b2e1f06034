//! Request authentication: bearer JWTs (tied to a live session) and API keys.

pub mod jwt;
pub mod recent;
pub mod scope;

pub use recent::Recent;

use std::marker::PhantomData;
use std::net::SocketAddr;
use std::ops::Deref;

use axum::extract::{ConnectInfo, FromRequestParts, OriginalUri};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use uuid::Uuid;

use crate::auth::jwt::USER_SCOPES;
use crate::config::Feature;
use crate::db::apikey::{KEY_PREFIX, SCOPES};
use crate::db::{Db, User};
use crate::error::{ApiError, ApiResult, Shape};
use crate::state::AppState;
use crate::util::{now, sha256_hex, ua};

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub email: String,
    pub roles: Vec<String>,
    pub scopes: Vec<String>,
    /// The session of a JWT caller (None for API keys).
    pub sid: Option<Uuid>,
    /// When a JWT caller last proved who they are (the extended profile's `auth_time`).
    pub auth_time: Option<i64>,
    pub api_key: Option<Uuid>,
}

impl Caller {
    fn of(user: &User, scopes: Vec<String>, sid: Option<Uuid>, api_key: Option<Uuid>) -> Caller {
        Caller {
            user_id: user.id,
            tenant_id: user.tenant_id,
            email: user.email.clone(),
            roles: user.role_names(),
            scopes,
            sid,
            auth_time: None,
            api_key,
        }
    }

    pub fn is_admin(&self) -> bool {
        self.roles.iter().any(|r| r == "admin")
    }

    /// auth-manager's `Require(resource, action)` on a route (`+perm` in authsec-api.md §1.2):
    /// a tenant-wide binding of the caller to a role holding the permission. Its 403 body is
    /// not in the snapshot; this is the later in-tree one (authsec-ai/authsec internal/authz).
    pub fn require_perm(&self, db: &Db, resource: &str, action: &str) -> ApiResult<()> {
        match db.rbac.grant(self.user_id, resource, action, None) {
            Some(_) => Ok(()),
            None => Err(ApiError::new(
                StatusCode::FORBIDDEN,
                serde_json::json!({
                    "error": "insufficient_scope",
                    "error_description": "token is valid but lacks required permissions",
                }),
            )),
        }
    }

    pub fn require_admin(&self, shape: Shape) -> ApiResult<()> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(ApiError::shaped(
                shape,
                StatusCode::FORBIDDEN,
                "Forbidden: admin role required",
            ))
        }
    }

    /// The tenant named in a path or body must be the token's tenant.
    pub fn require_tenant(&self, tenant: &str) -> ApiResult<()> {
        match Uuid::parse_str(tenant.trim()) {
            Ok(t) if t == self.tenant_id => Ok(()),
            _ => Err(ApiError::tenant_mismatch()),
        }
    }

    /// The caller's own user record, to change (401 if it is gone).
    pub fn user_mut<'a>(&self, db: &'a mut Db) -> ApiResult<&'a mut User> {
        db.users
            .get_mut(&self.user_id)
            .ok_or_else(ApiError::unauthorized)
    }

    /// Like [`Caller::require_tenant`] for an optional body field.
    pub fn require_tenant_opt(&self, tenant: Option<&str>) -> ApiResult<()> {
        tenant.map_or(Ok(()), |t| self.require_tenant(t))
    }
}

/// The error shape of the service a route belongs to, for an extractor's refusal.
pub trait ShapeOf: Send + Sync + 'static {
    const SHAPE: Shape;
}
/// gin's `{"error": …}` (uflow, clientms).
pub struct GinShape;
/// The apps service's shape.
pub struct AppShape;
/// The sessions extension's shape.
pub struct FastShape;
impl ShapeOf for GinShape {
    const SHAPE: Shape = Shape::Gin;
}
impl ShapeOf for AppShape {
    const SHAPE: Shape = Shape::App;
}
impl ShapeOf for FastShape {
    const SHAPE: Shape = Shape::Fast;
}

/// A caller with the admin role: admin handlers take this instead of opening with
/// the check; anyone else gets the service's 403 (in `S`'s shape).
pub struct Admin<S: ShapeOf = GinShape>(pub Caller, PhantomData<S>);

impl<S: ShapeOf> Deref for Admin<S> {
    type Target = Caller;
    fn deref(&self) -> &Caller {
        &self.0
    }
}

impl<S: ShapeOf> FromRequestParts<AppState> for Admin<S> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        match S::SHAPE {
            // AuthSec's ADMIN guard: auth-manager's `Require("admin", "access")`, a binding
            // of the caller to a role holding that permission (authsec-api.md §1.2, §1.5).
            Shape::Gin => caller.require_perm(&state.db(), "admin", "access")?,
            // The extension services' own guard: the admin role.
            shape => caller.require_admin(shape)?,
        }
        Ok(Admin(caller, PhantomData))
    }
}

/// The bearer token of a request.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer(&parts.headers).ok_or_else(ApiError::unauthorized)?;
        let caller = if token.starts_with(KEY_PREFIX) && state.cfg.enabled(Feature::ApiKeys) {
            api_key_caller(state, token)?
        } else {
            jwt_caller(state, token)?
        };
        if caller.api_key.is_some() {
            // The full path: a nested router sees its part only.
            let path = match parts.extensions.get::<OriginalUri>() {
                Some(OriginalUri(uri)) => uri.path().to_string(),
                None => parts.uri.path().to_string(),
            };
            let needed = scope::required(parts.method.as_str(), &path);
            if !caller.scopes.iter().any(|s| s == needed) {
                return Err(ApiError::gin(
                    StatusCode::FORBIDDEN,
                    format!("Forbidden: API key lacks scope {needed}"),
                ));
            }
        }
        Ok(caller)
    }
}

fn jwt_caller(state: &AppState, token: &str) -> ApiResult<Caller> {
    let claims = state.jwt.decode(token).ok_or_else(ApiError::unauthorized)?;
    let user_id = Uuid::parse_str(&claims.sub).map_err(|_| ApiError::unauthorized())?;
    let mut db = state.db();
    let t = now();
    // AuthSec's tokens are stateless; the extended profile's carry a session (`sid`)
    // that revocation ends.
    let sid = match claims.sid.as_deref() {
        Some(sid) => {
            let sid = Uuid::parse_str(sid).map_err(|_| ApiError::unauthorized())?;
            let session = db.sessions.get_mut(&sid).filter(|s| s.user_id == user_id);
            match session {
                Some(s) if s.is_live(t) => s.last_accessed = t,
                _ => return Err(ApiError::unauthorized()),
            }
            Some(sid)
        }
        None => None,
    };
    let user = db
        .users
        .get(&user_id)
        .filter(|u| u.active)
        .ok_or_else(ApiError::unauthorized)?;
    let scopes: Vec<String> = if user.is_admin {
        SCOPES.iter().map(|s| s.to_string()).collect()
    } else {
        USER_SCOPES.iter().map(|s| s.to_string()).collect()
    };
    Ok(Caller {
        auth_time: claims.auth_time,
        ..Caller::of(user, scopes, sid, None)
    })
}

fn api_key_caller(state: &AppState, token: &str) -> ApiResult<Caller> {
    let hash = sha256_hex(token);
    let mut db = state.db();
    let key = db
        .api_keys
        .values_mut()
        .find(|k| k.key_hash == hash && k.is_active)
        .ok_or_else(ApiError::unauthorized)?;
    key.last_use_at = Some(now());
    let (key_id, user_id, scopes) = (key.key_id, key.user_id, key.scopes.clone());
    let user = db
        .users
        .get(&user_id)
        .filter(|u| u.active)
        .ok_or_else(ApiError::unauthorized)?;
    Ok(Caller::of(user, scopes, None, Some(key_id)))
}

/// Where a request comes from: device name (from User-Agent) and IP address.
#[derive(Debug, Clone)]
pub struct ClientMeta {
    pub device_name: String,
    pub ip: String,
}

impl<S: Send + Sync> FromRequestParts<S> for ClientMeta {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok());
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_else(|| "127.0.0.1".to_string());
        Ok(ClientMeta {
            device_name: ua::device_name(agent),
            ip,
        })
    }
}

/// Rejects WebAuthn rows whose `Origin` header is present but not allowed.
pub struct OriginChecked;

impl FromRequestParts<AppState> for OriginChecked {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match parts.headers.get(header::ORIGIN) {
            None => Ok(OriginChecked),
            Some(v) if v.to_str().is_ok_and(|o| state.origin_allowed(o)) => Ok(OriginChecked),
            Some(_) => Err(ApiError::gin(StatusCode::BAD_REQUEST, "invalid origin")),
        }
    }
}
