use super::*;

fn filled() -> Draft {
    Draft {
        name: "Billing".into(),
        email: "billing@acme.test".into(),
        ..Draft::default()
    }
}

#[test]
fn redirect_uris_follow_the_server_rule() {
    for ok in [
        "https://app.example.com/cb",
        "http://localhost:3000/cb",
        "http://127.0.0.1/cb",
        "HTTPS://x.io",
    ] {
        assert_eq!(redirect_uri(ok), None, "{ok}");
    }
    for bad in [
        "http://example.com/cb",
        "https://example.com/cb#frag",
        "/relative",
        "app.example.com",
        "https://",
        "ftp://x.io",
        "https://a b.io",
    ] {
        assert!(redirect_uri(bad).is_some(), "{bad}");
    }
}

#[test]
fn validation_names_each_bad_field() {
    assert!(filled().validate().is_empty());
    let d = Draft {
        name: " ".into(),
        email: "nope".into(),
        redirect_uris: vec![
            "https://ok.io/cb".into(),
            "".into(),
            "http://evil.io".into(),
        ],
        ..Draft::default()
    };
    let e = d.validate();
    assert_eq!(
        e.keys().collect::<Vec<_>>(),
        ["email", "name", "redirect_uris.2"]
    );
    let long = Draft {
        name: "x".repeat(257),
        ..filled()
    };
    assert_eq!(
        long.validate().get("name").unwrap(),
        "Use at most 256 characters."
    );
    let exactly = Draft {
        name: "é".repeat(256),
        ..filled()
    };
    assert!(exactly.validate().is_empty());
}

#[test]
fn create_body_trims_and_drops_blank_rows() {
    let d = Draft {
        name: "  Billing ".into(),
        redirect_uris: vec![" https://a.io/cb ".into(), "  ".into()],
        scopes: "openid, profile  email openid".into(),
        ..filled()
    };
    let b = d.create_body();
    assert_eq!(b.name.as_deref(), Some("Billing"));
    assert_eq!(b.redirect_uris, Some(vec!["https://a.io/cb".to_string()]));
    assert_eq!(
        b.scopes,
        Some(vec!["openid".to_string(), "profile".into(), "email".into()])
    );
    assert_eq!(b.logo_uri, None);
}

#[test]
fn update_body_sends_only_changes() {
    let before = filled();
    let mut after = before.clone();
    assert_eq!(after.update_body(&before), ClientBody::default());
    after.tags.push("prod".into());
    after.oidc_enabled = true;
    let b = after.update_body(&before);
    assert_eq!(
        serde_json::to_value(&b).unwrap(),
        serde_json::json!({"tags": ["prod"], "oidc_enabled": true})
    );
}

#[test]
fn server_redirect_error_lands_on_the_quoted_row() {
    let d = Draft {
        redirect_uris: vec!["https://a.io".into(), "http://b.io".into()],
        ..filled()
    };
    let mut f = BTreeMap::new();
    f.insert(
        "redirect_uris".to_string(),
        "\"http://b.io\" must use https".to_string(),
    );
    f.insert("name".to_string(), "taken".to_string());
    let m = server_fields(&f, &d);
    assert_eq!(
        m.get("redirect_uris.1").map(String::as_str),
        Some("\"http://b.io\" must use https")
    );
    assert_eq!(m.get("name").map(String::as_str), Some("taken"));
}
