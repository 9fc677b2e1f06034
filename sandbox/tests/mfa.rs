//! MFA self-service: TOTP devices, backup codes, passkey registration, status.

#[path = "helpers/support.rs"]
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{json, Value};
use support::*;

async fn verify(s: &Sbx, email: &str, field: &str, code: &str) -> StatusCode {
    let r = s.password(email, "acme").await;
    assert_eq!(r.body["methods"], json!(["totp"]));
    let body = json!({ "email": email, "tenant_id": ACME, field: code });
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
async fn totp_device_lifecycle_and_backup_codes() {
    let s = sandbox(&[]);
    let t = s.login("plain@acme.test", "acme").await;
    let base = "/authsec/uflow/auth/tenant/totp";
    let r = s
        .post(
            &format!("{base}/register"),
            &t,
            json!({ "device_name": "Phone", "device_type": "authenticator_app" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let secret = r.body["secret"].as_str().unwrap().to_string();
    let device = r.body["device_id"].as_str().unwrap().to_string();
    assert_eq!(secret.len(), 32);
    assert_eq!(
        r.body["qr_code_url"],
        format!("otpauth://totp/AuthSec:plain@acme.test?secret={secret}&issuer=AuthSec&algorithm=SHA1&digits=6&period=30")
    );
    let codes: Vec<String> = serde_json::from_value(r.body["backup_codes"].clone()).unwrap();
    assert_eq!(codes.len(), 10);
    assert!(codes
        .iter()
        .all(|c| c.len() == 9 && c.as_bytes()[4] == b'-'));

    // Unconfirmed devices are not factors (`methods` is omitted when empty, as in Go).
    let r = s.password("plain@acme.test", "acme").await;
    assert_eq!(r.body["mfa_required"], false);
    assert!(r.body.get("methods").is_none(), "{:?}", r.body);
    let bad = s
        .post(
            &format!("{base}/confirm"),
            &t,
            json!({ "device_id": device, "totp_code": "123456" }),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["message"], "Invalid TOTP code");
    assert_eq!(bad.body["success"], false);
    let ok = s
        .post(
            &format!("{base}/confirm"),
            &t,
            json!({ "device_id": device, "totp_code": totp_now(&secret) }),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    let list = s.get(&format!("{base}/devices"), &t).await;
    assert_eq!(list.body["devices"][0]["is_primary"], true);
    assert_eq!(list.body["devices"][0]["is_active"], true);

    assert_eq!(
        verify(&s, "plain@acme.test", "code", &totp_now(&secret)).await,
        StatusCode::OK
    );
    assert_eq!(
        verify(&s, "plain@acme.test", "code", &codes[0]).await,
        StatusCode::OK
    );
    let fresh = s
        .post("/authsec/webauthn/totp/backup/regenerate", &t, json!({}))
        .await;
    let new_codes: Vec<String> =
        serde_json::from_value(fresh.body["backup_codes"].clone()).unwrap();
    assert_eq!(new_codes.len(), 10);
    assert_eq!(
        verify(&s, "plain@acme.test", "code", &codes[1]).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        verify(&s, "plain@acme.test", "code", &new_codes[1].to_uppercase()).await,
        StatusCode::OK
    );

    let status = s
        .post(
            "/authsec/webauthn/enduser/mfa/loginStatus",
            &t,
            json!({ "email": "plain@acme.test", "tenant_id": ACME }),
        )
        .await;
    assert_eq!(status.body["mfa_required"], true);
    assert_eq!(status.body["methods"][0]["method_type"], "totp");

    let del = s
        .post(
            &format!("{base}/devices/delete"),
            &t,
            json!({ "device_id": device }),
        )
        .await;
    assert_eq!(del.status, StatusCode::OK);
    let r = s.password("plain@acme.test", "acme").await;
    assert_eq!(r.body["mfa_required"], false);
    assert!(r.body.get("methods").is_none(), "{:?}", r.body);
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
    let s = sandbox(&[]);
    let t = s.login("passkey@acme.test", "acme").await;
    let me = json!({ "email": "passkey@acme.test", "tenant_id": ACME });
    let (st, body) = webauthn(
        &s,
        "/authsec/webauthn/enduser/beginRegistration",
        &t,
        ORIGIN,
        me.clone(),
    )
    .await;
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
    assert!(pk["excludeCredentials"].is_array());

    let bogus = json!({ "email": "passkey@acme.test", "tenant_id": ACME, "name": "Laptop", "credential": {
        "id": "AAAA", "rawId": "AAAA", "type": "public-key",
        "response": { "attestationObject": "o2NmbXRkbm9uZQ", "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0" } } });
    let (st, body) = webauthn(
        &s,
        "/authsec/webauthn/enduser/finishRegistration",
        &t,
        ORIGIN,
        bogus.clone(),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body:?}");
    // The state was consumed: a retry has no ceremony in progress.
    let (st, body) = webauthn(
        &s,
        "/authsec/webauthn/enduser/finishRegistration",
        &t,
        ORIGIN,
        bogus,
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "no registration in progress");

    let (st, body) = webauthn(
        &s,
        "/authsec/webauthn/admin/beginRegistration",
        &t,
        "http://evil.example",
        me,
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(body, json!({ "error": "invalid origin" }));
    let other = json!({ "email": "admin@acme.test", "tenant_id": ACME });
    let (st, _) = webauthn(
        &s,
        "/authsec/webauthn/enduser/beginRegistration",
        &t,
        ORIGIN,
        other,
    )
    .await;
    assert_eq!(st, StatusCode::FORBIDDEN);

    let list = s.get("/authsec/webauthn/credentials", &t).await;
    assert_eq!(list.body, json!({ "passkeys": [] }));
    let r = s
        .call(
            "PATCH",
            "/authsec/webauthn/credentials/nope",
            Some(&t),
            Some(json!({})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = s
        .call(
            "DELETE",
            "/authsec/webauthn/credentials/nope",
            Some(&t),
            None,
        )
        .await;
    assert_eq!(r.body, json!({ "detail": "Passkey not found" }));
}

#[tokio::test]
async fn disabled_passkey_credentials_is_404() {
    let s = sandbox(&["--disable", "passkey-credentials", "--disable", "sessions"]);
    let t = s.login("passkey@acme.test", "acme").await;
    assert_eq!(
        s.get("/authsec/webauthn/credentials", &t).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        s.get("/authsec/uflow/sessions", &t).await.status,
        StatusCode::NOT_FOUND
    );
}
