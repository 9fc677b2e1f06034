//! Field rules shared by every form, matching the server's.

/// A message when `s` is not a plausible email address.
pub fn email(s: &str) -> Option<&'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Some("Enter an email address.");
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Some("Enter an email address like name@example.com.");
    };
    let ok = !local.is_empty()
        && local.len() <= 64
        && s.len() <= 254
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.contains('.')
        && !domain.contains("..")
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control());
    (!ok).then_some("Enter an email address like name@example.com.")
}

/// A message when a required value is blank.
pub fn required(s: &str, what: &'static str) -> Option<String> {
    s.trim().is_empty().then(|| format!("Enter {what}."))
}

/// Normalises a typed TOTP code (spaces and dashes dropped); `None` unless
/// it is six digits.
pub fn totp_code(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// A safe in-app path for `?next=`: it must be local (`/x`, not `//host`).
pub fn next_path(next: Option<&str>) -> Option<String> {
    let n = next?.trim();
    let local = n.starts_with('/')
        && !n.starts_with("//")
        && !n.starts_with("/\\")
        && !n.starts_with("/login");
    (local && !n.chars().any(char::is_control)).then(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(email("admin@acme.test"), None);
        assert_eq!(email("  a.b+c@x.example.org "), None);
        for bad in [
            "",
            "   ",
            "admin",
            "admin@",
            "@acme.test",
            "a@acme",
            "a b@acme.test",
            "a@@acme.test",
            "a@.acme.test",
            "a@acme..test",
        ] {
            assert!(email(bad).is_some(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn totp_codes_accept_pasted_spacing() {
        assert_eq!(totp_code("123 456").as_deref(), Some("123456"));
        assert_eq!(totp_code(" 123-456 ").as_deref(), Some("123456"));
        assert_eq!(totp_code("12345"), None);
        assert_eq!(totp_code("12345a"), None);
    }

    #[test]
    fn next_paths_stay_local() {
        assert_eq!(
            next_path(Some("/clients?page=2")).as_deref(),
            Some("/clients?page=2")
        );
        assert_eq!(next_path(Some("//evil.example")), None);
        assert_eq!(next_path(Some("https://evil.example")), None);
        assert_eq!(next_path(Some("/\\evil")), None);
        assert_eq!(next_path(Some("/login")), None);
        assert_eq!(next_path(None), None);
    }

    #[test]
    fn required_fields() {
        assert_eq!(
            required(" ", "a password").as_deref(),
            Some("Enter a password.")
        );
        assert_eq!(required("x", "a password"), None);
    }
}
