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

/// The body of the admin status rows (`/admin/users/active`, `/enduser/active`):
/// `tenant_id`, `user_id` and `active`, all required as AuthSec binds them; the tenant is
/// not compared with the token.
#[derive(serde::Deserialize)]
pub struct ToggleReq {
    tenant_id: Option<String>,
    user_id: Option<String>,
    active: Option<bool>,
}

impl ToggleReq {
    /// The switch and the user id the request names, or AuthSec's binding failure.
    pub fn check(self) -> ApiResult<(bool, String)> {
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|t| t.trim().is_empty());
        let failed = missing(&[
            ("TenantID", blank(&self.tenant_id)),
            ("UserID", blank(&self.user_id)),
            ("Active", self.active.is_none()),
        ]);
        match self.active {
            Some(a) if failed.is_empty() => Ok((a, self.user_id.unwrap_or_default())),
            _ => Err(payload_error("toggleAdminUserActiveRequest", &failed)),
        }
    }
}
