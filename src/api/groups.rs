//! Groups (authsec-api.md §e.3): the tenant's groups and their members (end users).
//! AuthSec has no route for one group: [`one`] reads the list. The list and the rename
//! take the tenant from the body; members are added and removed in bulk.

use super::error::{ApiError, ErrorKind};
use super::http::Api;
use super::nullable;
use super::retry::Method;
use super::url::segment;
use crate::config::Service;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;
use serde_json::value::RawValue;

/// AuthSec's `TenantGroup`: no member count, no roles.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Group {
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "nullable::value")]
    pub description: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A group with its members, as the list answers it.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct WithMembers {
    pub group: Group,
    #[serde(deserialize_with = "nullable::vec")]
    pub users: Vec<Member>,
}

/// A member as a group's page shows it: of AuthSec's whole `User` (authsec-api.md §e.3),
/// only what the page reads is kept, so 10,000 members decode in far fewer allocations.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Member {
    pub id: String,
    pub email: String,
    #[serde(deserialize_with = "nullable::value")]
    pub name: String,
    /// AuthSec's `User` says `active`; a list row would say `status`.
    pub active: Option<bool>,
    pub status: String,
    #[serde(deserialize_with = "nullable::value")]
    pub created_at: String,
}

impl Member {
    pub fn is_active(&self) -> bool {
        self.active.unwrap_or(self.status == "active")
    }
}

/// A group with the number of its members: what every list but a group's own page
/// needs. The members are counted, not decoded, so 10,000 groups, or a group of 10,000
/// members, decode in a fraction of the time.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Counted {
    pub group: Group,
    #[serde(rename = "users", deserialize_with = "nullable::count")]
    pub members: usize,
}

#[derive(Deserialize)]
#[serde(bound = "G: Deserialize<'de>")]
pub struct Listed<G> {
    #[serde(default = "Vec::new", deserialize_with = "nullable::vec")]
    pub groups: Vec<G>,
}

#[derive(Deserialize)]
pub struct Created {
    #[serde(default, deserialize_with = "nullable::vec")]
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct MembersChanged {
    pub group_id: String,
    pub user_count: u64,
}

/// The groups AuthSec lists for `body` (the tenant's, or one user's), decoded as `G`.
async fn listed<G: DeserializeOwned>(
    api: &Api,
    body: serde_json::Value,
) -> Result<Vec<G>, ApiError> {
    let l: Listed<G> = api
        .post_read(Service::Uflow, "/admin/groups/list", &body)
        .await?;
    Ok(l.groups)
}

/// Every group of the tenant with its member count.
pub async fn list(api: &Api) -> Result<Vec<Counted>, ApiError> {
    listed(api, json!({ "tenant_id": api.tenant_id() })).await
}

/// The groups one user is in.
pub async fn of_user(api: &Api, user_id: &str) -> Result<Vec<Group>, ApiError> {
    let body = json!({ "tenant_id": api.tenant_id(), "user_id": user_id });
    let l: Vec<Counted> = listed(api, body).await?;
    Ok(l.into_iter().map(|g| g.group).collect())
}

/// A listed group left as JSON text: [`one`] decodes only the group it looks for, so a
/// tenant of 10,000 groups costs a scan, not 10,000 groups and all their members.
#[derive(Deserialize)]
struct Unread {
    #[serde(default)]
    group: Option<Box<RawValue>>,
    #[serde(default)]
    users: Option<Box<RawValue>>,
}

#[derive(Deserialize)]
struct IdOf {
    #[serde(default)]
    id: String,
}

fn parse<T: DeserializeOwned>(raw: &RawValue) -> Result<T, ApiError> {
    serde_json::from_str(raw.get())
        .map_err(|_| ApiError::decode("a field is missing or of the wrong type"))
}

/// One group with its members (from the list: AuthSec has no route for one).
pub async fn one(api: &Api, id: &str) -> Result<WithMembers, ApiError> {
    let all: Vec<Unread> = listed(api, json!({ "tenant_id": api.tenant_id() })).await?;
    find(all, id)
}

fn find(all: Vec<Unread>, id: &str) -> Result<WithMembers, ApiError> {
    for listed in all {
        let Some(raw) = listed.group else { continue };
        if parse::<IdOf>(&raw)?.id != id {
            continue;
        }
        let users: Option<Vec<Member>> = match &listed.users {
            Some(users) => parse(users)?,
            None => None,
        };
        return Ok(WithMembers {
            group: parse(&raw)?,
            users: users.unwrap_or_default(),
        });
    }
    Err(ApiError::new(ErrorKind::Http, 404, "Group not found"))
}

/// Creates a group. AuthSec answers an existing group of that name unchanged, so the
/// caller checks names first.
pub async fn create(api: &Api, name: &str) -> Result<Group, ApiError> {
    let body = json!({ "tenant_id": api.tenant_id(), "groups": [name] });
    let c: Created = api
        .send(Method::Post, Service::Uflow, "/admin/groups", Some(&body))
        .await?;
    c.groups
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::decode("no group in the answer"))
}

#[derive(Serialize)]
struct Rename<'a> {
    tenant_id: String,
    name: &'a str,
    description: &'a str,
}

/// Renames a group. AuthSec answers 200 even when no group has this id.
pub async fn rename(api: &Api, id: &str, name: &str, description: &str) -> Result<(), ApiError> {
    let body = Rename {
        tenant_id: api.tenant_id(),
        name,
        description,
    };
    let path = format!("/admin/groups/{}", segment(id));
    api.send_ok(Method::Put, Service::Uflow, &path, Some(&body))
        .await
}

/// Deletes groups by id (AuthSec's key is `groups` though it takes ids).
pub async fn delete(api: &Api, ids: &[String]) -> Result<(), ApiError> {
    let body = json!({ "groups": ids });
    api.send_ok(Method::Delete, Service::Uflow, "/admin/groups", Some(&body))
        .await
}

/// Adds users to a group: all of them or, on any failure, none.
pub async fn add_members(
    api: &Api,
    group: &str,
    users: &[String],
) -> Result<MembersChanged, ApiError> {
    change_members(api, Method::Post, group, users).await
}

pub async fn remove_members(
    api: &Api,
    group: &str,
    users: &[String],
) -> Result<MembersChanged, ApiError> {
    change_members(api, Method::Delete, group, users).await
}

async fn change_members(
    api: &Api,
    method: Method,
    group: &str,
    users: &[String],
) -> Result<MembersChanged, ApiError> {
    let body = json!({ "group_id": group, "user_ids": users });
    let path = format!("/admin/groups/{}/users/bulk", segment(&api.tenant_id()));
    api.send(method, Service::Uflow, &path, Some(&body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(body: &str) -> Vec<Unread> {
        serde_json::from_str::<Listed<Unread>>(body).unwrap().groups
    }

    #[test]
    fn one_group_is_found_in_the_list_with_its_members_only() {
        let body = r#"{"groups":[
            {"group":{"id":"g1","name":"Ops","description":null},"users":[{"id":"u9","email":"x@acme.test"}]},
            {"group":{"id":"g2","name":"Engineering","description":"Platform"},
             "users":[{"id":"u1","email":"ada@acme.test","groups":null},{"id":"u2","email":"bo@acme.test"}]},
            {"group":{"id":"g3","name":"Empty"},"users":null}]}"#;
        let g2 = find(listed(body), "g2").unwrap();
        assert_eq!(g2.group.name, "Engineering");
        assert_eq!(g2.group.description, "Platform");
        let emails: Vec<&str> = g2.users.iter().map(|u| u.email.as_str()).collect();
        assert_eq!(emails, ["ada@acme.test", "bo@acme.test"]);
        assert!(find(listed(body), "g3").unwrap().users.is_empty());
        assert_eq!(find(listed(body), "g4").unwrap_err().status, 404);
    }

    #[test]
    fn a_malformed_member_of_the_group_looked_for_is_a_decode_error() {
        let body = r#"{"groups":[{"group":{"id":"g1"},"users":[{"id":7}]}]}"#;
        assert_eq!(
            find(listed(body), "g1").unwrap_err().kind,
            ErrorKind::Decode
        );
        // Another group's members are not read.
        assert!(find(listed(body), "g2").is_err_and(|e| e.status == 404));
    }
}
