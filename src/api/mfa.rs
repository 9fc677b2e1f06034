//! MFA self-service (§4): the signed-in user's TOTP devices and backup codes.

use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::nullable;
use super::retry::Method;
use super::url::Query;
use crate::config::Service;
use serde::{Deserialize, Serialize};

const BASE: &str = "/auth/tenant/totp";

/// The answer to "begin": everything the setup steps show.
#[derive(Clone, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct TotpBegin {
    pub device_id: String,
    pub secret: String,
    pub qr_code_url: String,
    pub backup_codes: Vec<String>,
}

impl std::fmt::Debug for TotpBegin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TotpBegin")
            .field("device_id", &self.device_id)
            .field("secret", &"<hidden>")
            .finish()
    }
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct TotpDevice {
    pub id: String,
    pub device_name: String,
    pub device_type: String,
    pub is_primary: bool,
    /// False until the setup was confirmed with a code.
    pub is_active: bool,
    /// Unix seconds from AuthSec (authsec-api.md §1.8), kept as RFC 3339 text.
    #[serde(deserialize_with = "nullable::time_opt")]
    pub last_used: Option<String>,
    #[serde(deserialize_with = "nullable::time")]
    pub created_at: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Devices {
    #[serde(deserialize_with = "nullable::vec")]
    pub devices: Vec<TotpDevice>,
    /// Not in the contract: shown when a server reports it.
    pub backup_codes_remaining: Option<u32>,
}

#[derive(Clone, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct BackupCodes {
    pub backup_codes: Vec<String>,
}

#[derive(Serialize)]
struct Register<'a> {
    device_name: &'a str,
    device_type: &'a str,
}

#[derive(Serialize)]
struct DeviceCode<'a> {
    device_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    totp_code: Option<&'a str>,
}

pub async fn begin(api: &Api, device_name: &str) -> Result<TotpBegin, ApiError> {
    let body = Register {
        device_name,
        device_type: "authenticator_app",
    };
    api.send(
        Method::Post,
        Service::Uflow,
        &format!("{BASE}/register"),
        Some(&body),
    )
    .await
}

pub async fn confirm(api: &Api, device_id: &str, code: &str) -> Result<(), ApiError> {
    let body = DeviceCode {
        device_id,
        totp_code: Some(code),
    };
    api.send_ok(
        Method::Post,
        Service::Uflow,
        &format!("{BASE}/confirm"),
        Some(&body),
    )
    .await
}

pub async fn devices(api: &Api) -> Result<Devices, ApiError> {
    api.get(Service::Uflow, &format!("{BASE}/devices"), &Query::new())
        .await
}

async fn device_call(api: &Api, what: &str, device_id: &str) -> Result<(), ApiError> {
    let body = DeviceCode {
        device_id,
        totp_code: None,
    };
    api.send_ok(
        Method::Post,
        Service::Uflow,
        &format!("{BASE}/devices/{what}"),
        Some(&body),
    )
    .await
}

pub async fn delete(api: &Api, device_id: &str) -> Result<(), ApiError> {
    device_call(api, "delete", device_id).await
}

pub async fn make_primary(api: &Api, device_id: &str) -> Result<(), ApiError> {
    device_call(api, "primary", device_id).await
}

pub async fn regenerate(api: &Api) -> Result<BackupCodes, ApiError> {
    let r = api
        .send::<(), _>(
            Method::Post,
            Service::Webauthn,
            "/totp/backup/regenerate",
            None,
        )
        .await;
    api.noted(Extension::BackupCodeRegeneration, r)
}
