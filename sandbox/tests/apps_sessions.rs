//! Management applications and tenant sessions.

#[path = "helpers/support.rs"]
mod support;

use axum::http::StatusCode;
use serde_json::json;
use support::*;

#[tokio::test]
async fn app_create_update_replaces_objects_and_delete() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let list = s.get("/authsec/apps/", &t).await;
    let apps = list.body["result"].as_array().unwrap();
    assert_eq!(apps.len(), 5);
    assert!(apps.iter().all(|a| a.get("client_secret").is_none()));
    assert!(apps[0]["login_preferences"]["auth_methods"]["totp"]["digits"].is_number());

    let body = json!({ "app_name": "My App", "first_client_authentication_protocol": "oidc",
        "first_client": { "name": "My Client", "client_type": "spa", "response_types": ["code"], "device_authorization": { "enabled": true } },
        "custom_domain": "myapp.com", "subdomain": "myapp" });
    let r = s
        .expect_post("/authsec/apps/", &t, body, StatusCode::CREATED)
        .await;
    let app = &r.body["result"];
    assert!(app["client_secret"].as_str().unwrap().len() > 20);
    assert_eq!(app["client_type"], "spa");
    assert_eq!(app["custom_domain"]["status"], "pending");
    let id = app["app_id"].as_str().unwrap().to_string();
    let created_updated = app["updated_at"].as_str().unwrap().to_string();

    let prefs = json!({ "login_preferences": { "auth_methods": { "totp": { "digits": 8 } } } });
    let r = s
        .expect_put(
            &format!("/authsec/apps/{id}"),
            &t,
            prefs.clone(),
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        r.body["result"]["login_preferences"],
        prefs["login_preferences"]
    );
    assert!(r.body["result"].get("client_secret").is_none());
    let first: chrono::DateTime<chrono::Utc> = r.body["result"]["updated_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        first
            > created_updated
                .parse::<chrono::DateTime<chrono::Utc>>()
                .unwrap()
    );
    let r = s
        .put(
            &format!("/authsec/apps/{id}"),
            &t,
            json!({ "app_description": "d" }),
        )
        .await;
    let second: chrono::DateTime<chrono::Utc> = r.body["result"]["updated_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(second > first);
    assert_eq!(r.body["result"]["app_name"], "My App");

    let bad = s
        .expect_post(
            "/authsec/apps/",
            &t,
            json!({ "app_description": "no name" }),
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(bad.body["error_code"], 400);
    assert!(bad.body["message"].is_string());

    s.expect_delete(&format!("/authsec/apps/{id}"), &t, StatusCode::NO_CONTENT)
        .await;
    let again = s.delete(&format!("/authsec/apps/{id}"), &t).await;
    assert_eq!(
        again.body,
        json!({ "message": "Application not found", "error_code": 404 })
    );

    let globex = s.login("admin@globex.test", "globex").await;
    assert_eq!(
        s.get("/authsec/apps/", &globex).await.body["result"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn tenant_sessions_for_admins() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let r = s
        .expect_get(
            "/authsec/uflow/admin/sessions?email=admin@acme.test&limit=50",
            &t,
            StatusCode::OK,
        )
        .await;
    let sessions = r.body["sessions"].as_array().unwrap();
    assert!(sessions.len() >= 3);
    assert!(sessions
        .iter()
        .all(|x| x["user_email"] == "admin@acme.test"));
    let live = s
        .get("/authsec/uflow/admin/sessions?active=true&limit=100", &t)
        .await;
    let id = live.body["sessions"][0]["id"].as_str().unwrap().to_string();
    let d = s
        .delete(&format!("/authsec/uflow/admin/sessions/{id}"), &t)
        .await;
    assert_eq!(d.body["success"], true);
    let globex = s.login("admin@globex.test", "globex").await;
    s.expect_delete(
        &format!("/authsec/uflow/admin/sessions/{id}"),
        &globex,
        StatusCode::NOT_FOUND,
    )
    .await;
}
