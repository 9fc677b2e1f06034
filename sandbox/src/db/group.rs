//! Groups of a tenant and their members (AuthSec's tenant DB: `groups`, `user_groups`;
//! authsec-api.md §e.3). No member count, no roles: AuthSec keeps neither on a group.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::util::Time;

#[derive(Debug, Clone)]
pub struct Group {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub created_at: Time,
    pub updated_at: Time,
}

impl Group {
    /// AuthSec's `TenantGroup` (`models/aliases.go:106-114`).
    pub fn view(&self) -> Value {
        json!({ "id": self.id, "name": self.name, "description": self.description,
                "tenant_id": self.tenant_id, "created_at": self.created_at,
                "updated_at": self.updated_at })
    }
}

/// One row of `user_groups`.
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    pub group_id: Uuid,
    pub user_id: Uuid,
}
