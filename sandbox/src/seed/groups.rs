//! Seeded groups: a few per tenant, with end users in them. Its own RNG, so the rest of
//! the seed is unchanged by it.

use rand::seq::IndexedRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::base_date;
use crate::db::group::{Group, Membership};
use crate::db::Db;
use crate::util::seeded_id;

/// (name, description, members)
const GROUPS: &[(&str, Option<&str>, usize)] = &[
    ("Engineering", Some("Platform and product engineers"), 24),
    ("Support", Some("Customer support, all shifts"), 8),
    ("Finance", None, 3),
    ("Contractors", Some("External staff with end dates"), 0),
];

pub fn seed(db: &mut Db, tenants: &[Uuid]) {
    let mut rng = ChaCha8Rng::seed_from_u64(super::SEED ^ 0x6_0B0E);
    for (k, &tenant) in tenants.iter().enumerate() {
        let people = db.end_user_ids(tenant);
        for (i, (name, description, size)) in GROUPS.iter().enumerate() {
            let at = base_date() + chrono::Duration::days((30 * i + k) as i64);
            let id = seeded_id(&mut rng);
            db.groups.push(Group {
                id,
                tenant_id: tenant,
                name: name.to_string(),
                description: description.map(String::from),
                created_at: at,
                updated_at: at,
            });
            for user_id in people.choose_multiple(&mut rng, *size) {
                db.memberships.push(Membership {
                    group_id: id,
                    user_id: *user_id,
                });
            }
        }
    }
}
