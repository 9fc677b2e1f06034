//! Token checks: sessions, expiry, tenant isolation, roles and API keys.

#[path = "helpers/support.rs"]
mod support;

use axum::http::StatusCode;
use serde_json::json;
use support::*;

const SESSIONS: &str = "/authsec/uflow/sessions";

#[tokio::test]
async fn missing_and_garbage_tokens_are_401() {
    let s = sandbox(&[]);
    let r = s
        .expect_call(
            "GET",
            &clients_path(ACME, "getClients"),
            None,
            None,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    assert_eq!(r.body, json!({ "error": "Invalid or expired token" }));
    s.expect_get(
        &clients_path(ACME, "getClients"),
        "not.a.jwt",
        StatusCode::UNAUTHORIZED,
    )
    .await;
}

#[tokio::test]
async fn revoked_session_makes_token_401() {
    let (s, first) = signed_in(&[], "plain@acme.test", "acme").await;
    let second = s.login("plain@acme.test", "acme").await;
    let mine = s.expect_get(SESSIONS, &second, StatusCode::OK).await;
    let first_sid = s
        .state
        .jwt
        .decode(&first)
        .unwrap()
        .sid
        .expect("extended tokens name their session");
    let sessions = mine.body["sessions"].as_array().unwrap();
    let current: Vec<_> = sessions
        .iter()
        .filter(|x| x["is_current"] == true)
        .collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0]["device_name"], "Chrome on Linux");
    assert_eq!(current[0]["location"], "Loopback");

    s.expect_delete(
        &format!("/authsec/uflow/sessions/{first_sid}"),
        &second,
        StatusCode::OK,
    )
    .await;
    s.expect_get(SESSIONS, &first, StatusCode::UNAUTHORIZED)
        .await;
    s.expect_get(SESSIONS, &second, StatusCode::OK).await;

    // revoke-all keeps only the caller's session.
    let third = s.login("plain@acme.test", "acme").await;
    let r = s
        .post("/authsec/uflow/sessions/revoke-all", &third, json!({}))
        .await;
    assert_eq!(r.body["revoked"], 1);
    s.expect_get(SESSIONS, &second, StatusCode::UNAUTHORIZED)
        .await;
    s.expect_get(SESSIONS, &third, StatusCode::OK).await;
}

#[tokio::test]
async fn sign_out_ends_only_the_callers_session() {
    let (s, kept) = signed_in(&[], "plain@acme.test", "acme").await;
    let ended = s.login("plain@acme.test", "acme").await;
    let sign_out = || s.delete("/authsec/uflow/sessions/current", &ended);
    let del = sign_out().await;
    assert_eq!(del.status, StatusCode::OK);
    assert_eq!(del.body["success"], true);
    s.expect_get(SESSIONS, &ended, StatusCode::UNAUTHORIZED)
        .await;
    s.expect_get(SESSIONS, &kept, StatusCode::OK).await;
    // The ended token cannot sign out again, nor anything else.
    assert_eq!(sign_out().await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn expired_token_is_401() {
    let (s, token) = signed_in(&[], "plain@acme.test", "acme").await;
    let mut claims = s.state.jwt.decode(&token).unwrap();
    claims.iat -= 7200;
    claims.exp = claims.iat + 60;
    let expired = s.state.jwt.encode(&claims);
    s.expect_get(SESSIONS, &expired, StatusCode::UNAUTHORIZED)
        .await;
    // Same claims with a future expiry still work: only the expiry differs.
    claims.exp = chrono::Utc::now().timestamp() + 600;
    let fresh = s.state.jwt.encode(&claims);
    s.expect_get(SESSIONS, &fresh, StatusCode::OK).await;
}

#[tokio::test]
async fn tenant_mismatch_and_admin_role_are_enforced() {
    let (s, globex) = signed_in(&[], "admin@globex.test", "globex").await;
    let r = s
        .expect_get(
            &clients_path(ACME, "getClients"),
            &globex,
            StatusCode::FORBIDDEN,
        )
        .await;
    assert_eq!(r.body, json!({ "error": "Forbidden: tenant mismatch" }));

    // An acme client id seen from globex's own path is simply not found.
    let default_id = s.state.db().facts.default_client_id;
    s.expect_get(
        &clients_path(GLOBEX, &default_id.to_string()),
        &globex,
        StatusCode::NOT_FOUND,
    )
    .await;
    // AuthSec lists the body's tenant without comparing it with the token's
    // (authsec-api.md §1.3): globex's admin reads acme's end users. The sandbox does too.
    let r = s
        .expect_post(
            "/authsec/uflow/admin/enduser/list",
            &globex,
            json!({ "tenant_id": ACME, "limit": 1 }),
            StatusCode::OK,
        )
        .await;
    assert!(r.body["total"].as_u64().unwrap() > 0, "{}", r.body);
    let acme_user = s.user_id("user@acme.test");
    s.expect_get(
        &format!("/authsec/uflow/user/enduser/{GLOBEX}/{acme_user}"),
        &globex,
        StatusCode::NOT_FOUND,
    )
    .await;

    let user = s.login_end_user("user@acme.test").await;
    // clientms asks only for a token of the path's tenant (guard JWT, authsec-api.md §b):
    // AuthSec lists the clients to an end user too.
    s.expect_get(&clients_path(ACME, "getClients"), &user, StatusCode::OK)
        .await;
    let r = s
        .expect_get("/authsec/apps/", &user, StatusCode::FORBIDDEN)
        .await;
    assert_eq!(r.body["error_code"], 403);
    s.expect_get(
        "/authsec/uflow/admin/sessions",
        &user,
        StatusCode::FORBIDDEN,
    )
    .await;
    s.expect_get(SESSIONS, &user, StatusCode::OK).await;
}

#[tokio::test]
async fn api_key_authenticates_with_its_scopes() {
    let (s, admin) = signed_in(&[], "plain@acme.test", "acme").await;
    let body = json!({ "name": "CI", "scopes": ["clients:read"], "tenant_id": ACME });
    let k = s
        .expect_post("/authsec/uflow/api-keys", &admin, body, StatusCode::OK)
        .await;
    let secret = k.body["api_key"].as_str().unwrap().to_string();
    let key_id = k.body["key_id"].as_str().unwrap().to_string();
    assert!(k.body.get("key_hash").is_none());

    s.expect_get(&clients_path(ACME, "getClients"), &secret, StatusCode::OK)
        .await;
    s.expect_post(
        &clients_path(ACME, "create"),
        &secret,
        json!({ "name": "x", "email": "x@acme.test" }),
        StatusCode::FORBIDDEN,
    )
    .await;

    // The list never shows secrets; last use is recorded.
    let keys = s.get("/authsec/uflow/api-keys", &admin).await;
    let mine = keys.body["api_keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["key_id"] == key_id.as_str())
        .unwrap()
        .clone();
    assert!(mine.get("api_key").is_none());
    assert!(!mine["last_use_at"].is_null());

    // Regenerating retires the old secret; deleting retires the key.
    let re = s
        .post(
            &format!("/authsec/uflow/api-keys/{key_id}/regenerate"),
            &admin,
            json!({}),
        )
        .await;
    let new_secret = re.body["api_key"].as_str().unwrap().to_string();
    s.expect_get(
        &clients_path(ACME, "getClients"),
        &secret,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    s.expect_get(
        &clients_path(ACME, "getClients"),
        &new_secret,
        StatusCode::OK,
    )
    .await;
    let del = s
        .delete(&format!("/authsec/uflow/api-keys/{key_id}"), &admin)
        .await;
    assert_eq!(del.body, json!({ "success": true }));
    s.expect_get(
        &clients_path(ACME, "getClients"),
        &new_secret,
        StatusCode::UNAUTHORIZED,
    )
    .await;

    let bad = s
        .expect_post(
            "/authsec/uflow/api-keys",
            &admin,
            json!({ "scopes": ["clients:read"] }),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    assert_eq!(bad.body["detail"][0]["loc"], json!(["body", "name"]));
    let scopes = s.get("/authsec/uflow/api-keys/scopes", &admin).await;
    assert!(scopes.body["scopes"]
        .as_array()
        .unwrap()
        .contains(&json!("clients:read")));
}

#[tokio::test]
async fn step_up_wants_a_recent_proof_and_ends_the_session_after_five_wrong_ones() {
    let (s, token) = signed_in(&["--signed-in-ago", "600"], "plain@acme.test", "acme").await;
    let key = json!({ "name": "k", "scopes": ["clients:read"] });
    let r = s
        .expect_post(
            "/authsec/uflow/api-keys",
            &token,
            key.clone(),
            StatusCode::UNAUTHORIZED,
        )
        .await;
    assert_eq!(r.body, json!({ "error": "step_up_required" }));
    // Enrolling a new factor is refused too: a stolen token cannot mint its own proof.
    let setup = json!({ "tenant_id": ACME, "email": "plain@acme.test" });
    let r = s
        .expect_post(
            "/authsec/webauthn/totp/beginLoginSetup",
            &token,
            setup,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    assert_eq!(r.body, json!({ "error": "step_up_required" }));
    // The password does not stand in for a second factor.
    let r = s
        .expect_post(
            "/authsec/uflow/step-up",
            &token,
            json!({ "password": PASSWORD }),
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(r.body, json!({ "error": "second_factor_required" }));
    for _ in 0..4 {
        s.expect_post(
            "/authsec/uflow/step-up",
            &token,
            json!({ "code": "000000" }),
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
    s.expect_post(
        "/authsec/uflow/step-up",
        &token,
        json!({ "code": "000000" }),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    s.expect_get(SESSIONS, &token, StatusCode::UNAUTHORIZED)
        .await;
}
