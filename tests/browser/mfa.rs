//! The authenticator-app setup in a real DOM, on AuthSec's login-setup rows: its steps,
//! cancel at each one, a wrong code (cleared, focused, still on the step), submit on the
//! sixth digit with the secret echoed back, the QR code's module count, and the codes'
//! acknowledgement.

use super::support::*;
use authsec_console::api::mfa::Account;
use authsec_console::components::TotpSetup;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const URI: &str = "otpauth://totp/AuthSec:ada%40acme.test?secret=JBSWY3DPEHPK3PXP&issuer=AuthSec&algorithm=SHA1&digits=6&period=30";

fn begun() -> String {
    serde_json::json!({"secret": "JBSWY3DPEHPK3PXP", "qr_code": "iVBOR", "manual_entry": "JBSWY3DPEHPK3PXP",
        "issuer": "AuthSec", "account": "ada@acme.test", "otp_auth_url": URI})
    .to_string()
}

fn confirmed() -> String {
    let codes: Vec<String> = (0..10).map(|i| format!("ABCD-{i:04}")).collect();
    serde_json::json!({"success": true, "message": "TOTP enabled successfully", "backup_codes": codes})
        .to_string()
}

fn ada() -> Account {
    Account {
        email: "ada@acme.test".into(),
        tenant_id: "t-acme".into(),
        ..Default::default()
    }
}

thread_local! {
    static CLOSED: Cell<Option<bool>> = const { Cell::new(None) };
}

fn mount_setup(script: &Script) -> (web_sys::HtmlElement, impl Drop) {
    CLOSED.with(|c| c.set(None));
    mount_admin(script, || {
        view! {
            <TotpSetup
                account=ada()
                on_close=Callback::new(|done: bool| CLOSED.with(|c| c.set(Some(done))))
            />
        }
        .into_any()
    })
}

fn closed() -> Option<bool> {
    CLOSED.with(Cell::get)
}

async fn to_scan(root: &web_sys::HtmlElement, script: &Script) {
    until("scan step", || text(root).contains("Scan this code")).await;
    let begin = script.requests_to("/totp/beginLoginSetup");
    assert_eq!(begin.len(), 1, "one begin, on opening");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(begin[0].body.as_deref().unwrap()).unwrap(),
        serde_json::json!({"email": "ada@acme.test", "tenant_id": "t-acme"})
    );
}

#[wasm_bindgen_test]
async fn the_steps_a_wrong_code_and_submit_on_the_sixth_digit() {
    let script = Script::default();
    script
        .answer("/totp/beginLoginSetup", 200, &begun())
        .answer(
            "/totp/confirmLoginSetup",
            400,
            r#"{"error":"invalid TOTP code"}"#,
        )
        .answer("/totp/confirmLoginSetup", 200, &confirmed());
    let (root, _g) = mount_setup(&script);
    to_scan(&root, &script).await;

    // The QR code is drawn here, with the module count of version 7.
    let qr = root.query_selector(".qr").unwrap().expect("a QR code");
    assert_eq!(qr.get_attribute("data-modules").as_deref(), Some("45"));
    let svg = qr.query_selector("svg").unwrap().expect("an svg");
    assert_eq!(
        svg.get_attribute("viewBox").as_deref(),
        Some("0 0 53 53"),
        "45 modules + the quiet zone"
    );
    assert!(
        text(&root).contains("JBSW Y3DP EHPK 3PXP"),
        "the key in groups of four"
    );
    let link = root
        .query_selector("a[href^='otpauth:']")
        .unwrap()
        .expect("the URI as a link for phones");
    assert_eq!(link.get_attribute("href").as_deref(), Some(URI));

    button(&root, "Next").click();
    until("verify step", || {
        has_field(&root, "6-digit code from the app")
    })
    .await;
    let code = field(&root, "6-digit code from the app");
    assert_eq!(code.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(
        code.get_attribute("autocomplete").as_deref(),
        Some("one-time-code")
    );
    type_into(&code, "12345");
    for _ in 0..5 {
        leptos::task::tick().await;
    }
    assert!(
        script.requests_to("/totp/confirmLoginSetup").is_empty(),
        "five digits are not sent"
    );
    type_into(&code, "123 456");
    until("wrong code said", || {
        text(&root).contains("That code is not right")
    })
    .await;
    let sent = script.requests_to("/totp/confirmLoginSetup");
    assert_eq!(sent.len(), 1, "sent on the sixth digit, without a click");
    let body: serde_json::Value = serde_json::from_str(sent[0].body.as_deref().unwrap()).unwrap();
    assert_eq!(body["code"], "123456");
    assert_eq!(
        body["secret"], "JBSWY3DPEHPK3PXP",
        "the secret goes back to be stored"
    );
    let code = field(&root, "6-digit code from the app");
    until("field cleared", || code.value().is_empty()).await;
    let focused = document()
        .active_element()
        .map(|e| e.unchecked_into::<web_sys::HtmlElement>());
    assert_eq!(
        focused.map(|e| e.id()),
        Some("totp-code".to_string()),
        "focus is back on the field"
    );

    type_into(&code, "654321");
    until("codes step", || text(&root).contains("ABCD-0009")).await;
    let done = button(&root, "Done");
    assert!(
        done.has_attribute("disabled"),
        "Done waits for the acknowledgement"
    );
    let ack: web_sys::HtmlInputElement = root
        .query_selector("input[type=checkbox]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    ack.click();
    until("Done enabled", || {
        !button(&root, "Done").has_attribute("disabled")
    })
    .await;
    button(&root, "Done").click();
    until("closed", || closed().is_some()).await;
    assert_eq!(closed(), Some(true));
}

#[wasm_bindgen_test]
async fn cancel_at_each_step_stores_nothing() {
    for at_verify in [false, true] {
        let script = Script::default();
        script.answer("/totp/beginLoginSetup", 200, &begun());
        let (root, g) = mount_setup(&script);
        to_scan(&root, &script).await;
        if at_verify {
            button(&root, "Next").click();
            until("verify step", || {
                has_field(&root, "6-digit code from the app")
            })
            .await;
        }
        button(&root, "Cancel").click();
        until("closed", || closed().is_some()).await;
        assert_eq!(closed(), Some(false));
        assert_eq!(
            script.log.borrow().len(),
            1,
            "AuthSec stores nothing before the code"
        );
        drop(g);
    }
}

#[wasm_bindgen_test]
async fn a_failed_begin_says_why_and_offers_to_try_again() {
    let script = Script::default();
    script
        .answer(
            "/totp/beginLoginSetup",
            404,
            r#"{"error":"client not found"}"#,
        )
        .answer("/totp/beginLoginSetup", 200, &begun());
    let (root, _g) = mount_setup(&script);
    until("message", || {
        text(&root).contains("The setup could not start.")
    })
    .await;
    button(&root, "Try again").click();
    until("scan step", || text(&root).contains("Scan this code")).await;
}
