//! Roles, permissions and bindings as AuthSec keeps them (authsec-api.md §e.1).

#[path = "helpers/support.rs"]
mod support;

use axum::http::StatusCode;
use serde_json::{json, Value};
use support::*;

const ROLES: &str = "/authsec/uflow/admin/roles";

#[tokio::test]
async fn a_role_is_made_of_permissions_held_through_bindings_and_deleted_with_them() {
    let (s, t) = signed_in(&["--profile", "authsec"], "admin@acme.test", "acme").await;
    let perms = s.get("/authsec/uflow/admin/permissions", &t).await.body;
    let id_of = |full: &str| {
        perms
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["full_permission_string"] == full)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let made = s
        .expect_post(
            ROLES,
            &t,
            json!({ "name": "editor", "permission_ids": [id_of("clients:read"), id_of("clients:update")] }),
            StatusCode::OK,
        )
        .await;
    assert_eq!(made.body["permissions_count"], 2);
    let role = made.body["id"].as_str().unwrap().to_string();
    let got = s.get(&format!("{ROLES}/{role}"), &t).await;
    assert_eq!(
        got.body["permissions"],
        json!(["clients:read", "clients:update"])
    );
    assert!(got.body.get("user_ids").is_none(), "nobody holds it yet");

    let ops = s.user_id("ops@acme.test").to_string();
    let bound = s
        .expect_post(
            "/authsec/uflow/admin/bindings",
            &t,
            json!({ "user_id": ops, "role_id": role }),
            StatusCode::OK,
        )
        .await;
    assert_eq!(bound.body["scope_description"], "Tenant-Wide");
    let end_user = s.user_id("user@acme.test").to_string();
    let r = s
        .post(
            "/authsec/uflow/admin/bindings",
            &t,
            json!({ "user_id": end_user, "role_id": role }),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "only admins hold roles");
    let list = s.get(ROLES, &t).await.body;
    assert_eq!(row(&list, "/name", "editor")["users_assigned"], 1);
    assert_eq!(row(&list, "/name", "editor")["user_ids"], json!([ops]));

    // Updating replaces the whole set; an unknown permission string is refused by name.
    let r = s
        .put(
            &format!("{ROLES}/{role}"),
            &t,
            json!({ "name": "editor", "permission_strings": ["clients:fly"] }),
        )
        .await;
    assert_eq!(r.body["error"], "permission not found: clients:fly");
    let r = s
        .put(&format!("{ROLES}/{role}"), &t, json!({ "name": "editor" }))
        .await;
    assert_eq!(
        r.body["error"],
        "permission_ids or permission_strings required"
    );

    s.delete(&format!("{ROLES}/{role}"), &t).await;
    let bindings = s
        .get(&format!("/authsec/uflow/admin/bindings?user_id={ops}"), &t)
        .await;
    assert!(
        bindings
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b["role_id"] != role.as_str()),
        "the role's bindings go with it"
    );
    s.expect_get(&format!("{ROLES}/{role}"), &t, StatusCode::NOT_FOUND)
        .await;
}

#[tokio::test]
async fn a_deleted_permission_leaves_every_role_and_a_second_one_alike_is_refused() {
    let (s, t) = signed_in(&["--profile", "authsec"], "admin@acme.test", "acme").await;
    let p = "/authsec/uflow/admin/permissions";
    let made = s
        .expect_post(
            p,
            &t,
            json!({ "resource": "reports", "action": "share" }),
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        made.body["full_string"], "reports.share",
        "a dot, here only"
    );
    s.expect_post(
        p,
        &t,
        json!({ "resource": "reports", "action": "share" }),
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    let r = s.post(p, &t, json!({ "resource": "reports" })).await;
    assert_eq!(r.body["error"], "Resource and Action are required");

    let before = row(&s.get(ROLES, &t).await.body, "/name", "support")["permissions_count"].clone();
    s.expect_call(
        "DELETE",
        p,
        Some(&t),
        Some(json!({ "resource": "reports", "action": "read" })),
        StatusCode::OK,
    )
    .await;
    let after = row(&s.get(ROLES, &t).await.body, "/name", "support")["permissions_count"].clone();
    assert_eq!(after.as_u64().unwrap() + 1, before.as_u64().unwrap());
}

#[tokio::test]
async fn deleting_every_role_locks_the_tenant_s_admins_out_and_others_keep_theirs() {
    let (s, t) = signed_in(&["--profile", "authsec"], "admin@acme.test", "acme").await;
    let ids: Vec<String> = s
        .get(ROLES, &t)
        .await
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    for id in &ids {
        s.delete(&format!("{ROLES}/{id}"), &t).await;
    }
    // The ADMIN guard is a binding to a role holding admin:access, and deleting a role
    // deletes its bindings (authsec-api.md §1.2, §e): AuthSec would answer `null` for a
    // tenant without roles, but no admin of it can ask any more.
    for path in [ROLES, "/authsec/uflow/admin/me/roles-permissions"] {
        let r = s.get(path, &t).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(r.body["error"], "insufficient_scope", "{path}");
    }
    let globex = s.login("admin@globex.test", "globex").await;
    let theirs = s.get(ROLES, &globex).await.body;
    assert!(
        !theirs.as_array().unwrap().is_empty(),
        "another tenant keeps its roles"
    );
}

#[tokio::test]
async fn groups_take_members_in_bulk_all_or_nothing_and_go_with_their_memberships() {
    let (s, t) = signed_in(&["--profile", "authsec"], "admin@acme.test", "acme").await;
    let made = s
        .expect_post(
            "/authsec/uflow/admin/groups",
            &t,
            json!({ "tenant_id": ACME, "groups": ["Ops"] }),
            StatusCode::OK,
        )
        .await;
    let id = made.body["groups"][0]["id"].as_str().unwrap().to_string();
    let again = s
        .post(
            "/authsec/uflow/admin/groups",
            &t,
            json!({ "tenant_id": ACME, "groups": [{ "name": "Ops" }] }),
        )
        .await;
    assert_eq!(
        again.body["groups"][0]["id"],
        id.as_str(),
        "an existing name comes back"
    );

    let bulk = format!("/authsec/uflow/admin/groups/{ACME}/users/bulk");
    let user = s.user_id("user@acme.test").to_string();
    let stranger = uuid::Uuid::new_v4().to_string();
    let r = s
        .post(
            &bulk,
            &t,
            json!({ "group_id": id, "user_ids": [user, stranger] }),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "an unknown user fails the batch"
    );
    let list = || {
        let (s, t) = (&s, t.clone());
        async move {
            s.post(
                "/authsec/uflow/admin/groups/list",
                &t,
                json!({ "tenant_id": ACME }),
            )
            .await
            .body
        }
    };
    assert_eq!(
        row(&list().await["groups"], "/group/name", "Ops")["users"],
        json!([]),
        "nothing added"
    );
    let r = s
        .post(&bulk, &t, json!({ "group_id": id, "user_ids": [user] }))
        .await;
    assert_eq!(r.body["user_count"], 1);
    let members = row(&list().await["groups"], "/group/name", "Ops")["users"].clone();
    assert_eq!(members[0]["email"], "user@acme.test");

    let r = s
        .put(
            &format!("/authsec/uflow/admin/groups/{}", uuid::Uuid::new_v4()),
            &t,
            json!({ "tenant_id": ACME, "name": "Nobody" }),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "AuthSec answers 200 for a missing group"
    );
    s.call(
        "DELETE",
        &bulk,
        Some(&t),
        Some(json!({ "group_id": id, "user_ids": [user] })),
    )
    .await;
    assert_eq!(
        row(&list().await["groups"], "/group/name", "Ops")["users"],
        json!([])
    );
    s.call(
        "DELETE",
        "/authsec/uflow/admin/groups",
        Some(&t),
        Some(json!({ "groups": [id] })),
    )
    .await;
    let after = list().await;
    assert!(after["groups"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["group"]["name"] != "Ops"));
}

#[tokio::test]
async fn the_policy_check_says_what_a_binding_grants_and_user_deletes_need_users_delete() {
    let (s, admin) = signed_in(&["--profile", "authsec"], "admin@acme.test", "acme").await;
    let helpdesk = s.login("helpdesk@acme.test", "acme").await;
    let (limited, user) = (s.user_id("helpdesk@acme.test"), s.user_id("user@acme.test"));
    let check = |who: uuid::Uuid, action: &str| json!({ "principal_id": who, "resource": "users", "action": action });
    let path = "/authsec/uflow/admin/policy/check";
    let r = s
        .expect_post(path, &helpdesk, check(limited, "delete"), StatusCode::OK)
        .await;
    assert_eq!(
        r.body,
        json!({ "allowed": false, "trace": "No matching binding found" })
    );
    let r = s
        .expect_post(path, &helpdesk, check(limited, "update"), StatusCode::OK)
        .await;
    assert_eq!(r.body["allowed"], true);
    assert!(r.body["trace"]
        .as_str()
        .unwrap()
        .ends_with("via Role [helpdesk]"));
    let admin_id = s.user_id("admin@acme.test");
    let r = s
        .expect_post(path, &admin, check(admin_id, "delete"), StatusCode::OK)
        .await;
    assert_eq!(r.body["allowed"], true);
    let r = s
        .expect_post(
            path,
            &admin,
            json!({ "principal_id": "x", "resource": "users", "action": "delete" }),
            StatusCode::BAD_REQUEST,
        )
        .await;
    assert_eq!(r.body["error"], "Invalid Principal ID format");

    // Deleting a user needs users:delete: refused to the helpdesk admin, nothing changes.
    let body = json!({ "tenant_id": ACME, "user_id": user });
    let del = format!("/authsec/uflow/user/enduser/delete_all/{ACME}/{user}");
    let r = s
        .expect_call(
            "DELETE",
            &del,
            Some(&helpdesk),
            Some(body),
            StatusCode::FORBIDDEN,
        )
        .await;
    assert_eq!(r.body["error"], "insufficient_scope");
    assert!(s.state.db().users.contains_key(&user));
    s.expect_delete(
        &format!("/authsec/uflow/admin/users/{admin_id}"),
        &helpdesk,
        StatusCode::FORBIDDEN,
    )
    .await;
}

/// `--access-rows N` (the access benchmark): N more roles, N more groups and a group of N
/// members, each listed as the usual ones.
#[tokio::test]
async fn access_rows_seed_that_many_roles_groups_and_members() {
    let (s, t) = signed_in(
        &["--access-rows", "30", "--users", "20"],
        "admin@acme.test",
        "acme",
    )
    .await;
    let roles = s.expect_get(ROLES, &t, StatusCode::OK).await.body;
    let named = |v: &Value, prefix: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["name"].as_str().unwrap().starts_with(prefix))
            .count()
    };
    assert_eq!(named(&roles, "role-"), 30);
    let body = json!({ "tenant_id": ACME });
    let groups = s
        .expect_post("/authsec/uflow/admin/groups/list", &t, body, StatusCode::OK)
        .await
        .body["groups"]
        .clone();
    let group_names: Vec<Value> = groups
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].clone())
        .collect();
    assert_eq!(named(&Value::Array(group_names), "team-"), 30);
    let everyone = row(&groups, "/group/name", "Everyone (benchmark)");
    assert_eq!(
        everyone["users"].as_array().unwrap().len(),
        20,
        "every end user"
    );
}
