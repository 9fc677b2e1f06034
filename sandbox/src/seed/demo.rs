//! Tenants and the demo accounts (fixed emails, the demo password).

use chrono::Duration;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use super::names::Texts;
use super::{
    base_date, ACME_TENANT_ID, ADMIN_BACKUP_CODES, ADMIN_TOTP_SECRET, DEMO_PASSWORD,
    GLOBEX_TENANT_ID,
};
use crate::db::{Db, Tenant, User};
use crate::util::{password_hash, seeded_id};

/// One demo sign-in. [`DEMO_ACCOUNTS`] is the only list: the seed, the facts file
/// (`--facts`), `scripts/dev`, the sign-in page (through config.json) and the e2e
/// helpers all read it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct DemoAccount {
    /// How scripts and tests name it.
    pub key: &'static str,
    pub email: &'static str,
    pub workspace: &'static str,
    pub admin: bool,
    /// What signing in with it shows.
    pub note: &'static str,
}

const fn account(
    key: &'static str,
    email: &'static str,
    workspace: &'static str,
    admin: bool,
    note: &'static str,
) -> DemoAccount {
    DemoAccount {
        key,
        email,
        workspace,
        admin,
        note,
    }
}

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    account(
        "admin",
        "admin@acme.test",
        "acme",
        true,
        "admin, with backup codes",
    ),
    account(
        "passkey",
        "passkey@acme.test",
        "acme",
        true,
        "admin: add a passkey under Security",
    ),
    account("plain", "plain@acme.test", "acme", true, "admin"),
    account("user", "user@acme.test", "acme", false, "end user"),
    account(
        "new",
        "new@acme.test",
        "acme",
        true,
        "admin, first sign-in (once per start)",
    ),
    account(
        "new_user",
        "new-user@acme.test",
        "acme",
        false,
        "end user, first sign-in (once per start)",
    ),
    account(
        "helpdesk",
        "helpdesk@acme.test",
        "acme",
        true,
        "admin who may not delete users",
    ),
    account(
        "globex",
        "admin@globex.test",
        "globex",
        true,
        "admin of another workspace",
    ),
];

/// The email of the demo account `key`.
pub fn email(key: &str) -> &'static str {
    DEMO_ACCOUNTS
        .iter()
        .find(|a| a.key == key)
        .map(|a| a.email)
        .unwrap_or_else(|| panic!("no demo account {key}"))
}

pub fn tenants(db: &mut Db, rng: &mut ChaCha8Rng) {
    for (id, domain, name) in [
        (ACME_TENANT_ID, "acme", "Acme Corporation"),
        (GLOBEX_TENANT_ID, "globex", "Globex Industries"),
    ] {
        db.tenants.push(Tenant {
            id,
            domain: domain.into(),
            name: name.into(),
            project_id: seeded_id(rng),
            org_id: seeded_id(rng),
        });
    }
}

/// A blank account; the caller adjusts the fields that differ.
pub fn user(
    rng: &mut ChaCha8Rng,
    tenant_id: Uuid,
    email: &str,
    first: String,
    last: String,
) -> User {
    let id = seeded_id(rng);
    let created = base_date() - Duration::days(rng.random_range(30..700));
    User {
        id,
        tenant_id,
        email: email.to_lowercase(),
        username: email.split('@').next().unwrap_or(email).to_string(),
        first_name: first,
        last_name: last,
        phone: None,
        client_id: None,
        provider: "password".into(),
        active: true,
        email_verified: true,
        is_admin: false,
        pending_registration: false,
        invited: false,
        password_hash: None,
        mfa_methods: Vec::new(),
        totp_devices: Vec::new(),
        sign_in_totp: None,
        factor_used_at: None,
        passkeys: Vec::new(),
        backup_codes: Vec::new(),
        metadata: json!({}),
        created_at: created,
        updated_at: created + Duration::days(10),
        last_login: None,
        login_count: 0,
    }
}

fn demo(
    db: &mut Db,
    rng: &mut ChaCha8Rng,
    texts: &mut Texts,
    (tenant, email, first, last, admin): (Uuid, &str, &str, &str, bool),
) -> Uuid {
    let mut u = user(rng, tenant, email, texts.pick(first), texts.pick(last));
    u.is_admin = admin;
    u.password_hash = Some(password_hash(u.id, DEMO_PASSWORD));
    u.last_login = Some(base_date() - Duration::hours(rng.random_range(2..200)));
    u.login_count = rng.random_range(5..80);
    let id = u.id;
    db.users.insert(id, u);
    id
}

pub struct AcmeIds {
    pub admin: Uuid,
    pub with_sessions: Vec<Uuid>,
}

pub fn acme_accounts(db: &mut Db, rng: &mut ChaCha8Rng, texts: &mut Texts) -> AcmeIds {
    let t = ACME_TENANT_ID;
    let admin = demo(db, rng, texts, (t, email("admin"), "Ada", "Admin", true));
    let passkey = demo(
        db,
        rng,
        texts,
        (t, email("passkey"), "Pat", "Passkey", true),
    );
    let plain = demo(db, rng, texts, (t, email("plain"), "Paul", "Plain", true));
    let ops = demo(db, rng, texts, (t, "ops@acme.test", "Olivia", "Ops", true));
    let user = demo(db, rng, texts, (t, email("user"), "Uma", "User", false));

    // Every demo account signs in with a second factor (the console enrols one before it
    // opens otherwise): the printed authenticator secret; admin@ also has the backup codes.
    for id in [admin, passkey, plain, user] {
        let u = db.users.get_mut(&id).expect("demo account seeded");
        u.sign_in_totp = Some(ADMIN_TOTP_SECRET.into());
    }
    let a = db.users.get_mut(&admin).expect("admin seeded");
    a.backup_codes = ADMIN_BACKUP_CODES.iter().map(|s| s.to_string()).collect();
    a.phone = Some("+1-555-0100".into());
    let o = db.users.get_mut(&ops).expect("ops seeded");
    o.pending_registration = true;
    o.login_count = 0;
    o.last_login = None;
    AcmeIds {
        admin,
        with_sessions: vec![admin, passkey, user],
    }
}

/// Accounts that have never signed in and have no second factor, so their first sign-in
/// enrols one: an admin (`new@acme.test`) and an end user (`new-user@acme.test`). Their
/// own random stream keeps every other seeded value as it was.
pub fn first_sign_in_accounts(db: &mut Db, texts: &mut Texts) {
    let mut rng = <ChaCha8Rng as rand::SeedableRng>::seed_from_u64(0x006e_6577);
    for (email, first, last, admin) in [
        (email("new"), "Nina", "New", true),
        (email("new_user"), "Ned", "Newcomer", false),
    ] {
        let id = demo(
            db,
            &mut rng,
            texts,
            (ACME_TENANT_ID, email, first, last, admin),
        );
        let u = db.users.get_mut(&id).expect("seeded");
        u.last_login = None;
        u.login_count = 0;
    }
}

/// An admin bound only to the `helpdesk` role (rbac.rs): the console hides what that role
/// may not do, and the server refuses it. Its own RNG, so the rest of the seed is unchanged.
pub fn limited_admin(db: &mut Db, texts: &mut Texts) {
    let mut rng = <ChaCha8Rng as rand::SeedableRng>::seed_from_u64(0x0068_656c_7064);
    let who = (ACME_TENANT_ID, email("helpdesk"), "Hana", "Helpdesk", true);
    let id = demo(db, &mut rng, texts, who);
    let u = db.users.get_mut(&id).expect("seeded");
    u.sign_in_totp = Some(ADMIN_TOTP_SECRET.into());
}

pub fn globex_accounts(db: &mut Db, rng: &mut ChaCha8Rng, texts: &mut Texts) -> Uuid {
    let t = GLOBEX_TENANT_ID;
    let id = demo(db, rng, texts, (t, email("globex"), "Gus", "Globex", true));
    let u = db.users.get_mut(&id).expect("globex admin seeded");
    u.sign_in_totp = Some(ADMIN_TOTP_SECRET.into());
    id
}
