//! Decoding the JWT's claims for display and routing. The server decides;
//! the console never trusts these for anything but what to show.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

/// The claims the console reads. AuthSec's console token (authsec-api.md §1.4) names
/// the e-mail `email_id` and carries no `roles`: who is an admin is asked of the server
/// at sign-in (the sign-in flow's `open_session`), never read from the token.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Claims {
    pub sub: String,
    #[serde(default)]
    email_id: String,
    /// Other issuers' spelling (and pasted tokens of other services).
    #[serde(default)]
    email: String,
    #[serde(default)]
    pub tenant_id: String,
    /// An end user's token names the AuthSec client they signed in through.
    #[serde(default)]
    pub client_id: String,
    /// The extension services' session id (`extended` deployments only).
    #[serde(default)]
    pub sid: Option<String>,
    /// When the user last proved who they are (sign-in or step-up); only servers with
    /// the step-up extension stamp it.
    #[serde(default)]
    pub auth_time: Option<i64>,
    #[serde(default)]
    pub iat: i64,
    pub exp: i64,
}

impl Claims {
    /// The signed-in e-mail: `email_id`, else `email`.
    pub fn email(&self) -> &str {
        if self.email_id.is_empty() {
            &self.email
        } else {
            &self.email_id
        }
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
    // As text, not bytes: `from_slice` would bring a second copy of the JSON parser into
    // the first load (every other decode reads a `&str`).
    String::from_utf8(bytes)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .ok_or_else(|| "The access token's claims could not be read.".to_string())
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
    fn decodes_authsec_console_token_claims() {
        // The claim set of /uflow/login/webauthn-callback (authsec-api.md §1.4).
        let t = token(
            r#"{"aud":"authsec-api","client_id":"u1","email_id":"owner@acme.example","exp":1776762902,
                "iat":1776676502,"iss":"authsec-ai/auth-manager","nbf":1776676502,"project_id":"p1",
                "sub":"u1","tenant_id":"t1","token_type":"default","user_id":"u1"}"#,
        );
        let c = decode_claims(&t).unwrap();
        assert_eq!(c.email(), "owner@acme.example");
        assert_eq!(c.tenant_id, "t1");
        assert_eq!(c.sid, None);
        assert_eq!(c.exp, 1_776_762_902);
    }

    #[test]
    fn email_falls_back_to_the_email_claim() {
        let c = decode_claims(&token(
            r#"{"sub":"u2","email":"a@b.test","sid":"s1","exp":1}"#,
        ))
        .unwrap();
        assert_eq!(c.email(), "a@b.test");
        assert_eq!(c.sid.as_deref(), Some("s1"));
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
