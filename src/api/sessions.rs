//! Sessions (§5, extension): the caller's own, and the tenant's for admins.

use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::retry::Method;
use super::url::{segment, Query};
use crate::config::Service;
use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct DeviceSession {
    pub id: String,
    pub device_name: String,
    pub ip_address: String,
    pub location: String,
    pub created_at: String,
    pub last_accessed: String,
    pub expires_at: String,
    pub is_current: bool,
    /// Tenant rows only.
    pub user_email: Option<String>,
    pub user_id: Option<String>,
    pub is_active: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct SessionPage {
    pub sessions: Vec<DeviceSession>,
    pub total: u64,
    pub page: u32,
    pub limit: u32,
    pub total_pages: u32,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct RevokedAll {
    pub revoked: u64,
}

pub async fn mine(api: &Api) -> Result<SessionPage, ApiError> {
    let r = api.get(Service::Sessions, "/sessions", &Query::new()).await;
    api.noted(Extension::Sessions, r)
}

pub async fn revoke_mine(api: &Api, id: &str) -> Result<(), ApiError> {
    let path = format!("/sessions/{}", segment(id));
    api.send_ok::<()>(Method::Delete, Service::Sessions, &path, None)
        .await
}

pub async fn revoke_all_mine(api: &Api) -> Result<RevokedAll, ApiError> {
    api.send::<(), _>(
        Method::Post,
        Service::Sessions,
        "/sessions/revoke-all",
        None,
    )
    .await
}

/// Tenant sessions (admin): `query` holds `user_id`, `email`, `active`,
/// `page` and `limit`.
pub async fn tenant(api: &Api, query: &Query) -> Result<SessionPage, ApiError> {
    let r = api.get(Service::Sessions, "/admin/sessions", query).await;
    api.noted(Extension::Sessions, r)
}

pub async fn revoke_any(api: &Api, id: &str) -> Result<(), ApiError> {
    let path = format!("/admin/sessions/{}", segment(id));
    api.send_ok::<()>(Method::Delete, Service::Sessions, &path, None)
        .await
}
