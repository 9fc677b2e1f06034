use super::*;

/// An application as the sandbox returns it (the seed's shape).
fn loaded() -> Value {
    json!({
        "app_id": "a1", "tenant_id": "t1", "app_name": "Storefront", "app_description": "Shop",
        "client_type": "spa", "logo": null, "client_id": "c1", "client_display_name": "Storefront client",
        "redirect_uris": ["https://shop.example.com/cb"], "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-02T00:00:00Z", "resources": ["https://api.example.com/shop"],
        "authentication_protocol": "oidc", "response_types": ["code"], "client_auth_method": "none",
        "pkce": "enforcePkceInsteadOfClientCredentials", "supported_prompts": ["login", "none"],
        "device_authorization": {"enabled": false, "poll_interval": 5},
        "login_preferences": {"auth_methods": {
            "google": {"clientId": "g-id", "clientSecret": "g-secret"},
            "apple": {"clientId": "com.acme", "clientSecret": "a-secret", "appleTeamId": "T1", "keyId": "K1"},
            "password": {"passwordMinLength": 12, "passwordComplexity": 3, "passwordExpiresIn": 90,
                "maxPasswordFailures": 5, "passwordSuspensionDuration": 15, "requireMFA": true,
                "blockPreviousPasswords": 5, "message": {"subject": "Reset"}},
            "totp": {"algorithm": "sha1", "digits": 6, "period": 30, "window": 1, "issuer": "AuthSec",
                "maxFailures": 3, "lockoutDuration": 15}
        }, "theme": "dark"},
        "subdomain": "shop", "custom_domain": {"domain": "login.shop.com", "status": "active", "updated_at": "x"},
        "invite_member_email_expiration_minutes": 2880, "external_communication": {"language": "en"}
    })
}

#[test]
fn an_untouched_form_sends_the_loaded_object_unchanged() {
    let app = loaded();
    let f = read(&app);
    let mut want = app.clone();
    want.as_object_mut().unwrap().remove("custom_domain");
    assert_eq!(
        body(&app, &f, &f, &all_method_defaults()),
        want,
        "all but the server-owned domain status"
    );
    assert!(validate(&f).is_empty(), "{:?}", validate(&f));
}

#[test]
fn an_edit_changes_only_its_own_path() {
    let app = loaded();
    let before = read(&app);
    let mut now = before.clone();
    now.insert("totp.period", "60".into());
    let b = body(&app, &before, &now, &all_method_defaults());
    let mut want = app.clone();
    want.as_object_mut().unwrap().remove("custom_domain");
    want["login_preferences"]["auth_methods"]["totp"]["period"] = json!(60);
    assert_eq!(b, want, "the number 60 at the TOTP period, nothing else");
}

#[test]
fn first_client_fields_go_to_the_request_paths() {
    let app = loaded();
    let before = read(&app);
    assert_eq!(value(&before, "client_type"), "spa");
    assert_eq!(value(&before, "prompts"), "login, none");
    let mut now = before.clone();
    now.insert("client_type", "web".into());
    now.insert("prompts", "login, consent".into());
    now.insert("device_auth", "true".into());
    let b = body(&app, &before, &now, &all_method_defaults());
    assert_eq!(b["first_client"]["client_type"], "web");
    assert_eq!(b["client_type"], "web");
    assert_eq!(
        b["first_client"]["supported_prompts"],
        json!(["login", "consent"])
    );
    assert_eq!(
        b["device_authorization"],
        json!({"enabled": true, "poll_interval": 5}),
        "the object keeps its other keys"
    );
}

#[test]
fn toggling_methods_adds_defaults_or_removes_the_object() {
    let app = loaded();
    let before = read(&app);
    assert_eq!(value(&before, "google.on"), "true");
    assert_eq!(value(&before, "sms.on"), "false");
    let mut now = before.clone();
    now.insert("google.on", "false".into());
    now.insert("sms.on", "true".into());
    now.insert("sms.length", "8".into());
    let b = body(&app, &before, &now, &all_method_defaults());
    let am = &b["login_preferences"]["auth_methods"];
    assert!(am.get("google").is_none());
    assert_eq!(
        am["sms"],
        json!({"expiresIn": 600, "maxFailures": 3, "lockoutDuration": 15, "codeLength": 8})
    );
    assert_eq!(
        am["apple"],
        app["login_preferences"]["auth_methods"]["apple"]
    );
    assert_eq!(b["login_preferences"]["theme"], "dark");
}

#[test]
fn ranges_and_formats_are_checked_at_the_field() {
    let mut f = read(&loaded());
    f.insert("totp.period", "5".into());
    f.insert("password.min", "abc".into());
    f.insert("logo", "http://insecure.example.com/logo.png".into());
    f.insert("subdomain", "Bad_Name".into());
    f.insert("custom_domain", "not a domain".into());
    f.insert("invite_minutes", "50000".into());
    f.insert("app_name", " ".into());
    f.insert("google.id", "".into());
    let e = validate(&f);
    assert_eq!(e["totp.period"], "Enter a whole number from 15 to 120.");
    assert_eq!(e["password.min"], "Enter a whole number from 8 to 128.");
    assert_eq!(e["logo"], "Use an https:// address.");
    assert!(
        e.contains_key("subdomain")
            && e.contains_key("custom_domain")
            && e.contains_key("invite_minutes")
    );
    assert_eq!(e["app_name"], "Enter the name.");
    assert_eq!(e["google.id"], "Enter the google client id.");
    f.insert("google.on", "false".into());
    assert!(
        !validate(&f).contains_key("google.id"),
        "a method switched off is not checked"
    );
    f.insert("webauthn_api.on", "true".into());
    f.insert(
        "webauthn.origins",
        "https://ok.example.com\nhttp://evil.example.com".into(),
    );
    assert!(validate(&f)["webauthn.origins"].starts_with("http://evil.example.com is not"));
}

#[test]
fn the_create_request_spells_out_the_first_client() {
    let mut f = read(&template());
    f.insert("app_name", "  New app ".into());
    f.insert("subdomain", "new-app".into());
    let b = create_body(&f);
    assert_eq!(b["app_name"], "New app");
    assert_eq!(b["first_client_authentication_protocol"], "oidc");
    assert_eq!(b["first_client"]["name"], "New app");
    assert_eq!(b["first_client"]["client_type"], "web");
    assert_eq!(b["first_client"]["response_types"], json!(["code"]));
    assert_eq!(b["subdomain"], "new-app");
    assert_eq!(b["custom_domain"], Value::Null);
    assert_eq!(b["login_preferences"]["auth_methods"]["totp"]["period"], 30);
    assert!(b["login_preferences"]["auth_methods"]
        .get("google")
        .is_none());
}

#[test]
fn a_new_custom_domain_is_sent_as_its_name() {
    let app = loaded();
    let before = read(&app);
    let mut now = before.clone();
    now.insert("custom_domain", "id.shop.com".into());
    assert_eq!(
        body(&app, &before, &now, &all_method_defaults())["custom_domain"],
        "id.shop.com"
    );
    now.insert("custom_domain", "".into());
    assert_eq!(
        body(&app, &before, &now, &all_method_defaults())["custom_domain"],
        Value::Null
    );
}

#[test]
fn switching_a_method_on_fills_its_settings_with_defaults() {
    let mut f = read(&loaded());
    set_method(&mut f, "sms", true);
    assert_eq!(value(&f, "sms.on"), "true");
    assert_eq!(
        (value(&f, "sms.expires"), value(&f, "sms.length")),
        ("600", "6")
    );
    assert!(validate(&f).is_empty(), "{:?}", validate(&f));
    set_method(&mut f, "sms", false);
    assert_eq!(value(&f, "sms.on"), "false");
}
