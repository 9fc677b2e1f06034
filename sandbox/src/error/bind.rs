//! gin's binding failures, in go-playground/validator's words: the `binding` tags a
//! request failed, one line per `(Field, tag)` in struct order.

use axum::http::StatusCode;

use super::{ApiError, ApiResult};

/// gin's `ShouldBindJSON` on a body with no `binding` tags: the request, or the text gin
/// answers (`EOF` for no body, else Go's decoder's own).
pub use super::go_json::decode;

/// The `required` tags a request failed: each `(Field, is missing)` that is missing.
pub fn missing(fields: &[(&'static str, bool)]) -> Vec<(&'static str, &'static str)> {
    fields
        .iter()
        .filter(|(_, absent)| *absent)
        .map(|(field, _)| (*field, "required"))
        .collect()
}

/// The validator's text for failed tags of `strukt` (`""` for an anonymous struct, whose
/// namespace has no struct prefix).
pub fn bind_text(strukt: &str, failures: &[(&str, &str)]) -> String {
    failures
        .iter()
        .map(|(field, tag)| {
            let key = if strukt.is_empty() {
                field.to_string()
            } else {
                format!("{strukt}.{field}")
            };
            format!("Key: '{key}' Error:Field validation for '{field}' failed on the '{tag}' tag")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// gin's `ShouldBindJSON` answer: 400 with the validator's text.
pub fn bind_error(strukt: &str, failures: &[(&str, &str)]) -> ApiError {
    ApiError::gin(StatusCode::BAD_REQUEST, bind_text(strukt, failures))
}

/// 400 `Invalid request payload: <validator text>`, as most admin handlers wrap it.
pub fn payload_error(strukt: &str, failures: &[(&str, &str)]) -> ApiError {
    let text = bind_text(strukt, failures);
    ApiError::gin(
        StatusCode::BAD_REQUEST,
        format!("Invalid request payload: {text}"),
    )
}

/// The three keys of the admin status rows, checked as AuthSec binds them (`tenant_id`,
/// `user_id`, `active` all required; not compared with the token).
pub fn check_toggle(
    tenant: &Option<String>,
    user: &Option<String>,
    active: Option<bool>,
) -> ApiResult<bool> {
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|t| t.trim().is_empty());
    let failed = missing(&[
        ("TenantID", blank(tenant)),
        ("UserID", blank(user)),
        ("Active", active.is_none()),
    ]);
    match active {
        Some(a) if failed.is_empty() => Ok(a),
        _ => Err(payload_error("toggleAdminUserActiveRequest", &failed)),
    }
}
