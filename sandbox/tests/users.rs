//! End users and admins: register, conflicts, batches, last-admin rules.

#[path = "helpers/support.rs"]
mod support;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::*;

const BATCH: &str = "/authsec/uflow/admin/enduser/batch";
const BATCH_DELETE: &str = "/authsec/uflow/admin/enduser/batch-delete";

/// `POST /uflow/admin/enduser/list` with `body`.
async fn end_users(s: &Sbx, token: &str, body: Value) -> Resp {
    s.post("/authsec/uflow/admin/enduser/list", token, body)
        .await
}

#[tokio::test]
async fn the_list_pages_everyone_and_ignores_filters_as_authsec_does() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let list = |body: Value| end_users(&s, &t, body);
    let r = list(json!({ "tenant_id": ACME, "page": 1, "limit": 500 })).await;
    assert_eq!(r.body["total"], 1200);
    assert_eq!(r.body["limit"], 500, "no clamp");
    assert_eq!(r.body["users"].as_array().unwrap().len(), 500);
    assert!(
        r.body.get("total_pages").is_none(),
        "AuthSec sends no total_pages here"
    );
    let all = list(json!({ "tenant_id": ACME, "limit": 0 })).await;
    assert_eq!(
        all.body["users"].as_array().unwrap().len(),
        1200,
        "0 is everyone"
    );
    assert_eq!(all.body["limit"], 1200);
    let keys: Vec<&str> = all.body["users"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "client_id",
            "created_at",
            "email",
            "first_name",
            "id",
            "last_name",
            "provider",
            "roles",
            "status",
            "updated_at"
        ],
        "EndUserSummary"
    );
    let filtered = list(json!({ "tenant_id": ACME, "limit": 0, "search": "user@acme", "status": "inactive", "sort_by": "email" })).await;
    assert_eq!(
        filtered.body["users"], all.body["users"],
        "search, status and sort are not AuthSec's"
    );
}

#[tokio::test]
async fn the_list_wants_a_known_tenant_and_filters_by_client_and_provider_only() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let list = |body: Value| end_users(&s, &t, body);
    let error = |r: &Resp| r.body["error"].as_str().unwrap_or_default().to_string();
    let r = list(json!({ "page": 1 })).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        error(&r),
        "Key: 'TenantUserListRequest.TenantID' Error:Field validation for 'TenantID' failed on the 'required' tag"
    );
    let r = list(json!({ "tenant_id": "acme" })).await;
    assert_eq!(
        (r.status, error(&r).as_str()),
        (StatusCode::BAD_REQUEST, "Invalid tenant ID")
    );
    let nobody = "00000000-0000-4000-8000-000000000000";
    let r = list(json!({ "tenant_id": nobody })).await;
    assert_eq!(
        (r.status, error(&r).as_str()),
        (StatusCode::NOT_FOUND, "Tenant not found")
    );
    let r = list(json!({ "tenant_id": ACME, "client_id": "x" })).await;
    assert_eq!(
        (r.status, error(&r).as_str()),
        (StatusCode::BAD_REQUEST, "Invalid client_id format")
    );
    // A client nobody signed up through: no users, and `users` is null.
    let r = list(json!({ "tenant_id": ACME, "limit": 0, "client_id": nobody })).await;
    assert_eq!(
        r.body,
        json!({ "limit": 0, "page": 1, "total": 0, "users": null })
    );
    let r = list(json!({ "tenant_id": ACME, "limit": 0, "provider": "no-such-provider" })).await;
    assert_eq!(r.body["users"], Value::Null);
    let all = list(json!({ "tenant_id": ACME, "limit": 0 })).await;
    let provider = all.body["users"][0]["provider"]
        .as_str()
        .unwrap()
        .to_string();
    let same = list(json!({ "tenant_id": ACME, "limit": 0, "provider": provider })).await;
    let n = same.body["total"].as_u64().unwrap();
    assert!(n > 0 && n <= all.body["total"].as_u64().unwrap());
    assert!(same.body["users"]
        .as_array()
        .unwrap()
        .iter()
        .all(|u| u["provider"] == provider.as_str()));
}

#[tokio::test]
async fn update_takes_one_name_delete_deactivates_and_delete_all_removes() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let user_token = s.login_end_user("user@acme.test").await;
    let id = s.user_id("user@acme.test");
    let path = format!("/authsec/uflow/user/enduser/{ACME}/{id}");
    let r = s
        .put(
            &path,
            &t,
            json!({ "name": "Uma Renamed-User", "first_name": "ignored", "active": false }),
        )
        .await;
    assert_eq!(r.body["message"], "User updated successfully");
    assert_eq!(r.body["user"]["name"], "Uma Renamed-User");
    assert_eq!(r.body["user"]["active"], true, "active is not applied");
    assert_eq!(r.body["user"]["groups"], Value::Null);
    let got = s.get(&path, &t).await;
    assert_eq!(got.body["name"], "Uma Renamed-User");
    assert_eq!(got.body["groups"], json!([]));
    let r = s
        .post(
            "/authsec/uflow/admin/enduser/active",
            &t,
            json!({ "tenant_id": ACME, "user_id": id, "active": false }),
        )
        .await;
    assert_eq!(r.body["active"], false);
    // Disabling an account ends its sessions.
    s.expect_get(
        "/authsec/uflow/sessions",
        &user_token,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let r = s.delete(&path, &t).await;
    assert_eq!(r.body, json!({ "message": "User deleted successfully" }));
    assert_eq!(
        s.get(&path, &t).await.body["active"],
        false,
        "DELETE only deactivates"
    );
    let all = format!("/authsec/uflow/user/enduser/delete_all/{ACME}/{id}");
    s.expect_call(
        "DELETE",
        &all,
        Some(&t),
        Some(json!({})),
        StatusCode::BAD_REQUEST,
    )
    .await;
    let r = s
        .call(
            "DELETE",
            &all,
            Some(&t),
            Some(json!({ "tenant_id": ACME, "user_id": id.to_string() })),
        )
        .await;
    assert_eq!(
        r.body["message"],
        "User and all related data deleted successfully"
    );
    assert_eq!(s.get(&path, &t).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn scim_creates_an_end_user_with_the_admins_token() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let client = s.state.db().facts.default_client_id;
    let path = format!("/authsec/uflow/scim/v2/{client}/{ACME}/Users");
    let body = json!({ "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "scim.one@acme.test",
        "name": { "givenName": "Sam", "familyName": "Scim" },
        "emails": [{ "value": "scim.one@acme.test", "type": "work", "primary": true }], "active": true });
    let r = s
        .expect_post(&path, &t, body.clone(), StatusCode::CREATED)
        .await;
    assert_eq!(r.body["displayName"], "Sam Scim");
    let id = r.body["id"].as_str().unwrap().to_string();
    let got = s
        .get(&format!("/authsec/uflow/user/enduser/{ACME}/{id}"), &t)
        .await;
    assert_eq!(got.body["provider"], "scim");
    let again = s.expect_post(&path, &t, body, StatusCode::CONFLICT).await;
    assert_eq!(again.body["scimType"], "uniqueness");
    let bad = s.post(&path, &t, json!({ "emails": [] })).await;
    assert_eq!(bad.body["detail"], "userName is required");
}

#[tokio::test]
async fn batch_create_limits_and_outcomes() {
    let (s, t) = signed_in(&[], "plain@acme.test", "acme").await;
    let too_many: Vec<Value> = (0..1001)
        .map(|i| json!({ "email": format!("b{i}@acme.test") }))
        .collect();
    s.expect_post(
        BATCH,
        &t,
        json!({ "users": too_many }),
        StatusCode::BAD_REQUEST,
    )
    .await;
    let users = json!([
        { "email": "batch1@acme.test", "first_name": "B" },
        { "email": "batch2@acme.test", "password": "Abcdefgh12" },
        { "email": "user@acme.test" },
        { "email": "batch1@acme.test" },
        { "email": "not-an-email" },
        { "email": "weak@acme.test", "password": "weak" }
    ]);
    let r = s.post(BATCH, &t, json!({ "users": users })).await;
    assert_eq!(r.body["success_created_count"], 2);
    assert_eq!(
        r.body["duplicate_emails"],
        json!(["user@acme.test", "batch1@acme.test"])
    );
    assert_eq!(
        r.body["fail_create_emails"],
        json!(["not-an-email", "weak@acme.test"])
    );

    let ids: Vec<Value> = (0..1001).map(|_| json!("x")).collect();
    s.expect_post(
        BATCH_DELETE,
        &t,
        json!({ "users_ids": ids }),
        StatusCode::BAD_REQUEST,
    )
    .await;
    let id = s.user_id("batch1@acme.test");
    let admin = s.user_id("admin@acme.test");
    let r = s
        .post(
            BATCH_DELETE,
            &t,
            json!({ "users_ids": [id, "nope", admin] }),
        )
        .await;
    assert_eq!(r.body["deleted_count"], 1);
    assert_eq!(r.body["missing_ids"].as_array().unwrap().len(), 2);

    let off = sandbox(&["--disable", "user-batch"]);
    let t = off.login("plain@acme.test", "acme").await;
    off.expect_post(BATCH, &t, json!({ "users": [] }), StatusCode::NOT_FOUND)
        .await;
}

#[tokio::test]
async fn admins_list_invite_and_last_admin_rules() {
    let (s, t) = signed_in(&[], "admin@globex.test", "globex").await;
    let me = s.state.jwt.decode(&t).unwrap().sub;
    let r = s
        .expect_post(
            "/authsec/uflow/admin/users/active",
            &t,
            json!({ "tenant_id": ACME, "user_id": me, "active": false }),
            StatusCode::FORBIDDEN,
        )
        .await;
    assert_eq!(r.body["error"], "Cannot deactivate the last active admin");
    s.expect_delete(
        &format!("/authsec/uflow/admin/users/{me}"),
        &t,
        StatusCode::FORBIDDEN,
    )
    .await;

    let acme = s.login("plain@acme.test", "acme").await;
    let r = s
        .post(
            "/authsec/uflow/admin/users/list",
            &acme,
            json!({ "page": 1, "limit": 10 }),
        )
        .await;
    assert_eq!(
        r.body["users"].as_array().unwrap().len(),
        8,
        "every admin at once (the helpdesk admin and the two seeded invitees too)"
    );
    assert!(r.body.get("total").is_none(), "AuthSec answers no totals");
    let ops = r.body["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == "ops@acme.test")
        .unwrap()
        .clone();
    assert_eq!(ops["pending_registration"], true);
    // AuthSec's `mfa_enabled` and `mfa_verified` are omitempty: absent without a factor.
    assert!(ops.get("mfa_enabled").is_none() && ops.get("mfa_verified").is_none());
    let plain = r.body["users"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == "plain@acme.test")
        .unwrap();
    assert_eq!(plain["mfa_enabled"], true);
    assert_eq!(plain["mfa_method"], json!(["totp"]));
    let me = s.state.jwt.decode(&acme).unwrap().sub;
    s.expect_delete(
        &format!("/authsec/uflow/admin/users/{me}"),
        &acme,
        StatusCode::FORBIDDEN,
    )
    .await;
    let invite =
        json!({ "email": "new.admin@acme.test", "username": "newadmin", "tenant_id": ACME });
    let r = s
        .expect_post(
            "/authsec/uflow/admin/invite",
            &acme,
            invite.clone(),
            StatusCode::CREATED,
        )
        .await;
    assert_eq!(r.body["email_sent"], false);
    s.expect_post(
        "/authsec/uflow/admin/invite",
        &acme,
        invite,
        StatusCode::CONFLICT,
    )
    .await;
    let new_id = r.body["user_id"].as_str().unwrap();
    // AuthSec binds an invited admin to the tenant's admin role.
    let check = json!({ "principal_id": new_id, "resource": "users", "action": "delete" });
    let r = s
        .expect_post(
            "/authsec/uflow/admin/policy/check",
            &acme,
            check,
            StatusCode::OK,
        )
        .await;
    assert!(r.body["trace"]
        .as_str()
        .unwrap()
        .ends_with("via Role [admin]"));
    s.expect_delete(
        &format!("/authsec/uflow/admin/users/{new_id}"),
        &acme,
        StatusCode::OK,
    )
    .await;
}

#[tokio::test]
async fn a_batch_delete_needs_users_delete_like_authsecs_own_delete_rows() {
    let s = sandbox(&[]);
    let t = s.login("helpdesk@acme.test", "acme").await;
    let user = s.user_id("user@acme.test");
    let r = s
        .expect_post(
            BATCH_DELETE,
            &t,
            json!({ "users_ids": [user] }),
            StatusCode::FORBIDDEN,
        )
        .await;
    assert_eq!(r.body["error"], "insufficient_scope");
    assert!(s.state.db().users.contains_key(&user));
}
