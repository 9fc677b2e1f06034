//! API keys: only a hash of the secret is stored.

use serde::Serialize;
use uuid::Uuid;

use crate::util::Time;

/// Every API key secret starts with this prefix.
pub const KEY_PREFIX: &str = "ask_";

pub const SCOPES: [&str; 10] = [
    "clients:read",
    "clients:write",
    "users:read",
    "users:write",
    "sessions:read",
    "sessions:write",
    "apps:read",
    "apps:write",
    "mfa:self",
    "api-keys:manage",
];

#[derive(Debug, Clone, Serialize)]
pub struct ApiKey {
    pub key_id: Uuid,
    pub name: String,
    pub scopes: Vec<String>,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub created_at: Time,
    pub last_use_at: Option<Time>,
    pub is_active: bool,
    #[serde(skip)]
    pub key_hash: String,
}
