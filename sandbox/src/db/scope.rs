//! Scopes of a tenant (authsec-api.md §e.2): AuthSec's `scope_resource_mappings` rows
//! (a scope is the rows sharing a name, `*` for every resource) and its `api_scopes`
//! with their links to permissions.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::util::Time;

/// One `scope_resource_mappings` row.
#[derive(Debug, Clone)]
pub struct ScopeRow {
    pub tenant_id: Uuid,
    pub scope_name: String,
    pub resource: String,
}

#[derive(Debug, Clone)]
pub struct ApiScope {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub description: String,
    pub permission_ids: Vec<Uuid>,
    pub created_at: Time,
}

impl ApiScope {
    /// A list row (`models/api_scopes.go:68-74`).
    pub fn row(&self) -> Value {
        json!({ "id": self.id, "name": self.name, "description": self.description,
                "permissions_linked": self.permission_ids.len(),
                "created_at": self.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string() })
    }

    /// Get, create and update (`models/api_scopes.go:57-65`): the links' ids and
    /// `resource:action` strings, both left out when there is none.
    pub fn full(&self, strings: Vec<String>) -> Value {
        let mut v = self.row();
        if !self.permission_ids.is_empty() {
            v["permission_ids"] = json!(self.permission_ids);
            v["permission_strings"] = json!(strings);
        }
        v
    }
}
