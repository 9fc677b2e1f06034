//! Seeded admin invitations of acme: one pending, one whose temporary password expired.

use chrono::Duration;
use uuid::Uuid;

use crate::db::Db;
use crate::routes::endusers::new_end_user;
use crate::util::{now, password_hash};

/// (e-mail, first, last, days since the invite)
const INVITES: [(u128, &str, &str, &str, i64); 2] = [
    (0x1a7e_0001, "invited@acme.test", "Ivy", "Invited", 1),
    (0x1a7e_0002, "late@acme.test", "Lee", "Late", 10),
];

pub fn seed(db: &mut Db, tenant: Uuid) {
    for (id, email, first, last, days) in INVITES {
        let Ok(mut u) = new_end_user(tenant, email, None, first, last) else {
            continue;
        };
        let at = now() - Duration::days(days);
        u.id = Uuid::from_u128(0x5eed_0000_0000_4000_8000_0000_0000_0000 | id);
        u.is_admin = true;
        u.invited = true;
        u.pending_registration = true;
        u.username = email.split('@').next().unwrap_or(email).to_string();
        u.password_hash = Some(password_hash(u.id, "not-a-demo-password"));
        u.created_at = at;
        u.updated_at = at;
        db.invite_expiry.insert(u.id, at + Duration::days(7));
        db.users.insert(u.id, u);
    }
}
