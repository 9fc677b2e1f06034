//! CORS (outermost layer), latency and fault injection.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::Rng;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::error::ApiError;
use crate::state::AppState;

/// CORS admitting only the configured origins; exposes `retry-after` to the console.
pub fn cors(state: &AppState) -> CorsLayer {
    let origins: Vec<HeaderValue> = state
        .origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([HeaderName::from_static("retry-after")])
        .max_age(Duration::from_secs(600))
}

/// Adds `--latency-ms` and answers `--fail-429` / `--fail-5xx` fractions of API
/// requests with faults before they reach a handler, and `--fail-after-commit` of the
/// signed-in writes (not the reads sent as POST) with a 503 after the handler did the
/// write. `GET /healthz` and
/// OPTIONS are never touched.
pub async fn faults(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.uri().path() == "/healthz" || req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let cfg = &state.cfg;
    if let Some(range) = cfg.latency_ms {
        let ms = rand::rng().random_range(range.min..=range.max);
        if ms > 0 {
            tokio::time::sleep(Duration::from_millis(ms)).await;
        }
    }
    if cfg.fail_429 > 0.0 || cfg.fail_5xx > 0.0 {
        let roll: f64 = rand::rng().random();
        if roll < cfg.fail_429 {
            return ApiError::rate_limited(1, "Too many requests").into_response();
        }
        if roll < cfg.fail_429 + cfg.fail_5xx {
            return unavailable();
        }
    }
    let lose_answer = cfg.fail_after_commit > 0.0
        && req.method() != Method::GET
        && !is_read(req.uri().path())
        && req.headers().contains_key(header::AUTHORIZATION)
        && rand::rng().random::<f64>() < cfg.fail_after_commit;
    let answer = next.run(req).await;
    if lose_answer && answer.status().is_success() {
        // The write happened; its answer does not reach the caller.
        return unavailable();
    }
    answer
}

/// The reads AuthSec takes as POST (lists, templates, a policy check): losing their
/// answer loses nothing, so `--fail-after-commit` leaves them alone.
fn is_read(path: &str) -> bool {
    [
        "/list",
        "/getClients",
        "/list-providers",
        "/templates",
        "/policy/check",
    ]
    .iter()
    .any(|end| path.ends_with(end))
}

fn unavailable() -> Response {
    ApiError::gin(
        StatusCode::SERVICE_UNAVAILABLE,
        "Service temporarily unavailable",
    )
    .into_response()
}
