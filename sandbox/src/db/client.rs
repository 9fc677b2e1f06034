//! Clients (AuthSec clientms).

use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::util::Time;

pub const CLIENT_TYPES: [&str; 4] = ["application", "ai_agent", "confidential", "public"];

#[derive(Debug, Clone, Serialize)]
pub struct Client {
    pub id: Uuid,
    pub client_id: String,
    pub tenant_id: Uuid,
    pub project_id: Uuid,
    pub owner_id: Uuid,
    pub org_id: Uuid,
    pub name: String,
    pub email: String,
    pub status: &'static str,
    pub active: bool,
    /// Go's nil slice: `null` when empty (authsec-api.md §1.9).
    #[serde(serialize_with = "crate::util::nil_if_empty")]
    pub tags: Vec<String>,
    #[serde(serialize_with = "crate::util::always_nil")]
    pub roles: Value,
    pub oidc_enabled: bool,
    pub hydra_client_id: Option<String>,
    pub client_type: String,
    pub redirect_uris: Vec<String>,
    pub grant_types: Vec<String>,
    pub scopes: Vec<String>,
    pub logo_uri: Option<String>,
    pub mfa_enabled: bool,
    pub mfa_verified: bool,
    #[serde(serialize_with = "crate::util::nil_if_empty")]
    pub mfa_method: Vec<String>,
    pub mfa_default_method: Option<String>,
    pub mfa_enrolled_at: Option<Time>,
    pub last_login: Option<Time>,
    pub user_count: u64,
    pub authentication_methods: Vec<String>,
    pub deleted: bool,
    pub created_at: Time,
    pub updated_at: Time,
    #[serde(skip)]
    pub secret_hash: String,
    #[serde(skip)]
    pub is_default: bool,
}

impl Client {
    /// AuthSec's activate/deactivate: a deactivated client's status is `Development`
    /// (authsec-api.md §b), there is no `Inactive`.
    pub fn set_active(&mut self, active: bool) {
        self.active = active;
        self.status = if active { "Active" } else { "Development" };
    }
}
