//! A workspace's domains (authsec-api.md §f.2): added, proven by a DNS TXT record,
//! one made primary, deleted. The tenant goes in the path (the token's: AuthSec
//! refuses any other). Times come in Go's `time.Time.String()` form and are turned
//! into RFC 3339 here.

use super::error::ApiError;
use super::http::Api;
use super::nullable;
use super::retry::Method;
use super::url::segment;
use crate::config::Service;
use serde::Deserialize;
use serde_json::json;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Domain {
    pub id: String,
    pub domain: String,
    pub is_primary: bool,
    pub is_verified: bool,
    /// The TXT record that proves the domain: its name and value.
    pub verification_txt_name: String,
    pub verification_txt_value: String,
    #[serde(deserialize_with = "nullable::go_time_opt")]
    pub verified_at: Option<String>,
    #[serde(deserialize_with = "nullable::go_time")]
    pub created_at: String,
}

#[derive(Deserialize)]
pub(crate) struct Listed {
    #[serde(default, deserialize_with = "nullable::vec")]
    pub domains: Vec<Domain>,
}

#[derive(Deserialize)]
pub(crate) struct One {
    pub domain: Domain,
}

fn base(api: &Api) -> String {
    format!("/admin/tenants/{}/domains", segment(&api.tenant_id()))
}

fn of(api: &Api, id: &str, action: &str) -> String {
    format!("{}/{}{action}", base(api), segment(id))
}

/// The workspace's domains, the primary first, then the newest.
pub async fn list(api: &Api) -> Result<Vec<Domain>, ApiError> {
    let l: Listed = api
        .get(Service::Uflow, &base(api), &Default::default())
        .await?;
    Ok(l.domains)
}

/// Adds a domain (AuthSec lower-cases it and drops a trailing dot); not yet verified.
pub async fn add(api: &Api, domain: &str) -> Result<Domain, ApiError> {
    let body = json!({ "domain": domain });
    let o: One = api
        .send(Method::Post, Service::Uflow, &base(api), Some(&body))
        .await?;
    Ok(o.domain)
}

/// Asks AuthSec to look up the TXT record now.
pub async fn verify(api: &Api, id: &str) -> Result<Domain, ApiError> {
    let o: One = api
        .send::<(), _>(Method::Post, Service::Uflow, &of(api, id, "/verify"), None)
        .await?;
    Ok(o.domain)
}

/// Makes a verified domain the primary one (the previous primary stops being it).
pub async fn set_primary(api: &Api, id: &str) -> Result<Domain, ApiError> {
    let path = of(api, id, "/set-primary");
    let o: One = api
        .send::<(), _>(Method::Post, Service::Uflow, &path, None)
        .await?;
    Ok(o.domain)
}

pub async fn delete(api: &Api, id: &str) -> Result<(), ApiError> {
    api.send_ok::<()>(Method::Delete, Service::Uflow, &of(api, id, ""), None)
        .await
}
