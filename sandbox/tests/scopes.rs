//! Scopes and API scopes as AuthSec keeps them (authsec-api.md §e.2), quirks included.

#[path = "helpers/support.rs"]
mod support;

use serde_json::{json, Value};
use support::*;

const SCOPES: &str = "/authsec/uflow/admin/scopes";
const API_SCOPES: &str = "/authsec/uflow/admin/api_scopes";

fn find<'a>(list: &'a Value, key: &str, name: &str) -> Option<&'a Value> {
    list.as_array().unwrap().iter().find(|s| s[key] == name)
}

#[tokio::test]
async fn a_scope_without_resources_covers_all_and_an_update_without_any_deletes_it() {
    let (s, t) = signed_in(&["--profile", "authsec"], "admin@acme.test", "acme").await;
    let made = s.post(SCOPES, &t, json!({ "scope_name": "ops" })).await;
    assert_eq!(made.status, 201);
    let maps = s.get(&format!("{SCOPES}/mappings"), &t).await.body;
    assert_eq!(
        find(&maps, "scope_name", "ops").unwrap()["resources"],
        json!(["*"])
    );
    let again = s.post(SCOPES, &t, json!({ "scope_name": "ops" })).await;
    assert_eq!(again.body["error"], "Scope already exists");
    // Names are compared exactly: another case is another scope.
    assert_eq!(
        s.post(SCOPES, &t, json!({ "scope_name": "Ops" }))
            .await
            .status,
        201
    );
    let missing = s.put(&format!("{SCOPES}/ops"), &t, json!({})).await;
    assert_contains(
        &missing.body["error"],
        "'Resources' failed on the 'required' tag",
    );
    let emptied = s
        .put(&format!("{SCOPES}/ops"), &t, json!({ "resources": [] }))
        .await;
    assert_eq!(emptied.status, 200);
    let names = s.get(SCOPES, &t).await.body;
    assert!(
        !names.as_array().unwrap().contains(&json!("ops")),
        "AuthSec deleted it"
    );
    let gone = s.delete(&format!("{SCOPES}/ops"), &t).await;
    assert_eq!(gone.body["error"], "Scope not found");
}

#[tokio::test]
async fn an_api_scope_keeps_its_links_and_description_when_sent_empty() {
    let (s, t) = signed_in(&["--profile", "authsec"], "admin@acme.test", "acme").await;
    let perms = s.get("/authsec/uflow/admin/permissions", &t).await.body;
    let id = |full: &str| find(&perms, "full_permission_string", full).unwrap()["id"].clone();
    let bad = s.post(API_SCOPES, &t, json!({ "name": "files" })).await;
    assert_eq!(
        bad.body["error"],
        "Scope name should be in format 'resource:action' (e.g., 'files:read')"
    );
    let made = s
        .post(API_SCOPES, &t, json!({ "name": "files:read", "description": "Files",
                                        "mapped_permission_ids": [id("users:read"), id("reports:read")] }))
        .await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    assert_eq!(made.body["permissions_linked"], 2);
    let sid = made.body["id"].as_str().unwrap().to_string();
    let taken = s
        .post(API_SCOPES, &t, json!({ "name": "files:read" }))
        .await;
    assert_eq!(taken.status, 409);
    let kept = s
        .put(
            &format!("{API_SCOPES}/{sid}"),
            &t,
            json!({ "description": "", "mapped_permission_ids": [] }),
        )
        .await;
    assert_eq!(kept.body["description"], "Files");
    assert_eq!(kept.body["permissions_linked"], 2);
    // Deleting a permission drops its link (the table cascades).
    let users_read = id("users:read");
    s.delete(
        &format!(
            "/authsec/uflow/admin/permissions/{}",
            users_read.as_str().unwrap()
        ),
        &t,
    )
    .await;
    let one = s.get(&format!("{API_SCOPES}/{sid}"), &t).await.body;
    assert_eq!(one["permission_strings"], json!(["reports:read"]));
    let list = s.get(&format!("{API_SCOPES}?name=FILES"), &t).await.body;
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "a partial, case-blind match"
    );
    assert!(
        list[0].get("permission_ids").is_none(),
        "list rows carry only the count"
    );
    let del = s.delete(&format!("{API_SCOPES}/{sid}"), &t).await;
    assert_eq!(del.body["message"], "API scope deleted successfully");
}
