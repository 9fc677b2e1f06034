//! The authenticator-app setup in a real DOM: its steps, cancel at each one,
//! a wrong code (cleared, focused, still on the step), submit on the sixth
//! digit, the QR code's module count, and the codes' acknowledgement.

use super::support::*;
use authsec_console::pages::account::totp_setup::TotpSetup;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const URI: &str = "otpauth://totp/AuthSec:ada%40acme.test?secret=JBSWY3DPEHPK3PXP&issuer=AuthSec&algorithm=SHA1&digits=6&period=30";

fn begun() -> String {
    let codes: Vec<String> = (0..10).map(|i| format!("abcd-{i:04}")).collect();
    serde_json::json!({"success": true, "device_id": "dev-1", "secret": "JBSWY3DPEHPK3PXP",
        "qr_code_url": URI, "backup_codes": codes, "message": "ok"})
    .to_string()
}

thread_local! {
    static CLOSED: Cell<Option<bool>> = const { Cell::new(None) };
}

fn mount_setup(script: &Script) -> (web_sys::HtmlElement, impl Drop) {
    CLOSED.with(|c| c.set(None));
    mount_admin(script, || {
        view! { <TotpSetup on_close=Callback::new(|done: bool| CLOSED.with(|c| c.set(Some(done)))) /> }.into_any()
    })
}

fn closed() -> Option<bool> {
    CLOSED.with(Cell::get)
}

async fn to_scan(root: &web_sys::HtmlElement, script: &Script) {
    until("name step", || has_field(root, "Device name")).await;
    button(root, "Continue").click();
    until("scan step", || text(root).contains("Scan this code")).await;
    assert_eq!(script.requests_to("/totp/register").len(), 1);
}

#[wasm_bindgen_test]
async fn the_steps_a_wrong_code_and_submit_on_the_sixth_digit() {
    let script = Script::default();
    script
        .answer("/totp/register", 200, &begun())
        .answer("/totp/confirm", 400, r#"{"error":"invalid TOTP code"}"#)
        .answer(
            "/totp/confirm",
            200,
            r#"{"success":true,"message":"TOTP device confirmed"}"#,
        );
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
        script.requests_to("/totp/confirm").is_empty(),
        "five digits are not sent"
    );
    type_into(&code, "123 456");
    until("wrong code said", || {
        text(&root).contains("That code is not right")
    })
    .await;
    let sent = script.requests_to("/totp/confirm");
    assert_eq!(sent.len(), 1, "sent on the sixth digit, without a click");
    assert!(sent[0]
        .body
        .as_deref()
        .unwrap()
        .contains(r#""totp_code":"123456""#));
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
    until("codes step", || text(&root).contains("abcd-0009")).await;
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
async fn cancel_on_the_first_step_sends_nothing() {
    let script = Script::default();
    let (root, _g) = mount_setup(&script);
    until("name step", || has_field(&root, "Device name")).await;
    button(&root, "Cancel").click();
    until("closed", || closed().is_some()).await;
    assert_eq!(closed(), Some(false));
    assert!(script.log.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn cancel_after_registering_removes_the_unfinished_device() {
    for at_verify in [false, true] {
        let script = Script::default();
        script.answer("/totp/register", 200, &begun()).answer(
            "/totp/devices/delete",
            200,
            r#"{"success":true}"#,
        );
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
        until("device removed", || {
            script.requests_to("/totp/devices/delete").len() == 1
        })
        .await;
        assert!(script.requests_to("/totp/devices/delete")[0]
            .body
            .as_deref()
            .unwrap()
            .contains("dev-1"));
        drop(g);
    }
}

#[wasm_bindgen_test]
async fn an_empty_name_is_refused_at_the_field() {
    let script = Script::default();
    let (root, _g) = mount_setup(&script);
    until("name step", || has_field(&root, "Device name")).await;
    type_into(&field(&root, "Device name"), "  ");
    button(&root, "Continue").click();
    until("message", || text(&root).contains("Give the device a name")).await;
    assert!(script.log.borrow().is_empty());
}
