//! Error answers in the contract's three shapes: AuthSec (Gin) `{"error"}`,
//! management apps `{"message","error_code"}` and FastAPI `{"detail"}`.

pub mod bind;
pub mod go_json;

use std::collections::BTreeMap;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

pub use bind::{bind_error, missing, payload_error, ToggleReq};

/// Which error body shape a route group answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Gin,
    App,
    Fast,
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Value,
    pub retry_after: Option<u64>,
}

pub type ApiResult<T> = Result<T, ApiError>;

/// What most handlers answer: a JSON body, or the service's error.
pub type Reply = ApiResult<Json<Value>>;

impl ApiError {
    pub fn new(status: StatusCode, body: Value) -> Self {
        ApiError {
            status,
            body,
            retry_after: None,
        }
    }

    /// AuthSec shape: `{"error": msg}`.
    pub fn gin(status: StatusCode, msg: impl Into<String>) -> Self {
        Self::new(status, json!({ "error": msg.into() }))
    }

    /// Management-apps shape: `{"message": msg, "error_code": status}`.
    pub fn app(status: StatusCode, msg: impl Into<String>) -> Self {
        Self::new(
            status,
            json!({ "message": msg.into(), "error_code": status.as_u16() }),
        )
    }

    /// FastAPI shape: `{"detail": text}`.
    pub fn fast(status: StatusCode, detail: impl Into<String>) -> Self {
        Self::new(status, json!({ "detail": detail.into() }))
    }

    /// FastAPI validation shape (422) for one body field.
    pub fn fast_field(field: &str, msg: &str, kind: &str) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "detail": [{ "loc": ["body", field], "msg": msg, "type": kind }] }),
        )
    }

    /// One message in the route group's own shape.
    pub fn shaped(shape: Shape, status: StatusCode, msg: impl Into<String>) -> Self {
        match shape {
            Shape::Gin => Self::gin(status, msg),
            Shape::App => Self::app(status, msg),
            Shape::Fast => Self::fast(status, msg),
        }
    }

    /// 400 `{"error":"Validation failed","details":{field: msg}}`.
    pub fn validation(details: BTreeMap<String, String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            json!({ "error": "Validation failed", "details": details }),
        )
    }

    pub fn field(field: &str, msg: &str) -> Self {
        Self::validation(BTreeMap::from([(field.to_string(), msg.to_string())]))
    }

    pub fn unauthorized() -> Self {
        Self::gin(StatusCode::UNAUTHORIZED, "Invalid or expired token")
    }

    pub fn tenant_mismatch() -> Self {
        Self::gin(StatusCode::FORBIDDEN, "Forbidden: tenant mismatch")
    }

    pub fn not_found(msg: &str) -> Self {
        Self::gin(StatusCode::NOT_FOUND, msg)
    }

    /// AuthSec's global per-IP limit (authsec-api.md §1.13): no `Retry-After`.
    pub fn rate_limit_exceeded() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            json!({
                "error": "Rate limit exceeded", "limit": 100,
                "message": "Too many requests. Maximum 100 requests per 1m0s allowed. Please try again later.",
                "window": "1m0s",
            }),
        )
    }

    pub fn rate_limited(seconds: u64, msg: &str) -> Self {
        let mut e = Self::gin(StatusCode::TOO_MANY_REQUESTS, msg);
        e.retry_after = Some(seconds.max(1));
        e
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = (self.status, Json(self.body)).into_response();
        if let Some(secs) = self.retry_after {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        resp
    }
}

/// Parses a JSON request body (an empty body counts as `{}`), answering
/// malformed input in the route group's error shape.
pub fn parse_body<T: DeserializeOwned>(bytes: &[u8], shape: Shape) -> ApiResult<T> {
    let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        bytes
    };
    match shape {
        // gin's `ShouldBindJSON`: 400 with Go's decoder text, as AuthSec's handlers answer it.
        Shape::Gin => go_json::decode(bytes).map_err(|e| ApiError::gin(StatusCode::BAD_REQUEST, e)),
        Shape::App => serde_json::from_slice(bytes)
            .map_err(|e| ApiError::app(StatusCode::BAD_REQUEST, format!("Bad request: {e}"))),
        Shape::Fast => serde_json::from_slice(bytes).map_err(|e| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "detail": [{ "loc": ["body"], "msg": e.to_string(), "type": "value_error.jsondecode" }] }),
            )
        }),
    }
}

/// An optional UUID field: empty is none; anything else must parse, or gin's 400 with `msg`.
pub fn optional_uuid(raw: &str, msg: &str) -> ApiResult<Option<uuid::Uuid>> {
    match raw {
        "" => Ok(None),
        s => s
            .parse()
            .map(Some)
            .map_err(|_| ApiError::gin(StatusCode::BAD_REQUEST, msg)),
    }
}

/// A FastAPI-style `name` field: required, a string of 1-256 characters (trimmed).
pub fn fast_name(v: Option<Value>) -> ApiResult<String> {
    match v {
        None | Some(Value::Null) => Err(ApiError::fast_field(
            "name",
            "field required",
            "value_error.missing",
        )),
        Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= 256 => {
            Ok(s.trim().to_string())
        }
        Some(_) => Err(ApiError::fast_field(
            "name",
            "name must be 1-256 characters",
            "value_error",
        )),
    }
}
