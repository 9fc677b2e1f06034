//! The signed-in session. It lives in memory only: never in storage, cookies
//! or the URL, so a reload signs the user out by design.

use crate::api::claims::{decode_claims, Claims};
use std::fmt;

#[derive(Clone, PartialEq)]
pub struct Session {
    token: String,
    pub claims: Claims,
    /// The workspace (tenant domain) the user signed in to.
    pub tenant_domain: String,
    /// Whether the server let this account through an admin route at sign-in
    /// (authsec-api.md §1.5); the token itself does not say.
    admin: bool,
    /// Signed in through the invited admins' route (no second factor possible there).
    invited: bool,
}

impl Session {
    /// Builds a session from a token the server minted (or a pasted one); `admin` is
    /// what the server answered the admin probe.
    pub fn from_token(token: &str, tenant_domain: &str, admin: bool) -> Result<Session, String> {
        let token = token.trim();
        let claims = decode_claims(token)?;
        Ok(Session {
            token: token.to_string(),
            claims,
            tenant_domain: tenant_domain.to_string(),
            admin,
            invited: false,
        })
    }

    /// This session with a token the server renewed it with (a step-up): the same
    /// workspace, admin probe and sign-in route.
    pub fn renewed(&self, token: &str) -> Result<Session, String> {
        let token = token.trim();
        let claims = decode_claims(token)?;
        if (&claims.sub, &claims.sid) != (&self.claims.sub, &self.claims.sid) {
            return Err("The confirmation came back for another session. Try again.".into());
        }
        Ok(Session {
            token: token.to_string(),
            claims,
            ..self.clone()
        })
    }

    /// Marks a session opened through the invited admins' route.
    pub fn invited(self) -> Session {
        Session {
            invited: true,
            ..self
        }
    }

    /// Whether this is an invited admin's session: AuthSec checks no factor for them at
    /// sign-in, and one turned on would lock them out.
    pub fn is_invited(&self) -> bool {
        self.invited
    }

    /// The bearer token: for the Authorization header, and for ending the session at sign-out.
    pub(crate) fn token(&self) -> &str {
        &self.token
    }

    pub fn email(&self) -> &str {
        self.claims.email()
    }

    pub fn is_admin(&self) -> bool {
        self.admin
    }

    /// Whether a session another tab announces should replace this one: only a later
    /// sign-in (`iat`, then the token as a tie-break), so two tabs that sign in at the
    /// same moment settle on one session instead of trading theirs back and forth.
    pub fn supersedes(&self, current: &Session) -> bool {
        (self.claims.iat, &self.token) > (current.claims.iat, &current.token)
    }

    /// True when the token's `exp` (seconds) is at or before `now_s`.
    pub fn is_expired(&self, now_s: i64) -> bool {
        self.claims.exp <= now_s
    }
}

/// Never prints the token, so a stray `{:?}` cannot leak it to a log.
impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("token", &"<redacted>")
            .field("email", &self.email())
            .field("tenant_domain", &self.tenant_domain)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    fn jwt(claims: &str) -> String {
        format!("h.{}.s", URL_SAFE_NO_PAD.encode(claims))
    }

    #[test]
    fn debug_output_redacts_the_token() {
        let t = jwt(r#"{"sub":"u","email":"a@b.test","exp":10}"#);
        let s = Session::from_token(&t, "acme", false).unwrap();
        let printed = format!("{s:?}");
        assert!(!printed.contains(&t));
        assert!(printed.contains("<redacted>"));
        assert_eq!(s.token(), t);
    }

    #[test]
    fn a_step_up_renews_only_the_same_session() {
        let s = Session::from_token(&jwt(r#"{"sub":"u","sid":"s1","exp":10}"#), "acme", true)
            .unwrap()
            .invited();
        let r = s
            .renewed(&jwt(r#"{"sub":"u","sid":"s1","exp":99}"#))
            .unwrap();
        assert_eq!(r.claims.exp, 99);
        assert!(r.is_admin() && r.is_invited() && r.tenant_domain == "acme");
        assert!(s
            .renewed(&jwt(r#"{"sub":"u","sid":"s2","exp":99}"#))
            .is_err());
        assert!(s
            .renewed(&jwt(r#"{"sub":"v","sid":"s1","exp":99}"#))
            .is_err());
    }

    #[test]
    fn expiry_and_role() {
        let s = Session::from_token(&jwt(r#"{"sub":"u","exp":10}"#), "acme", true).unwrap();
        assert!(s.is_admin());
        let s = Session::from_token(
            &jwt(r#"{"sub":"u","roles":["admin"],"exp":10}"#),
            "acme",
            false,
        )
        .unwrap();
        assert!(!s.is_admin(), "a roles claim decides nothing");
        assert!(!s.is_expired(9));
        assert!(s.is_expired(10));
    }

    #[test]
    fn only_a_later_sign_in_supersedes_a_session() {
        let at = |iat: i64, sub: &str| {
            let claims = format!(r#"{{"sub":"{sub}","iat":{iat},"exp":99}}"#);
            Session::from_token(&jwt(&claims), "acme", true).unwrap()
        };
        let (old, new) = (at(10, "u"), at(20, "u"));
        assert!(new.supersedes(&old));
        assert!(
            !old.supersedes(&new),
            "an older session never replaces a newer one"
        );
        assert!(!new.supersedes(&new), "the same session changes nothing");
        // Two sign-ins in the same second: both tabs pick the same one.
        let (a, b) = (at(20, "a"), at(20, "b"));
        assert!(a.supersedes(&b) != b.supersedes(&a));
    }

    #[test]
    fn pasted_tokens_are_trimmed_and_checked() {
        let t = jwt(r#"{"sub":"u","exp":10}"#);
        assert!(Session::from_token(&format!("  {t}\n"), "acme", false).is_ok());
        assert!(Session::from_token("not a token", "acme", false).is_err());
    }
}
