//! Server-wide behaviour: faults, CORS, health, seed determinism and profiles.

#[path = "helpers/support.rs"]
mod support;

use authsec_sandbox::Args;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;
use support::*;

#[tokio::test]
async fn fail_429_answers_with_retry_after_and_cors() {
    let s = sandbox(&["--fail-429", "1.0"]);
    let req = Request::post("/authsec/uflow/login")
        .header("origin", ORIGIN)
        .body(Body::from(json!({ "email": "a@acme.test" }).to_string()))
        .unwrap();
    let r = s.send(req).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers["retry-after"], "1");
    assert_eq!(r.body, json!({ "error": "Too many requests" }));
    assert_eq!(r.headers["access-control-allow-origin"], ORIGIN);
    assert!(r.headers["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .contains("retry-after"));
    let h = s
        .send(Request::get("/healthz").body(Body::empty()).unwrap())
        .await;
    assert_eq!(h.status, StatusCode::OK);
    assert_eq!(h.body, "ok");
}

#[tokio::test]
async fn fail_5xx_answers_503() {
    let s = sandbox(&["--fail-5xx", "1"]);
    let r = s.password("plain@acme.test", "acme").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        r.body,
        json!({ "error": "Service temporarily unavailable" })
    );
}

#[tokio::test]
async fn fail_after_commit_writes_then_answers_503() {
    let (s, admin) = signed_in(&["--fail-after-commit", "1"], "plain@acme.test", "acme").await;
    let body = json!({ "name": "lost", "scopes": ["clients:read"], "tenant_id": ACME });
    let r = s.post("/authsec/uflow/api-keys", &admin, body).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    let keys = s
        .expect_get("/authsec/uflow/api-keys", &admin, StatusCode::OK)
        .await;
    let made = keys.body["api_keys"].as_array().unwrap();
    assert_eq!(
        made.iter().filter(|k| k["name"] == "lost").count(),
        1,
        "the write happened"
    );
    // A refused write is answered as it is: nothing happened, so nothing is lost.
    let r = s
        .post("/authsec/uflow/api-keys", &admin, json!({ "name": "" }))
        .await;
    assert!(r.status.is_client_error(), "{:?}", r.status);
    // Reads sent as POST keep their answers.
    let list = json!({ "tenant_id": ACME, "page": 1, "limit": 0 });
    s.expect_post(
        "/authsec/uflow/admin/enduser/list",
        &admin,
        list,
        StatusCode::OK,
    )
    .await;
}

#[tokio::test]
async fn cors_preflight_admits_only_configured_origins() {
    let s = sandbox(&["--allow-origin", "http://localhost:9999", "--fail-5xx", "1"]);
    let pre = |origin: &str| {
        Request::options("/authsec/uflow/login")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .body(Body::empty())
            .unwrap()
    };
    let ok = s.send(pre("http://localhost:9999")).await;
    assert!(ok.status.is_success(), "preflights are never faulted");
    assert_eq!(
        ok.headers["access-control-allow-origin"],
        "http://localhost:9999"
    );
    let methods = ok.headers["access-control-allow-methods"].to_str().unwrap();
    assert!(["GET", "POST", "PUT", "PATCH", "DELETE"]
        .iter()
        .all(|m| methods.contains(m)));
    let no = s.send(pre("http://localhost:8080")).await;
    assert!(no.headers.get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn seed_is_deterministic_and_scales() {
    let a = sandbox(&["--clients", "40", "--users", "30"]);
    let b = sandbox(&["--clients", "40", "--users", "30"]);
    let (fa, fb) = (a.state.db().facts.clone(), b.state.db().facts.clone());
    assert_eq!(fa.default_client_id, fb.default_client_id);
    assert_eq!(fa.totp_secret, "ACMESANDBOXTOTPSECRETKEY234567AB");
    let names = |s: &Sbx| {
        let db = s.state.db();
        let mut v: Vec<(String, String)> = db
            .clients
            .values()
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&a), names(&b));
    let acme = |s: &Sbx| {
        s.state
            .db()
            .clients
            .values()
            .filter(|c| c.tenant_id == fa.acme_tenant_id)
            .count()
    };
    assert_eq!(acme(&a), 40);
    let t = a.login("plain@acme.test", "acme").await;
    let r = a
        .post(
            "/authsec/uflow/admin/enduser/list",
            &t,
            json!({ "tenant_id": ACME }),
        )
        .await;
    assert_eq!(r.body["total"], 30);
}

#[tokio::test]
async fn hostile_profile_keeps_demo_logins() {
    let s = sandbox(&[
        "--seed-profile",
        "hostile",
        "--clients",
        "30",
        "--users",
        "30",
    ]);
    let t = s.login("plain@acme.test", "acme").await;
    let r = s
        .get(
            &clients_path(ACME, "getClients?limit=100&deleted=false"),
            &t,
        )
        .await;
    let text = r.body.to_string();
    assert!(text.contains("<script>window.__pwned=1</script>"));
    assert!(text.contains("{{7*7}}"));
    let apps = s.get("/authsec/apps/", &t).await.body.to_string();
    assert!(apps.contains("javascript:alert(1)") || apps.contains("onerror"));
    // admin@acme.test keeps its TOTP sign-in.
    s.login_admin().await;
}

#[test]
fn refuses_non_loopback_addresses() {
    let args = Args::from_list(["--addr", "0.0.0.0:8787"]);
    assert!(args.validate().is_err());
    assert!(Args::from_list(["--addr", "[::1]:0"]).validate().is_ok());
}

#[tokio::test]
async fn the_facts_file_signs_every_listed_account_in() {
    let s = sandbox(&[]);
    let facts = authsec_sandbox::facts_json(&s.state, "http://127.0.0.1:8787");
    assert_eq!(facts["password"], "Sandbox-Demo-1");
    let accounts = facts["accounts"].as_array().unwrap();
    assert!(accounts.iter().any(|a| a["key"] == "admin"));
    let client = facts["end_user_client_id"].clone();
    for a in accounts {
        let (email, workspace) = (
            a["email"].as_str().unwrap(),
            a["workspace"].as_str().unwrap(),
        );
        let r = if a["admin"] == true {
            s.password(email, workspace).await
        } else {
            let body =
                json!({ "client_id": client, "email": email, "password": facts["password"] });
            s.anon("/authsec/uflow/user/login", body).await
        };
        assert_eq!(r.status, StatusCode::OK, "{email}: {:?}", r.body);
    }
    let secret = facts["totp_secret"].as_str().unwrap();
    assert!(!totp_now(secret).is_empty());
    assert!(facts["backup_code"].as_str().is_some_and(|c| !c.is_empty()));
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods_answer_gins_plain_404() {
    let s = sandbox(&[]);
    for (method, path) in [
        ("GET", "/authsec/uflow/login"),
        ("DELETE", "/authsec/webauthn/totp/verifyLogin"),
        ("GET", "/authsec/uflow/no-such-route"),
        ("POST", "/authsec/clientms/tenants/t1/clients/no-such-route"),
        ("GET", "/nowhere"),
    ] {
        let req = Request::builder()
            .method(method)
            .uri(path)
            .body(Body::empty())
            .unwrap();
        let r = s.send(req).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{method} {path}");
        assert_eq!(r.body, "404 page not found", "{method} {path}");
    }
}
