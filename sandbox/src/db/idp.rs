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

/// What AuthSec makes with a tenant's main client at sign-up (`services/hydra_service.go:
/// 293-330`): the `authsec` provider row, AuthSec's own sign-in.
pub fn seed(db: &mut super::Db) {
    let rows: Vec<OidcRecord> = db
        .tenants
        .iter()
        .map(|t| {
            let (id, site) = (t.id.to_string(), main_site(&t.domain));
            OidcRecord {
                hydra_id: format!("{id}-authsec-oidc"),
                base: id.clone(),
                c_id: id.clone(),
                provider_name: "authsec".into(),
                display_name: "AuthSec".into(),
                config: json!({
                    "client_id": id,
                    "client_secret": format!("dummy-secret-{id}"),
                    "auth_url": format!("https://{site}/oauth2/auth"),
                    "token_url": format!("https://{site}/oauth2/token"),
                    "user_info_url": format!("https://{site}/userinfo"),
                    "scopes": ["openid", "profile", "email"],
                }),
                is_active: true,
                sort_order: 0,
                callback_url: format!("{site}/oidc/auth/callback/authsec"),
                created_at: "2026-04-20T09:15:02Z".into(),
            }
        })
        .collect();
    db.oidc_providers.extend(rows);
}

/// The tenant's own site, where its main client sends people back
/// (`https://<tenant domain>/oidc/auth/callback`, `hydra_service.go:215`).
pub fn main_site(tenant_domain: &str) -> String {
    format!("{tenant_domain}.app.authsec.dev")
}
