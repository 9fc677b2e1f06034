//! The settings page's pure rules: what a domain must look like before it is sent, and
//! the sentence for a failed verification.

use crate::api::ApiError;

/// The domain AuthSec would store for `raw` (trimmed, lower-cased, one trailing dot
/// dropped), or why it is refused here. AuthSec itself refuses only `/`, `\` and `*`
/// and an overlong name; a name without a dot or with characters DNS does not allow
/// could never carry the TXT record, so it is refused here too.
pub fn check_domain(raw: &str) -> Result<String, String> {
    let d = raw.trim().to_lowercase();
    let d = d.strip_suffix('.').unwrap_or(&d);
    if d.is_empty() {
        return Err("Enter a domain.".into());
    }
    if d.contains('*') {
        return Err("Enter one domain, without a wildcard.".into());
    }
    if d.contains("://") || d.contains('/') {
        return Err("Enter the domain only, without https:// or a path.".into());
    }
    // The TXT name `_authsec-challenge.<domain>` must fit AuthSec's 255 characters.
    if d.len() > 236 {
        return Err("A domain has at most 236 characters here.".into());
    }
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if !d.contains('.') || !d.split('.').all(label_ok) {
        return Err("Enter a domain such as login.example.com.".into());
    }
    Ok(d.to_string())
}

/// What a failed verification means, from AuthSec's `details`.
pub fn verify_failure(e: &ApiError) -> String {
    let m = &e.message;
    let after = |key: &str| m.split(key).nth(1).map(|s| s.trim().to_string());
    if m.contains("already verified") {
        "This domain is already verified.".into()
    } else if let Some(name) = after("No TXT records found for") {
        format!("{name} has no TXT record yet. Add it at your DNS provider; new records can take a while to appear.")
    } else if let Some(rest) = after("TXT record value mismatch.") {
        format!("The TXT record does not hold the value below. {rest}")
    } else if m.contains("lookup failed") {
        "The TXT record's name does not exist in DNS yet. Add the record at your DNS provider, then verify again.".into()
    } else {
        format!("The domain was not verified. {m}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::decode_error;

    #[test]
    fn domains_are_stored_as_authsec_would() {
        assert_eq!(
            check_domain(" Login.ACME.example. "),
            Ok("login.acme.example".into())
        );
        assert_eq!(
            check_domain("xn--bcher-kva.example"),
            Ok("xn--bcher-kva.example".into())
        );
    }

    #[test]
    fn what_could_never_hold_the_record_is_refused() {
        for (raw, says) in [
            ("", "Enter a domain."),
            ("*.acme.example", "wildcard"),
            ("https://acme.example", "without https://"),
            ("acme.example/login", "without https://"),
            ("localhost", "such as"),
            ("acme..example", "such as"),
            ("-acme.example", "such as"),
            ("acme_corp.example", "such as"),
        ] {
            assert!(check_domain(raw).unwrap_err().contains(says), "{raw}");
        }
        let long = format!("{}.example", "a.".repeat(120));
        assert!(check_domain(&long).unwrap_err().contains("236"));
    }

    #[test]
    fn verification_failures_read_as_sentences() {
        let e = |details: &str| {
            let body = serde_json::json!({ "error": "verification failed", "details": details });
            decode_error(400, &body.to_string(), None)
        };
        let missing = verify_failure(&e(
            "verification failed: No TXT records found for _authsec-challenge.a.example",
        ));
        assert!(missing.starts_with("_authsec-challenge.a.example has no TXT record yet."));
        let wrong = verify_failure(&e(
            "verification failed: TXT record value mismatch. Expected: v=1, Found: [v=2]",
        ));
        assert_eq!(
            wrong,
            "The TXT record does not hold the value below. Expected: v=1, Found: [v=2]"
        );
        let nx = verify_failure(&e(
            "verification failed: DNS TXT lookup failed: lookup _x.a.example: no such host",
        ));
        assert!(nx.contains("does not exist in DNS yet"));
        assert_eq!(
            verify_failure(&e("domain already verified")),
            "This domain is already verified."
        );
    }
}
