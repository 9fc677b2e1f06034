//! What the provider rows carry, and what the console sends them.

use super::super::nullable;
use crate::secret::Secret;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// AuthSec's default SAML name-id format.
pub const NAME_ID_EMAIL: &str = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

/// An OIDC provider as `get-config` lists it, without its client secret.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct OidcProvider {
    pub provider_name: String,
    pub display_name: String,
    /// The Hydra record holding it: `<client>-<provider>-oidc`.
    #[serde(rename = "client_id")]
    pub hydra_id: String,
    pub callback_url: String,
    pub is_active: bool,
    pub sort_order: i64,
    pub provider_config: UpstreamConfig,
}

/// Where the provider signs people in. AuthSec also sends `client_secret` here: it is
/// not read.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct UpstreamConfig {
    /// The client id this workspace has at the provider.
    pub client_id: String,
    pub auth_url: String,
    pub token_url: String,
    pub user_info_url: String,
    #[serde(deserialize_with = "nullable::vec")]
    pub scopes: Vec<String>,
}

#[derive(Deserialize)]
pub(crate) struct OidcConfig {
    pub data: OidcConfigData,
}

#[derive(Deserialize)]
pub(crate) struct OidcConfigData {
    #[serde(default, deserialize_with = "nullable::vec")]
    pub oidc_providers: Vec<OidcProvider>,
    #[serde(default)]
    pub tenant_client: MainClient,
}

/// The client's `<client>-main-client` record: where it sends people back.
#[derive(Default, Deserialize)]
#[serde(default)]
pub(crate) struct MainClient {
    #[serde(deserialize_with = "nullable::vec")]
    pub redirect_uris: Vec<String>,
}

/// What `get-config` says of the workspace's OIDC providers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OidcSetup {
    /// The providers an admin manages: AuthSec's own `authsec` row is left out (AuthSec's
    /// console refuses to delete it; its delete row would not).
    pub providers: Vec<OidcProvider>,
    /// The site people come back to (`https://<tenant domain>`), from the main client's
    /// return address; None when it has none.
    pub site: Option<String>,
}

impl OidcConfigData {
    pub(crate) fn setup(self) -> OidcSetup {
        let mut providers: Vec<OidcProvider> = self
            .oidc_providers
            .into_iter()
            .filter(|p| p.provider_name != "authsec")
            .collect();
        providers
            .sort_by(|a, b| (a.sort_order, &a.display_name).cmp(&(b.sort_order, &b.display_name)));
        let site = self
            .tenant_client
            .redirect_uris
            .iter()
            .find_map(|u| u.strip_suffix("/oidc/auth/callback"))
            .map(String::from);
        OidcSetup { providers, site }
    }
}

#[derive(Deserialize)]
pub(crate) struct Updated {
    pub data: UpdatedData,
}

#[derive(Deserialize)]
pub(crate) struct UpdatedData {
    /// The Hydra record AuthSec changed.
    pub client_id: String,
}

/// A SAML provider; AuthSec never sends its certificate back.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct SamlProvider {
    pub id: String,
    pub provider_name: String,
    pub display_name: String,
    pub entity_id: String,
    pub sso_url: String,
    pub slo_url: String,
    pub metadata_url: String,
    pub name_id_format: String,
    pub is_active: bool,
    #[serde(deserialize_with = "nullable::time")]
    pub created_at: String,
}

#[derive(Deserialize)]
pub(crate) struct SamlList {
    #[serde(default, deserialize_with = "nullable::vec")]
    pub providers: Vec<SamlProvider>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct OidcTemplate {
    pub provider_name: String,
    pub display_name: String,
    pub description: String,
    pub auth_url: String,
    pub token_url: String,
    pub user_info_url: String,
    #[serde(deserialize_with = "nullable::vec")]
    pub scopes: Vec<String>,
    /// Microsoft's only: AuthSec fills them in by itself for the key `microsoft` alone.
    pub issuer_url: String,
    pub jwks_url: String,
}

#[derive(Deserialize)]
pub(crate) struct OidcTemplates {
    pub data: OidcTemplateData,
}

#[derive(Deserialize)]
pub(crate) struct OidcTemplateData {
    pub templates: BTreeMap<String, OidcTemplate>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct SamlTemplate {
    pub provider_name: String,
    pub display_name: String,
    pub name_id_format: String,
    /// How the provider names e-mail and names in its assertions.
    pub attribute_mapping: Option<Value>,
    pub instructions: String,
    pub documentation_url: String,
}

#[derive(Deserialize)]
pub(crate) struct SamlTemplates {
    pub templates: BTreeMap<String, SamlTemplate>,
}

/// An OIDC provider's form. `client_secret` empty on an edit: keep the stored one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OidcDraft {
    pub provider_name: String,
    pub display_name: String,
    pub client_id: String,
    pub client_secret: Secret,
    pub auth_url: String,
    pub token_url: String,
    pub user_info_url: String,
    pub scopes: Vec<String>,
    pub is_active: bool,
    /// A template's (Microsoft's), sent on an add.
    pub issuer_url: String,
    pub jwks_url: String,
}

impl OidcDraft {
    /// `provider` of an add.
    pub(crate) fn provider(&self) -> Value {
        let mut v = self.fields();
        v["issuer_url"] = json!(self.issuer_url);
        v["jwks_url"] = json!(self.jwks_url);
        v
    }

    /// What both an add and an update carry.
    fn fields(&self) -> Value {
        json!({
            "provider_name": self.provider_name,
            "display_name": self.display_name,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "auth_url": self.auth_url,
            "token_url": self.token_url,
            "user_info_url": self.user_info_url,
            "scopes": self.scopes,
            "is_active": self.is_active,
        })
    }

    /// The body of an update, without the secret when none was typed (AuthSec would
    /// store the empty string over it).
    pub(crate) fn update(&self) -> Value {
        let mut v = self.fields();
        if self.client_secret.is_empty() {
            v.as_object_mut().map(|o| o.remove("client_secret"));
        }
        v
    }
}

/// A SAML provider's form. On an edit AuthSec ignores empty fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SamlDraft {
    pub provider_name: String,
    pub display_name: String,
    pub entity_id: String,
    pub sso_url: String,
    pub slo_url: String,
    pub metadata_url: String,
    pub certificate: String,
    pub name_id_format: String,
    pub is_active: bool,
    /// A template's mapping (None: AuthSec's default, or the stored one on an edit).
    pub attribute_mapping: Option<Value>,
}

impl SamlDraft {
    pub(crate) fn add(&self) -> Value {
        let mut v = self.fields();
        if let Some(m) = &self.attribute_mapping {
            v["attribute_mapping"] = m.clone();
        }
        v
    }

    fn fields(&self) -> Value {
        json!({
            "provider_name": self.provider_name,
            "display_name": self.display_name,
            "entity_id": self.entity_id,
            "sso_url": self.sso_url,
            "slo_url": self.slo_url,
            "metadata_url": self.metadata_url,
            "certificate": self.certificate,
            "name_id_format": self.name_id_format,
            "is_active": self.is_active,
        })
    }

    /// The name is not changed on an edit (it is how sign-in pages name the provider).
    pub(crate) fn update(&self) -> Value {
        let mut v = self.fields();
        v.as_object_mut().map(|o| o.remove("provider_name"));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_without_a_new_secret_leaves_the_secret_out() {
        let mut d = OidcDraft {
            provider_name: "google".into(),
            scopes: vec!["openid".into()],
            ..OidcDraft::default()
        };
        assert!(d.update().get("client_secret").is_none());
        assert_eq!(d.provider()["client_secret"], "");
        d.client_secret = "s3cret".into();
        assert_eq!(d.update()["client_secret"], "s3cret");
        assert!(!format!("{d:?}").contains("s3cret"));
    }

    #[test]
    fn a_listed_provider_has_no_secret_to_show() {
        let p: OidcProvider = serde_json::from_value(json!({
            "provider_name": "google", "client_id": "t-google-oidc",
            "provider_config": { "client_id": "abc", "client_secret": "GOCSPX-x", "scopes": null }
        }))
        .unwrap();
        assert_eq!(p.hydra_id, "t-google-oidc");
        assert!(!format!("{p:?}").contains("GOCSPX"));
    }
}
