//! The sign-in form: validation before sending, server errors as sentences
//! with the input kept, and the authenticator-code step.

use super::support::*;
use authsec_console::api::Api;
use authsec_console::auth::{AuthContext, Session};
use authsec_console::components::Toasts;
use authsec_console::pages::login::SignIn;
use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use wasm_bindgen_test::wasm_bindgen_test;

type Signed = Arc<Mutex<Option<Session>>>;

fn mount_sign_in(script: &Script) -> (web_sys::HtmlElement, Signed, impl Drop) {
    let signed: Signed = Arc::default();
    let out = signed.clone();
    let transport = script.transport();
    let (root, handle) = mount(move || {
        let auth = AuthContext::provide();
        Api::provide_with(config(), auth, transport);
        Toasts::provide();
        let done = Callback::new(move |s: Session| *out.lock().unwrap() = Some(s));
        view! { <SignIn title="Sign in" on_signed_in=done /> }
    });
    (root, signed, handle)
}

/// AuthSec's `LoginResponse` for an account whose factor is TOTP (uflow.login.json).
const PASSWORD_OK_TOTP: &str = r#"{"tenant_id":"t-acme","tenant_domain":"acme","email":"admin@acme.test",
  "first_login":false,"otp_required":false,"mfa_required":true,"mfa_method":"totp","methods":["totp"]}"#;

#[wasm_bindgen_test]
async fn fields_are_checked_before_anything_is_sent() {
    let script = Script::default();
    let (root, _signed, _h) = mount_sign_in(&script);
    until("form", || has_field(&root, "Email")).await;
    assert_eq!(
        field(&root, "Workspace").value(),
        "acme",
        "prefilled from config.json"
    );
    type_into(&field(&root, "Email"), "not-an-email");
    button(&root, "Sign in").click();
    until("field errors", || {
        text(&root).contains("Enter your password.")
    })
    .await;
    assert!(text(&root).contains("Enter an email address like name@example.com."));
    assert_eq!(
        field(&root, "Email")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(
        script.log.borrow().is_empty(),
        "nothing may be sent while fields are invalid"
    );
}

#[wasm_bindgen_test]
async fn server_refusal_reads_as_a_sentence_and_keeps_input() {
    let script = Script::default();
    script.answer("/uflow/login", 401, r#"{"error":"Invalid credentials"}"#).answer(
        "/auth/admin/login",
        401,
        r#"{"error":"Invalid credentials for this tenant","hint":"User not found. Ensure you are using the correct tenant domain."}"#,
    );
    let (root, signed, _h) = mount_sign_in(&script);
    until("form", || has_field(&root, "Email")).await;
    type_into(&field(&root, "Email"), "admin@acme.test");
    type_into(&field(&root, "Password"), "wrong-password");
    button(&root, "Sign in").click();
    until("alert", || alert_text(&root).is_some()).await;
    assert!(alert_text(&root)
        .unwrap()
        .contains("email or password is not right"));
    assert_eq!(field(&root, "Email").value(), "admin@acme.test");
    assert_eq!(field(&root, "Password").value(), "wrong-password");
    assert!(signed.lock().unwrap().is_none());
    let sent = script.requests_to("/uflow/login");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].bearer.is_none(), "sign-in rows carry no token");
    assert_eq!(
        script.requests_to("/auth/admin/login").len(),
        1,
        "an invited admin's route was tried too"
    );
}

#[wasm_bindgen_test]
async fn an_invited_admin_signs_in_through_their_own_route() {
    let script = Script::default();
    let token = jwt("second@acme.test");
    script
        .answer("/uflow/login", 401, r#"{"error":"Invalid credentials"}"#)
        .answer(
            "/auth/admin/login",
            200,
            &format!(
                r#"{{"email":"second@acme.test","first_login":true,"methods":null,"mfa_method":"","mfa_required":false,"otp_required":false,"tenant_domain":"acme","tenant_id":"t-acme","token":"{token}"}}"#
            ),
        )
        .answer("/admin/me/roles-permissions", 200, "{}");
    let (root, signed, _h) = mount_sign_in(&script);
    until("form", || has_field(&root, "Email")).await;
    type_into(&field(&root, "Email"), "second@acme.test");
    type_into(&field(&root, "Password"), "Temporary-Pass-1");
    button(&root, "Sign in").click();
    until("signed in", || signed.lock().unwrap().is_some()).await;
    let session = signed.lock().unwrap().clone().unwrap();
    assert!(session.is_invited() && session.is_admin());
    assert!(
        script.requests_to("/totp/").is_empty(),
        "AuthSec checks no factor for invited admins, and none is enrolled"
    );
}

#[wasm_bindgen_test]
async fn wrong_code_clears_the_field_and_a_right_one_signs_in() {
    let script = Script::default();
    let token = jwt("admin@acme.test");
    script
        .answer("/uflow/login", 200, PASSWORD_OK_TOTP)
        .answer("/mfa/loginStatus", 200, TOTP_ON)
        .answer("/totp/verifyLogin", 400, r#"{"error":"invalid TOTP code"}"#)
        .answer(
            "/totp/verifyLogin",
            200,
            r#"{"success":true,"message":"TOTP code valid","method":"totp","tenant_id":"t-acme","email":"admin@acme.test"}"#,
        )
        .answer(
            "/login/webauthn-callback",
            200,
            &format!(r#"{{"access_token":"{token}","token_type":"Bearer","expires_in":86400}}"#),
        )
        .answer("/admin/me/roles-permissions", 200, r#"{"roles":["admin"]}"#);
    let (root, signed, _h) = mount_sign_in(&script);
    until("form", || has_field(&root, "Email")).await;
    type_into(&field(&root, "Email"), "admin@acme.test");
    type_into(&field(&root, "Password"), "Sandbox-Demo-1");
    button(&root, "Sign in").click();
    until("second step", || {
        text(&root).contains("Two-factor authentication")
    })
    .await;

    // Six digits pasted with a space submit by themselves.
    type_into(&field(&root, "Authentication code"), "123 456");
    until("wrong-code alert", || {
        alert_text(&root).is_some_and(|t| t.contains("not right"))
    })
    .await;
    assert_eq!(
        field(&root, "Authentication code").value(),
        "",
        "the field is cleared for another try"
    );
    assert_eq!(
        script.requests_to("/totp/verifyLogin")[0]
            .body
            .as_deref()
            .map(|b| b.contains(r#""code":"123456""#)),
        Some(true)
    );

    type_into(&field(&root, "Authentication code"), "654321");
    until("signed in", || signed.lock().unwrap().is_some()).await;
    let session = signed.lock().unwrap().clone().unwrap();
    assert_eq!(session.email(), "admin@acme.test", "read from email_id");
    assert!(session.is_admin(), "the admin probe answered 200");
    let callback = script.requests_to("/login/webauthn-callback")[0]
        .body
        .clone()
        .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&callback).unwrap(),
        serde_json::json!({"email":"admin@acme.test","mfa_verified":true,"tenant_id":"t-acme"})
    );
    let probe = script.requests_to("/admin/me/roles-permissions");
    assert_eq!(probe.len(), 1);
    assert_eq!(probe[0].bearer.as_deref(), Some(token.as_str()));
}

#[wasm_bindgen_test]
async fn an_account_the_admin_probe_refuses_signs_in_as_an_end_user() {
    let script = Script::default();
    script.totp_sign_in("user@acme.test", &jwt("user@acme.test"), false);
    let (root, signed, _h) = mount_sign_in(&script);
    until("form", || has_field(&root, "Email")).await;
    type_into(&field(&root, "Email"), "user@acme.test");
    type_into(&field(&root, "Password"), "Sandbox-Demo-1");
    button(&root, "Sign in").click();
    enter_code(&root).await;
    until("signed in", || signed.lock().unwrap().is_some()).await;
    assert!(!signed.lock().unwrap().as_ref().unwrap().is_admin());
}

#[wasm_bindgen_test]
async fn backup_code_is_offered_instead() {
    let script = Script::default();
    script
        .answer("/uflow/login", 200, PASSWORD_OK_TOTP)
        .answer("/mfa/loginStatus", 200, TOTP_ON)
        .answer("/totp/verifyLogin", 400, r#"{"error":"invalid TOTP code"}"#);
    let (root, _signed, _h) = mount_sign_in(&script);
    until("form", || has_field(&root, "Email")).await;
    type_into(&field(&root, "Email"), "admin@acme.test");
    type_into(&field(&root, "Password"), "pw");
    button(&root, "Sign in").click();
    until("second step", || has_field(&root, "Authentication code")).await;
    button(&root, "Use a backup code instead").click();
    until("backup field", || has_field(&root, "Backup code")).await;
    type_into(&field(&root, "Backup code"), "abcd-efgh");
    button(&root, "Verify").click();
    until("alert", || {
        alert_text(&root).is_some_and(|t| t.contains("backup code"))
    })
    .await;
    let body = script.requests_to("/totp/verifyLogin")[0]
        .body
        .clone()
        .unwrap();
    // AuthSec reads a backup code only from `code`.
    assert!(body.contains(r#""code":"abcd-efgh""#), "{body}");
    assert!(!body.contains("backup_code"), "{body}");
}

/// Mounts the sign-in behind a switch that takes it away (Back, the dialog closed). The
/// page's callback lives inside, as `LoginPage`'s does, so it goes with it.
fn mount_removable(
    script: &Script,
) -> (web_sys::HtmlElement, AuthContext, RwSignal<bool>, impl Drop) {
    let shown = RwSignal::new(true);
    let auth_out = Arc::new(Mutex::new(None::<AuthContext>));
    let out = auth_out.clone();
    let transport = script.transport();
    let (root, handle) = mount(move || {
        let auth = AuthContext::provide();
        *out.lock().unwrap() = Some(auth);
        Api::provide_with(config(), auth, transport);
        Toasts::provide();
        view! {
            <Show when=move || {
                shown.get()
            }>
                {
                    let done = Callback::new(|_: Session| ());
                    view! { <SignIn title="Sign in" on_signed_in=done /> }
                }
            </Show>
        }
    });
    let auth = auth_out.lock().unwrap().unwrap();
    (root, auth, shown, handle)
}

async fn up_to_the_code(root: &web_sys::HtmlElement) {
    until("form", || has_field(root, "Email")).await;
    type_into(&field(root, "Email"), "admin@acme.test");
    type_into(&field(root, "Password"), "Sandbox-Demo-1");
    button(root, "Sign in").click();
    enter_code(root).await;
}

/// Signs in up to the code, waits until the code is on its way (held), then takes
/// the form away.
async fn code_sent_then_form_removed(
    root: &web_sys::HtmlElement,
    script: &Script,
    shown: RwSignal<bool>,
) {
    up_to_the_code(root).await;
    until("code sent", || {
        !script.requests_to("/totp/verifyLogin").is_empty()
    })
    .await;
    shown.set(false);
    until("form gone", || !has_field(root, "Authentication code")).await;
}

#[wasm_bindgen_test]
async fn a_sign_in_whose_form_went_away_meanwhile_still_signs_in() {
    let script = Script::default();
    script.totp_sign_in("admin@acme.test", &jwt("admin@acme.test"), true);
    let gate = script.hold("/totp/verifyLogin");
    let (root, auth, shown, _h) = mount_removable(&script);
    code_sent_then_form_removed(&root, &script, shown).await;
    let _ = gate.send(());
    until("signed in", || auth.is_signed_in()).await;
    assert_eq!(auth.email().as_deref(), Some("admin@acme.test"));
}

#[wasm_bindgen_test]
async fn a_refused_code_for_a_step_that_went_away_is_dropped_quietly() {
    let script = Script::default();
    script
        .answer("/uflow/login", 200, PASSWORD_OK_TOTP)
        .answer("/mfa/loginStatus", 200, TOTP_ON)
        .answer("/totp/verifyLogin", 400, r#"{"error":"invalid TOTP code"}"#);
    let gate = script.hold("/totp/verifyLogin");
    let (root, auth, shown, _h) = mount_removable(&script);
    code_sent_then_form_removed(&root, &script, shown).await;
    // The refusal arrives for a step that is gone: it used to focus the step's field
    // (a disposed NodeRef) and panic. Now nothing happens.
    let _ = gate.send(());
    settle().await;
    assert!(text(&root).trim().is_empty());
    assert!(!auth.is_signed_in());
    assert_eq!(
        script.requests_to("/totp/verifyLogin").len(),
        1,
        "not sent again"
    );
}
