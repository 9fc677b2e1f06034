//! Shared server state: the database, configuration, WebAuthn and JWT keys.

use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use url::Url;
use webauthn_rs::prelude::{Webauthn, WebauthnBuilder};

use crate::auth::jwt::JwtKeys;
use crate::config::Args;
use crate::db::Db;
use crate::seed;

#[derive(Clone)]
pub struct AppState {
    pub db: Arc<Mutex<Db>>,
    pub cfg: Arc<Args>,
    pub webauthn: Arc<Webauthn>,
    pub jwt: Arc<JwtKeys>,
    pub origins: Arc<Vec<String>>,
}

impl AppState {
    pub fn new(args: Args) -> Result<Self, String> {
        let origins = args.origins();
        let webauthn = build_webauthn(&args.rp_id, &origins)?;
        let db = seed::seed(&args);
        Ok(AppState {
            db: Arc::new(Mutex::new(db)),
            cfg: Arc::new(args),
            webauthn: Arc::new(webauthn),
            jwt: Arc::new(JwtKeys::random()),
            origins: Arc::new(origins),
        })
    }

    /// Locks the database (a poisoned lock is recovered: the data stays usable).
    pub fn db(&self) -> MutexGuard<'_, Db> {
        self.db.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn origin_allowed(&self, origin: &str) -> bool {
        let origin = origin.trim_end_matches('/');
        self.origins.iter().any(|o| o == origin)
    }
}

/// Handlers take the state as a plain argument, `st: AppState`: the state is cloned (its
/// parts are shared), as axum's `State` extractor does.
impl FromRequestParts<AppState> for AppState {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(_: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(state.clone())
    }
}

/// WebAuthn accepts the allowed origins whose host is the RP id (or below it), on any port.
fn build_webauthn(rp_id: &str, origins: &[String]) -> Result<Webauthn, String> {
    let matching: Vec<Url> = origins
        .iter()
        .filter_map(|o| Url::parse(o).ok())
        .filter(|u| {
            u.domain()
                .is_some_and(|d| d == rp_id || d.ends_with(&format!(".{rp_id}")))
        })
        .collect();
    let fallback = Url::parse(&format!("https://{rp_id}"))
        .map_err(|e| format!("invalid --rp-id {rp_id:?}: {e}"))?;
    let first = matching.first().unwrap_or(&fallback);
    let mut builder = WebauthnBuilder::new(rp_id, first)
        .map_err(|e| format!("invalid WebAuthn configuration: {e:?}"))?
        .rp_name("AuthSec Sandbox")
        .allow_any_port(true);
    for extra in matching.iter().skip(1) {
        builder = builder.append_allowed_origin(extra);
    }
    builder
        .build()
        .map_err(|e| format!("invalid WebAuthn configuration: {e:?}"))
}
