//! The application wizard in a real DOM: Next is held by a step's errors,
//! Back and forward keep every value, the review masks secrets, and the client
//! secret is shown once and closes only via "I have stored it". Also the API
//! key shown once.

use super::support::*;
use authsec_console::api::retry::Method;
use authsec_console::pages::api_keys::ApiKeysPage;
use authsec_console::pages::apps::new::NewAppPage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn heading_text(root: &web_sys::Element) -> String {
    root.query_selector("section.card h2")
        .unwrap()
        .map(|h| h.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn checkbox(root: &web_sys::Element, label: &str) -> web_sys::HtmlInputElement {
    let labels = root.query_selector_all("label.check").unwrap();
    for i in 0..labels.length() {
        let l: web_sys::Element = labels.item(i).unwrap().unchecked_into();
        if l.text_content().unwrap_or_default().trim() == label {
            return l.query_selector("input").unwrap().unwrap().unchecked_into();
        }
    }
    panic!("no checkbox {label}");
}

#[wasm_bindgen_test]
async fn steps_hold_on_errors_and_keep_values_both_ways() {
    let script = Script::default();
    // The applications of that name before the create (api::unsure): none.
    script.answer("/authsec/apps/", 200, r#"{"result":[]}"#).answer(
        "/authsec/apps/",
        201,
        r#"{"result":{"app_id":"a-1","app_name":"Portal","client_secret":"s3cr3t-shown-once-1234567890"}}"#,
    );
    let (root, _g) = mount_admin(&script, || view! { <NewAppPage /> }.into_any());
    until("step 1", || heading_text(&root).contains("Step 1 of 5")).await;
    button(&root, "Next").click();
    until("name message", || text(&root).contains("Enter the name.")).await;
    assert!(
        heading_text(&root).contains("Step 1 of 5"),
        "held on step 1"
    );

    type_into(&field(&root, "Name"), "Portal");
    assert_eq!(field(&root, "Name").value(), "Portal");
    button(&root, "Next").click();
    until("step 2", || heading_text(&root).contains("Step 2 of 5")).await;
    button(&root, "Back").click();
    until("step 1", || heading_text(&root).contains("Step 1 of 5")).await;
    assert_eq!(field(&root, "Name").value(), "Portal", "back from step 2");
    button(&root, "Next").click();
    until("step 2", || heading_text(&root).contains("Step 2 of 5")).await;
    button(&root, "Next").click();
    until("step 3", || heading_text(&root).contains("Step 3 of 5")).await;
    let google = checkbox(&root, "Google");
    google.click();
    until("google fields", || has_field(&root, "Google client ID")).await;
    type_into(&field(&root, "Google client ID"), "g-id");
    type_into(&field(&root, "Google client secret"), "g-secret-value");
    button(&root, "Next").click();
    until("step 4", || heading_text(&root).contains("Step 4 of 5")).await;
    type_into(&field(&root, "Subdomain"), "portal");

    // Back twice, then forward: everything typed is still there.
    button(&root, "Back").click();
    until("step 3 again", || {
        heading_text(&root).contains("Step 3 of 5")
    })
    .await;
    assert_eq!(field(&root, "Google client ID").value(), "g-id");
    // The secret is kept in memory, never written back into the page.
    let secret = field(&root, "Google client secret");
    assert_eq!(secret.value(), "");
    assert_eq!(secret.placeholder(), "Kept: type to replace");
    assert!(!root.inner_html().contains("g-secret-value"));
    button(&root, "Back").click();
    button(&root, "Back").click();
    until("step 1 again", || {
        heading_text(&root).contains("Step 1 of 5")
    })
    .await;
    assert_eq!(
        field(&root, "Name").value(),
        "Portal",
        "{}",
        root.inner_html()
    );
    for n in 2..=4 {
        button(&root, "Next").click();
        let want = format!("Step {n} of 5");
        until("forward", || heading_text(&root).contains(&want)).await;
    }
    assert_eq!(field(&root, "Subdomain").value(), "portal");
    button(&root, "Next").click();
    until("review", || heading_text(&root).contains("Review")).await;
    let t = text(&root);
    assert!(
        t.contains("Name: Portal") && t.contains("Subdomain: portal"),
        "{t}"
    );
    assert!(
        t.contains("Google client secret: ••••••••") && !t.contains("g-secret-value"),
        "{t}"
    );
    assert!(script.log.borrow().is_empty(), "nothing sent before Create");

    button(&root, "Create application").click();
    until("secret dialog", || text(&root).contains("I have stored it")).await;
    // One create (after the look for applications of that name, api::unsure).
    let sent: Vec<_> = script
        .requests_to("/authsec/apps/")
        .into_iter()
        .filter(|r| r.method == Method::Post)
        .collect();
    assert_eq!(sent.len(), 1);
    let body: serde_json::Value = serde_json::from_str(sent[0].body.as_deref().unwrap()).unwrap();
    assert_eq!(body["first_client"]["name"], "Portal");
    assert_eq!(
        body["login_preferences"]["auth_methods"]["google"]["clientSecret"],
        "g-secret-value"
    );
    let input: web_sys::HtmlInputElement = root
        .query_selector("dialog input[readonly]")
        .unwrap()
        .or_else(|| document().query_selector("dialog input[readonly]").unwrap())
        .expect("the secret field")
        .unchecked_into();
    assert_eq!(input.value(), "s3cr3t-shown-once-1234567890");
}

#[wasm_bindgen_test]
async fn an_api_key_is_shown_once() {
    let script = Script::default();
    script
        .answer("/api-keys/scopes", 200, r#"{"scopes":["clients:read","users:read"],"tenants":[]}"#)
        .answer("/api-keys", 200, r#"{"api_keys":[]}"#)
        // The keys of that name before the create (api::unsure): none.
        .answer("/api-keys", 200, r#"{"api_keys":[]}"#)
        .answer("/api-keys", 200, r#"{"key_id":"k1","name":"CI","scopes":["users:read"],"is_active":true,"api_key":"ask_live_abcdef123456"}"#)
        .answer("/api-keys", 200, r#"{"api_keys":[{"key_id":"k1","name":"CI","scopes":["users:read"],"is_active":true,"created_at":"2026-01-01T00:00:00Z"}]}"#);
    let (root, _g) = mount_admin(&script, || view! { <ApiKeysPage /> }.into_any());
    until("empty list", || text(&root).contains("No API keys yet.")).await;
    button(&root, "New API key").click();
    until("scopes", || text(&root).contains("users:read")).await;
    type_into(&field(&root, "Name"), "CI");
    checkbox(&root, "users:read").click();
    button(&root, "Create key").click();
    until("key shown", || {
        document()
            .query_selector("dialog input[readonly]")
            .unwrap()
            .is_some_and(|i| {
                i.unchecked_into::<web_sys::HtmlInputElement>().value() == "ask_live_abcdef123456"
            })
    })
    .await;
    let posted = script.requests_to("\"scopes\":[\"users:read\"]");
    assert_eq!(posted.len(), 1, "one create with the picked scope");
    button(&root, "I have stored it").click();
    until("list shows the key", || {
        text(&root).contains("CI") && !text(&root).contains("I have stored it")
    })
    .await;
    assert!(
        !root.inner_html().contains("ask_live_abcdef123456"),
        "the key is gone from the page"
    );
}
