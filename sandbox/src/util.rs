//! Small helpers: time, hashing, random secrets.

pub mod paging;
pub mod ua;
pub mod validate;

use base64::Engine;
use chrono::{DateTime, Utc};
use rand::Rng;
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub type Time = DateTime<Utc>;

pub fn now() -> Time {
    Utc::now()
}

pub fn new_id() -> Uuid {
    Uuid::new_v4()
}

/// A uuid drawn from a (seeded) RNG, so seed data is identical every run.
pub fn seeded_id<R: Rng>(rng: &mut R) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

pub fn sha256_hex(input: &str) -> String {
    hex::encode(Sha256::digest(input.as_bytes()))
}

/// Salted password hash (the user id is the salt).
pub fn password_hash(user_id: Uuid, password: &str) -> String {
    sha256_hex(&format!("authsec-sandbox:{user_id}:{password}"))
}

/// `n` random bytes from the OS-seeded thread RNG, base64url without padding.
pub fn random_b64(n: usize) -> String {
    let mut buf = vec![0u8; n];
    rand::rng().fill(buf.as_mut_slice());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

pub fn b64url(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

const CODE_CHARS: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A backup code `xxxx-xxxx`.
pub fn backup_code<R: Rng>(rng: &mut R) -> String {
    let mut s = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            s.push('-');
        }
        s.push(CODE_CHARS[rng.random_range(0..CODE_CHARS.len())] as char);
    }
    s
}

pub fn backup_codes<R: Rng>(rng: &mut R) -> Vec<String> {
    (0..10).map(|_| backup_code(rng)).collect()
}

/// Normalises a typed backup code: lower case, spaces dropped, dash restored.
pub fn normalize_backup_code(code: &str) -> String {
    let compact: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if compact.len() == 8 {
        format!("{}-{}", &compact[..4], &compact[4..])
    } else {
        compact
    }
}

/// AuthSec's answer to an activation switch: `<subject> activated successfully` (or
/// `deactivated`).
pub fn switched(subject: &str, active: bool) -> String {
    let verb = if active { "activated" } else { "deactivated" };
    format!("{subject} {verb} successfully")
}

/// Serialises an empty list as `null`, as Go does a nil slice on a field without
/// `omitempty` (authsec-api.md §1.9).
pub fn nil_if_empty<S: serde::Serializer, T: serde::Serialize>(
    v: &[T],
    s: S,
) -> Result<S::Ok, S::Error> {
    if v.is_empty() {
        s.serialize_none()
    } else {
        serde::Serialize::serialize(v, s)
    }
}

/// Always `null`: an association AuthSec never preloads (Client `roles`, authsec-api.md §b).
pub fn always_nil<S: serde::Serializer, T>(_: &T, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_none()
}
