//! Deterministic seed data (ChaCha RNG with a fixed seed): identical on every start.

pub mod apps;
pub mod bulk;
pub mod demo;
pub mod domains;
pub mod extras;
pub mod groups;
pub mod invites;
pub mod many;
pub mod names;
pub mod rbac;
pub mod scopes;

use chrono::{DateTime, TimeZone, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use crate::config::Args;
use crate::db::Db;
use names::Texts;

pub const SEED: u64 = 0xA075_EC5A_4DB0_2025;

/// Tenant ids are fixed so scripts and tests can name them.
pub const ACME_TENANT_ID: Uuid = Uuid::from_u128(0x3f6b1c2a_8d4e_4f7a_9b1c_0000000ac3e1);
pub const GLOBEX_TENANT_ID: Uuid = Uuid::from_u128(0x7c2d9e4b_1a3f_4b6c_8d2e_000000910be7);

/// Every demo account's password.
pub const DEMO_PASSWORD: &str = "Sandbox-Demo-1";

/// The admin@acme.test authenticator secret (base32, 160 bits).
pub const ADMIN_TOTP_SECRET: &str = "ACMESANDBOXTOTPSECRETKEY234567AB";

pub const ADMIN_BACKUP_CODES: [&str; 10] = [
    "7kq2-m9xa",
    "3hpw-c6td",
    "v8nr-2fzb",
    "q4ye-h7js",
    "m2ub-k9wc",
    "x6ta-r3pn",
    "d9fz-w4qe",
    "p3jc-t8uy",
    "b7wh-n2vk",
    "r5sx-e6gm",
];

/// Seeded timestamps are spread over the two years before this date.
pub fn base_date() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0).unwrap()
}

pub fn seed(args: &Args) -> Db {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut texts = Texts::new(args.hostile());
    let mut db = Db::default();
    demo::tenants(&mut db, &mut rng);
    let acme = demo::acme_accounts(&mut db, &mut rng, &mut texts);
    let globex = demo::globex_accounts(&mut db, &mut rng, &mut texts);

    let default_client = bulk::clients(
        &mut db,
        &mut rng,
        &mut texts,
        ACME_TENANT_ID,
        acme.admin,
        args.clients as usize,
    );
    bulk::end_users(
        &mut db,
        &mut rng,
        &mut texts,
        ACME_TENANT_ID,
        (args.users as usize).saturating_sub(2),
    );
    bulk::clients(&mut db, &mut rng, &mut texts, GLOBEX_TENANT_ID, globex, 12);
    bulk::end_users(&mut db, &mut rng, &mut texts, GLOBEX_TENANT_ID, 25);

    extras::sessions(&mut db, &mut rng, &mut texts, &acme.with_sessions, 3);
    extras::sessions(&mut db, &mut rng, &mut texts, &[globex], 2);
    extras::bulk_sessions(&mut db, &mut rng, &mut texts, ACME_TENANT_ID, 24);
    extras::api_keys(&mut db, &mut rng, &mut texts, ACME_TENANT_ID, acme.admin, 3);
    extras::api_keys(&mut db, &mut rng, &mut texts, GLOBEX_TENANT_ID, globex, 1);
    apps::seed_apps(&mut db, &mut rng, &mut texts, ACME_TENANT_ID, acme.admin, 5);
    apps::seed_apps(&mut db, &mut rng, &mut texts, GLOBEX_TENANT_ID, globex, 1);
    demo::first_sign_in_accounts(&mut db, &mut texts);
    demo::limited_admin(&mut db, &mut texts);
    invites::seed(&mut db, ACME_TENANT_ID);
    rbac::seed(&mut db, &[ACME_TENANT_ID, GLOBEX_TENANT_ID]);
    groups::seed(&mut db, &[ACME_TENANT_ID, GLOBEX_TENANT_ID]);
    many::seed(&mut db, ACME_TENANT_ID, args.access_rows as usize);
    domains::seed(&mut db, &mut rng);
    crate::db::idp::seed(&mut db);
    scopes::seed(&mut db, &[ACME_TENANT_ID, GLOBEX_TENANT_ID]);

    db.facts = crate::db::DemoFacts {
        admin_email: demo::email("admin").into(),
        totp_secret: ADMIN_TOTP_SECRET.into(),
        backup_codes: ADMIN_BACKUP_CODES.iter().map(|s| s.to_string()).collect(),
        acme_tenant_id: ACME_TENANT_ID,
        globex_tenant_id: GLOBEX_TENANT_ID,
        default_client_id: default_client,
    };
    db
}
