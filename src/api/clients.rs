//! Clients (§2, AuthSec clientms): every row of the contract, typed.

use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::nullable;
use super::retry::Method;
use super::unsure::{Made, Once};
use super::url::{segment, Query};
use crate::config::Service;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Role {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Client {
    pub id: String,
    pub client_id: String,
    pub tenant_id: String,
    pub project_id: Option<String>,
    pub owner_id: Option<String>,
    pub org_id: Option<String>,
    pub name: String,
    pub email: String,
    pub status: String,
    pub active: bool,
    #[serde(deserialize_with = "nullable::vec")]
    pub tags: Vec<String>,
    #[serde(deserialize_with = "nullable::vec")]
    pub roles: Vec<Role>,
    pub oidc_enabled: bool,
    pub hydra_client_id: Option<String>,
    pub client_type: String,
    pub mfa_enabled: bool,
    pub mfa_verified: bool,
    #[serde(deserialize_with = "nullable::vec")]
    pub mfa_method: Vec<String>,
    pub mfa_default_method: Option<String>,
    pub mfa_enrolled_at: Option<String>,
    pub last_login: Option<String>,
    pub user_count: u64,
    #[serde(deserialize_with = "nullable::vec")]
    pub authentication_methods: Vec<String>,
    pub deleted: bool,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Pagination {
    pub page: u32,
    pub limit: u32,
    pub total: u64,
    pub total_pages: u32,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct ClientPage {
    #[serde(deserialize_with = "nullable::vec")]
    pub clients: Vec<Client>,
    pub pagination: Pagination,
}

/// The body of create and update; `None` fields are left out.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct ClientBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oidc_enabled: Option<bool>,
}

impl ClientBody {
    /// What AuthSec's create binds (`RegisterClientsRequest`): name, e-mail, type.
    fn for_create(&self) -> ClientBody {
        ClientBody {
            name: self.name.clone(),
            email: self.email.clone(),
            client_type: self.client_type.clone(),
            ..Default::default()
        }
    }

    /// What create leaves for an update: the tags and the OIDC switch, when set.
    fn after_create(&self) -> Option<ClientBody> {
        let body = ClientBody {
            tags: self.tags.clone().filter(|t| !t.is_empty()),
            oidc_enabled: self.oidc_enabled.filter(|on| *on),
            ..Default::default()
        };
        (body != ClientBody::default()).then_some(body)
    }
}

/// What create answers: `secret_id` is the client secret, shown once. AuthSec leaves
/// it out when its Vault write failed (the client exists all the same).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Created {
    pub id: String,
    pub client_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub secret_id: Option<Secret>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Rotated {
    pub client_id: String,
    pub client_secret: Secret,
}

/// What activate and deactivate answer: `{client, message}`.
#[derive(Deserialize)]
pub(crate) struct Wrapped {
    pub client: Client,
}

fn base(tenant_id: &str) -> String {
    format!("/tenants/{}/clients", segment(tenant_id))
}

fn one(tenant_id: &str, id: &str) -> String {
    format!("{}/{}", base(tenant_id), segment(id))
}

pub async fn list(api: &Api, tenant_id: &str, query: &Query) -> Result<ClientPage, ApiError> {
    api.get(
        Service::ClientMs,
        &format!("{}/getClients", base(tenant_id)),
        query,
    )
    .await
}

/// The first `limit` live clients whose name holds `name` (the server's own filter).
pub async fn find(
    api: &Api,
    tenant_id: &str,
    name: &str,
    limit: u32,
) -> Result<Vec<Client>, ApiError> {
    let q = Query::new()
        .add("name", name.trim())
        .add("deleted", false)
        .add("page", 1)
        .add("limit", limit);
    Ok(list(api, tenant_id, &q).await?.clients)
}

/// What the legacy `POST getClients` answers: `{data: {clients, count, …}, …}`.
#[derive(Deserialize)]
pub(crate) struct AllClients {
    pub data: AllData,
}

#[derive(Deserialize)]
pub(crate) struct AllData {
    pub clients: Vec<Client>,
}

/// Every active client of the tenant in one unpaged answer, oldest first (AuthSec's
/// legacy `POST getClients`: the only list that carries each client's MFA setting
/// without walking pages). Bare `Client`s: no user counts or sign-in methods.
pub async fn all_active(api: &Api, tenant_id: &str) -> Result<Vec<Client>, ApiError> {
    let body = serde_json::json!({ "tenant_id": tenant_id, "active_only": true });
    let path = format!("{}/getClients", base(tenant_id));
    // A read sent as POST: retried like any read.
    let all: AllClients = api.post_read(Service::ClientMs, &path, &body).await?;
    Ok(all.data.clients)
}

pub async fn get(api: &Api, tenant_id: &str, id: &str) -> Result<Client, ApiError> {
    api.get(Service::ClientMs, &one(tenant_id, id), &Query::new())
        .await
}

/// The ids of the live clients named exactly `name`.
async fn ids_named(api: &Api, tenant_id: &str, name: String) -> Result<Vec<String>, ApiError> {
    let found = find(api, tenant_id, &name, 100).await?;
    Ok(found
        .into_iter()
        .filter(|c| c.name == name.trim())
        .map(|c| c.id)
        .collect())
}

/// Creates a client from the whole form: AuthSec's create takes name, e-mail and type;
/// tags and OIDC follow in one update. The client exists once create answered (or a
/// lost answer's client was found, see `unsure`), so a failed update comes back beside
/// it (never as the create's failure, and never retried).
pub async fn create(
    api: &Api,
    tenant_id: &str,
    body: &ClientBody,
    once: &Once,
) -> Result<(Made<Created>, Option<ApiError>), ApiError> {
    let name = body.name.clone().unwrap_or_default();
    let (path, first) = (format!("{}/create", base(tenant_id)), body.for_create());
    let made: Made<Created> = once
        .create(
            &name,
            |n| ids_named(api, tenant_id, n),
            || api.send(Method::Post, Service::ClientMs, &path, Some(&first)),
        )
        .await?;
    let id = match &made {
        Made::Answered(c) => c.id.clone(),
        Made::Found(id) => id.clone(),
    };
    let rest = match body.after_create() {
        Some(b) => update(api, tenant_id, &id, &b).await.err(),
        None => None,
    };
    Ok((made, rest))
}

pub async fn update(
    api: &Api,
    tenant_id: &str,
    id: &str,
    body: &ClientBody,
) -> Result<Client, ApiError> {
    api.send(
        Method::Put,
        Service::ClientMs,
        &one(tenant_id, id),
        Some(body),
    )
    .await
}

/// Activates or deactivates; answers the client as the server now has it.
pub async fn set_active(
    api: &Api,
    tenant_id: &str,
    id: &str,
    active: bool,
) -> Result<Client, ApiError> {
    let verb = if active { "activate" } else { "deactivate" };
    let path = format!("{}/{verb}", one(tenant_id, id));
    let w: Wrapped = api
        .send::<(), _>(Method::Patch, Service::ClientMs, &path, None)
        .await?;
    Ok(w.client)
}

pub async fn soft_delete(api: &Api, tenant_id: &str, id: &str) -> Result<(), ApiError> {
    let _: Value = api
        .send::<(), _>(Method::Delete, Service::ClientMs, &one(tenant_id, id), None)
        .await?;
    Ok(())
}

pub async fn delete_complete(api: &Api, tenant_id: &str, client_id: &str) -> Result<(), ApiError> {
    api.recent_proof().await?;
    let body = serde_json::json!({ "tenant_id": tenant_id, "client_id": client_id });
    let path = format!("{}/delete-complete", base(tenant_id));
    let _: Value = api
        .send(Method::Post, Service::ClientMs, &path, Some(&body))
        .await?;
    Ok(())
}

pub async fn rotate_secret(api: &Api, tenant_id: &str, id: &str) -> Result<Rotated, ApiError> {
    let path = format!("{}/rotate-secret", one(tenant_id, id));
    let r = api
        .send::<(), _>(Method::Post, Service::ClientMs, &path, None)
        .await;
    api.noted(Extension::SecretRotation, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_full_client_and_tolerates_missing_optionals() {
        let c: Client = serde_json::from_str(
            r#"{"id":"1","client_id":"c1","tenant_id":"t","name":"App","email":"a@x.io","status":"Active",
                "active":true,"tags":["prod"],"roles":[{"id":"r","name":"admin"}],"user_count":4,
                "mfa_method":["totp"],"logo_uri":null,"created_at":"2026-01-01T00:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(c.roles[0].name, "admin");
        assert_eq!(c.user_count, 4);
    }

    #[test]
    fn create_sends_what_authsec_binds_and_the_rest_in_an_update() {
        let whole = ClientBody {
            name: Some("A".into()),
            email: Some("a@x.io".into()),
            client_type: Some("ai_agent".into()),
            tags: Some(vec!["prod".into()]),
            oidc_enabled: Some(false),
        };
        assert_eq!(
            serde_json::to_value(whole.for_create()).unwrap(),
            serde_json::json!({"name":"A","email":"a@x.io","client_type":"ai_agent"})
        );
        assert_eq!(
            serde_json::to_value(whole.after_create().unwrap()).unwrap(),
            serde_json::json!({"tags":["prod"]})
        );
        let plain = ClientBody {
            tags: Some(vec![]),
            oidc_enabled: Some(false),
            ..whole.clone()
        };
        assert_eq!(plain.after_create(), None, "nothing to update");
    }

    #[test]
    fn body_leaves_out_unset_fields() {
        let b = ClientBody {
            name: Some("A".into()),
            oidc_enabled: Some(false),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"name":"A","oidc_enabled":false}"#
        );
    }

    #[test]
    fn secrets_never_reach_debug_output() {
        let c = Created {
            id: "1".into(),
            client_id: "c".into(),
            name: "n".into(),
            secret_id: Some("s3cr3t".into()),
        };
        assert!(!format!("{c:?}").contains("s3cr3t"));
        let r = Rotated {
            client_id: "c".into(),
            client_secret: "s3cr3t".into(),
        };
        assert!(!format!("{r:?}").contains("s3cr3t"));
    }

    #[test]
    fn paths_escape_ids() {
        assert_eq!(one("t 1", "a/b"), "/tenants/t%201/clients/a%2Fb");
    }
}
