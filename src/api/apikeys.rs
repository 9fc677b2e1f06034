//! API keys (§7, extension): the key itself comes back once, on create and
//! on regenerate.

use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::retry::Method;
use super::unsure::{Made, Once};
use super::url::{segment, Query};
use crate::config::Service;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct ApiKey {
    pub key_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub tenant_id: String,
    pub user_id: String,
    pub created_at: String,
    pub last_use_at: Option<String>,
    pub is_active: bool,
}

/// A key with its secret, shown once.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct WithSecret {
    #[serde(flatten)]
    pub key: ApiKey,
    #[serde(default)]
    pub api_key: Secret,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct Scopes {
    pub scopes: Vec<String>,
}

#[derive(Deserialize)]
struct List {
    #[serde(default)]
    api_keys: Vec<ApiKey>,
}

#[derive(Serialize)]
struct Create<'a> {
    name: &'a str,
    scopes: &'a [String],
    tenant_id: &'a str,
}

pub async fn scopes(api: &Api) -> Result<Scopes, ApiError> {
    let r = api
        .get(Service::ApiKeys, "/api-keys/scopes", &Query::new())
        .await;
    api.noted(Extension::ApiKeys, r)
}

pub async fn list(api: &Api) -> Result<Vec<ApiKey>, ApiError> {
    let r = api.get(Service::ApiKeys, "/api-keys", &Query::new()).await;
    let l: List = api.noted(Extension::ApiKeys, r)?;
    Ok(l.api_keys)
}

/// Creates a key; `Made::Found` when the answer (and with it the secret) was lost.
pub async fn create(
    api: &Api,
    name: &str,
    scopes: &[String],
    tenant_id: &str,
    once: &Once,
) -> Result<Made<WithSecret>, ApiError> {
    let body = Create {
        name,
        scopes,
        tenant_id,
    };
    let named = |n: String| async move {
        let all = list(api).await?;
        Ok(all
            .into_iter()
            .filter(|k| k.name == n)
            .map(|k| k.key_id)
            .collect())
    };
    once.create(name, named, || {
        api.send(Method::Post, Service::ApiKeys, "/api-keys", Some(&body))
    })
    .await
}

pub async fn regenerate(api: &Api, key_id: &str) -> Result<WithSecret, ApiError> {
    let path = format!("/api-keys/{}/regenerate", segment(key_id));
    api.send::<(), _>(Method::Post, Service::ApiKeys, &path, None)
        .await
}

pub async fn delete(api: &Api, key_id: &str) -> Result<(), ApiError> {
    let path = format!("/api-keys/{}", segment(key_id));
    api.send_ok::<()>(Method::Delete, Service::ApiKeys, &path, None)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_read_once_and_never_debug_printed() {
        let w: WithSecret = serde_json::from_str(
            r#"{"key_id":"k1","name":"CI","scopes":["users:read"],"is_active":true,"api_key":"ask_secret_123"}"#,
        )
        .unwrap();
        assert_eq!(w.key.name, "CI");
        assert_eq!(w.api_key, "ask_secret_123");
        assert!(!format!("{w:?}").contains("ask_secret_123"));
    }
}
