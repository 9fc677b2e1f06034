//! Upstream identity providers (AuthSec's oocmgr, authsec-api.md §f.3): OIDC providers as
//! AuthSec keeps them in Hydra client records, and SAML providers as its tenant table rows.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::util::Time;

/// A Hydra record `<base>-<provider>-oidc` of `type: oidc_provider`
/// (`oocmgr_controller.go:1489-1508`).
#[derive(Debug, Clone)]
pub struct OidcRecord {
    pub hydra_id: String,
    /// Metadata `tenant_id`: the client the provider hangs on (the base of `-main-client`).
    pub base: String,
    /// Metadata `c_id`: the body's `tenant_id`, never compared with anything.
    pub c_id: String,
    pub provider_name: String,
    pub display_name: String,
    /// Stored as sent, the client secret included (`get-config` answers it in clear).
    pub config: Value,
    pub is_active: bool,
    pub sort_order: i64,
    pub callback_url: String,
    /// RFC 3339, whole seconds, as the metadata holds it.
    pub created_at: String,
}

impl OidcRecord {
    /// A row of `get-config`'s `oidc_providers`.
    pub fn listed(&self) -> Value {
        json!({
            "callback_url": self.callback_url,
            "client_id": self.hydra_id,
            "created_at": self.created_at,
            "display_name": self.display_name,
            "is_active": self.is_active,
            "provider_config": self.config,
            "provider_name": self.provider_name,
            "sort_order": self.sort_order,
        })
    }
}

/// A tenant's `saml_providers` row (`dto.go:332-347`); the certificate and the client are
/// never answered.
#[derive(Debug, Clone)]
pub struct SamlRecord {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub client_id: Uuid,
    pub provider_name: String,
    pub display_name: String,
    pub entity_id: String,
    pub sso_url: String,
    pub slo_url: String,
    pub metadata_url: String,
    pub certificate: String,
    pub name_id_format: String,
    pub attribute_mapping: Value,
    pub is_active: bool,
    pub sort_order: i64,
    pub created_at: Time,
    pub updated_at: Time,
}

impl SamlRecord {
    pub fn json(&self) -> Value {
        let t = |t: &Time| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        json!({
            "id": self.id,
            "tenant_id": self.tenant_id,
            "provider_name": self.provider_name,
            "display_name": self.display_name,
            "entity_id": self.entity_id,
            "sso_url": self.sso_url,
            "slo_url": self.slo_url,
            "metadata_url": self.metadata_url,
            "name_id_format": self.name_id_format,
            "attribute_mapping": self.attribute_mapping,
            "is_active": self.is_active,
            "sort_order": self.sort_order,
            "created_at": t(&self.created_at),
            "updated_at": t(&self.updated_at),
        })
    }
}

/// AuthSec's `normalize`: lower case, spaces and `_` as `-` (`oocmgr_controller.go:2811`).
pub fn normalize(name: &str) -> String {
    name.to_lowercase().replace([' ', '_'], "-")
}
