//! Users (§3, AuthSec uflow): end users and admins, every row typed.

use super::clients::Role;
use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::nullable;
use super::retry::Method;
use super::unsure::{Made, Once};
use super::url::segment;
use crate::config::Service;
use crate::secret::Secret;
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
    /// The record's `mfa_method` (AuthSec's spelling), or `mfa_methods`.
    #[serde(alias = "mfa_method", deserialize_with = "nullable::vec")]
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
    /// AuthSec's flag, set by either enrolment (TOTP, passkey); the same flag its
    /// `mfa/loginStatus` answers from, so the list needs no call per admin.
    pub mfa_enabled: bool,
    #[serde(deserialize_with = "nullable::vec")]
    pub mfa_method: Vec<String>,
}

impl AdminUser {
    /// Whether the admin has a second factor: AuthSec's flag or a method on record.
    pub fn has_second_factor(&self) -> bool {
        self.mfa_enabled || !self.mfa_method.is_empty()
    }

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
    /// How many rows the server sent, when the console searched them itself.
    #[serde(skip)]
    pub scanned: u64,
}

/// What the end-user list shows: AuthSec answers every end user at once and has no
/// search, status or sort (authsec-api.md §c.1), so [`list`] applies these here.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EndUserQuery {
    pub tenant_id: String,
    pub page: u32,
    pub limit: u32,
    /// E-mail or name, case-insensitive.
    pub search: Option<String>,
    /// `active` or `inactive`.
    pub status: Option<String>,
    /// `created_at` (default) or `email`.
    pub sort_by: Option<String>,
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
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A new end user, created through SCIM (AuthSec has no admin create route; its SCIM
/// rows take the admin's token, authsec-api.md §c): AuthSec e-mails a temporary password.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEndUser {
    pub tenant_id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
}

impl NewEndUser {
    /// The SCIM 2.0 `User` AuthSec reads (`userName`, `name`, `emails`, `active`).
    pub fn scim(&self) -> serde_json::Value {
        let display = full_name(&self.first_name, &self.last_name);
        let mut v = serde_json::json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": self.email,
            "name": { "givenName": self.first_name, "familyName": self.last_name },
            "emails": [{ "value": self.email, "type": "work", "primary": true }],
            "active": true,
            "externalId": self.email,
        });
        if !display.is_empty() {
            v["displayName"] = serde_json::json!(display);
        }
        v
    }
}

/// What SCIM create answers: the new user's id.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Created {
    pub id: String,
    #[serde(rename = "userName", default)]
    pub email: String,
}

/// One row of a batch create.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct BatchUser {
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub first_name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub last_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
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

/// The end users: AuthSec's whole list (`limit` 0 is every user), searched, filtered,
/// sorted and paged here.
pub async fn list(api: &Api, q: &EndUserQuery) -> Result<UserPage<EndUser>, ApiError> {
    Ok(page_end_users(&all(api, &q.tenant_id).await?, q))
}

/// Every end user of the tenant, in AuthSec's order (`limit` 0 is everyone).
pub async fn all(api: &Api, tenant_id: &str) -> Result<Vec<EndUser>, ApiError> {
    let body = serde_json::json!({ "tenant_id": tenant_id, "page": 1, "limit": 0 });
    let page: UserPage<EndUser> = api
        .post_read(Service::Uflow, "/admin/enduser/list", &body)
        .await?;
    Ok(page.users)
}

/// One page of the end users who are `active` (or not), newest first, from AuthSec's
/// other end-user list (`POST /uflow/user/enduser/list`): paged and counted by the
/// database (at most 100 a page), whole user records with their MFA flags. The overview
/// counts with it (`limit` 1) and reads second factors from it.
pub async fn end_user_page(
    api: &Api,
    tenant_id: &str,
    active: bool,
    page: u32,
    limit: u32,
) -> Result<UserPage<EndUser>, ApiError> {
    let body = serde_json::json!({
        "tenant_id": tenant_id, "active": active, "page": page, "limit": limit,
    });
    api.post_read(Service::Uflow, "/user/enduser/list", &body)
        .await
}

/// One page of `all` as the query asks for it, with the totals a paged answer carries.
/// Only the rows of the page are copied.
pub fn page_end_users(all: &[EndUser], q: &EndUserQuery) -> UserPage<EndUser> {
    let scanned = all.len() as u64;
    let needle = q.search.as_deref().unwrap_or("").trim().to_lowercase();
    let mut hits: Vec<&EndUser> = all
        .iter()
        .filter(|u| {
            needle.is_empty()
                || [&u.email, &u.full_name()]
                    .iter()
                    .any(|f| f.to_lowercase().contains(&needle))
        })
        .filter(|u| match q.status.as_deref() {
            Some("active") => u.is_active(),
            Some("inactive") => !u.is_active(),
            _ => true,
        })
        .collect();
    let asc = q.sort_direction.as_deref() == Some("asc");
    hits.sort_by(|a, b| {
        let ord = match q.sort_by.as_deref() {
            Some("email") => a.email.to_lowercase().cmp(&b.email.to_lowercase()),
            _ => a.created_at.cmp(&b.created_at),
        };
        (if asc { ord } else { ord.reverse() }).then_with(|| a.id.cmp(&b.id))
    });
    let page = page_of(hits, q.page, q.limit);
    UserPage {
        users: page.users.into_iter().cloned().collect(),
        total: page.total,
        page: page.page,
        limit: page.limit,
        total_pages: page.total_pages,
        scanned,
    }
}

/// Cuts page `page` of `limit` rows (both at least 1) out of `hits`.
fn page_of<U>(hits: Vec<U>, page: u32, limit: u32) -> UserPage<U> {
    let (page, limit) = (page.max(1), limit.max(1));
    let total = hits.len() as u64;
    let start = ((page - 1) * limit) as usize;
    UserPage {
        users: hits.into_iter().skip(start).take(limit as usize).collect(),
        total,
        page,
        limit,
        total_pages: total.div_ceil(u64::from(limit)) as u32,
        scanned: 0,
    }
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
            tenant_id: api.tenant_id(),
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

/// Creates an end user through SCIM: `/scim/v2/{client}/{project}/Users`, the client being
/// the one end users sign in through (config.json's `end_user_client_id`; else the
/// tenant's own id, which AuthSec maps to the tenant) and the project the tenant.
/// An email is unique among a tenant's users (SCIM answers 409 before it writes), so a
/// user that has it after a lost answer is the one this create made.
pub async fn create(api: &Api, user: &NewEndUser, once: &Once) -> Result<Made<Created>, ApiError> {
    let client = api
        .config()
        .end_user_client_id
        .unwrap_or_else(|| user.tenant_id.clone());
    let path = format!(
        "/scim/v2/{}/{}/Users",
        segment(&client),
        segment(&user.tenant_id)
    );
    let (tenant, body) = (user.tenant_id.as_str(), user.scim());
    once.create(
        &user.email,
        |email| ids_with_email(api, tenant, email),
        || api.send(Method::Post, Service::Uflow, &path, Some(&body)),
    )
    .await
}

/// The ids of the users whose email is `email` (any case).
pub async fn ids_with_email(
    api: &Api,
    tenant_id: &str,
    email: String,
) -> Result<Vec<String>, ApiError> {
    let all = all(api, tenant_id).await?;
    let mine = all
        .into_iter()
        .filter(|u| u.email.eq_ignore_ascii_case(&email));
    Ok(mine.map(|u| u.id).collect())
}

/// A new temporary password for an end user, to be shown once.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct TemporaryPassword {
    pub temporary_password: Secret,
    pub email_sent: bool,
}

/// Gives an end user a new temporary password (their old one stops working). AuthSec
/// sends the tenant in the body and answers two JSON objects in one body; the client
/// reads the first.
pub async fn reset_password(
    api: &Api,
    tenant_id: &str,
    user_id: &str,
) -> Result<TemporaryPassword, ApiError> {
    let body =
        serde_json::json!({ "tenant_id": tenant_id, "user_id": user_id, "send_email": false });
    api.send(
        Method::Post,
        Service::Uflow,
        "/user/admin/reset-password",
        Some(&body),
    )
    .await
}

/// Deletes the end user and their data: AuthSec's `DELETE` on the user only deactivates,
/// `delete_all` removes (its body names tenant and user; the path is not read).
pub async fn delete(api: &Api, tenant_id: &str, id: &str) -> Result<(), ApiError> {
    api.recent_proof().await?;
    let path = format!(
        "/user/enduser/delete_all/{}/{}",
        segment(tenant_id),
        segment(id)
    );
    let body = serde_json::json!({ "tenant_id": tenant_id, "user_id": id });
    api.send_ok(Method::Delete, Service::Uflow, &path, Some(&body))
        .await
}

/// Creates `users` one SCIM request each, four at a time (AuthSec has no batch route; the
/// batch extension is used where the server has it), answering as a batch would: a 409
/// is a duplicate, any other refusal a failed row. Passwords are not sent: AuthSec
/// e-mails each user a temporary one.
pub async fn scim_batch(api: &Api, users: &[BatchUser]) -> BatchResult {
    use futures::stream::{self, StreamExt};
    let tenant_id = api.tenant_id();
    let outcomes: Vec<(String, Result<Made<Created>, ApiError>)> = stream::iter(users.iter())
        .map(|u| {
            let new = NewEndUser {
                tenant_id: tenant_id.clone(),
                email: u.email.clone(),
                first_name: u.first_name.clone(),
                last_name: u.last_name.clone(),
            };
            async move { (new.email.clone(), create(api, &new, &Once::unique()).await) }
        })
        .buffered(4)
        .collect()
        .await;
    let mut out = BatchResult::default();
    for (email, r) in outcomes {
        match r {
            Ok(_) => out.success_created_count += 1,
            Err(e) if e.status == 409 => out.duplicate_emails.push(email),
            Err(_) => out.fail_create_emails.push(email),
        }
    }
    out
}

/// The end-user batch extension's bodies name the tenant (shared/extensions-api.md).
#[derive(Serialize)]
struct Batch<'a> {
    tenant_id: String,
    users: &'a [BatchUser],
}

pub async fn batch_create(api: &Api, users: &[BatchUser]) -> Result<BatchResult, ApiError> {
    let body = Batch {
        tenant_id: api.tenant_id(),
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
    api.recent_proof().await?;
    let body = BatchIds {
        tenant_id: api.tenant_id(),
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
    Ok(page_admins(admins(api).await?, q))
}

/// Every active admin of the tenant.
pub async fn admins(api: &Api) -> Result<Vec<AdminUser>, ApiError> {
    let all: AdminList = api
        .post_read(Service::Uflow, "/admin/users/list", &serde_json::json!({}))
        .await?;
    Ok(all.users)
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
    page_of(hits, q.page, q.limit)
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

/// Deletes an admin and their data: AuthSec's `DELETE /admin/users/:id` only deactivates;
/// `delete_all` removes (its body names tenant and user).
pub async fn delete_admin(api: &Api, id: &str) -> Result<(), ApiError> {
    let path = format!("/admin/users/delete_all/{}", segment(id));
    let body = Active::new(api, id, false);
    let body = serde_json::json!({ "tenant_id": body.tenant_id, "user_id": id });
    api.send_ok(Method::Delete, Service::Uflow, &path, Some(&body))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: &str, email: &str, name: &str, active: bool, created: &str) -> EndUser {
        EndUser {
            id: id.into(),
            email: email.into(),
            first_name: name.into(),
            status: if active { "active" } else { "inactive" }.into(),
            created_at: created.into(),
            ..Default::default()
        }
    }

    #[test]
    fn end_users_are_searched_filtered_sorted_and_paged_here() {
        let all = vec![
            user("1", "ada@acme.test", "Ada", true, "2026-01-03T00:00:00Z"),
            user("2", "bob@acme.test", "Bob", false, "2026-01-01T00:00:00Z"),
            user("3", "cy@acme.test", "Ada Cy", true, "2026-01-02T00:00:00Z"),
        ];
        let q = EndUserQuery {
            page: 1,
            limit: 10,
            ..Default::default()
        };
        let ids = |p: UserPage<EndUser>| p.users.into_iter().map(|u| u.id).collect::<Vec<_>>();
        assert_eq!(
            ids(page_end_users(&all, &q)),
            ["1", "3", "2"],
            "newest first"
        );
        let q2 = EndUserQuery {
            search: Some("ADA".into()),
            sort_by: Some("email".into()),
            sort_direction: Some("asc".into()),
            ..q.clone()
        };
        assert_eq!(ids(page_end_users(&all, &q2)), ["1", "3"]);
        let q3 = EndUserQuery {
            status: Some("inactive".into()),
            ..q.clone()
        };
        assert_eq!(ids(page_end_users(&all, &q3)), ["2"]);
        let p = page_end_users(
            &all,
            &EndUserQuery {
                page: 2,
                limit: 2,
                ..q
            },
        );
        assert_eq!((p.total, p.total_pages, p.users.len()), (3, 2, 1));
    }

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
    fn a_new_user_is_a_scim_user_named_by_email() {
        let n = NewEndUser {
            tenant_id: "t".into(),
            email: "ada@b.io".into(),
            first_name: "Ada".into(),
            last_name: String::new(),
        };
        let v = n.scim();
        assert_eq!(v["userName"], "ada@b.io");
        assert_eq!(v["emails"][0]["value"], "ada@b.io");
        assert_eq!(v["displayName"], "Ada");
        assert_eq!(v["name"]["givenName"], "Ada");
        assert!(v.get("password").is_none(), "AuthSec sets and e-mails one");
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

/// An admin invitation not yet taken up (`GET /admin/invite/pending`).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct PendingInvite {
    pub user_id: String,
    pub email: String,
    pub username: String,
    #[serde(deserialize_with = "nullable::value")]
    pub name: String,
    pub expires_at: Option<String>,
    pub is_expired: bool,
    pub created_at: String,
}

#[derive(Deserialize)]
pub struct PendingInvites {
    #[serde(default, deserialize_with = "nullable::vec")]
    pub invites: Vec<PendingInvite>,
}

/// The tenant's pending admin invitations, newest first.
pub async fn pending_invites(api: &Api) -> Result<Vec<PendingInvite>, ApiError> {
    let p: PendingInvites = api
        .get(Service::Uflow, "/admin/invite/pending", &Default::default())
        .await?;
    Ok(p.invites)
}

#[derive(Serialize)]
struct Invitee<'a> {
    user_id: &'a str,
}

/// Sends the invitation again with a new temporary password (7 more days).
pub async fn resend_invite(api: &Api, user_id: &str) -> Result<Invited, ApiError> {
    let body = Invitee { user_id };
    api.send(
        Method::Post,
        Service::Uflow,
        "/admin/invite/resend",
        Some(&body),
    )
    .await
}

/// Cancels an invitation: AuthSec deletes the invited account.
pub async fn cancel_invite(api: &Api, user_id: &str) -> Result<(), ApiError> {
    let body = Invitee { user_id };
    api.send_ok(
        Method::Post,
        Service::Uflow,
        "/admin/invite/cancel",
        Some(&body),
    )
    .await
}
