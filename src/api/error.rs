//! One error type for every failure the API client can meet, decoded from the
//! three error-body shapes AuthSec services answer with.

use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The server answered with a non-success status.
    Http,
    /// No answer before the timeout.
    Timeout,
    /// The request could not be sent or the answer could not be read.
    Network,
    /// The answer arrived but was not what the contract promises.
    Decode,
    /// The request was cancelled (a newer one replaced it).
    Aborted,
    /// A write's answer was lost and a check could not tell whether it was done.
    Unsettled,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// HTTP status, 0 when no answer arrived.
    pub status: u16,
    /// A sentence a person can read.
    pub message: String,
    /// Per-field messages, keyed by field name.
    pub fields: BTreeMap<String, String>,
    /// Seconds to wait, from a `Retry-After` header.
    pub retry_after: Option<u32>,
}

impl ApiError {
    pub fn new(kind: ErrorKind, status: u16, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            status,
            message: message.into(),
            fields: BTreeMap::new(),
            retry_after: None,
        }
    }
    pub fn timeout() -> Self {
        Self::new(
            ErrorKind::Timeout,
            0,
            "The server did not answer in time. Check your connection and try again.",
        )
    }
    pub fn network() -> Self {
        Self::new(
            ErrorKind::Network,
            0,
            "The server could not be reached. Check your connection and try again.",
        )
    }
    pub fn decode(what: &str) -> Self {
        Self::new(
            ErrorKind::Decode,
            0,
            format!("The server sent an answer the console does not understand ({what})."),
        )
    }
    pub fn aborted() -> Self {
        Self::new(ErrorKind::Aborted, 0, "The request was cancelled.")
    }
    /// What a form says when its write failed: `"{not_done}. {message}"`, or the
    /// message alone when it is not known whether the write was done.
    pub fn sentence(&self, not_done: &str) -> String {
        match self.kind {
            ErrorKind::Unsettled => self.message.clone(),
            _ => format!("{not_done}. {}", self.message),
        }
    }
    /// The field message for `name`, if the server sent one.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
    /// True when the server says the route does not exist here (an
    /// extension this deployment lacks).
    pub fn is_missing_feature(&self) -> bool {
        self.kind == ErrorKind::Http && matches!(self.status, 404 | 405 | 501)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A readable fallback sentence for a status with no usable body.
fn status_sentence(status: u16) -> &'static str {
    match status {
        400 => "The request was not accepted. Check the fields and try again.",
        401 => "Your session has expired. Sign in again to continue.",
        403 => "You do not have permission to do this.",
        404 => "That item no longer exists.",
        409 => "That conflicts with something that already exists.",
        429 => "Too many requests. Wait a moment and try again.",
        500..=599 => "The server had a problem. Try again in a moment.",
        _ => "The request failed.",
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn fields_from_object(obj: &serde_json::Map<String, Value>) -> BTreeMap<String, String> {
    obj.iter()
        .filter_map(|(k, v)| match v {
            Value::String(s) => Some((k.clone(), s.clone())),
            Value::Array(items) => items
                .first()
                .and_then(Value::as_str)
                .map(|s| (k.clone(), s.to_string())),
            _ => None,
        })
        .collect()
}

/// go-playground/validator's text as gin answers a failed binding (authsec-api.md §1.6),
/// one line per field: `Key: 'LoginInput.Password' Error:Field validation for 'Password'
/// failed on the 'min' tag` (sometimes behind a prefix such as `Invalid request payload: `).
/// Answers field → sentence, keyed by the JSON name (`TenantID` → `tenant_id`).
pub fn fields_from_validator(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let Some(rest) = line.split("Error:Field validation for '").nth(1) else {
            continue;
        };
        let mut parts = rest.split('\'');
        let (Some(field), Some(_), Some(tag)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let sentence = match tag {
            "required" => "This field is required.",
            "email" => "Enter an email address like name@example.com.",
            "min" | "gte" => "This is too short.",
            "max" | "lte" => "This is too long.",
            "len" => "This has the wrong length.",
            "uuid" | "uuid4" => "This must be an id (a UUID).",
            "url" | "uri" => "Enter a full URL.",
            _ => "This value is not accepted.",
        };
        out.entry(snake_case(field))
            .or_insert_with(|| sentence.to_string());
    }
    out
}

/// `TenantID` → `tenant_id`, `MFAVerified` → `mfa_verified`, `Email` → `email`.
fn snake_case(go: &str) -> String {
    let chars: Vec<char> = go.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
        let prev_lower = i > 0 && chars[i - 1].is_lowercase();
        if c.is_uppercase() && i > 0 && (prev_lower || next_lower) {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Decodes an error body of any of the three shapes:
/// AuthSec `{"error", "message"?, "details"?}`, management apps
/// `{"message", "error_code"}` and FastAPI `{"detail": str | [{loc, msg}]}`.
pub fn decode_error(status: u16, body: &str, retry_after: Option<u32>) -> ApiError {
    let mut err = ApiError::new(ErrorKind::Http, status, status_sentence(status));
    err.retry_after = retry_after;
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(body) else {
        return err;
    };
    if let Some(detail) = map.get("detail") {
        match detail {
            Value::String(s) if !s.trim().is_empty() => err.message = s.trim().to_string(),
            Value::Array(items) => {
                for item in items {
                    let loc = item.get("loc").and_then(Value::as_array);
                    let field = loc
                        .and_then(|l| l.iter().rev().find_map(Value::as_str))
                        .filter(|f| *f != "body");
                    if let (Some(field), Some(msg)) = (field, text(item.get("msg"))) {
                        err.fields.entry(field.to_string()).or_insert(msg);
                    }
                }
                err.message = "Some fields need attention.".into();
            }
            _ => {}
        }
        return err;
    }
    // AuthSec shape: "error" is the message; "message"/"details" may add to it.
    if let Some(msg) = text(map.get("error")) {
        // gin's binding failures name the Go struct's fields: one message per field.
        let fields = fields_from_validator(&msg);
        if !fields.is_empty() {
            err.fields = fields;
            err.message = "Some fields need attention.".into();
            return err;
        }
        // The global rate limit says how long in `message`.
        if status == 429 {
            if let Some(m) = text(map.get("message")) {
                err.message = m;
                return err;
            }
        }
        // An OAuth-style code instead of a sentence (auth-manager's `insufficient_scope`
        // for a permission the caller's role lacks): the status says it.
        if !msg.contains(' ') && msg.contains('_') {
            err.message = status_sentence(status).into();
            return err;
        }
        err.message = msg;
        match map.get("details") {
            Some(Value::Object(d)) => err.fields = fields_from_object(d),
            Some(Value::String(d)) if !d.trim().is_empty() && err.message.len() < 40 => {
                err.message = format!("{}: {}", err.message, d.trim());
            }
            _ => {}
        }
        return err;
    }
    if let Some(msg) = text(map.get("message")) {
        err.message = msg;
    }
    err
}

/// Parses a `Retry-After` header given in seconds (HTTP dates are treated as
/// absent: the caller falls back to its own backoff).
pub fn parse_retry_after(header: Option<&str>) -> Option<u32> {
    header.and_then(|h| h.trim().parse::<u32>().ok())
}

#[cfg(test)]
mod tests;
