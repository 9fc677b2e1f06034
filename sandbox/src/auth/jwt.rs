//! HS256 access tokens; every minted token opens a session.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::Rng;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::{Db, Session};
use crate::state::AppState;
use crate::util::{new_id, now};

/// AuthSec's console tokens (authsec-api.md §1.4).
pub const ISSUER: &str = "authsec-ai/auth-manager";
pub const AUDIENCE: &str = "authsec-api";

/// Scopes an end user holds for the extension services (admins hold every scope).
/// Not a claim: AuthSec's tokens carry none.
pub const USER_SCOPES: [&str; 4] = [
    "mfa:self",
    "sessions:read",
    "sessions:write",
    "api-keys:manage",
];

/// The exact claim set of AuthSec's console token (`/uflow/login/webauthn-callback`,
/// authsec-api.md §1.4): no `roles`, no `email` (`email_id`), `client_id` = the user's
/// id. The `extended` profile adds `sid`, the session the extension services revoke, and
/// `auth_time`, when the user last proved who they are (sign-in or step-up).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claims {
    pub aud: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_time: Option<i64>,
    pub client_id: String,
    pub email_id: String,
    pub exp: i64,
    pub iat: i64,
    pub iss: String,
    pub nbf: i64,
    pub project_id: String,
    /// End-user tokens only (`["read","write"]` for a user without roles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub sub: String,
    pub tenant_id: String,
    pub token_type: String,
    pub user_id: String,
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

/// Who a token is for: an admin (the console token: `client_id` is the user's id) or an
/// end user signed in through an OAuth client (`client_id` is that client, `project_id`
/// the tenant, plus `scope`), as authsec-api.md §1.4 lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Realm {
    Admin,
    EndUser(Uuid),
}

/// Mints a token for the user and opens its session (named in the token as `sid` on
/// the `extended` profile only). Returns (token, session id).
pub fn mint(
    st: &AppState,
    db: &mut Db,
    user_id: Uuid,
    realm: Realm,
    meta: (&str, &str),
) -> Option<(String, Uuid)> {
    let (device_name, ip) = meta;
    let user = db.users.get(&user_id)?;
    let (client_id, project_id, scope) = match realm {
        Realm::Admin => (
            user.id,
            db.tenant(user.tenant_id).map(|t| t.project_id)?,
            None,
        ),
        Realm::EndUser(client) => (
            user.client_id.unwrap_or(client),
            user.tenant_id,
            Some(vec!["read".to_string(), "write".to_string()]),
        ),
    };
    let t = now();
    let exp = t + chrono::Duration::seconds(st.cfg.token_ttl as i64);
    let sid = new_id();
    let claims = Claims {
        aud: AUDIENCE.to_string(),
        auth_time: st
            .cfg
            .extended()
            .then(|| t.timestamp() - st.cfg.signed_in_ago as i64),
        client_id: client_id.to_string(),
        email_id: user.email.clone(),
        exp: exp.timestamp(),
        iat: t.timestamp(),
        iss: ISSUER.to_string(),
        nbf: t.timestamp(),
        project_id: project_id.to_string(),
        scope,
        sid: st.cfg.extended().then(|| sid.to_string()),
        sub: user.id.to_string(),
        tenant_id: user.tenant_id.to_string(),
        token_type: "default".to_string(),
        user_id: user.id.to_string(),
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
    Some((st.jwt.encode(&claims), sid))
}

/// The caller's token again, proved just now (step-up): the same claims and session, a
/// fresh `auth_time` and a full lifetime. Returns the token and its expiry.
pub fn restamp(st: &AppState, token: &str) -> Option<(String, chrono::DateTime<chrono::Utc>)> {
    let mut claims = st.jwt.decode(token)?;
    let t = now();
    let exp = t + chrono::Duration::seconds(st.cfg.token_ttl as i64);
    claims.auth_time = Some(t.timestamp());
    (claims.iat, claims.nbf, claims.exp) = (t.timestamp(), t.timestamp(), exp.timestamp());
    Some((st.jwt.encode(&claims), exp))
}
