//! The client list and form in a real DOM: filter → URL → request, a stale
//! answer never overwriting a fresh one, the optimistic toggle rolling back,
//! and the secret shown once.

use super::support::*;
use authsec_console::pages::clients::new::NewClientPage;
use authsec_console::pages::clients::ClientsPage;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

fn page(names: &[&str], total: u64) -> String {
    let clients: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            serde_json::json!({"id": format!("id-{n}"), "client_id": format!("cid-{i}"), "tenant_id": "t-acme", "name": n,
                "email": "a@acme.test", "status": "Active", "active": true, "tags": ["prod"], "client_type": "public",
                "created_at": "2026-01-01T00:00:00Z"})
        })
        .collect();
    serde_json::json!({"clients": clients, "pagination": {"page": 1, "limit": 25, "total": total, "total_pages": 1}}).to_string()
}

#[wasm_bindgen_test]
async fn typing_a_filter_updates_the_url_and_asks_the_server() {
    let script = Script::default();
    script
        .answer("/getClients", 200, &page(&["Billing", "Checkout"], 2))
        .answer("/getClients", 200, &page(&["Billing"], 1));
    let (root, _g) = mount_admin(&script, || view! { <ClientsPage /> }.into_any());
    until("first page", || rows(&root).len() == 2).await;

    type_into(&field(&root, "Name"), "bill");
    until("filtered page", || rows(&root).len() == 1).await;
    assert!(
        current_url().contains("name=bill"),
        "the filter is in the URL: {}",
        current_url()
    );
    let calls = script.requests_to("/getClients");
    assert_eq!(calls.len(), 2, "one request for the whole burst of typing");
    assert!(
        calls[1].url.contains("name=bill") && calls[1].url.contains("page=1"),
        "{}",
        calls[1].url
    );
    assert!(text(&root).contains("1–1 of 1"));
}

#[wasm_bindgen_test]
async fn a_slow_stale_answer_never_overwrites_a_fresh_one() {
    let script = Script::default();
    script
        .answer("/getClients", 200, &page(&["Alpha"], 1))
        .answer("name=old", 200, &page(&["Stale answer"], 1))
        .answer("name=new", 200, &page(&["Fresh answer"], 1));
    let release_stale = script.hold("name=old");
    let (root, _g) = mount_admin(&script, || view! { <ClientsPage /> }.into_any());
    until("first page", || text(&root).contains("Alpha")).await;

    let name = field(&root, "Name");
    type_into(&name, "old");
    until("stale request sent", || {
        script.requests_to("name=old").len() == 1
    })
    .await;
    type_into(&name, "new");
    until(
        "fresh request sent while the stale one is in flight",
        || script.requests_to("name=new").len() == 1,
    )
    .await;
    until("fresh rows", || text(&root).contains("Fresh answer")).await;
    let _ = release_stale.send(());
    for _ in 0..20 {
        leptos::task::tick().await;
    }
    assert!(text(&root).contains("Fresh answer"));
    assert!(
        !text(&root).contains("Stale answer"),
        "the late answer was dropped"
    );
}

#[wasm_bindgen_test]
async fn a_refused_deactivation_rolls_back_with_a_message() {
    let script = Script::default();
    script
        .answer("/getClients", 200, &page(&["Billing"], 1))
        .answer("/deactivate", 403, r#"{"error":"Client is locked"}"#);
    let release = script.hold("/deactivate");
    let (root, _g) = mount_admin(&script, || view! { <ClientsPage /> }.into_any());
    until("row", || rows(&root).len() == 1).await;

    labelled_button(&root, "Deactivate Billing").click();
    until("optimistic", || rows(&root)[0].contains("Inactive")).await;
    let _ = release.send(());
    until("rolled back", || {
        rows(&root)[0].contains("Active") && !rows(&root)[0].contains("Inactive")
    })
    .await;
    assert!(
        text(&root).contains("Could not deactivate Billing: Client is locked"),
        "{}",
        text(&root)
    );
}

#[wasm_bindgen_test]
async fn the_secret_is_shown_once_and_closes_only_when_stored() {
    let script = Script::default();
    script
        // The clients of that name before the first create (api::unsure): none.
        .answer("/getClients", 200, &page(&[], 1))
        .answer("/create", 422, r#"{"error":"Validation failed","details":{"email":"email already used"}}"#)
        .answer("/create", 201, r#"{"id":"c-9","client_id":"cid-9","tenant_id":"t-acme","name":"Billing","email":"b@acme.test",
            "active":true,"secret_id":"sek-123-very-secret","created_at":"2026-01-01T00:00:00Z","message":"ok"}"#);
    let (root, _g) = mount_admin(&script, || view! { <NewClientPage /> }.into_any());

    button(&root, "Create client").click();
    until("client-side errors", || {
        text(&root).contains("Enter a name.")
    })
    .await;
    assert!(
        script.requests_to("/create").is_empty(),
        "nothing is sent while fields are invalid"
    );

    type_into(&field(&root, "Name"), "Billing");
    type_into(&field(&root, "Email"), "b@acme.test");
    button(&root, "Create client").click();
    until("server field error", || {
        text(&root).contains("email already used")
    })
    .await;
    assert_eq!(
        field(&root, "Name").value(),
        "Billing",
        "typed values survive the failure"
    );

    button(&root, "Create client").click();
    until("secret dialog", || {
        root.query_selector("dialog[open]").unwrap().is_some()
    })
    .await;
    let dialog = root.query_selector("dialog[open]").unwrap().unwrap();
    let secret: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(
        dialog.query_selector("input[readonly]").unwrap().unwrap(),
    );
    assert_eq!(secret.value(), "sek-123-very-secret");
    assert!(text(&dialog).contains("only time the secret is shown"));

    // Escape does not dismiss it.
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    dialog
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("cancel", &init).unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert!(
        root.query_selector("dialog[open]").unwrap().is_some(),
        "Escape keeps the secret dialog open"
    );

    button(&dialog, "I have stored it").click();
    until("dialog closed", || {
        root.query_selector("dialog[open]").unwrap().is_none()
    })
    .await;
    assert!(
        !root.inner_html().contains("sek-123-very-secret"),
        "the secret is gone from the page"
    );
    assert_eq!(current_url(), "/clients/c-9");
}

#[wasm_bindgen_test]
async fn while_the_list_loads_a_status_says_so_in_words() {
    let script = Script::default();
    script.answer("/getClients", 200, &page(&["Billing"], 1));
    let gate = script.hold("/getClients");
    let (root, _g) = mount_admin(&script, || view! { <ClientsPage /> }.into_any());
    until("the loading status", || {
        root.query_selector(".skeleton-table[role=status]")
            .unwrap()
            .is_some()
    })
    .await;
    let status = root.query_selector(".skeleton-table").unwrap().unwrap();
    assert_eq!(
        status.text_content().unwrap_or_default().trim(),
        "Loading clients"
    );
    // An aria-label on a div without a role is what axe refuses.
    assert_eq!(status.get_attribute("aria-label"), None);
    let _ = gate.send(());
    until("rows", || rows(&root).len() == 1).await;
    assert!(root.query_selector(".skeleton-table").unwrap().is_none());
}
