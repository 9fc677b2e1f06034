//! The workspace itself (authsec-api.md §f.1, §f.4): its profile, read from AuthSec's
//! list of every tenant (there is no route for one; its update saves nothing, so the
//! console only reads), and the SCIM token. The list carries each tenant's password
//! hash: it is not decoded.

use super::error::{ApiError, ErrorKind};
use super::http::Api;
use super::nullable;
use super::retry::Method;
use crate::config::Service;
use crate::secret::Secret;
use serde::Deserialize;
use serde_json::json;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Tenant {
    pub id: String,
    pub name: String,
    pub email: String,
    pub tenant_domain: String,
    pub status: String,
    #[serde(deserialize_with = "nullable::time")]
    pub created_at: String,
}

#[derive(Deserialize)]
pub(crate) struct Listed {
    #[serde(default, deserialize_with = "nullable::vec")]
    pub tenants: Vec<Tenant>,
}

/// The signed-in workspace's profile.
pub async fn current(api: &Api) -> Result<Tenant, ApiError> {
    let id = api.tenant_id();
    let l: Listed = api
        .get(Service::Uflow, "/admin/tenants", &Default::default())
        .await?;
    l.tenants
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::new(ErrorKind::Http, 404, "Tenant not found"))
}

/// A SCIM bearer token: valid 365 days, shown once; AuthSec can neither list nor revoke it.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct ScimToken {
    pub token: Secret,
    /// Where a SCIM client sends its requests. AuthSec's own `base_url` names the host it
    /// was called on without the `/authsec` prefix and with `http`, which is wrong behind
    /// the gateway: [`scim_token`] puts the configured API address here instead.
    pub base_url: String,
    #[serde(deserialize_with = "nullable::time")]
    pub expire_at: String,
}

/// Mints a SCIM token for provisioning through `client_id` into this workspace.
pub async fn scim_token(api: &Api, client_id: &str) -> Result<ScimToken, ApiError> {
    let body = json!({ "client_id": client_id, "project_id": api.tenant_id() });
    let mut t: ScimToken = api
        .send(
            Method::Post,
            Service::Uflow,
            "/admin/scim/generate-token",
            Some(&body),
        )
        .await?;
    t.base_url = format!(
        "{}/scim/v2/{}/{}",
        api.config().base(Service::Uflow),
        client_id,
        api.tenant_id()
    );
    Ok(t)
}
