//! Passkey enrolment for the signed-in user (§4).

use super::error::ApiError;
use super::http::Api;
use super::retry::Method;
use crate::config::Service;
use serde_json::{json, Value};

/// Begins registration; returns the `publicKey` creation options.
pub async fn begin_registration(
    api: &Api,
    email: &str,
    tenant_id: &str,
) -> Result<Value, ApiError> {
    let body = json!({ "email": email, "tenant_id": tenant_id });
    let v: Value = api
        .send(
            Method::Post,
            Service::Webauthn,
            "/enduser/beginRegistration",
            Some(&body),
        )
        .await?;
    v.get("publicKey")
        .cloned()
        .ok_or_else(|| ApiError::decode("publicKey missing"))
}

pub async fn finish_registration(
    api: &Api,
    email: &str,
    tenant_id: &str,
    name: &str,
    credential: Value,
) -> Result<(), ApiError> {
    let body =
        json!({ "email": email, "tenant_id": tenant_id, "name": name, "credential": credential });
    api.send::<_, Value>(
        Method::Post,
        Service::Webauthn,
        "/enduser/finishRegistration",
        Some(&body),
    )
    .await
    .map(|_| ())
}
