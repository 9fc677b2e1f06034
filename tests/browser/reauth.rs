//! A 401 opens "Sign in again" over the page; after it the call is retried
//! and the page fills in, with nothing lost.

use super::support::*;
use authsec_console::api::Api;
use authsec_console::auth::{AuthContext, Session};
use authsec_console::components::Toasts;
use authsec_console::pages::clients::ClientsPage;
use authsec_console::pages::shell::ReauthDialog;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

const CLIENTS: &str = r#"{"clients":[{"id":"c1","client_id":"cli-1","name":"Billing portal","email":"b@acme.test",
  "status":"Active","active":true,"tags":[],"client_type":"public","created_at":"2026-01-01T00:00:00Z"}],
  "pagination":{"page":1,"limit":25,"total":1,"total_pages":1}}"#;

#[wasm_bindgen_test]
async fn expired_session_asks_to_sign_in_again_then_retries() {
    let script = Script::default();
    let old = jwt("plain@acme.test");
    let new = format!("{old}2");
    script
        .answer(
            "/getClients",
            401,
            r#"{"error":"Invalid or expired token"}"#,
        )
        .totp_sign_in("plain@acme.test", &new, true)
        .answer("/getClients", 200, CLIENTS);
    let transport = script.transport();
    let old_token = old.clone();
    let (root, _h) = mount(move || {
        let auth = AuthContext::provide();
        Api::provide_with(config(), auth, transport);
        Toasts::provide();
        auth.sign_in(Session::from_token(&old_token, "acme", true).unwrap());
        view! {
            <leptos_router::components::Router>
                <ClientsPage />
            </leptos_router::components::Router>
            <ReauthDialog />
        }
    });

    until("dialog", || {
        root.query_selector("dialog[open]").unwrap().is_some()
    })
    .await;
    let dialog = root.query_selector("dialog[open]").unwrap().unwrap();
    assert!(text(&dialog).contains("Sign in again"));
    assert!(
        text(&dialog).contains("plain@acme.test"),
        "the same user signs in again"
    );
    assert!(!has_field(&dialog, "Email"), "the email is locked");

    type_into(&field(&dialog, "Password"), "Sandbox-Demo-1");
    button(&dialog, "Sign in").click();
    enter_code(&dialog).await;
    until("list after retry", || {
        text(&root).contains("Billing portal")
    })
    .await;
    assert!(
        root.query_selector("dialog[open]").unwrap().is_none(),
        "the dialog closed"
    );

    let calls = script.requests_to("/getClients");
    assert_eq!(calls.len(), 2, "the refused call was sent again once");
    assert_eq!(calls[0].bearer.as_deref(), Some(old.as_str()));
    assert_eq!(calls[1].bearer.as_deref(), Some(new.as_str()));
}

#[wasm_bindgen_test]
async fn cancelling_the_dialog_signs_out() {
    let held = std::rc::Rc::new(std::cell::Cell::new(None::<AuthContext>));
    let keep = held.clone();
    let script = Script::default();
    script.answer(
        "/getClients",
        401,
        r#"{"error":"Invalid or expired token"}"#,
    );
    let transport = script.transport();
    let (root, _h) = mount(move || {
        let auth = AuthContext::provide();
        keep.set(Some(auth));
        Api::provide_with(config(), auth, transport);
        Toasts::provide();
        auth.sign_in(Session::from_token(&jwt("plain@acme.test"), "acme", true).unwrap());
        view! {
            <leptos_router::components::Router>
                <ClientsPage />
            </leptos_router::components::Router>
            <ReauthDialog />
        }
    });
    until("dialog", || {
        root.query_selector("dialog[open]").unwrap().is_some()
    })
    .await;
    let dialog = root.query_selector("dialog[open]").unwrap().unwrap();
    button(&dialog, "Cancel").click();
    // Signed out (the shell's route then shows the sign-in page, e2e session_end).
    let auth = held.get().expect("mounted");
    until("signed out", || !auth.is_signed_in()).await;
    until("the dialog closed", || {
        root.query_selector("dialog[open]").unwrap().is_none()
    })
    .await;
}
