use super::*;

fn filled() -> Draft {
    Draft {
        name: "Billing".into(),
        email: "billing@acme.test".into(),
        ..Draft::default()
    }
}

#[test]
fn validation_names_each_bad_field() {
    assert!(filled().validate().is_empty());
    let d = Draft {
        name: " ".into(),
        email: "nope".into(),
        client_type: String::new(),
        ..Draft::default()
    };
    let e = d.validate();
    assert_eq!(
        e.keys().collect::<Vec<_>>(),
        ["client_type", "email", "name"]
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
    let other_type = Draft {
        client_type: "custom_kind".into(),
        ..filled()
    };
    assert!(
        other_type.validate().is_empty(),
        "AuthSec keeps any type a client already has"
    );
}

#[test]
fn the_body_trims_what_was_typed() {
    let d = Draft {
        name: "  Billing ".into(),
        ..filled()
    };
    let b = d.body();
    assert_eq!(b.name.as_deref(), Some("Billing"));
    assert_eq!(b.client_type.as_deref(), Some("application"));
}

#[test]
fn update_body_sends_only_changes_and_never_the_type() {
    let before = filled();
    let mut after = before.clone();
    assert_eq!(after.update_body(&before), ClientBody::default());
    after.tags.push("prod".into());
    after.oidc_enabled = true;
    after.client_type = "ai_agent".into();
    let b = after.update_body(&before);
    assert_eq!(
        serde_json::to_value(&b).unwrap(),
        serde_json::json!({"tags": ["prod"], "oidc_enabled": true})
    );
}
