//! What a provider's form must hold before it is sent, as field errors keyed by the
//! field's name. AuthSec checks almost nothing itself (no URL, name or certificate
//! check): a provider saved wrong would only fail when someone tries to sign in.

use crate::api::idp::{OidcDraft, SamlDraft};
use std::collections::BTreeMap;

pub type Errors = BTreeMap<&'static str, String>;

/// A provider key as AuthSec makes it part of a record id: lower case, `-` for spaces
/// and `_`.
pub fn key_of(raw: &str) -> String {
    raw.trim().to_lowercase().replace([' ', '_'], "-")
}

fn key_error(key: &str) -> Option<String> {
    if key.is_empty() {
        Some("Enter a key, e.g. google.".into())
    } else if !key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        Some("Use letters, digits and dashes only.".into())
    } else {
        None
    }
}

/// An https address (http only for this machine), without a template's placeholder.
fn url_error(url: &str, required: bool) -> Option<String> {
    let u = url.trim();
    if u.is_empty() {
        return required.then(|| "Enter the address.".into());
    }
    let local = u.starts_with("http://localhost") || u.starts_with("http://127.0.0.1");
    if !(u.starts_with("https://") || local) || u.contains(char::is_whitespace) {
        Some("Enter an https:// address.".into())
    } else if u.contains(['{', '}']) {
        Some("Replace the {…} part with your own value.".into())
    } else {
        None
    }
}

fn put(e: &mut Errors, k: &'static str, m: Option<String>) {
    if let Some(m) = m {
        e.insert(k, m);
    }
}

fn required(v: &str, what: &str) -> Option<String> {
    v.trim().is_empty().then(|| format!("Enter the {what}."))
}

/// An OIDC provider's form; `adding`: the key and the secret are needed.
pub fn check_oidc(d: &OidcDraft, adding: bool) -> Errors {
    let mut e = Errors::new();
    if adding {
        put(&mut e, "provider_name", key_error(&d.provider_name));
        put(
            &mut e,
            "client_secret",
            required(d.client_secret.expose(), "client secret"),
        );
    }
    put(
        &mut e,
        "display_name",
        required(&d.display_name, "name people see"),
    );
    put(&mut e, "client_id", required(&d.client_id, "client ID"));
    put(&mut e, "auth_url", url_error(&d.auth_url, true));
    put(&mut e, "token_url", url_error(&d.token_url, true));
    put(&mut e, "user_info_url", url_error(&d.user_info_url, true));
    if d.scopes.is_empty() {
        e.insert("scopes", "Enter at least one scope, e.g. openid.".into());
    }
    e
}

/// A SAML provider's form; `adding`: the key and the certificate are needed (on an edit
/// an empty certificate keeps the stored one).
pub fn check_saml(d: &SamlDraft, adding: bool) -> Errors {
    let mut e = Errors::new();
    if adding {
        put(&mut e, "provider_name", key_error(&d.provider_name));
        put(
            &mut e,
            "certificate",
            required(&d.certificate, "certificate"),
        );
    }
    put(
        &mut e,
        "display_name",
        required(&d.display_name, "name people see"),
    );
    put(&mut e, "entity_id", required(&d.entity_id, "entity ID"));
    put(&mut e, "sso_url", url_error(&d.sso_url, true));
    put(&mut e, "slo_url", url_error(&d.slo_url, false));
    put(&mut e, "metadata_url", url_error(&d.metadata_url, false));
    let cert = d.certificate.trim();
    if !cert.is_empty() && !looks_like_certificate(cert) {
        e.insert(
            "certificate",
            "Paste the certificate in PEM or base64 form.".into(),
        );
    }
    e
}

/// PEM, or a bare base64 body as metadata carries it.
fn looks_like_certificate(c: &str) -> bool {
    let body: String = c
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .flat_map(str::chars)
        .filter(|ch| !ch.is_whitespace())
        .collect();
    body.len() >= 64
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// Scopes as typed: separated by spaces or commas.
pub fn scopes_of(raw: &str) -> Vec<String> {
    raw.split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn oidc() -> OidcDraft {
        OidcDraft {
            provider_name: "google".into(),
            display_name: "Google".into(),
            client_id: "abc".into(),
            client_secret: "s".into(),
            auth_url: "https://accounts.google.com/o/oauth2/v2/auth".into(),
            token_url: "https://oauth2.googleapis.com/token".into(),
            user_info_url: "https://www.googleapis.com/oauth2/v2/userinfo".into(),
            scopes: vec!["openid".into()],
            is_active: true,
            ..OidcDraft::default()
        }
    }

    #[test]
    fn a_complete_oidc_provider_passes_and_an_edit_needs_no_secret() {
        assert!(check_oidc(&oidc(), true).is_empty());
        let d = OidcDraft {
            client_secret: Secret::default(),
            ..oidc()
        };
        assert!(check_oidc(&d, true).contains_key("client_secret"));
        assert!(check_oidc(&d, false).is_empty());
    }

    #[test]
    fn template_placeholders_and_plain_http_are_refused() {
        let d = OidcDraft {
            auth_url: "https://{your-auth0-domain}/authorize".into(),
            token_url: "http://idp.example/token".into(),
            scopes: vec![],
            provider_name: "My IdP".into(),
            ..oidc()
        };
        let e = check_oidc(&d, true);
        assert_eq!(e["auth_url"], "Replace the {…} part with your own value.");
        assert_eq!(e["token_url"], "Enter an https:// address.");
        assert!(e.contains_key("scopes") && e.contains_key("provider_name"));
        assert_eq!(key_of(" My_IdP "), "my-idp");
    }

    #[test]
    fn a_saml_certificate_must_look_like_one() {
        let d = SamlDraft {
            provider_name: "okta".into(),
            display_name: "Okta".into(),
            entity_id: "http://www.okta.com/exk1".into(),
            sso_url: "https://acme.okta.com/sso/saml".into(),
            certificate: "not a certificate".into(),
            ..SamlDraft::default()
        };
        assert_eq!(
            check_saml(&d, true)["certificate"],
            "Paste the certificate in PEM or base64 form."
        );
        let pem = format!(
            "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----",
            "MIIC".repeat(20)
        );
        assert!(check_saml(
            &SamlDraft {
                certificate: pem,
                ..d.clone()
            },
            true
        )
        .is_empty());
        assert!(check_saml(
            &SamlDraft {
                certificate: String::new(),
                ..d
            },
            false
        )
        .is_empty());
        assert_eq!(
            scopes_of("openid, profile  email"),
            ["openid", "profile", "email"]
        );
    }
}
