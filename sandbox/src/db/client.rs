//! Clients (AuthSec clientms).

use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::util::Time;

/// `client_type` as AuthSec's create takes it (`RegisterClientsRequest`, max 100, free text;
/// these are the kinds its console offers).
pub const CLIENT_TYPES: [&str; 3] = ["application", "ai_agent", "m2m_service"];

#[derive(Debug, Clone)]
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
    pub tags: Vec<String>,
    /// Never preloaded by these handlers: always `null` on the wire.
    pub roles: Value,
    pub oidc_enabled: bool,
    pub hydra_client_id: Option<String>,
    pub client_type: String,
    pub mfa_enabled: bool,
    pub mfa_verified: bool,
    pub mfa_method: Vec<String>,
    pub mfa_default_method: Option<String>,
    pub mfa_enrolled_at: Option<Time>,
    pub last_login: Option<Time>,
    pub user_count: u64,
    pub authentication_methods: Vec<String>,
    pub deleted: bool,
    pub created_at: Time,
    pub updated_at: Time,
    pub secret_hash: String,
    pub is_default: bool,
}

impl Client {
    /// AuthSec's `Client` in its key order (authsec-api.md §b): Go's nil for empty
    /// slices, omitempty keys left out; `list` adds the `ClientListItem` keys.
    pub fn json(&self, list: bool) -> Value {
        let nil_if_empty = |v: &Vec<String>| if v.is_empty() { Value::Null } else { json!(v) };
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_string(), v);
        };
        put("id", json!(self.id));
        put("client_id", json!(self.client_id));
        put("tenant_id", json!(self.tenant_id));
        put("project_id", json!(self.project_id));
        put("owner_id", json!(self.owner_id));
        put("org_id", json!(self.org_id));
        put("name", json!(self.name));
        if !self.email.is_empty() {
            put("email", json!(self.email));
        }
        put("status", json!(self.status));
        put("tags", nil_if_empty(&self.tags));
        put("active", json!(self.active));
        if let Some(t) = self.last_login {
            put("last_login", json!(t));
        }
        put("mfa_enabled", json!(self.mfa_enabled));
        put("mfa_method", nil_if_empty(&self.mfa_method));
        if let Some(d) = &self.mfa_default_method {
            put("mfa_default_method", json!(d));
        }
        if let Some(t) = self.mfa_enrolled_at {
            put("mfa_enrolled_at", json!(t));
        }
        put("mfa_verified", json!(self.mfa_verified));
        put("roles", Value::Null);
        if let Some(h) = &self.hydra_client_id {
            put("hydra_client_id", json!(h));
        }
        put("oidc_enabled", json!(self.oidc_enabled));
        put("client_type", json!(self.client_type));
        put("created_at", json!(self.created_at));
        put("updated_at", json!(self.updated_at));
        if list {
            put("authentication_methods", json!(self.authentication_methods));
            put("user_count", json!(self.user_count));
            put("deleted", json!(self.deleted));
        }
        Value::Object(m)
    }

    /// AuthSec's activate/deactivate: a deactivated client's status is `Development`
    /// (authsec-api.md §b), there is no `Inactive`.
    pub fn set_active(&mut self, active: bool) {
        self.active = active;
        self.status = if active { "Active" } else { "Development" };
    }
}
