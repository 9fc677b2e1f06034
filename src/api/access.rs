//! Access control (authsec-api.md §e.1): roles, the permissions they are made of, and
//! role bindings (an admin holds a role). Everything is the token's tenant; the tenant id
//! never goes in the request. There is no route to remove a binding.

use super::error::ApiError;
use super::http::Api;
use super::nullable;
use super::retry::Method;
use super::url::{segment, Query};
use crate::config::Service;
use serde::{Deserialize, Serialize};

/// A row of the role list.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Role {
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "nullable::value")]
    pub description: String,
    /// Distinct admins bound to it.
    pub users_assigned: u64,
    pub permissions_count: u64,
    #[serde(deserialize_with = "nullable::vec")]
    pub user_ids: Vec<String>,
    #[serde(deserialize_with = "nullable::vec")]
    pub usernames: Vec<String>,
}

/// One role with its permissions as `resource:action`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct RoleDetail {
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "nullable::value")]
    pub description: String,
    #[serde(deserialize_with = "nullable::vec")]
    pub permissions: Vec<String>,
    #[serde(deserialize_with = "nullable::vec")]
    pub user_ids: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Permission {
    pub id: String,
    pub resource: String,
    pub action: String,
    /// `resource:action`.
    pub full_permission_string: String,
    #[serde(deserialize_with = "nullable::value")]
    pub description: String,
    pub roles_assigned: u64,
}

/// An admin holding a role (tenant-wide, or in a scope).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Binding {
    pub id: String,
    pub user_id: String,
    pub username: String,
    pub email: String,
    pub role_id: String,
    pub role_name: String,
    pub scope_type: Option<String>,
    pub scope_id: Option<String>,
    pub created_at: String,
}

/// What a role is saved as: the whole permission set each time.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoleDraft {
    pub name: String,
    pub description: String,
    pub permission_ids: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Saved {
    pub id: String,
    pub name: String,
    pub permissions_count: u64,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct NewPermission {
    pub id: String,
}

const ROLES: &str = "/admin/roles";
const PERMISSIONS: &str = "/admin/permissions";
const BINDINGS: &str = "/admin/bindings";

fn role_path(id: &str) -> String {
    format!("{ROLES}/{}", segment(id))
}

/// Every role of the tenant (the server sends `null` for none).
pub async fn roles(api: &Api) -> Result<Vec<Role>, ApiError> {
    let list: Option<Vec<Role>> = api.get(Service::Uflow, ROLES, &Query::new()).await?;
    Ok(list.unwrap_or_default())
}

pub async fn role(api: &Api, id: &str) -> Result<RoleDetail, ApiError> {
    api.get(Service::Uflow, &role_path(id), &Query::new()).await
}

pub async fn create_role(api: &Api, draft: &RoleDraft) -> Result<Saved, ApiError> {
    api.send(Method::Post, Service::Uflow, ROLES, Some(draft))
        .await
}

pub async fn update_role(api: &Api, id: &str, draft: &RoleDraft) -> Result<Saved, ApiError> {
    api.send(Method::Put, Service::Uflow, &role_path(id), Some(draft))
        .await
}

pub async fn delete_role(api: &Api, id: &str) -> Result<(), ApiError> {
    api.send_ok::<()>(Method::Delete, Service::Uflow, &role_path(id), None)
        .await
}

pub async fn permissions(api: &Api) -> Result<Vec<Permission>, ApiError> {
    let list: Option<Vec<Permission>> = api.get(Service::Uflow, PERMISSIONS, &Query::new()).await?;
    Ok(list.unwrap_or_default())
}

#[derive(Serialize)]
struct PermissionBody<'a> {
    resource: &'a str,
    action: &'a str,
    description: &'a str,
}

pub async fn create_permission(
    api: &Api,
    resource: &str,
    action: &str,
    description: &str,
) -> Result<NewPermission, ApiError> {
    let body = PermissionBody {
        resource,
        action,
        description,
    };
    api.send(Method::Post, Service::Uflow, PERMISSIONS, Some(&body))
        .await
}

pub async fn delete_permission(api: &Api, id: &str) -> Result<(), ApiError> {
    let path = format!("{PERMISSIONS}/{}", segment(id));
    api.send_ok::<()>(Method::Delete, Service::Uflow, &path, None)
        .await
}

/// Who holds a role, newest first.
pub async fn holders(api: &Api, role_id: &str) -> Result<Vec<Binding>, ApiError> {
    let list: Option<Vec<Binding>> = api
        .get(
            Service::Uflow,
            BINDINGS,
            &Query::new().add("role_id", role_id),
        )
        .await?;
    Ok(list.unwrap_or_default())
}

#[derive(Serialize)]
struct BindBody<'a> {
    user_id: &'a str,
    role_id: &'a str,
}

/// Gives an admin a role, tenant-wide.
pub async fn bind(api: &Api, user_id: &str, role_id: &str) -> Result<(), ApiError> {
    let body = BindBody { user_id, role_id };
    api.send_ok(Method::Post, Service::Uflow, BINDINGS, Some(&body))
        .await
}

#[derive(Serialize)]
struct PolicyCheck<'a> {
    principal_id: &'a str,
    resource: &'a str,
    action: &'a str,
}

#[derive(Deserialize)]
pub(crate) struct PolicyAnswer {
    pub allowed: bool,
}

/// Whether a tenant-wide role binding of `principal` grants `resource:action`
/// (AuthSec's policy check: what its `Require(resource, action)` on a route asks).
pub async fn may(
    api: &Api,
    principal: &str,
    resource: &str,
    action: &str,
) -> Result<bool, ApiError> {
    let body = PolicyCheck {
        principal_id: principal,
        resource,
        action,
    };
    let a: PolicyAnswer = api
        .post_read(Service::Uflow, "/admin/policy/check", &body)
        .await?;
    Ok(a.allowed)
}
