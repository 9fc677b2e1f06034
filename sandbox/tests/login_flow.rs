//! Sign-in as AuthSec does it: password step, TOTP / backup codes, token, rate limit.

#[path = "helpers/support.rs"]
mod support;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::*;

#[tokio::test]
async fn password_totp_token_then_authenticated_call() {
    let s = sandbox(&[]);
    let r = s.password("admin@acme.test", "acme").await;
    assert_eq!(r.status, StatusCode::OK);
    // AuthSec's LoginResponse: no token, no ticket.
    assert_eq!(
        r.body,
        json!({ "tenant_id": ACME, "tenant_domain": "acme", "email": "admin@acme.test",
                "first_login": false, "otp_required": false, "mfa_required": true,
                "mfa_method": "totp", "methods": ["totp"] })
    );

    // No token before the second factor (AuthSec would trust mfa_verified; the sandbox not).
    let early = s.callback("admin@acme.test", ACME).await;
    assert_eq!(early.status, StatusCode::UNAUTHORIZED);
    assert_eq!(early.body, json!({ "error": "MFA verification failed" }));

    let wrong = json!({ "email": "admin@acme.test", "tenant_id": ACME, "code": "000000" });
    let w = s
        .expect_anon(
            "/authsec/webauthn/totp/verifyLogin",
            wrong,
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(w.body["error"], "invalid TOTP code");

    let code = totp_now("ACMESANDBOXTOTPSECRETKEY234567AB");
    let ok = json!({ "email": "admin@acme.test", "tenant_id": ACME, "code": code });
    let v = s
        .expect_anon("/authsec/webauthn/totp/verifyLogin", ok, StatusCode::OK)
        .await;
    assert_eq!(
        v.body,
        json!({ "success": true, "message": "TOTP code valid", "method": "totp",
                "tenant_id": ACME, "email": "admin@acme.test" })
    );

    let t = s.callback("admin@acme.test", ACME).await;
    assert_eq!(t.status, StatusCode::OK);
    assert_eq!(t.body["token_type"], "Bearer");
    assert_eq!(t.body["expires_in"], 3600);
    assert_eq!(t.body["first_login"], false);
    let token = t.body["access_token"].as_str().unwrap();
    let claims = s.state.jwt.decode(token).unwrap();
    assert_eq!(claims.email_id, "admin@acme.test");
    assert_eq!(claims.client_id, claims.sub, "client_id is the user's id");
    assert_eq!(claims.iss, "authsec-ai/auth-manager");
    assert_eq!(claims.aud, "authsec-api");
    assert!(
        claims.sid.is_some(),
        "the extended profile names the session"
    );
    let payload = token.split('.').nth(1).unwrap();
    let raw = String::from_utf8(
        base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload).unwrap(),
    )
    .unwrap();
    assert!(
        !raw.contains("\"roles\""),
        "AuthSec tokens carry no roles: {raw}"
    );

    let list = s
        .expect_get(&clients_path(ACME, "getClients"), token, StatusCode::OK)
        .await;
    assert_eq!(list.body["clients"].as_array().unwrap().len(), 10);

    // The attempt is spent: the factor must be checked again for another token.
    let again = s.callback("admin@acme.test", ACME).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
}

/// Two browsers signing in to one account at once: each gets its token; neither sign-in
/// undoes the other, and no token is minted without a factor that passed.
#[tokio::test]
async fn two_sign_ins_of_one_account_at_once_both_get_a_token() {
    let s = sandbox(&[]);
    let verify = || {
        let code = totp_now("ACMESANDBOXTOTPSECRETKEY234567AB");
        json!({ "email": "admin@acme.test", "tenant_id": ACME, "code": code })
    };
    for _ in 0..2 {
        assert_eq!(
            s.password("admin@acme.test", "acme").await.status,
            StatusCode::OK
        );
    }
    // Each factor passed gives one token; the next token step, with no factor passed
    // since, is refused (after the first round: the second browser's, not yet checked).
    for _ in 0..2 {
        let code = verify();
        s.expect_anon("/authsec/webauthn/totp/verifyLogin", code, StatusCode::OK)
            .await;
        let token = s.callback("admin@acme.test", ACME).await;
        assert_eq!(token.status, StatusCode::OK);
        let more = s.callback("admin@acme.test", ACME).await;
        assert_eq!(more.status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn authsec_profile_tokens_carry_no_session() {
    let (s, token) = signed_in(&["--profile", "authsec"], "plain@acme.test", "acme").await;
    let claims = s.state.jwt.decode(&token).unwrap();
    assert_eq!(claims.sid, None);
    s.expect_get(&clients_path(ACME, "getClients"), &token, StatusCode::OK)
        .await;
}

#[tokio::test]
async fn callback_binds_as_authsec_does() {
    let s = sandbox(&[]);
    let no_flag = json!({ "email": "plain@acme.test", "tenant_id": ACME });
    let r = s
        .expect_anon(
            "/authsec/uflow/login/webauthn-callback",
            no_flag,
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(
        r.body["error"],
        "Key: 'WebAuthnCallbackInput.MFAVerified' Error:Field validation for 'MFAVerified' failed on the 'required' tag"
    );
    let bad_uuid = json!({ "email": "plain@acme.test", "tenant_id": "acme", "mfa_verified": true });
    let r = s
        .anon("/authsec/uflow/login/webauthn-callback", bad_uuid)
        .await;
    assert_eq!(r.body["error"], "invalid UUID length: 4");
}

#[tokio::test]
async fn wrong_password_short_password_and_foreign_tenant() {
    let s = sandbox(&[]);
    let bad = json!({ "email": "admin@acme.test", "password": "not-the-password", "tenant_domain": "acme" });
    let r = s
        .expect_anon("/authsec/uflow/login", bad, StatusCode::UNAUTHORIZED)
        .await;
    assert_eq!(r.body, json!({ "error": "Invalid credentials" }));
    let short = json!({ "email": "admin@acme.test", "password": "nope", "tenant_domain": "acme" });
    let r = s
        .expect_anon("/authsec/uflow/login", short, StatusCode::BAD_REQUEST)
        .await;
    assert_eq!(
        r.body["error"],
        "Key: 'LoginInput.Password' Error:Field validation for 'Password' failed on the 'min' tag"
    );
    let r = s.password("admin@acme.test", "globex").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = s.password("admin@acme.test", "nowhere").await;
    assert_eq!(r.body, json!({ "error": "Invalid tenant domain" }));
}

#[tokio::test]
async fn backup_code_only_in_code_and_single_use() {
    let s = sandbox(&[]);
    let code = s.state.db().facts.backup_codes[1].clone();
    let r = s.password("admin@acme.test", "acme").await;
    assert_eq!(r.status, StatusCode::OK);
    // AuthSec never reads `backup_code`.
    let ignored = json!({ "email": "admin@acme.test", "tenant_id": ACME, "backup_code": code });
    s.expect_anon(
        "/authsec/webauthn/totp/verifyLogin",
        ignored,
        StatusCode::BAD_REQUEST,
    )
    .await;
    for expected in [StatusCode::OK, StatusCode::BAD_REQUEST] {
        let body =
            json!({ "email": "admin@acme.test", "tenant_id": ACME, "code": code.to_uppercase() });
        let v = s
            .expect_anon("/authsec/webauthn/totp/verifyLogin", body, expected)
            .await;
        if expected == StatusCode::OK {
            assert_eq!(v.body["method"], "backup_code");
            assert_eq!(v.body["message"], "Backup code accepted");
        }
    }
}

#[tokio::test]
async fn the_attempt_is_bound_to_email_and_tenant() {
    let s = sandbox(&[]);
    let r = s.password("plain@acme.test", "acme").await;
    assert_eq!(
        r.body["mfa_required"], true,
        "signed in before, with a factor"
    );
    assert_eq!(
        s.callback("user@acme.test", ACME).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        s.callback("plain@acme.test", GLOBEX).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        s.callback("plain@acme.test", ACME).await.status,
        StatusCode::UNAUTHORIZED,
        "no token before the factor passed"
    );
    s.demo_code(
        "/authsec/webauthn/totp/verifyLogin",
        "plain@acme.test",
        ACME,
    )
    .await;
    assert_eq!(
        s.callback("plain@acme.test", ACME).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_first_sign_in_enrols_the_authenticator_app_then_gets_its_token() {
    let s = sandbox(&[]);
    let setup = json!({ "email": "new@acme.test", "tenant_id": ACME });
    let begin = s
        .anon("/authsec/webauthn/totp/beginLoginSetup", setup.clone())
        .await;
    assert_eq!(
        begin.status,
        StatusCode::UNAUTHORIZED,
        "not before the password"
    );
    let r = s.password("new@acme.test", "acme").await;
    assert_eq!(r.body["first_login"], true);
    let status = s
        .anon(
            "/authsec/webauthn/admin/mfa/loginStatus",
            json!({ "email": "new@acme.test" }),
        )
        .await;
    assert_eq!(status.body, json!({ "mfa_required": false }));
    assert_eq!(
        s.callback("new@acme.test", ACME).await.status,
        StatusCode::UNAUTHORIZED
    );
    let begin = s
        .expect_anon(
            "/authsec/webauthn/totp/beginLoginSetup",
            setup.clone(),
            StatusCode::OK,
        )
        .await;
    let secret = begin.body["secret"].as_str().unwrap().to_string();
    assert_contains(&begin.body["otp_auth_url"], &secret);
    let mut confirm = setup.clone();
    confirm["secret"] = json!(secret);
    confirm["code"] = json!("000000");
    let wrong = s
        .anon("/authsec/webauthn/totp/confirmLoginSetup", confirm.clone())
        .await;
    assert_eq!(wrong.body, json!({ "error": "invalid TOTP code" }));
    confirm["code"] = json!(totp_now(&secret));
    let ok = s
        .expect_anon(
            "/authsec/webauthn/totp/confirmLoginSetup",
            confirm,
            StatusCode::OK,
        )
        .await;
    let codes = ok.body["backup_codes"].as_array().unwrap();
    assert_eq!(codes.len(), 10);
    assert_eq!(
        s.callback("new@acme.test", ACME).await.status,
        StatusCode::OK
    );
    // The app is now the account's factor, and one of the codes works once.
    let r = s.password("new@acme.test", "acme").await;
    assert_eq!(r.status, StatusCode::OK);
    let code = codes[0].as_str().unwrap();
    let body = json!({ "email": "new@acme.test", "tenant_id": ACME, "code": code });
    let v = s.anon("/authsec/webauthn/totp/verifyLogin", body).await;
    assert_eq!(v.body["method"], "backup_code", "{:?}", v.body);
}

#[tokio::test]
async fn ten_failures_then_429() {
    let s = sandbox(&[]);
    let bad = json!({ "email": "plain@acme.test", "password": "wrong-password", "tenant_domain": "acme" });
    for _ in 0..10 {
        s.expect_anon(
            "/authsec/uflow/login",
            bad.clone(),
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }
    let r = s.password("plain@acme.test", "acme").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.body["error"], "Rate limit exceeded");
    // Other accounts are unaffected.
    assert_eq!(
        s.password("passkey@acme.test", "acme").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn webauthn_admin_realm_knows_admins_only_and_needs_passkeys() {
    let s = sandbox(&[]);
    let body = json!({ "email": "user@acme.test" });
    let b = s
        .expect_anon(
            "/authsec/webauthn/admin/beginAuthentication",
            body,
            StatusCode::NOT_FOUND,
        )
        .await;
    assert_eq!(b.body["error"], "user not found");
    let body = json!({ "email": "passkey@acme.test" });
    let e = s
        .anon("/authsec/webauthn/admin/beginAuthentication", body)
        .await;
    assert_eq!(
        e.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "no passkeys yet"
    );
    assert_eq!(e.body["error"], "failed to begin authentication");
}

#[tokio::test]
async fn admin_probe_answers_403_to_end_users() {
    let (s, admin) = signed_in(&[], "plain@acme.test", "acme").await;
    let r = s
        .expect_get(
            "/authsec/uflow/admin/me/roles-permissions",
            &admin,
            StatusCode::OK,
        )
        .await;
    assert_eq!(r.body["tenant_id"], ACME);
    let user = s.login_end_user("user@acme.test").await;
    s.expect_get(
        "/authsec/uflow/admin/me/roles-permissions",
        &user,
        StatusCode::FORBIDDEN,
    )
    .await;
}

#[tokio::test]
async fn precheck_reports_the_tenant() {
    let s = sandbox(&[]);
    let body = json!({ "email": "admin@globex.test", "current_domain": "localhost" });
    let r = s
        .anon("/authsec/uflow/auth/admin/login/precheck", body)
        .await;
    assert_eq!(r.body["exists"], true);
    assert_eq!(r.body["next_step"], "login");
    assert_eq!(r.body["tenant_domain"], "globex");
    assert_eq!(r.body["requires_password"], true);
    let body = json!({ "email": "nobody@acme.test", "current_domain": "acme.localhost" });
    let r = s
        .anon("/authsec/uflow/auth/admin/login/precheck", body)
        .await;
    assert_eq!(r.body["next_step"], "bootstrap");
}

#[tokio::test]
async fn end_users_sign_in_through_their_client() {
    let s = sandbox(&["--profile", "authsec"]);
    let client = s.state.db().facts.default_client_id.to_string();
    // The admin route knows admins only.
    let r = s.password("user@acme.test", "acme").await;
    assert_eq!(r.body, json!({ "error": "Invalid credentials" }));

    let login = |body: serde_json::Value| s.anon("/authsec/uflow/user/login", body);
    let r = login(json!({ "client_id": client, "email": "user@acme.test", "password": PASSWORD }))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.body,
        json!({ "tenant_id": ACME, "email": "user@acme.test", "first_login": false,
                "otp_required": false, "mfa_required": false })
    );
    let r = login(json!({ "client_id": "nope", "email": "user@acme.test", "password": PASSWORD }))
        .await;
    assert_eq!(r.body, json!({ "error": "Invalid client ID format" }));
    let r = login(json!({ "email": "user@acme.test", "password": PASSWORD })).await;
    assert_eq!(
        r.body["error"],
        "Key: 'CustomLoginInput.ClientID' Error:Field validation for 'ClientID' failed on the 'required' tag"
    );
    let r = login(json!({ "client_id": client, "email": "plain@acme.test", "password": PASSWORD }))
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNAUTHORIZED,
        "admins are not end users"
    );

    let status = end_user_factors(&s, "new-user@acme.test").await;
    assert_eq!(status, json!({ "mfa_required": false }));

    let token = s.login_end_user("user@acme.test").await;
    let claims = s.state.jwt.decode(&token).unwrap();
    assert_eq!(
        claims.client_id, client,
        "an end user's token names their client"
    );
    assert_eq!(claims.project_id, ACME);
    assert_eq!(
        claims.scope,
        Some(vec!["read".to_string(), "write".to_string()])
    );
}

/// `/webauthn/enduser/mfa/loginStatus` for an acme end user: the answer's body.
async fn end_user_factors(s: &Sbx, email: &str) -> Value {
    let body = json!({ "tenant_id": ACME, "email": email });
    s.anon("/authsec/webauthn/enduser/mfa/loginStatus", body)
        .await
        .body
}

#[tokio::test]
async fn end_user_totp_and_undashed_backup_codes() {
    let s = sandbox(&["--profile", "authsec"]);
    let client = s.state.db().facts.default_client_id.to_string();
    let uid = s.user_id("user@acme.test");
    let code = {
        let mut db = s.state.db();
        let u = db.users.get_mut(&uid).unwrap();
        u.backup_codes = vec!["abcd-efgh".into()];
        "ABCDEFGH"
    };
    let body = json!({ "client_id": client, "email": "user@acme.test", "password": PASSWORD });
    let r = s.anon("/authsec/uflow/user/login", body).await;
    assert_eq!(
        r.body["mfa_required"], false,
        "the password step never says"
    );
    let status = end_user_factors(&s, "user@acme.test").await;
    assert_eq!(status["mfa_required"], true);
    assert_eq!(status["methods"][0]["method_type"], "totp");
    let cb = json!({ "email": "user@acme.test", "tenant_id": ACME, "mfa_verified": true });
    s.expect_anon(
        "/authsec/uflow/auth/enduser/webauthn-callback",
        cb.clone(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let verify = |body: serde_json::Value| s.anon("/authsec/webauthn/totp/verify", body);
    let v = verify(json!({ "tenant_id": ACME, "email": "user@acme.test", "client_id": client, "code": "ABCD-EFGH" })).await;
    assert_eq!(
        v.body,
        json!({ "error": "invalid TOTP code" }),
        "`code` is never a backup code here"
    );
    let v = verify(json!({ "tenant_id": ACME, "email": "user@acme.test", "client_id": client, "backup_code": code })).await;
    assert_eq!(v.status, StatusCode::OK, "{:?}", v.body);
    assert_eq!(v.body["method"], "backup_code");
    let t = s
        .expect_anon(
            "/authsec/uflow/auth/enduser/webauthn-callback",
            cb,
            StatusCode::OK,
        )
        .await;
    assert!(
        t.body.get("last_login").is_none(),
        "the end-user answer has no last_login"
    );
}
