//! Field validation shared by the route groups.

use url::Url;

pub fn is_valid_email(email: &str) -> bool {
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// Error message for a redirect URI, or None when it is acceptable: absolute
/// `https://`, or `http://` on localhost / 127.0.0.1, and no fragment.
pub fn redirect_uri_error(uri: &str) -> Option<String> {
    let Ok(url) = Url::parse(uri) else {
        return Some(format!("{uri:?} is not an absolute URL"));
    };
    if url.fragment().is_some() || uri.contains('#') {
        return Some(format!("{uri:?} must not contain a fragment"));
    }
    let host = url.host_str().unwrap_or("");
    match url.scheme() {
        "https" if !host.is_empty() => None,
        "http" if host == "localhost" || host == "127.0.0.1" => None,
        _ => Some(format!(
            "{uri:?} must use https (http only for localhost or 127.0.0.1)"
        )),
    }
}

/// Password rule: at least 10 characters with an upper-case letter, a lower-case letter and a digit.
pub fn password_error(pw: &str) -> Option<&'static str> {
    let ok = pw.chars().count() >= 10
        && pw.chars().any(|c| c.is_uppercase())
        && pw.chars().any(|c| c.is_lowercase())
        && pw.chars().any(|c| c.is_ascii_digit());
    (!ok).then_some(
        "password must be at least 10 characters with upper-case, lower-case and a digit",
    )
}

/// Case-insensitive substring match.
pub fn contains_ci(haystack: &str, needle_lower: &str) -> bool {
    haystack.to_lowercase().contains(needle_lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_rules() {
        assert!(redirect_uri_error("https://app.example.com/cb").is_none());
        assert!(redirect_uri_error("http://localhost:3000/cb").is_none());
        assert!(redirect_uri_error("http://127.0.0.1/cb").is_none());
        assert!(redirect_uri_error("http://example.com/cb").is_some());
        assert!(redirect_uri_error("https://example.com/cb#x").is_some());
        assert!(redirect_uri_error("/relative").is_some());
    }

    #[test]
    fn email_and_password_rules() {
        assert!(is_valid_email("a.b@acme.test"));
        assert!(!is_valid_email("not-an-email"));
        assert!(!is_valid_email("a@b"));
        assert!(password_error("Sandbox-Demo-1").is_none());
        assert!(password_error("short1A").is_some());
        assert!(password_error("alllowercase1").is_some());
    }
}
