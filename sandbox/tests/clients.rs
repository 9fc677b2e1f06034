//! Clients: validation, filters, pagination, delete rules, rotate-secret.

#[path = "helpers/support.rs"]
mod support;

use axum::http::StatusCode;
use serde_json::json;
use support::*;

#[tokio::test]
async fn create_binds_as_authsec_and_ignores_what_it_does_not_take() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let bad = json!({ "name": "", "email": "nope" });
    let r = s
        .expect_post(
            &clients_path(ACME, "create"),
            &t,
            bad,
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(
        r.body["error"],
        "Key: 'RegisterClientsRequest.Name' Error:Field validation for 'Name' failed on the 'required' tag\nKey: 'RegisterClientsRequest.Email' Error:Field validation for 'Email' failed on the 'email' tag"
    );
    let long = json!({ "name": "x".repeat(257), "email": "a@acme.test" });
    s.expect_post(
        &clients_path(ACME, "create"),
        &t,
        long,
        StatusCode::BAD_REQUEST,
    )
    .await;

    let ok = json!({ "name": "Local dev", "email": "dev@acme.test", "client_type": "m2m_service",
        "tags": ["x"], "redirect_uris": ["https://app.example.com/cb"], "oidc_enabled": true });
    let r = s
        .expect_post(&clients_path(ACME, "create"), &t, ok, StatusCode::CREATED)
        .await;
    assert!(r.body["secret_id"].as_str().unwrap().len() > 20);
    let id = r.body["id"].as_str().unwrap();
    let got = s.get(&clients_path(ACME, id), &t).await;
    assert_eq!(got.body["client_type"], "m2m_service");
    assert_eq!(got.body["status"], "Active");
    assert_eq!(got.body["tags"], json!(null), "create takes no tags");
    assert_eq!(got.body["oidc_enabled"], false, "nor the OIDC switch");
    for gone in ["secret_id", "redirect_uris", "user_count", "deleted"] {
        assert!(got.body.get(gone).is_none(), "{gone}");
    }
    // Update takes them.
    let put = json!({ "tags": ["x", "y"], "oidc_enabled": true, "redirect_uris": ["ignored"] });
    let r = s.put(&clients_path(ACME, id), &t, put).await;
    assert_eq!(r.body["tags"], json!(["x", "y"]));
    assert_eq!(r.body["oidc_enabled"], true);
    let missing = s
        .expect_get(
            &clients_path(ACME, "2b7e0000-0000-4000-8000-000000000000"),
            &t,
            StatusCode::NOT_FOUND,
        )
        .await;
    assert_eq!(missing.body, json!({ "error": "Client not found" }));
}

#[tokio::test]
async fn tag_filter_matches_any_tag_and_pagination_counts() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    for (name, tags) in [
        ("Both", json!(["zq-a", "zq-b"])),
        ("OnlyA", json!(["zq-a"])),
        ("OnlyB", json!(["zq-b"])),
    ] {
        let body = json!({ "name": name, "email": "t@acme.test" });
        let r = s
            .expect_post(&clients_path(ACME, "create"), &t, body, StatusCode::CREATED)
            .await;
        let id = r.body["id"].as_str().unwrap();
        s.expect_put(
            &clients_path(ACME, id),
            &t,
            json!({ "tags": tags }),
            StatusCode::OK,
        )
        .await;
    }
    let r = s
        .get(
            &clients_path(ACME, "getClients?tags=zq-a,zq-b&limit=100"),
            &t,
        )
        .await;
    let mut names: Vec<_> = r.body["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["Both", "OnlyA", "OnlyB"], "any of the tags");
    let r = s
        .get(&clients_path(ACME, "getClients?tags=zq-a&name=Only"), &t)
        .await;
    assert_eq!(r.body["pagination"]["total"], 1);
    let r = s
        .get(&clients_path(ACME, "getClients?tags=zq-a&name=ONLY"), &t)
        .await;
    assert_eq!(r.body["pagination"]["total"], 0, "LIKE is case-sensitive");

    let live = s
        .state
        .db()
        .clients
        .values()
        .filter(|c| c.tenant_id.to_string() == ACME && !c.deleted)
        .count();
    let r = s
        .get(&clients_path(ACME, "getClients?page=3&limit=7"), &t)
        .await;
    assert_eq!(
        r.body["pagination"],
        json!({ "page": 3, "limit": 7, "total": live, "total_pages": live.div_ceil(7) })
    );
    assert_eq!(r.body["clients"].as_array().unwrap().len(), 7);
    let r = s
        .get(&clients_path(ACME, "getClients?limit=1000"), &t)
        .await;
    assert_eq!(
        r.body["pagination"]["limit"], 10,
        "above 100 is 10 on clientms"
    );
    let r = s.get(&clients_path(ACME, "getClients?limit=100"), &t).await;
    assert_eq!(r.body["clients"].as_array().unwrap().len(), 100);
    // Newest first.
    let dates: Vec<String> = r.body["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["created_at"].as_str().unwrap().to_string())
        .collect();
    let parsed: Vec<chrono::DateTime<chrono::Utc>> =
        dates.iter().map(|d| d.parse().unwrap()).collect();
    assert!(parsed.windows(2).all(|w| w[0] >= w[1]));
    let bad = s
        .expect_get(
            &clients_path(ACME, "getClients?active=maybe"),
            &t,
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert!(bad.body["details"]["active"].is_string());
}

#[tokio::test]
async fn soft_delete_hard_delete_and_default_client() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let body = json!({ "name": "Temp zq-del", "email": "t@acme.test" });
    let id = s.post(&clients_path(ACME, "create"), &t, body).await.body["id"]
        .as_str()
        .unwrap()
        .to_string();
    let d = s.delete(&clients_path(ACME, &id), &t).await;
    assert_eq!(d.body["deleted"], true);
    let live = s
        .get(&clients_path(ACME, "getClients?name=zq-del"), &t)
        .await;
    assert_eq!(live.body["pagination"]["total"], 0);
    let gone = s
        .get(
            &clients_path(ACME, "getClients?name=zq-del&deleted=true"),
            &t,
        )
        .await;
    assert_eq!(gone.body["pagination"]["total"], 1);

    s.expect_post(
        &clients_path(ACME, "delete-complete"),
        &t,
        json!({ "tenant_id": ACME, "client_id": id }),
        StatusCode::OK,
    )
    .await;
    s.expect_get(&clients_path(ACME, &id), &t, StatusCode::NOT_FOUND)
        .await;

    let default_id = s.state.db().facts.default_client_id.to_string();
    s.expect_post(
        &clients_path(ACME, "delete-complete"),
        &t,
        json!({ "tenant_id": ACME, "client_id": default_id }),
        StatusCode::FORBIDDEN,
    )
    .await;
    let r = s
        .expect_post(
            &clients_path(ACME, "delete-complete"),
            &t,
            json!({ "tenant_id": GLOBEX, "client_id": default_id }),
            StatusCode::FORBIDDEN,
        )
        .await;
    assert_eq!(r.body["error"], "Forbidden: tenant mismatch");
}

#[tokio::test]
async fn update_activate_and_rotate_secret() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let id = s.state.db().facts.default_client_id.to_string();
    let r = s
        .call(
            "PATCH",
            &clients_path(ACME, &format!("{id}/deactivate")),
            Some(&t),
            None,
        )
        .await;
    assert_eq!(r.body["client"]["status"], "Development");
    assert_eq!(r.body["client"]["active"], false);
    let r = s
        .put(
            &clients_path(ACME, &id),
            &t,
            json!({ "status": "Active", "tags": ["prod", "core"] }),
        )
        .await;
    assert_eq!(r.body["active"], true);
    assert_eq!(r.body["tags"], json!(["prod", "core"]));
    let r = s
        .put(
            &clients_path(ACME, &id),
            &t,
            json!({ "tags": "not-a-list" }),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "a body that does not bind"
    );
    let a = s
        .post(
            &clients_path(ACME, &format!("{id}/rotate-secret")),
            &t,
            json!({}),
        )
        .await;
    let b = s
        .post(
            &clients_path(ACME, &format!("{id}/rotate-secret")),
            &t,
            json!({}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_ne!(a.body["client_secret"], b.body["client_secret"]);
    assert!(a.body["rotated_at"].is_string());
}

#[tokio::test]
async fn disabled_rotate_secret_is_404() {
    let (s, t) = signed_in(&["--disable", "rotate-secret"], "plain@acme.test", "acme").await;
    let id = s.state.db().facts.default_client_id.to_string();
    s.expect_post(
        &clients_path(ACME, &format!("{id}/rotate-secret")),
        &t,
        json!({}),
        StatusCode::NOT_FOUND,
    )
    .await;
    s.expect_get(&clients_path(ACME, &id), &t, StatusCode::OK)
        .await;
}

#[tokio::test]
async fn the_legacy_post_lists_every_active_client_of_the_body_tenant_oldest_first() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let path = clients_path(ACME, "getClients");
    let all = s
        .expect_post(&path, &t, json!({ "tenant_id": ACME }), StatusCode::OK)
        .await;
    let live = s.get(&clients_path(ACME, "getClients?limit=1"), &t).await;
    let clients = all.body["data"]["clients"].as_array().unwrap();
    assert_eq!(
        clients.len() as u64,
        live.body["pagination"]["total"].as_u64().unwrap(),
        "unpaged"
    );
    assert_eq!(all.body["data"]["count"], clients.len());
    let dates: Vec<&str> = clients
        .iter()
        .map(|c| c["created_at"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest first");

    let active = s
        .post(&path, &t, json!({ "tenant_id": ACME, "active_only": true }))
        .await;
    let active = active.body["data"]["clients"].as_array().unwrap();
    assert!(active.iter().all(|c| c["active"] == true));
    assert!(
        active.len() < clients.len(),
        "the seed has inactive clients"
    );

    let empty = s
        .expect_call("POST", &path, Some(&t), None, StatusCode::BAD_REQUEST)
        .await;
    assert_eq!(
        (empty.body["error"].as_str(), empty.body["message"].as_str()),
        (Some("Invalid request"), Some("EOF"))
    );
    let unknown = s
        .expect_post(
            &path,
            &t,
            json!({ "tenant_id": "nope" }),
            StatusCode::INTERNAL_SERVER_ERROR,
        )
        .await;
    assert_eq!(unknown.body["error"], "Database connection failed");
}
