//! Access control as AuthSec keeps it in its master DB (authsec-api.md §e.1): permissions
//! (`resource:action`), roles holding permissions, and role bindings (an admin holds a role,
//! tenant-wide or in a scope). Lists keep insertion order, as the DB's does.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::util::Time;

#[derive(Debug, Clone)]
pub struct Permission {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub resource: String,
    pub action: String,
    pub description: String,
}

impl Permission {
    /// `resource:action`, as every answer but the create one spells it.
    pub fn full(&self) -> String {
        format!("{}:{}", self.resource, self.action)
    }
}

#[derive(Debug, Clone)]
pub struct Role {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub description: String,
    pub permission_ids: Vec<Uuid>,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub username: String,
    pub email: String,
    pub role_id: Uuid,
    pub role_name: String,
    pub scope_type: Option<String>,
    pub scope_id: Option<Uuid>,
    pub conditions: Option<Value>,
    pub created_at: Time,
}

impl Binding {
    /// The list row: empty scope, conditions and expiry are left out (`omitempty`).
    pub fn view(&self) -> Value {
        let mut v = json!({
            "id": self.id, "user_id": self.user_id, "username": self.username,
            "email": self.email, "role_id": self.role_id, "role_name": self.role_name,
            "created_at": self.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        });
        if let Some(t) = &self.scope_type {
            v["scope_type"] = json!(t);
        }
        if let Some(s) = self.scope_id {
            v["scope_id"] = json!(s);
        }
        if let Some(c) = self.conditions.as_ref().filter(|c| !c.is_null()) {
            v["conditions"] = c.clone();
        }
        v
    }
}

/// A tenant's access-control tables.
#[derive(Debug, Clone, Default)]
pub struct Rbac {
    pub permissions: Vec<Permission>,
    pub roles: Vec<Role>,
    pub bindings: Vec<Binding>,
}

impl Rbac {
    pub fn permissions_of(&self, tenant: Uuid) -> impl Iterator<Item = &Permission> {
        self.permissions
            .iter()
            .filter(move |p| p.tenant_id == tenant)
    }

    pub fn roles_of(&self, tenant: Uuid) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |r| r.tenant_id == tenant)
    }

    pub fn bindings_of(&self, tenant: Uuid) -> impl DoubleEndedIterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.tenant_id == tenant)
    }

    pub fn permission(&self, tenant: Uuid, id: Uuid) -> Option<&Permission> {
        self.permissions_of(tenant).find(|p| p.id == id)
    }

    pub fn permission_by(&self, tenant: Uuid, resource: &str, action: &str) -> Option<&Permission> {
        self.permissions_of(tenant)
            .find(|p| p.resource == resource && p.action == action)
    }

    pub fn role(&self, tenant: Uuid, id: Uuid) -> Option<&Role> {
        self.roles_of(tenant).find(|r| r.id == id)
    }

    /// The role's permissions as `resource:action`, in the permissions' order.
    pub fn strings_of(&self, role: &Role) -> Vec<String> {
        self.permissions_of(role.tenant_id)
            .filter(|p| role.permission_ids.contains(&p.id))
            .map(Permission::full)
            .collect()
    }

    /// The distinct admins holding a role: ids and usernames, in binding order.
    pub fn holders(&self, role: Uuid) -> (Vec<String>, Vec<String>) {
        let mut ids: Vec<String> = Vec::new();
        let mut names = Vec::new();
        for b in self.bindings.iter().filter(|b| b.role_id == role) {
            let id = b.user_id.to_string();
            if !ids.contains(&id) {
                ids.push(id);
                names.push(b.username.clone());
            }
        }
        (ids, names)
    }

    /// The first binding of `principal` (in any tenant, as AuthSec's query) whose role holds
    /// `resource:action`: tenant-wide ones, and with `scope` those of that scope too
    /// (`services/rbac_service.go:142-195`).
    pub fn grant(
        &self,
        principal: Uuid,
        resource: &str,
        action: &str,
        scope: Option<Uuid>,
    ) -> Option<(&Binding, &Role)> {
        // The caller's bindings first: every ADMIN request asks this, over all tenants' rows.
        let applies = |b: &&Binding| {
            b.user_id == principal
                && (b.scope_id.is_none() || (scope.is_some() && b.scope_id == scope))
        };
        self.bindings.iter().filter(applies).find_map(|b| {
            let role = self.roles.iter().find(|r| r.id == b.role_id)?;
            let holds = self.permissions.iter().any(|p| {
                role.permission_ids.contains(&p.id) && p.resource == resource && p.action == action
            });
            holds.then_some((b, role))
        })
    }

    /// A tenant-wide binding of `user` to the tenant's `admin` role, as AuthSec gives an
    /// invited admin (`admin_invite_controller.go:245-263`).
    pub fn bind_admin(&mut self, user: &super::User) {
        let Some(role) = self.roles_of(user.tenant_id).find(|r| r.name == "admin") else {
            return;
        };
        let binding = Binding {
            id: crate::util::new_id(),
            tenant_id: user.tenant_id,
            user_id: user.id,
            username: user.username.clone(),
            email: user.email.clone(),
            role_id: role.id,
            role_name: role.name.clone(),
            scope_type: None,
            scope_id: None,
            conditions: None,
            created_at: crate::util::now(),
        };
        self.bindings.push(binding);
    }

    /// How many roles hold a permission.
    pub fn roles_holding(&self, permission: Uuid) -> usize {
        self.roles
            .iter()
            .filter(|r| r.permission_ids.contains(&permission))
            .count()
    }
}
