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
        && !n.starts_with(&crate::routes::Page::Login.path());
    (local && !n.chars().any(char::is_control)).then(|| n.to_string())
}

/// The server's password rule, as shown beside every password field.
pub const PASSWORD_RULE: &str =
    "At least 10 characters, with an upper-case letter, a lower-case letter and a digit.";

/// A message when `pw` breaks the server's password rule.
pub fn password(pw: &str) -> Option<&'static str> {
    let ok = pw.chars().count() >= 10
        && pw.chars().any(char::is_uppercase)
        && pw.chars().any(char::is_lowercase)
        && pw.chars().any(|c| c.is_ascii_digit());
    (!ok).then_some(PASSWORD_RULE)
}

/// A 0–4 strength score and its word: length and variety, with the rule as
/// the floor for "fair".
pub fn password_strength(pw: &str) -> (u8, &'static str) {
    if pw.is_empty() {
        return (0, "");
    }
    let n = pw.chars().count();
    let kinds = [
        pw.chars().any(char::is_lowercase),
        pw.chars().any(char::is_uppercase),
        pw.chars().any(|c| c.is_ascii_digit()),
        pw.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    let score = if password(pw).is_some() {
        1
    } else if n >= 16 && kinds == 4 {
        4
    } else if n >= 12 && kinds >= 3 {
        3
    } else {
        2
    };
    let word = ["", "Weak", "Fair", "Good", "Strong"][score as usize];
    (score, word)
}

/// Names: at most 256 characters (the server's limit).
pub fn name(s: &str) -> Option<&'static str> {
    (s.chars().count() > 256).then_some("Use at most 256 characters.")
}

/// A phone number: optional, else `+`, digits, spaces, dashes, dots and
/// brackets with 7 to 15 digits.
pub fn phone(s: &str) -> Option<&'static str> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let allowed = s
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (i == 0 && c == '+'));
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (!allowed || !(7..=15).contains(&digits))
        .then_some("Enter a phone number like +44 20 7946 0958.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_follow_the_server_rule() {
        assert_eq!(password("Abcdefghi1"), None);
        for bad in [
            "",
            "short1A",
            "alllowercase1",
            "ALLUPPERCASE1",
            "NoDigitsHere",
        ] {
            assert_eq!(password(bad), Some(PASSWORD_RULE), "{bad:?}");
        }
        assert_eq!(password_strength(""), (0, ""));
        assert_eq!(password_strength("abc").0, 1);
        assert_eq!(password_strength("Abcdefghi1").0, 2);
        assert_eq!(password_strength("Abcdefghij1!").0, 3);
        assert_eq!(password_strength("Correct-Horse-Battery-9"), (4, "Strong"));
    }

    #[test]
    fn phones_and_names() {
        assert_eq!(phone(""), None);
        assert_eq!(phone("+44 20 7946 0958"), None);
        assert_eq!(phone("(555) 123-4567"), None);
        assert!(phone("12345").is_some());
        assert!(phone("call me").is_some());
        assert!(phone("44+1234567").is_some());
        assert_eq!(name(&"x".repeat(256)), None);
        assert!(name(&"x".repeat(257)).is_some());
    }

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
