//! Decoding the JWT's claims for display and routing. The server decides;
//! the console never trusts these for anything but what to show.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Claims {
    pub sub: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub tenant_id: String,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub scopes: Vec<String>,
    #[serde(default)]
    pub sid: Option<String>,
    #[serde(default)]
    pub iat: i64,
    pub exp: i64,
}

impl Claims {
    pub fn is_admin(&self) -> bool {
        self.roles.iter().any(|r| r == "admin")
    }
}

/// Decodes the payload of a JWT without checking its signature.
pub fn decode_claims(token: &str) -> Result<Claims, String> {
    let mut parts = token.trim().split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("That is not an access token (expected three dot-separated parts).".into());
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| "The access token is damaged (its payload is not base64url).".to_string())?;
    serde_json::from_slice(&bytes)
        .map_err(|_| "The access token's claims could not be read.".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(payload: &str) -> String {
        format!(
            "eyJhbGciOiJIUzI1NiJ9.{}.c2ln",
            URL_SAFE_NO_PAD.encode(payload)
        )
    }

    #[test]
    fn decodes_contract_claims() {
        let t = token(
            r#"{"sub":"u1","email":"admin@acme.test","tenant_id":"t1","roles":["admin"],"scopes":["clients:read"],
                "sid":"s1","iat":1700000000,"exp":1700003600,"iss":"authsec-ai/user-flow","aud":"authsec-api"}"#,
        );
        let c = decode_claims(&t).unwrap();
        assert_eq!(c.email, "admin@acme.test");
        assert!(c.is_admin());
        assert_eq!(c.sid.as_deref(), Some("s1"));
        assert_eq!(c.exp, 1_700_003_600);
    }

    #[test]
    fn end_user_is_not_admin() {
        let c = decode_claims(&token(r#"{"sub":"u2","roles":[],"exp":1}"#)).unwrap();
        assert!(!c.is_admin());
    }

    #[test]
    fn rejects_malformed_tokens_with_a_sentence() {
        assert!(decode_claims("abc").unwrap_err().contains("three"));
        assert!(decode_claims("a.!!!.c").unwrap_err().contains("base64url"));
        assert!(decode_claims(&token("[1,2]"))
            .unwrap_err()
            .contains("claims"));
        assert!(
            decode_claims(&token(r#"{"exp":1}"#)).is_err(),
            "sub is required"
        );
    }
}
