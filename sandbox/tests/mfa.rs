//! MFA self-service: TOTP devices, backup codes, passkey registration, status.

#[path = "helpers/support.rs"]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{json, Value};
use support::*;

const BEGIN_REGISTRATION: &str = "/authsec/webauthn/admin/beginRegistration";
const FINISH_REGISTRATION: &str = "/authsec/webauthn/admin/finishRegistration";

async fn verify(s: &Sbx, email: &str, code: &str) -> StatusCode {
    let r = s.password(email, "acme").await;
    assert_eq!(r.body["methods"], json!(["totp"]));
    let body = json!({ "email": email, "tenant_id": ACME, "code": code });
    s.call(
        "POST",
        "/authsec/webauthn/totp/verifyLogin",
        None,
        Some(body),
    )
    .await
    .status
}

#[tokio::test]
async fn tenant_totp_devices_are_not_sign_in_factors() {
    let s = sandbox(&[]);
    let t = s.login_end_user("user@acme.test").await;
    let base = "/authsec/uflow/auth/tenant/totp";
    let r = s
        .expect_post(
            &format!("{base}/register"),
            &t,
            json!({ "device_name": "Phone", "device_type": "authenticator_app" }),
            StatusCode::OK,
        )
        .await;
    let secret = r.body["secret"].as_str().unwrap().to_string();
    let device = r.body["device_id"].as_str().unwrap().to_string();
    let bad = s
        .expect_post(
            &format!("{base}/confirm"),
            &t,
            json!({ "device_id": device, "totp_code": "123456" }),
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(bad.body["message"], "Invalid TOTP code");
    s.expect_post(
        &format!("{base}/confirm"),
        &t,
        json!({ "device_id": device, "totp_code": totp_now(&secret) }),
        StatusCode::OK,
    )
    .await;
    let list = s.get(&format!("{base}/devices"), &t).await;
    assert_eq!(list.body["devices"][0]["is_active"], true);
    // Sign-in reads another store: the device's code is no sign-in code.
    let body = json!({ "email": "user@acme.test", "tenant_id": ACME, "code": totp_now(&secret) });
    let v = s.anon("/authsec/webauthn/totp/verify", body).await;
    assert_eq!(v.body, json!({ "error": "invalid TOTP code" }));
}

#[tokio::test]
async fn sign_in_totp_set_up_again_replaces_the_app_and_its_backup_codes() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let me = json!({ "email": "plain@acme.test", "tenant_id": ACME });
    let begin = s
        .expect_post(
            "/authsec/webauthn/totp/beginLoginSetup",
            &t,
            me.clone(),
            StatusCode::OK,
        )
        .await;
    let secret = begin.body["secret"].as_str().unwrap().to_string();
    let mut confirm = me.clone();
    confirm["secret"] = json!(secret);
    confirm["code"] = json!(totp_now(&secret));
    let ok = s
        .post("/authsec/webauthn/totp/confirmLoginSetup", &t, confirm)
        .await;
    let codes: Vec<String> = serde_json::from_value(ok.body["backup_codes"].clone()).unwrap();
    assert_eq!(codes.len(), 10);
    assert!(codes
        .iter()
        .all(|c| c.len() == 9 && c.as_bytes()[4] == b'-'));
    let old = s.state.db().facts.totp_secret.clone();
    assert_eq!(
        verify(&s, "plain@acme.test", &totp_now(&old)).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        verify(&s, "plain@acme.test", &totp_now(&secret)).await,
        StatusCode::OK
    );
    assert_eq!(
        verify(&s, "plain@acme.test", &codes[0]).await,
        StatusCode::OK
    );
    assert_eq!(
        verify(&s, "plain@acme.test", &codes[0]).await,
        StatusCode::BAD_REQUEST
    );
    let fresh = s
        .post("/authsec/webauthn/totp/backup/regenerate", &t, json!({}))
        .await;
    let new_codes: Vec<String> =
        serde_json::from_value(fresh.body["backup_codes"].clone()).unwrap();
    assert_eq!(new_codes.len(), 10);
    assert_eq!(
        verify(&s, "plain@acme.test", &codes[1]).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        verify(&s, "plain@acme.test", &new_codes[1].to_uppercase()).await,
        StatusCode::OK
    );
    let status = s
        .anon(
            "/authsec/webauthn/admin/mfa/status",
            json!({ "email": "plain@acme.test" }),
        )
        .await;
    assert_eq!(status.body["mfa_required"], true);
    assert_eq!(status.body["methods"][0]["method_type"], "totp");
    // Another account's factors are not the caller's to set.
    let other = json!({ "email": "admin@acme.test", "tenant_id": ACME });
    s.expect_post(
        "/authsec/webauthn/totp/beginLoginSetup",
        &t,
        other,
        StatusCode::UNAUTHORIZED,
    )
    .await;
}

async fn webauthn(
    s: &Sbx,
    path: &str,
    token: &str,
    origin: &str,
    body: Value,
) -> (StatusCode, Value) {
    let req = Request::post(path)
        .header("authorization", format!("Bearer {token}"))
        .header("origin", origin)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let r = s.send(req).await;
    (r.status, r.body)
}

#[tokio::test]
async fn passkey_registration_begin_is_well_formed_and_bogus_finish_fails() {
    let (s, t) = signed_in(&[], "passkey@acme.test", "acme").await;
    let me = json!({ "email": "passkey@acme.test" });
    let (st, body) = webauthn(&s, BEGIN_REGISTRATION, &t, ORIGIN, me.clone()).await;
    assert_eq!(st, StatusCode::OK, "{body:?}");
    let pk = &body["publicKey"];
    assert!(pk["challenge"].as_str().unwrap().len() >= 43);
    assert_eq!(pk["rp"]["id"], "localhost");
    assert_eq!(pk["user"]["name"], "passkey@acme.test");
    assert!(pk["pubKeyCredParams"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["alg"] == -7));
    assert!(pk.get("excludeCredentials").is_none(), "as AuthSec: none");

    let bogus = json!({ "email": "passkey@acme.test", "credential": {
        "id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": { "attestationObject": "o2NmbXRkbm9uZQ", "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0" } } });
    let (st, body) = webauthn(&s, FINISH_REGISTRATION, &t, ORIGIN, bogus.clone()).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body:?}");
    // The state was consumed: a retry has no ceremony in progress.
    let (st, body) = webauthn(&s, FINISH_REGISTRATION, &t, ORIGIN, bogus).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "no registration session");

    let (st, body) = webauthn(&s, BEGIN_REGISTRATION, &t, "http://evil.example", me).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(body, json!({ "error": "invalid origin" }));
    let other = json!({ "email": "admin@acme.test" });
    let (st, _) = webauthn(&s, BEGIN_REGISTRATION, &t, ORIGIN, other).await;
    assert_eq!(
        st,
        StatusCode::UNAUTHORIZED,
        "another account's passkeys are not the caller's"
    );

    let list = s.get("/authsec/webauthn/credentials", &t).await;
    assert_eq!(list.body, json!({ "passkeys": [] }));
    s.expect_call(
        "PATCH",
        "/authsec/webauthn/credentials/nope",
        Some(&t),
        Some(json!({})),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let r = s.delete("/authsec/webauthn/credentials/nope", &t).await;
    assert_eq!(r.body, json!({ "detail": "Passkey not found" }));
}

#[tokio::test]
async fn disabled_passkey_credentials_is_404() {
    let s = sandbox(&["--disable", "passkey-credentials", "--disable", "sessions"]);
    let t = s.login("passkey@acme.test", "acme").await;
    s.expect_get("/authsec/webauthn/credentials", &t, StatusCode::NOT_FOUND)
        .await;
    s.expect_get("/authsec/uflow/sessions", &t, StatusCode::NOT_FOUND)
        .await;
}
