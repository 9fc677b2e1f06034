//! A workspace's domains, its profile and SCIM tokens as AuthSec keeps them
//! (authsec-api.md §f.1, §f.2, §f.4).

#[path = "helpers/support.rs"]
mod support;

use serde_json::json;
use support::*;

fn domains_path(tenant: &str) -> String {
    format!("/authsec/uflow/admin/tenants/{tenant}/domains")
}

#[tokio::test]
async fn a_domain_is_proven_by_the_zone_file_then_made_primary_and_deleted() {
    let zone = std::env::temp_dir().join(format!("sbx-zone-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&zone);
    let arg: &'static str = Box::leak(zone.display().to_string().into_boxed_str());
    let s = sandbox(&["--profile", "authsec", "--dns-zone", arg]);
    let t = s.login_admin().await;
    let base = domains_path(ACME);

    let made = s
        .post(&base, &t, json!({ "domain": " New.Acme.Example. " }))
        .await;
    assert_eq!(made.status, 201, "{:?}", made.body);
    let d = &made.body["domain"];
    assert_eq!(d["domain"], "new.acme.example");
    assert_eq!(d["is_verified"], false);
    let id = d["id"].as_str().unwrap().to_string();
    let value = d["verification_txt_value"].as_str().unwrap().to_string();
    assert_eq!(
        d["verification_txt_name"],
        "_authsec-challenge.new.acme.example"
    );
    assert!(d["created_at"].as_str().unwrap().ends_with(" +0000 UTC"));
    // Again: the unique index; a wildcard: refused.
    let again = s
        .post(&base, &t, json!({ "domain": "new.acme.example" }))
        .await;
    assert_contains(&again.body["error"], "duplicate key");
    let wild = s
        .post(&base, &t, json!({ "domain": "*.acme.example" }))
        .await;
    assert_eq!(wild.body["error"], "invalid domain format");
    // Another tenant's domain is claimed.
    let theirs = s
        .post(&base, &t, json!({ "domain": "id.globex.test" }))
        .await;
    assert_eq!(
        theirs.body["error"],
        "domain already claimed by another tenant"
    );

    let verify = format!("{base}/{id}/verify");
    let primary = format!("{base}/{id}/set-primary");
    let early = s.post(&primary, &t, json!({})).await;
    assert_eq!(
        early.body["error"],
        "domain must be verified before setting as primary"
    );
    let none = s.post(&verify, &t, json!({})).await;
    assert_eq!(none.status, 400);
    assert_contains(&none.body["details"], "no such host");
    std::fs::write(
        &zone,
        json!({ "_authsec-challenge.new.acme.example": [] }).to_string(),
    )
    .unwrap();
    let empty = s.post(&verify, &t, json!({})).await;
    assert_contains(&empty.body["details"], "No TXT records found");
    std::fs::write(
        &zone,
        json!({ "_authsec-challenge.new.acme.example": [value] }).to_string(),
    )
    .unwrap();
    let ok = s.post(&verify, &t, json!({})).await;
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    assert!(ok.body["domain"]["verified_at"].is_string());
    let twice = s.post(&verify, &t, json!({})).await;
    assert_eq!(twice.body["details"], "domain already verified");

    assert_eq!(s.post(&primary, &t, json!({})).await.status, 200);
    let list = s.get(&base, &t).await.body;
    assert_eq!(
        list["domains"][0]["domain"], "new.acme.example",
        "the primary first"
    );
    assert_eq!(
        row(&list["domains"], "/domain", "login.acme.test")["is_primary"],
        false
    );

    let gone = s.delete(&format!("{base}/{id}"), &t).await;
    assert_eq!(gone.status, 200);
    let list = s.get(&base, &t).await.body;
    assert_eq!(list["count"], 2);
    // No primary is left: AuthSec deletes a primary domain without a word.
    assert!(list["domains"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["is_primary"] == false));
    // Another tenant's path is refused.
    let other = s
        .get(&domains_path("7c2d9e4b-1a3f-4b6c-8d2e-000000910be7"), &t)
        .await;
    assert_eq!(other.status, 403);
    let _ = std::fs::remove_file(&zone);
}

#[tokio::test]
async fn the_tenant_update_saves_nothing_and_a_scim_token_needs_no_client_lookup() {
    let (s, t) = signed_in(&["--profile", "authsec"], "admin@acme.test", "acme").await;
    let put = s
        .put(
            &format!("/authsec/uflow/admin/tenants/{ACME}"),
            &t,
            json!({ "name": "Renamed" }),
        )
        .await;
    assert_eq!(put.body["message"], "Tenant update not implemented yet");
    assert_eq!(put.body["tenant"]["name"], "Renamed");
    let list = s.get("/authsec/uflow/admin/tenants", &t).await.body;
    let acme = list["tenants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == ACME)
        .unwrap();
    assert_eq!(acme["name"], "Acme Corporation", "nothing was saved");

    let path = "/authsec/uflow/admin/scim/generate-token";
    let missing = s.post(path, &t, json!({ "client_id": "x" })).await;
    assert_eq!(
        missing.body["error"],
        "client_id and project_id are required"
    );
    let bad = s
        .post(path, &t, json!({ "client_id": "x", "project_id": ACME }))
        .await;
    assert_eq!(bad.body["error"], "invalid client_id format");
    let any = "0f0e0d0c-0b0a-4908-8706-050403020100";
    let ok = s
        .post(path, &t, json!({ "client_id": any, "project_id": ACME }))
        .await;
    assert_eq!(ok.status, 200);
    assert!(ok.body["base_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/uflow/scim/v2/{any}/{ACME}")));
    assert_eq!(ok.body["expire_at"].as_str().unwrap().len(), 20);
}
