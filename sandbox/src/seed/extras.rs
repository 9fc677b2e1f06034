//! Seeded sessions and API keys.

use chrono::Duration;
use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::base_date;
use super::names::Texts;
use crate::db::{ApiKey, Db, Session};
use crate::util::{now, seeded_id, sha256_hex};

const DEVICES: [&str; 8] = [
    "Chrome on macOS",
    "Safari on iOS",
    "Firefox on Linux",
    "Edge on Windows",
    "Chrome on Android",
    "Safari on macOS",
    "Chrome on Windows",
    "Firefox on Windows",
];
const PLACES: [(&str, &str); 6] = [
    ("203.0.113.24", "Berlin, DE"),
    ("198.51.100.7", "Austin, US"),
    ("203.0.113.91", "Tokyo, JP"),
    ("192.0.2.45", "Lagos, NG"),
    ("198.51.100.150", "São Paulo, BR"),
    ("192.0.2.200", "Sydney, AU"),
];

fn session(
    rng: &mut ChaCha8Rng,
    texts: &mut Texts,
    tenant_id: Uuid,
    user_id: Uuid,
    k: usize,
) -> Session {
    // Times are relative to start-up so seeded sessions are live; one in four is revoked.
    let t = now();
    let created = t - Duration::hours(rng.random_range(1..240));
    let (ip, place) = PLACES[rng.random_range(0..PLACES.len())];
    Session {
        id: seeded_id(rng),
        tenant_id,
        user_id,
        device_name: texts.pick(DEVICES[(k + rng.random_range(0..DEVICES.len())) % DEVICES.len()]),
        ip_address: ip.into(),
        location: place.into(),
        created_at: created,
        last_accessed: t - Duration::minutes(rng.random_range(1..600)),
        expires_at: t + Duration::hours(rng.random_range(2..72)),
        revoked: k == 3,
    }
}

/// `per_user` + 1 sessions (one of them revoked) for each listed user.
pub fn sessions(
    db: &mut Db,
    rng: &mut ChaCha8Rng,
    texts: &mut Texts,
    users: &[Uuid],
    per_user: usize,
) {
    for &uid in users {
        let Some(tenant) = db.users.get(&uid).map(|u| u.tenant_id) else {
            continue;
        };
        for k in 0..=per_user {
            let s = session(
                rng,
                texts,
                tenant,
                uid,
                if per_user >= 3 { k } else { k + 4 },
            );
            db.sessions.insert(s.id, s);
        }
    }
}

/// One or two sessions for `count` end users of the tenant.
pub fn bulk_sessions(
    db: &mut Db,
    rng: &mut ChaCha8Rng,
    texts: &mut Texts,
    tenant_id: Uuid,
    count: usize,
) {
    let mut ids: Vec<Uuid> = db
        .users
        .values()
        .filter(|u| u.tenant_id == tenant_id && !u.is_admin && u.active)
        .map(|u| u.id)
        .collect();
    ids.sort();
    for _ in 0..count {
        let Some(&uid) = ids.choose(rng) else { return };
        for k in 0..rng.random_range(1..=2) {
            let s = session(rng, texts, tenant_id, uid, k + 4);
            db.sessions.insert(s.id, s);
        }
    }
}

const KEYS: [(&str, &[&str]); 3] = [
    ("CI pipeline", &["clients:read"]),
    ("Reporting export", &["users:read", "sessions:read"]),
    (
        "Terraform",
        &["clients:read", "clients:write", "apps:read", "apps:write"],
    ),
];

pub fn api_keys(
    db: &mut Db,
    rng: &mut ChaCha8Rng,
    texts: &mut Texts,
    tenant_id: Uuid,
    user_id: Uuid,
    n: usize,
) {
    for (i, (name, scopes)) in KEYS.iter().take(n).enumerate() {
        let created = base_date() - Duration::days(rng.random_range(5..300));
        let key = ApiKey {
            key_id: seeded_id(rng),
            name: texts.pick(*name),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            tenant_id,
            user_id,
            created_at: created,
            last_use_at: (i != 1).then(|| created + Duration::days(2)),
            is_active: true,
            // The seeded keys' secrets are never shown; only their hashes exist.
            key_hash: sha256_hex(&format!(
                "seeded-key-{tenant_id}-{i}-{}",
                rng.random::<u64>()
            )),
        };
        db.api_keys.insert(key.key_id, key);
    }
}
