//! The router: every contract row, grouped by service, minus `--disable`d groups.

pub mod admins;
pub mod apikeys;
pub mod apps;
pub mod clients;
pub mod clients_write;
pub mod domains;
pub mod endusers;
pub mod enrol;
pub mod factor_body;
pub mod groups;
pub mod login;
pub mod login_mfa;
pub mod oocmgr;
pub mod passkeys;
pub mod permissions;
pub mod roles;
pub mod scopes;
pub mod sessions;
pub mod step_up;
pub mod tenants;
pub mod totp;
pub mod user_batch;
pub mod user_password;

use axum::routing::get;
use axum::Router;

use crate::config::Feature;
use crate::middleware;
use crate::state::AppState;

/// Every route the configuration enables, each service nested at its prefix.
pub fn router(state: AppState) -> Router {
    let cfg = state.cfg.clone();
    let on = |f: Feature| cfg.enabled(f);
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .nest(
            "/authsec/clientms/tenants/{tenant_id}/clients",
            clients::routes(on(Feature::RotateSecret)),
        )
        .nest("/authsec/uflow", uflow(&on))
        .nest("/authsec/webauthn", webauthn(&on))
        .nest("/authsec/oocmgr", oocmgr::routes())
        .merge(apps::routes(on(Feature::Apps)))
        // gin's answer for a path with no route (and for a wrong method: AuthSec leaves
        // HandleMethodNotAllowed off, authsec-api.md §1.1).
        .fallback(gin_not_found)
        .method_not_allowed_fallback(gin_not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::faults,
        ))
        .layer(middleware::cors(&state))
        .with_state(state)
}

/// `/authsec/uflow`: sign-in, users, admins, TOTP devices, and the extensions.
fn uflow(on: &impl Fn(Feature) -> bool) -> Router<AppState> {
    let mut r = login::routes()
        .merge(endusers::routes())
        .merge(admins::routes())
        .merge(roles::routes())
        .merge(permissions::routes())
        .merge(groups::routes())
        .merge(scopes::routes())
        .merge(domains::routes())
        .merge(tenants::routes())
        .merge(user_password::routes())
        .merge(totp::routes());
    if on(Feature::UserBatch) {
        r = r.merge(user_batch::routes());
    }
    if on(Feature::Sessions) {
        r = r.merge(sessions::routes());
    }
    if on(Feature::StepUp) {
        r = r.merge(step_up::routes());
    }
    if on(Feature::ApiKeys) {
        r = r.merge(apikeys::routes());
    }
    r
}

/// `/authsec/webauthn`: second factors at sign-in, enrolment, passkeys.
fn webauthn(on: &impl Fn(Feature) -> bool) -> Router<AppState> {
    login_mfa::routes()
        .merge(enrol::routes(on(Feature::BackupRegenerate)))
        .merge(passkeys::routes(on(Feature::PasskeyCredentials)))
}

async fn gin_not_found() -> impl axum::response::IntoResponse {
    (
        axum::http::StatusCode::NOT_FOUND,
        [(axum::http::header::CONTENT_TYPE, "text/plain")],
        "404 page not found",
    )
}
