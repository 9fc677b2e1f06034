//! `--access-rows N`: N more roles and N more groups in a tenant, and one more group with
//! N members (as many end users as there are), for the access benchmark
//! (bench/access.mjs). Its own RNG, so the rest of the seed is unchanged by it; N = 0
//! (the default) adds nothing.

use chrono::Duration;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::base_date;
use crate::db::group::{Group, Membership};
use crate::db::rbac::Role;
use crate::db::Db;
use crate::util::seeded_id;

/// The name of the group that holds the benchmark's members.
pub const EVERYONE: &str = "Everyone (benchmark)";

pub fn seed(db: &mut Db, tenant: Uuid, n: usize) {
    if n == 0 {
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(super::SEED ^ 0x00AC_CE55);
    let permissions: Vec<Uuid> = db.rbac.permissions_of(tenant).map(|p| p.id).collect();
    for i in 0..n {
        let picked = (0..3).map(|k| permissions[(i + k) % permissions.len()]);
        db.rbac.roles.push(Role {
            id: seeded_id(&mut rng),
            tenant_id: tenant,
            name: format!("role-{i:05}"),
            description: format!("Benchmark role {i}"),
            permission_ids: picked.collect(),
        });
    }
    let mut group = |name: String, description: Option<String>, i: usize| {
        let at = base_date() + Duration::minutes(i as i64);
        let id = seeded_id(&mut rng);
        db.groups.push(Group {
            id,
            tenant_id: tenant,
            name,
            description,
            created_at: at,
            updated_at: at,
        });
        id
    };
    for i in 0..n {
        group(
            format!("team-{i:05}"),
            Some(format!("Benchmark group {i}")),
            i,
        );
    }
    let everyone = group(EVERYONE.into(), None, n);
    let people = db.end_user_ids(tenant);
    for user_id in people.into_iter().take(n) {
        db.memberships.push(Membership {
            group_id: everyone,
            user_id,
        });
    }
}
