//! The signed-in user's passkeys: list, rename and delete (extension rows;
//! registration is AuthSec's, in `super::mfa`).

use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::retry::Method;
use crate::config::Service;
use serde_json::json;

/// One of the user's passkeys (extension rows).
#[derive(Clone, Debug, Default, serde::Deserialize, PartialEq)]
#[serde(default)]
pub struct Passkey {
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub transports: Vec<String>,
    pub authenticator_attachment: Option<String>,
}

#[derive(serde::Deserialize)]
struct PasskeyList {
    #[serde(default)]
    passkeys: Vec<Passkey>,
}

/// The user's passkeys; a 404/405/501 means the server lacks the extension.
pub async fn list(api: &Api) -> Result<Vec<Passkey>, ApiError> {
    let r = api
        .get(Service::Passkeys, "/credentials", &Default::default())
        .await;
    let l: PasskeyList = api.noted(Extension::Passkeys, r)?;
    Ok(l.passkeys)
}

pub async fn rename(api: &Api, id: &str, name: &str) -> Result<(), ApiError> {
    let path = format!("/credentials/{}", super::url::segment(id));
    api.send_ok(
        Method::Patch,
        Service::Passkeys,
        &path,
        Some(&json!({ "name": name })),
    )
    .await
}

pub async fn delete(api: &Api, id: &str) -> Result<(), ApiError> {
    let path = format!("/credentials/{}", super::url::segment(id));
    api.send_ok::<()>(Method::Delete, Service::Passkeys, &path, None)
        .await
}
