//! Seeded domains: each tenant's verified primary, and acme's one awaiting its TXT record.

use chrono::Duration;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::{base_date, ACME_TENANT_ID, GLOBEX_TENANT_ID};
use crate::db::domain::Domain;
use crate::db::Db;
use crate::util::seeded_id;

/// (tenant, domain, verified and primary, days before the base date)
const DOMAINS: [(Uuid, &str, bool, i64); 3] = [
    (ACME_TENANT_ID, "login.acme.test", true, 300),
    (ACME_TENANT_ID, "acme-corp.example", false, 12),
    (GLOBEX_TENANT_ID, "id.globex.test", true, 200),
];

pub fn seed(db: &mut Db, rng: &mut ChaCha8Rng) {
    for (tenant_id, domain, verified, days) in DOMAINS {
        let at = base_date() - Duration::days(days);
        let token: [u8; 32] = rng.random();
        db.domains.push(Domain {
            id: seeded_id(rng),
            tenant_id,
            domain: domain.into(),
            is_primary: verified,
            is_verified: verified,
            token: hex::encode(token),
            verified_at: verified.then(|| at + Duration::hours(2)),
            created_at: at,
            updated_at: at + Duration::hours(u32::from(verified) as i64 * 2),
        });
    }
}
