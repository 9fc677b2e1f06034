//! Users (§3, AuthSec uflow): end users and admins, every row typed.

use super::clients::Role;
use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::nullable;
use super::retry::Method;
use super::url::segment;
use crate::config::Service;
use leptos::prelude::GetUntracked;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct EndUser {
    pub id: String,
    pub email: String,
    /// The list's spelling (`EndUserSummary`).
    pub first_name: String,
    pub last_name: String,
    /// The user record's spelling (`GET`/`PUT` one user): one name.
    #[serde(deserialize_with = "nullable::value")]
    pub name: String,
    /// The user record says `active`; the list says `status`.
    pub active: Option<bool>,
    pub phone: Option<String>,
    pub client_id: Option<String>,
    pub provider: String,
    pub status: String,
    pub email_verified: bool,
    pub mfa_enabled: bool,
    #[serde(deserialize_with = "nullable::vec")]
    pub mfa_methods: Vec<String>,
    #[serde(deserialize_with = "nullable::vec")]
    pub roles: Vec<Role>,
    pub created_at: String,
    pub updated_at: String,
    pub last_login: Option<String>,
    pub login_count: u64,
}

impl EndUser {
    pub fn is_active(&self) -> bool {
        self.active.unwrap_or(self.status == "active")
    }
    pub fn full_name(&self) -> String {
        match self.name.trim() {
            "" => full_name(&self.first_name, &self.last_name),
            n => n.to_string(),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct AdminUser {
    pub id: String,
    pub email: String,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    /// What AuthSec sends (no first/last name).
    #[serde(deserialize_with = "nullable::value")]
    pub name: String,
    pub active: bool,
    #[serde(deserialize_with = "nullable::vec")]
    pub roles: Vec<Role>,
    pub pending_registration: bool,
    pub created_at: String,
    pub last_login: Option<String>,
}

impl AdminUser {
    pub fn full_name(&self) -> String {
        match self.name.trim() {
            "" => full_name(&self.first_name, &self.last_name),
            n => n.to_string(),
        }
    }
}

/// "First Last", trimmed; empty when both are.
pub fn full_name(first: &str, last: &str) -> String {
    format!("{} {}", first.trim(), last.trim())
        .trim()
        .to_string()
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
#[serde(bound(deserialize = "U: Deserialize<'de> + Default"))]
pub struct UserPage<U> {
    #[serde(deserialize_with = "nullable::vec")]
    pub users: Vec<U>,
    pub total: u64,
    pub page: u32,
    pub limit: u32,
    pub total_pages: u32,
}

/// The end-user list request (§3 "list end users").
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct EndUserQuery {
    pub tenant_id: String,
    pub page: u32,
    pub limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mfa_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_direction: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct AdminQuery {
    pub page: u32,
    pub limit: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

/// Profile fields of an update; `None` fields are left out.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct ProfileBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Clone, Serialize, PartialEq)]
pub struct NewEndUser {
    pub tenant_id: String,
    pub email: String,
    pub password: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub first_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    pub provider: &'static str,
}

impl std::fmt::Debug for NewEndUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewEndUser")
            .field("email", &self.email)
            .field("password", &"<hidden>")
            .finish()
    }
}

/// One row of a batch create.
#[derive(Clone, Default, Serialize, PartialEq)]
pub struct BatchUser {
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub first_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

impl std::fmt::Debug for BatchUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchUser")
            .field("email", &self.email)
            .field("password", &self.password.as_ref().map(|_| "<hidden>"))
            .finish()
    }
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct BatchResult {
    pub success_created_count: u64,
    pub fail_create_emails: Vec<String>,
    pub duplicate_emails: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct BatchDeleted {
    pub deleted_count: u64,
    pub missing_ids: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Invite {
    pub email: String,
    pub username: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub first_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    pub tenant_id: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Invited {
    pub user_id: String,
    pub username: String,
    pub email: String,
    pub expires_at: String,
    pub email_sent: bool,
    pub message: String,
}

fn one(tenant_id: &str, id: &str) -> String {
    format!("/user/enduser/{}/{}", segment(tenant_id), segment(id))
}

pub async fn list(api: &Api, q: &EndUserQuery) -> Result<UserPage<EndUser>, ApiError> {
    api.post_read(Service::Uflow, "/admin/enduser/list", q)
        .await
}

pub async fn get(api: &Api, tenant_id: &str, id: &str) -> Result<EndUser, ApiError> {
    api.get(Service::Uflow, &one(tenant_id, id), &Default::default())
        .await
}

/// What `PUT` answers: `{message, user}` (authsec-api.md §c).
#[derive(Deserialize)]
pub(crate) struct Updated {
    pub user: EndUser,
}

pub async fn update(
    api: &Api,
    tenant_id: &str,
    id: &str,
    body: &ProfileBody,
) -> Result<EndUser, ApiError> {
    let out: Updated = api
        .send(Method::Put, Service::Uflow, &one(tenant_id, id), Some(body))
        .await?;
    Ok(out.user)
}

/// The status bodies: AuthSec requires the tenant in the body (authsec-api.md §c; it
/// answers 400 without), the signed-in tenant here.
#[derive(Serialize)]
struct Active<'a> {
    tenant_id: String,
    user_id: &'a str,
    active: bool,
}

impl<'a> Active<'a> {
    fn new(api: &Api, user_id: &'a str, active: bool) -> Self {
        Active {
            tenant_id: api.auth().tenant_id().get_untracked(),
            user_id,
            active,
        }
    }
}

pub async fn set_active(api: &Api, id: &str, active: bool) -> Result<(), ApiError> {
    let body = Active::new(api, id, active);
    api.send_ok(
        Method::Post,
        Service::Uflow,
        "/admin/enduser/active",
        Some(&body),
    )
    .await
}

pub async fn create(api: &Api, body: &NewEndUser) -> Result<EndUser, ApiError> {
    api.send(
        Method::Post,
        Service::Uflow,
        "/user/clients/register",
        Some(body),
    )
    .await
}

pub async fn delete(api: &Api, tenant_id: &str, id: &str) -> Result<(), ApiError> {
    api.send_ok::<()>(Method::Delete, Service::Uflow, &one(tenant_id, id), None)
        .await
}

/// The end-user batch extension's bodies name the tenant (shared/extensions-api.md).
#[derive(Serialize)]
struct Batch<'a> {
    tenant_id: String,
    users: &'a [BatchUser],
}

pub async fn batch_create(api: &Api, users: &[BatchUser]) -> Result<BatchResult, ApiError> {
    let body = Batch {
        tenant_id: api.auth().tenant_id().get_untracked(),
        users,
    };
    let r = api
        .send(
            Method::Post,
            Service::Uflow,
            "/admin/enduser/batch",
            Some(&body),
        )
        .await;
    api.noted(Extension::UserBatches, r)
}

#[derive(Serialize)]
struct BatchIds<'a> {
    tenant_id: String,
    users_ids: &'a [String],
}

pub async fn batch_delete(api: &Api, ids: &[String]) -> Result<BatchDeleted, ApiError> {
    let body = BatchIds {
        tenant_id: api.auth().tenant_id().get_untracked(),
        users_ids: ids,
    };
    let r = api
        .send(
            Method::Post,
            Service::Uflow,
            "/admin/enduser/batch-delete",
            Some(&body),
        )
        .await;
    api.noted(Extension::UserBatches, r)
}

#[derive(Deserialize)]
struct AdminList {
    #[serde(default, deserialize_with = "nullable::vec")]
    users: Vec<AdminUser>,
}

/// The admins, searched and paged here: AuthSec answers every admin at once, without
/// paging, search or totals (authsec-api.md §c.2).
pub async fn list_admins(api: &Api, q: &AdminQuery) -> Result<UserPage<AdminUser>, ApiError> {
    let all: AdminList = api
        .post_read(Service::Uflow, "/admin/users/list", &serde_json::json!({}))
        .await?;
    Ok(page_admins(all.users, q))
}

/// One page of `all` that matches the query's search (e-mail, name or username,
/// case-insensitive), with the totals a paged answer would carry.
pub fn page_admins(all: Vec<AdminUser>, q: &AdminQuery) -> UserPage<AdminUser> {
    let needle = q.search.as_deref().unwrap_or("").trim().to_lowercase();
    let hits: Vec<AdminUser> = all
        .into_iter()
        .filter(|a| {
            needle.is_empty()
                || [&a.email, &a.username, &a.full_name()]
                    .iter()
                    .any(|f| f.to_lowercase().contains(&needle))
        })
        .collect();
    let limit = q.limit.max(1);
    let page = q.page.max(1);
    let total = hits.len() as u64;
    let start = ((page - 1) * limit) as usize;
    UserPage {
        users: hits.into_iter().skip(start).take(limit as usize).collect(),
        total,
        page,
        limit,
        total_pages: total.div_ceil(u64::from(limit)) as u32,
    }
}

pub async fn invite(api: &Api, body: &Invite) -> Result<Invited, ApiError> {
    api.send(Method::Post, Service::Uflow, "/admin/invite", Some(body))
        .await
}

pub async fn set_admin_active(api: &Api, id: &str, active: bool) -> Result<(), ApiError> {
    let body = Active::new(api, id, active);
    api.send_ok(
        Method::Post,
        Service::Uflow,
        "/admin/users/active",
        Some(&body),
    )
    .await
}

pub async fn delete_admin(api: &Api, id: &str) -> Result<(), ApiError> {
    let path = format!("/admin/users/{}", segment(id));
    api.send_ok::<()>(Method::Delete, Service::Uflow, &path, None)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_an_end_user_and_tolerates_missing_optionals() {
        let u: EndUser = serde_json::from_str(
            r#"{"id":"u1","email":"a@b.io","first_name":"Ada","last_name":"L","status":"active",
               "mfa_methods":["totp"],"login_count":3,"roles":[{"id":"r","name":"viewer"}]}"#,
        )
        .unwrap();
        assert!(u.is_active());
        assert_eq!(u.full_name(), "Ada L");
        assert_eq!(u.last_login, None);
        assert_eq!(u.roles[0].name, "viewer");
    }

    #[test]
    fn list_query_leaves_out_unset_filters() {
        let q = EndUserQuery {
            tenant_id: "t".into(),
            page: 2,
            limit: 25,
            mfa_enabled: Some(false),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&q).unwrap(),
            r#"{"tenant_id":"t","page":2,"limit":25,"mfa_enabled":false}"#
        );
    }

    #[test]
    fn passwords_never_reach_debug_output() {
        let n = NewEndUser {
            tenant_id: "t".into(),
            email: "a@b.io".into(),
            password: "hunter2-secret".into(),
            first_name: String::new(),
            last_name: String::new(),
            provider: "password",
        };
        assert!(!format!("{n:?}").contains("hunter2"));
        assert!(!serde_json::to_string(&n).unwrap().contains("first_name"));
    }

    #[test]
    fn admins_are_searched_and_paged_here() {
        let admin = |email: &str, name: &str| AdminUser {
            email: email.into(),
            username: email.split('@').next().unwrap().into(),
            name: name.into(),
            ..Default::default()
        };
        let all: Vec<AdminUser> = (0..25)
            .map(|i| admin(&format!("a{i}@acme.test"), &format!("Admin {i}")))
            .chain([admin("zed@acme.test", "Ada Lovelace")])
            .collect();
        let q = |page, search: Option<&str>| AdminQuery {
            page,
            limit: 10,
            search: search.map(str::to_string),
        };
        let p = page_admins(all.clone(), &q(3, None));
        assert_eq!((p.total, p.total_pages, p.users.len()), (26, 3, 6));
        let p = page_admins(all.clone(), &q(1, Some("LOVELACE")));
        assert_eq!(p.total, 1);
        assert_eq!(p.users[0].email, "zed@acme.test");
        let p = page_admins(all, &q(1, Some("a1")));
        assert_eq!(p.total, 11, "a1 and a10..a19 by e-mail");
    }

    #[test]
    fn paths_escape_ids() {
        assert_eq!(one("t 1", "a/b"), "/user/enduser/t%201/a%2Fb");
    }
}
