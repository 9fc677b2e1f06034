//! Sign-in: password step, TOTP / backup codes, tickets, token, rate limit.

#[path = "helpers/support.rs"]
mod support;

use axum::http::StatusCode;
use serde_json::json;
use support::*;

#[tokio::test]
async fn password_totp_token_then_authenticated_call() {
    let s = sandbox(&[]);
    let r = s.password("admin@acme.test", "acme").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["tenant_id"], ACME);
    assert_eq!(r.body["mfa_required"], true);
    assert_eq!(r.body["methods"], json!(["totp"]));
    let ticket = r.body["login_ticket"].as_str().unwrap().to_string();

    // No token before the second factor.
    let early = s.callback("admin@acme.test", ACME, &ticket).await;
    assert_eq!(early.status, StatusCode::UNAUTHORIZED);

    let wrong = json!({ "email": "admin@acme.test", "tenant_id": ACME, "code": "000000", "login_ticket": ticket });
    let w = s
        .call(
            "POST",
            "/authsec/webauthn/totp/verifyLogin",
            None,
            Some(wrong),
        )
        .await;
    assert_eq!(w.status, StatusCode::BAD_REQUEST);
    assert_eq!(w.body["error"], "invalid TOTP code");

    let code = totp_now("ACMESANDBOXTOTPSECRETKEY234567AB");
    let ok = json!({ "email": "admin@acme.test", "tenant_id": ACME, "code": code, "login_ticket": ticket });
    let v = s
        .call("POST", "/authsec/webauthn/totp/verifyLogin", None, Some(ok))
        .await;
    assert_eq!(v.status, StatusCode::OK);
    assert_eq!(v.body, json!({ "success": true, "method": "totp" }));

    let t = s.callback("admin@acme.test", ACME, &ticket).await;
    assert_eq!(t.status, StatusCode::OK);
    assert_eq!(t.body["token_type"], "Bearer");
    assert_eq!(t.body["expires_in"], 3600);
    let token = t.body["access_token"].as_str().unwrap();
    let claims = s.state.jwt.decode(token).unwrap();
    assert_eq!(claims.roles, vec!["admin"]);
    assert_eq!(claims.iss, "authsec-ai/user-flow");
    assert_eq!(claims.aud, "authsec-api");

    let list = s.get(&clients_path(ACME, "getClients"), token).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.body["clients"].as_array().unwrap().len(), 10);

    // The ticket is single-use.
    let again = s.callback("admin@acme.test", ACME, &ticket).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn wrong_password_and_unknown_tenant_are_401() {
    let s = sandbox(&[]);
    let bad = json!({ "email": "admin@acme.test", "password": "nope", "tenant_domain": "acme" });
    let r = s
        .call("POST", "/authsec/uflow/login", None, Some(bad))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.body, json!({ "error": "Invalid credentials" }));
    let r = s.password("admin@acme.test", "globex").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn backup_code_is_single_use() {
    let s = sandbox(&[]);
    let code = s.state.db().facts.backup_codes[1].clone();
    for expected in [StatusCode::OK, StatusCode::BAD_REQUEST] {
        let r = s.password("admin@acme.test", "acme").await;
        let ticket = r.body["login_ticket"].as_str().unwrap();
        let body = json!({ "email": "admin@acme.test", "tenant_id": ACME, "backup_code": code, "login_ticket": ticket });
        let v = s
            .call(
                "POST",
                "/authsec/webauthn/totp/verifyLogin",
                None,
                Some(body),
            )
            .await;
        assert_eq!(v.status, expected, "{:?}", v.body);
    }
}

#[tokio::test]
async fn ticket_is_bound_to_email_and_tenant() {
    let s = sandbox(&[]);
    let r = s.password("plain@acme.test", "acme").await;
    let ticket = r.body["login_ticket"].as_str().unwrap();
    assert_eq!(
        s.callback("user@acme.test", ACME, ticket).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        s.callback("plain@acme.test", GLOBEX, ticket).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        s.callback("plain@acme.test", ACME, "made-up").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        s.callback("plain@acme.test", ACME, ticket).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn ten_failures_then_429_with_retry_after() {
    let s = sandbox(&[]);
    let bad = json!({ "email": "plain@acme.test", "password": "wrong", "tenant_domain": "acme" });
    for _ in 0..10 {
        let r = s
            .call("POST", "/authsec/uflow/login", None, Some(bad.clone()))
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let r = s.password("plain@acme.test", "acme").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let secs: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=300).contains(&secs));
    // Other accounts are unaffected.
    assert_eq!(
        s.password("passkey@acme.test", "acme").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn webauthn_admin_flow_rejects_end_users_and_needs_passkeys() {
    let s = sandbox(&[]);
    let r = s.password("user@acme.test", "acme").await;
    assert_eq!(r.body["methods"], json!([]));
    let ticket = r.body["login_ticket"].as_str().unwrap();
    let body = json!({ "email": "user@acme.test", "login_ticket": ticket });
    let b = s
        .call(
            "POST",
            "/authsec/webauthn/admin/beginAuthentication",
            None,
            Some(body.clone()),
        )
        .await;
    assert_eq!(b.status, StatusCode::FORBIDDEN);
    assert_eq!(b.body["error"], "not an admin account");
    let e = s
        .call(
            "POST",
            "/authsec/webauthn/enduser/beginAuthentication",
            None,
            Some(body),
        )
        .await;
    assert_eq!(e.status, StatusCode::BAD_REQUEST, "no passkeys yet");
}

#[tokio::test]
async fn precheck_reports_the_tenant() {
    let s = sandbox(&[]);
    let body = json!({ "email": "admin@globex.test", "current_domain": "localhost" });
    let r = s
        .call(
            "POST",
            "/authsec/uflow/auth/admin/login/precheck",
            None,
            Some(body),
        )
        .await;
    assert_eq!(
        r.body,
        json!({ "exists": true, "next_step": "login", "tenant_domain": "globex" })
    );
    let body = json!({ "email": "nobody@acme.test", "current_domain": "acme.localhost" });
    let r = s
        .call(
            "POST",
            "/authsec/uflow/auth/admin/login/precheck",
            None,
            Some(body),
        )
        .await;
    assert_eq!(r.body["next_step"], "register");
}
