//! Bulk seed data: clients and end users, scaled by `--clients` / `--users`.

use chrono::Duration;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use uuid::Uuid;

use super::base_date;
use super::demo::user;
use super::names::*;
use crate::db::client::CLIENT_TYPES;
use crate::db::{Client, Db};
use crate::util::{seeded_id, sha256_hex, Time};

fn spread(rng: &mut ChaCha8Rng) -> Time {
    base_date() - Duration::minutes(rng.random_range(0..730 * 24 * 60))
}

fn pick<'a>(rng: &mut ChaCha8Rng, list: &'a [&'a str]) -> &'a str {
    list.choose(rng).copied().unwrap_or_default()
}

/// Seeds `count` clients (the first one is the tenant's default client); returns its id.
pub fn clients(
    db: &mut Db,
    rng: &mut ChaCha8Rng,
    texts: &mut Texts,
    tenant_id: Uuid,
    owner_id: Uuid,
    count: usize,
) -> Uuid {
    let (project_id, org_id) = db
        .tenant(tenant_id)
        .map(|t| (t.project_id, t.org_id))
        .unwrap_or_default();
    let role_ids: Vec<Uuid> = CLIENT_ROLES.iter().map(|_| seeded_id(rng)).collect();
    let mut default_id = Uuid::nil();
    db.clients.reserve(count);
    for i in 0..count {
        let is_default = i == 0;
        let normal = if is_default {
            "Default Client".to_string()
        } else {
            format!(
                "{} {} {}",
                pick(rng, &CLIENT_ADJ),
                pick(rng, &CLIENT_NOUN),
                pick(rng, &CLIENT_KIND)
            )
        };
        let slug = format!("{}-{i}", normal.to_lowercase().replace(' ', "-"));
        let client_type = if is_default {
            "application"
        } else {
            pick(rng, &CLIENT_TYPES)
        };
        let n_tags = rng.random_range(0..=3);
        let mut tags: Vec<String> = TAGS
            .choose_multiple(rng, n_tags)
            .map(|t| texts.pick(*t))
            .collect();
        if is_default {
            tags = vec![texts.pick("prod")];
        }
        let mut roles: Vec<&str> = CLIENT_ROLES.to_vec();
        roles.shuffle(rng);
        let roles: Value = roles[..rng.random_range(0..=2)]
            .iter()
            .map(|r| {
                let idx = CLIENT_ROLES.iter().position(|x| x == r).unwrap_or(0);
                json!({ "id": role_ids[idx], "name": r })
            })
            .collect();
        let created = if is_default {
            base_date() - Duration::days(730)
        } else {
            spread(rng)
        };
        let active = is_default || rng.random_bool(0.8);
        let oidc = rng.random_bool(0.4);
        let mfa = rng.random_bool(0.25);
        let id = seeded_id(rng);
        let client_id = seeded_id(rng).to_string();
        let mut client = Client {
            id,
            hydra_client_id: oidc.then(|| format!("hydra-{client_id}")),
            client_id,
            tenant_id,
            project_id,
            owner_id,
            org_id,
            name: texts.pick(normal),
            email: format!(
                "team-{}@acme.test",
                slug.chars().take(40).collect::<String>()
            ),
            status: "Active",
            active: true,
            tags,
            roles,
            oidc_enabled: oidc,
            client_type: client_type.into(),
            // (A draw kept from an earlier field, so every later seeded value stays.)
            mfa_enabled: {
                let _ = rng.random_bool(0.3);
                mfa
            },
            mfa_verified: mfa && rng.random_bool(0.7),
            mfa_method: if mfa { vec!["totp".into()] } else { vec![] },
            mfa_default_method: mfa.then(|| "totp".to_string()),
            mfa_enrolled_at: mfa.then(|| created + Duration::days(3)),
            last_login: rng
                .random_bool(0.6)
                .then(|| created + Duration::hours(rng.random_range(1..2000))),
            user_count: rng.random_range(0..5000),
            authentication_methods: if oidc {
                vec!["password".into(), "oidc".into()]
            } else {
                vec!["password".into()]
            },
            deleted: !is_default && rng.random_bool(0.05),
            created_at: created,
            updated_at: created + Duration::hours(rng.random_range(0..500)),
            secret_hash: sha256_hex(&format!("seed-secret-{i}-{tenant_id}")),
            is_default,
        };
        client.set_active(active);
        if is_default {
            default_id = id;
        }
        db.clients.insert(id, client);
    }
    default_id
}

/// Seeds `count` end users with varied names, statuses and MFA methods (no password).
pub fn end_users(
    db: &mut Db,
    rng: &mut ChaCha8Rng,
    texts: &mut Texts,
    tenant_id: Uuid,
    count: usize,
) {
    let client_ids: Vec<Uuid> = {
        let mut ids: Vec<Uuid> = db
            .clients
            .values()
            .filter(|c| c.tenant_id == tenant_id)
            .map(|c| c.id)
            .collect();
        ids.sort();
        ids
    };
    let domain = if tenant_id == super::GLOBEX_TENANT_ID {
        "globex.test"
    } else {
        ""
    };
    db.users.reserve(count);
    for i in 0..count {
        let first = pick(rng, &FIRST_NAMES);
        let last = pick(rng, &LAST_NAMES);
        let dom = if domain.is_empty() {
            pick(rng, &EMAIL_DOMAINS)
        } else {
            domain
        };
        let email = format!("{}.{}.{i}@{dom}", first.to_lowercase(), last.to_lowercase());
        let mut u = user(rng, tenant_id, &email, texts.pick(first), texts.pick(last));
        u.created_at = spread(rng);
        u.updated_at = u.created_at + Duration::hours(rng.random_range(0..800));
        u.active = rng.random_bool(0.85);
        u.email_verified = rng.random_bool(0.8);
        u.provider = pick(
            rng,
            &["password", "password", "password", "google", "microsoft"],
        )
        .into();
        let r: f64 = rng.random();
        u.mfa_methods = match r {
            x if x < 0.25 => vec!["totp".into()],
            x if x < 0.35 => vec!["webauthn".into()],
            x if x < 0.40 => vec!["totp".into(), "webauthn".into()],
            _ => vec![],
        };
        if rng.random_bool(0.7) {
            u.last_login = Some(u.created_at + Duration::hours(rng.random_range(1..4000)));
            u.login_count = rng.random_range(1..500);
        }
        if rng.random_bool(0.4) {
            u.phone = Some(format!("+1-555-{:04}", rng.random_range(0..10000)));
        }
        if !client_ids.is_empty() && rng.random_bool(0.3) {
            u.client_id = client_ids.choose(rng).copied();
        }
        db.users.insert(u.id, u);
    }
}
