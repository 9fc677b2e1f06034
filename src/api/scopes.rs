//! Scopes and API scopes (authsec-api.md §e.2). A scope names the resources a project
//! may reach (`*` for all); AuthSec deletes a scope whose update names no resource, so
//! [`update_scope`] refuses that here. An API scope is an OAuth scope (`resource:action`)
//! mapped to permissions; on update an empty description or permission list means
//! "unchanged" to AuthSec.

use super::access::Permission;
use super::error::{ApiError, ErrorKind};
use super::http::Api;
use super::nullable;
use super::retry::Method;
use super::url::{segment, Query};
use crate::config::Service;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// AuthSec's mark for "every resource".
pub const ALL: &str = "*";

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Scope {
    pub scope_name: String,
    #[serde(deserialize_with = "nullable::vec")]
    pub resources: Vec<String>,
}

impl Scope {
    pub fn covers_all(&self) -> bool {
        self.resources.iter().any(|r| r == ALL)
    }
}

const SCOPES: &str = "/admin/scopes";

fn scope_path(name: &str) -> String {
    format!("{SCOPES}/{}", segment(name))
}

/// Every scope with its resources, by name.
pub async fn scopes(api: &Api) -> Result<Vec<Scope>, ApiError> {
    let list: Option<Vec<Scope>> = api
        .get(Service::Uflow, &format!("{SCOPES}/mappings"), &Query::new())
        .await?;
    Ok(list.unwrap_or_default())
}

/// Creates a scope over `resources` (`["*"]` for all of them).
pub async fn create_scope(api: &Api, name: &str, resources: &[String]) -> Result<(), ApiError> {
    let body = json!({ "scope_name": name, "resources": resources });
    api.send_ok(Method::Post, Service::Uflow, SCOPES, Some(&body))
        .await
}

/// Replaces a scope's resources; never with none (AuthSec would delete the scope).
pub async fn update_scope(api: &Api, name: &str, resources: &[String]) -> Result<(), ApiError> {
    if resources.is_empty() {
        return Err(ApiError::new(
            ErrorKind::Http,
            0,
            "A scope needs at least one resource.",
        ));
    }
    let body = json!({ "resources": resources });
    api.send_ok(Method::Put, Service::Uflow, &scope_path(name), Some(&body))
        .await
}

pub async fn delete_scope(api: &Api, name: &str) -> Result<(), ApiError> {
    api.send_ok::<()>(Method::Delete, Service::Uflow, &scope_path(name), None)
        .await
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct ApiScope {
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "nullable::value")]
    pub description: String,
    pub permissions_linked: u32,
    /// Only in the answer for one scope (and absent when none is linked).
    #[serde(deserialize_with = "nullable::vec")]
    pub permission_ids: Vec<String>,
    #[serde(deserialize_with = "nullable::vec")]
    pub permission_strings: Vec<String>,
    #[serde(deserialize_with = "nullable::time")]
    pub created_at: String,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct ApiScopeDraft {
    pub name: String,
    pub description: String,
    pub mapped_permission_ids: Vec<String>,
}

const API_SCOPES: &str = "/admin/api_scopes";

fn api_scope_path(id: &str) -> String {
    format!("{API_SCOPES}/{}", segment(id))
}

/// Every API scope, newest first.
pub async fn api_scopes(api: &Api) -> Result<Vec<ApiScope>, ApiError> {
    let list: Option<Vec<ApiScope>> = api.get(Service::Uflow, API_SCOPES, &Query::new()).await?;
    Ok(list.unwrap_or_default())
}

/// One API scope with the ids of its permissions.
pub async fn api_scope(api: &Api, id: &str) -> Result<ApiScope, ApiError> {
    api.get(Service::Uflow, &api_scope_path(id), &Query::new())
        .await
}

pub async fn create_api_scope(api: &Api, d: &ApiScopeDraft) -> Result<ApiScope, ApiError> {
    api.send(Method::Post, Service::Uflow, API_SCOPES, Some(d))
        .await
}

pub async fn update_api_scope(
    api: &Api,
    id: &str,
    d: &ApiScopeDraft,
) -> Result<ApiScope, ApiError> {
    api.send(Method::Put, Service::Uflow, &api_scope_path(id), Some(d))
        .await
}

pub async fn delete_api_scope(api: &Api, id: &str) -> Result<(), ApiError> {
    api.send_ok::<()>(Method::Delete, Service::Uflow, &api_scope_path(id), None)
        .await
}

/// The `resource:action` strings of the permissions `ids` names (for a list row, which
/// carries only a count).
pub fn named(ids: &[String], all: &[Permission]) -> Vec<String> {
    all.iter()
        .filter(|p| ids.contains(&p.id))
        .map(|p| p.full_permission_string.clone())
        .collect()
}
