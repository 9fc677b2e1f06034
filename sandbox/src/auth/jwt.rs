//! HS256 access tokens; every minted token opens a session.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::Rng;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::apikey::SCOPES;
use crate::db::{Db, Session};
use crate::util::{new_id, now};

pub const ISSUER: &str = "authsec-ai/user-flow";
pub const AUDIENCE: &str = "authsec-api";

/// Scopes carried by an end user's token (admins get every scope).
pub const USER_SCOPES: [&str; 4] = [
    "mfa:self",
    "sessions:read",
    "sessions:write",
    "api-keys:manage",
];

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claims {
    pub sub: String,
    pub email: String,
    pub tenant_id: String,
    pub roles: Vec<String>,
    pub scopes: Vec<String>,
    pub sid: String,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
}

pub struct JwtKeys {
    enc: EncodingKey,
    dec: DecodingKey,
    validation: Validation,
}

impl JwtKeys {
    /// A fresh random signing secret (tokens do not survive a restart, like the data).
    pub fn random() -> Self {
        let secret: [u8; 32] = rand::rng().random();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        JwtKeys {
            enc: EncodingKey::from_secret(&secret),
            dec: DecodingKey::from_secret(&secret),
            validation,
        }
    }

    pub fn encode(&self, claims: &Claims) -> String {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.enc)
            .expect("HS256 encoding cannot fail")
    }

    /// The claims of a valid, unexpired token with the right issuer and audience.
    pub fn decode(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.dec, &self.validation)
            .ok()
            .map(|d| d.claims)
            .filter(|c| c.exp > now().timestamp())
    }
}

/// Opens a session for the user and mints its token. Returns (token, session id).
pub fn mint(
    keys: &JwtKeys,
    db: &mut Db,
    user_id: Uuid,
    ttl_secs: u64,
    device_name: &str,
    ip: &str,
) -> Option<(String, Uuid)> {
    let user = db.users.get(&user_id)?;
    let t = now();
    let exp = t + chrono::Duration::seconds(ttl_secs as i64);
    let sid = new_id();
    let scopes: Vec<String> = if user.is_admin {
        SCOPES.iter().map(|s| s.to_string()).collect()
    } else {
        USER_SCOPES.iter().map(|s| s.to_string()).collect()
    };
    let claims = Claims {
        sub: user.id.to_string(),
        email: user.email.clone(),
        tenant_id: user.tenant_id.to_string(),
        roles: user.role_names(),
        scopes,
        sid: sid.to_string(),
        iat: t.timestamp(),
        exp: exp.timestamp(),
        iss: ISSUER.to_string(),
        aud: AUDIENCE.to_string(),
    };
    let session = Session {
        id: sid,
        tenant_id: user.tenant_id,
        user_id,
        device_name: device_name.to_string(),
        ip_address: ip.to_string(),
        location: "Loopback".to_string(),
        created_at: t,
        last_accessed: t,
        expires_at: exp,
        revoked: false,
    };
    db.sessions.insert(sid, session);
    Some((keys.encode(&claims), sid))
}
