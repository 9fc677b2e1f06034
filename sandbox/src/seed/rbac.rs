//! Seeded access control: each tenant's permissions, a few roles, and the `admin` role
//! bound to every admin. Its own RNG, so the rest of the seed is unchanged by it.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::base_date;
use crate::db::rbac::{Binding, Permission, Role};
use crate::db::Db;
use crate::util::seeded_id;

const PERMISSIONS: &[(&str, &[&str])] = &[
    ("admin", &["access"]),
    ("clients", &["read", "create", "update", "delete"]),
    ("users", &["read", "create", "update", "delete"]),
    ("groups", &["read", "write"]),
    ("invoices", &["read", "export"]),
    ("reports", &["read"]),
];

/// (name, description, permissions; empty = every permission)
const ROLES: &[(&str, &str, &[&str])] = &[
    ("admin", "Administrator with full access", &[]),
    (
        "billing-viewer",
        "Read-only access to invoices",
        &["invoices:read"],
    ),
    (
        "support",
        "Looks up users and clients for tickets",
        &["users:read", "clients:read", "reports:read"],
    ),
    (
        "helpdesk",
        "Admin console access for support staff; cannot delete users",
        &[
            "admin:access",
            "users:read",
            "users:update",
            "clients:read",
            "clients:update",
        ],
    ),
    (
        "auditor",
        "Reads everything, changes nothing",
        &[
            "clients:read",
            "users:read",
            "groups:read",
            "invoices:read",
            "reports:read",
        ],
    ),
];

pub fn seed(db: &mut Db, tenants: &[Uuid]) {
    let mut rng = ChaCha8Rng::seed_from_u64(super::SEED ^ 0x5EED_0BAC);
    for &tenant in tenants {
        for (resource, actions) in PERMISSIONS {
            for action in *actions {
                db.rbac.permissions.push(Permission {
                    id: seeded_id(&mut rng),
                    tenant_id: tenant,
                    resource: resource.to_string(),
                    action: action.to_string(),
                    description: format!("{} {resource}", capitalised(action)),
                });
            }
        }
        for (name, description, wanted) in ROLES {
            let permission_ids = db
                .rbac
                .permissions_of(tenant)
                .filter(|p| wanted.is_empty() || wanted.contains(&p.full().as_str()))
                .map(|p| p.id)
                .collect();
            db.rbac.roles.push(Role {
                id: seeded_id(&mut rng),
                tenant_id: tenant,
                name: name.to_string(),
                description: description.to_string(),
                permission_ids,
            });
        }
        let admin_role = db.rbac.roles_of(tenant).next().map(|r| r.id).unwrap();
        let helpdesk = db
            .rbac
            .roles_of(tenant)
            .find(|r| r.name == "helpdesk")
            .map(|r| r.id)
            .unwrap();
        let mut admins: Vec<_> = db
            .users
            .values()
            .filter(|u| u.tenant_id == tenant && u.is_admin)
            .map(|u| (u.created_at, u.id, u.username.clone(), u.email.clone()))
            .collect();
        admins.sort();
        for (created, user_id, username, email) in admins {
            // The helpdesk admin holds only its role; every other admin the `admin` role.
            let (role_id, role_name) = match email.as_str() {
                "helpdesk@acme.test" => (helpdesk, "helpdesk"),
                _ => (admin_role, "admin"),
            };
            db.rbac.bindings.push(Binding {
                id: seeded_id(&mut rng),
                tenant_id: tenant,
                user_id,
                username,
                email,
                role_id,
                role_name: role_name.into(),
                scope_type: None,
                scope_id: None,
                conditions: None,
                created_at: created.max(base_date()),
            });
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
