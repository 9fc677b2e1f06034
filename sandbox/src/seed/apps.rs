//! Seeded management applications with rich login preferences.

use chrono::Duration;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use uuid::Uuid;

use super::base_date;
use super::names::Texts;
use crate::db::{App, Db};
use crate::util::{seeded_id, sha256_hex, Time};

const APPS: [(&str, &str, &str, Option<&str>); 5] = [
    (
        "Customer Portal",
        "Self-service portal for Acme customers",
        "web",
        Some("portal.acme.test"),
    ),
    (
        "Admin API",
        "Backend service for tenant administration",
        "m2m",
        None,
    ),
    (
        "Partner Gateway",
        "B2B gateway for partner integrations",
        "web",
        Some("partners.acme.test"),
    ),
    (
        "Mobile Banking",
        "iOS and Android banking app",
        "native",
        None,
    ),
    (
        "Internal Tools",
        "Single-page internal tooling",
        "spa",
        None,
    ),
];

fn message(subject: &str) -> Value {
    json!({ "primaryColor": "#3b5bdb", "from": "no-reply@acme.test", "subject": subject })
}

/// Login preferences with every auth method the seed document lists.
pub fn login_preferences(i: usize, rp_origin: &str) -> Value {
    json!({ "auth_methods": {
        "google": { "clientId": format!("{i}-google.apps.example.com"), "clientSecret": "sandbox-google-secret" },
        "facebook": { "clientId": format!("10{i}4455"), "clientSecret": "sandbox-facebook-secret" },
        "apple": { "clientId": "com.acme.signin", "clientSecret": "sandbox-apple-secret", "appleTeamId": "ACME12345", "keyId": "KEY0001" },
        "line": { "clientId": format!("line-{i}"), "clientSecret": "sandbox-line-secret" },
        "email": { "expiresIn": 900, "message": message("Your sign-in link") },
        "email_otp": { "expiresIn": 600, "lockoutDuration": 15, "maxFailures": 3, "codeLength": 6, "message": message("Your sign-in code") },
        "sms": { "expiresIn": 300, "lockoutDuration": 15, "maxFailures": 3, "codeLength": 6 },
        "webauthn_api": { "rpId": "localhost", "rpOrigin": rp_origin, "rpOrigins": [rp_origin, "http://127.0.0.1:8080"] },
        "password": {
            "resetValidityMinutes": 15, "passwordComplexity": 3 + (i % 3), "passwordMinLength": 10 + 2 * i,
            "blockPreviousPasswords": 5, "passwordExpiresIn": 90, "ignoreExpiration": i % 2 == 1,
            "maxPasswordFailures": 5, "passwordSuspensionDuration": 15, "failuresExpireIn": 15,
            "tempPasswordValidityHours": 24, "message": message("Reset your password"),
            "requireMFA": i.is_multiple_of(2), "codeLength": 6
        },
        "totp": { "algorithm": "sha1", "digits": 6, "period": 30, "window": 1, "issuer": "AuthSec", "maxFailures": 3, "lockoutDuration": 15 }
    }})
}

/// A blank application with the platform defaults.
pub fn blank(
    app_id: String,
    tenant_id: Uuid,
    client_id: String,
    created_by: String,
    t: Time,
) -> App {
    App {
        app_id,
        tenant_id,
        app_name: String::new(),
        app_description: String::new(),
        client_type: "web".into(),
        logo: None,
        client_id,
        client_display_name: String::new(),
        client_description: String::new(),
        redirect_uris: Vec::new(),
        login_preferences: json!({ "auth_methods": {} }),
        created_at: t,
        created_by,
        updated_at: t,
        resources: Vec::new(),
        service_providers: Vec::new(),
        authenticator_preferences: json!({ "is_centralized": false }),
        allow_public_signup: false,
        client_auth_method: "client_secret_basic".into(),
        pkce: "enforcePkceInsteadOfClientCredentials".into(),
        device_authorization: json!({ "enabled": false }),
        authentication_protocol: "oidc".into(),
        response_types: vec!["code".into()],
        supported_prompts: vec!["login".into(), "consent".into(), "none".into()],
        password_sharing_group_id: None,
        subdomain: None,
        invite_member_email_expiration_minutes: 2880,
        custom_domain: Value::Null,
        external_communication: json!({ "language": "en" }),
        secret_hash: String::new(),
    }
}

pub fn seed_apps(
    db: &mut Db,
    rng: &mut ChaCha8Rng,
    texts: &mut Texts,
    tenant_id: Uuid,
    creator: Uuid,
    n: usize,
) {
    for (i, (name, desc, kind, domain)) in APPS.iter().take(n).enumerate() {
        let created = base_date() - Duration::days(rng.random_range(10..400));
        let mut app = blank(
            seeded_id(rng).to_string(),
            tenant_id,
            seeded_id(rng).to_string(),
            creator.to_string(),
            created,
        );
        let slug = name.to_lowercase().replace(' ', "-");
        app.app_name = texts.pick(*name);
        app.app_description = texts.pick(*desc);
        app.client_type = kind.to_string();
        app.client_display_name = format!("{name} client");
        app.client_description = desc.to_string();
        app.redirect_uris = vec![
            format!("https://{slug}.example.com/callback"),
            "http://localhost:3000/callback".into(),
        ];
        app.login_preferences = login_preferences(i, "http://localhost:8080");
        app.updated_at = created + Duration::days(rng.random_range(0..9));
        app.resources = vec![format!("https://api.example.com/{slug}")];
        app.allow_public_signup = i % 2 == 0;
        app.device_authorization = json!({ "enabled": *kind == "native" });
        app.subdomain = Some(slug.clone());
        app.custom_domain = match domain {
            Some(d) => json!({ "domain": d, "status": if i == 0 { "active" } else { "failed" },
                "error": if i == 0 { Value::Null } else { json!("DNS TXT record not found") },
                "updated_at": app.updated_at }),
            None => Value::Null,
        };
        app.secret_hash = sha256_hex(&format!("seed-app-secret-{i}-{tenant_id}"));
        db.apps.insert(app.app_id.clone(), app);
    }
}
