//! Seeded scopes of each tenant: `billing` over the invoice resources, `reports` over
//! every resource (`*`), and the API scope `invoices:read` linked to that permission.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::base_date;
use crate::db::scope::{ApiScope, ScopeRow};
use crate::db::Db;
use crate::util::seeded_id;

const SCOPES: &[(&str, &[&str])] = &[("billing", &["invoices", "reports"]), ("reports", &["*"])];

pub fn seed(db: &mut Db, tenants: &[Uuid]) {
    let mut rng = ChaCha8Rng::seed_from_u64(super::SEED ^ 0x5C0_9E5);
    for &tenant in tenants {
        for (name, resources) in SCOPES {
            for r in *resources {
                db.scope_rows.push(ScopeRow {
                    tenant_id: tenant,
                    scope_name: name.to_string(),
                    resource: r.to_string(),
                });
            }
        }
        let linked = db
            .rbac
            .permission_by(tenant, "invoices", "read")
            .map(|p| vec![p.id])
            .unwrap_or_default();
        db.api_scopes.push(ApiScope {
            id: seeded_id(&mut rng),
            tenant_id: tenant,
            name: "invoices:read".into(),
            description: "Read invoices through the API".into(),
            permission_ids: linked,
            created_at: base_date() - chrono::Duration::days(40),
        });
    }
}
