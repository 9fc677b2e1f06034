//! Clients (§2, AuthSec clientms).

use super::error::ApiError;
use super::http::Api;
use super::url::{segment, Query};
use crate::config::Service;
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Client {
    pub id: String,
    pub client_id: String,
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub active: bool,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub client_type: String,
    #[serde(default)]
    pub created_at: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Pagination {
    pub page: u32,
    pub limit: u32,
    pub total: u64,
    pub total_pages: u32,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ClientPage {
    pub clients: Vec<Client>,
    pub pagination: Pagination,
}

fn base(tenant_id: &str) -> String {
    format!("/tenants/{}/clients", segment(tenant_id))
}

pub async fn list(api: &Api, tenant_id: &str, query: &Query) -> Result<ClientPage, ApiError> {
    api.get(
        Service::ClientMs,
        &format!("{}/getClients", base(tenant_id)),
        query,
    )
    .await
}
