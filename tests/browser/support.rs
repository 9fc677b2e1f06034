//! Mounting, a scripted transport, and DOM helpers for the browser tests.

use authsec_console::api::transport::{RawRequest, RawResponse, Transport};
use authsec_console::config::Config;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub fn config() -> Config {
    Config::parse(
        r#"{"api_base":"http://api.test","tenant_domain":"acme","app_name":"Test console"}"#,
        "localhost",
    )
    .unwrap()
}

/// An unsigned JWT with AuthSec's console-token claims (authsec-api.md §1.4: `email_id`,
/// no roles; the console only reads them).
pub fn jwt(email: &str) -> String {
    let claims = serde_json::json!({
        "aud": "authsec-api", "client_id": "u-1", "email_id": email, "exp": 4_000_000_000i64,
        "iat": 1, "iss": "authsec-ai/auth-manager", "nbf": 1, "project_id": "t-acme",
        "sub": "u-1", "tenant_id": "t-acme", "token_type": "default", "user_id": "u-1",
    });
    format!(
        "eyJhbGciOiJIUzI1NiJ9.{}.sig",
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

/// Answers requests from a script: the first entry whose fragment occurs in
/// the request URL or body is used (and removed). Logs every request.
/// A request held until its sender fires.
type Gate = (String, futures::channel::oneshot::Receiver<()>);

/// `mfa/loginStatus` for an account with the authenticator app on.
pub const TOTP_ON: &str =
    r#"{"methods":[{"method_type":"totp","enabled":true}],"mfa_required":true}"#;

/// Types a code into the second-factor step once it shows (six digits submit by themselves).
pub async fn enter_code(root: &Element) {
    until("second step", || has_field(root, "Authentication code")).await;
    type_into(&field(root, "Authentication code"), "123456");
}

#[derive(Clone, Default)]
pub struct Script {
    answers: Rc<RefCell<VecDeque<(String, u16, String)>>>,
    gates: Rc<RefCell<Vec<Gate>>>,
    pub log: Rc<RefCell<Vec<RawRequest>>>,
}

impl Script {
    pub fn answer(&self, url_part: &str, status: u16, body: &str) -> &Self {
        self.answers
            .borrow_mut()
            .push_back((url_part.into(), status, body.into()));
        self
    }

    /// AuthSec's answers to a sign-in of `email` with the authenticator app: the password
    /// step, its factors (`mfa/loginStatus`), the code check, the token step with `token`,
    /// and the admin probe (200 for an admin, 403 otherwise). The test types the code
    /// ([`enter_code`]).
    pub fn totp_sign_in(&self, email: &str, token: &str, admin: bool) -> &Self {
        let password_ok = format!(
            r#"{{"tenant_id":"t-acme","tenant_domain":"acme","email":"{email}","first_login":false,"otp_required":false,"mfa_required":true,"mfa_method":"totp","methods":["totp"]}}"#
        );
        self.answer("/uflow/login", 200, &password_ok)
            .answer("/mfa/loginStatus", 200, TOTP_ON)
            .answer(
                "/totp/verifyLogin",
                200,
                r#"{"success":true,"method":"totp"}"#,
            )
            .answer(
                "/login/webauthn-callback",
                200,
                &format!(r#"{{"access_token":"{token}"}}"#),
            )
            .answer(
                "/admin/me/roles-permissions",
                if admin { 200 } else { 403 },
                "{}",
            )
    }

    /// The next request whose URL holds `url_part` waits until the returned
    /// sender fires (or is dropped) before it gets its scripted answer.
    pub fn hold(&self, url_part: &str) -> futures::channel::oneshot::Sender<()> {
        let (tx, rx) = futures::channel::oneshot::channel();
        self.gates.borrow_mut().push((url_part.into(), rx));
        tx
    }

    pub fn transport(&self) -> Transport {
        let this = self.clone();
        Rc::new(move |req: RawRequest| {
            this.log.borrow_mut().push(req.clone());
            let mut answers = this.answers.borrow_mut();
            let found = answers.iter().position(|(part, _, _)| hits(&req, part));
            let (status, body) = match found.and_then(|i| answers.remove(i)) {
                Some((_, s, b)) => (s, b),
                None => (599, format!("no scripted answer for {}", req.url)),
            };
            let mut gates = this.gates.borrow_mut();
            let gate = gates
                .iter()
                .position(|(part, _)| hits(&req, part))
                .map(|i| gates.remove(i).1);
            Box::pin(async move {
                if let Some(g) = gate {
                    let _ = g.await;
                }
                Ok(RawResponse {
                    status,
                    body,
                    retry_after: None,
                })
            })
        })
    }

    pub fn requests_to(&self, url_part: &str) -> Vec<RawRequest> {
        self.log
            .borrow()
            .iter()
            .filter(|r| hits(r, url_part))
            .cloned()
            .collect()
    }
}

/// True when `part` occurs in the request's URL or body.
fn hits(req: &RawRequest, part: &str) -> bool {
    req.url.contains(part) || req.body.as_deref().is_some_and(|b| b.contains(part))
}

/// Mounts `f` signed in as an admin, inside a router with toasts; the guard
/// unmounts and puts the URL back when the test ends.
pub fn mount_admin(script: &Script, f: fn() -> AnyView) -> (HtmlElement, impl Drop) {
    use authsec_console::api::Api;
    use authsec_console::auth::{AuthContext, Session};
    use authsec_console::components::{ToastRegion, Toasts};
    use leptos_router::components::Router;
    reset_url();
    let transport = script.transport();
    let (root, h) = mount(move || {
        let auth = AuthContext::provide();
        Api::provide_with(config(), auth, transport);
        Toasts::provide();
        auth.sign_in(Session::from_token(&jwt("plain@acme.test"), "acme", true).unwrap());
        view! {
            <Router>{f()}</Router>
            <ToastRegion />
        }
    });
    (root, Guard(Some(h)))
}

struct Guard<T>(Option<T>);
impl<T> Drop for Guard<T> {
    fn drop(&mut self) {
        self.0.take();
        reset_url();
    }
}

/// Mounts a view into a fresh element; keep the handle alive while testing.
pub fn mount<F, N>(f: F) -> (HtmlElement, leptos::mount::UnmountHandle<N::State>)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), f);
    (root, handle)
}

/// Waits (bounded) until `cond` holds, yielding to the reactive system.
pub async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..300 {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for: {what}");
}

/// Lets everything already queued run to its end: the answers released before it are
/// handled (a macrotask boundary: every microtask before it has run).
pub async fn settle() {
    leptos::task::tick().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    leptos::task::tick().await;
}

pub fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The input or textarea whose `<label>` reads `label`.
pub fn field(root: &Element, label: &str) -> HtmlInputElement {
    let l = all(root, "label")
        .into_iter()
        .find(|l| l.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no label {label:?} in: {}", text(root)));
    match l.get_attribute("for") {
        Some(id) => document()
            .get_element_by_id(&id)
            .expect("labelled control")
            .unchecked_into(),
        // A label wrapping its control.
        None => l
            .query_selector("input, select, textarea")
            .unwrap()
            .expect("control inside the label")
            .unchecked_into(),
    }
}

pub fn has_field(root: &Element, label: &str) -> bool {
    all(root, "label")
        .iter()
        .any(|l| l.text_content().unwrap_or_default().trim() == label)
}

/// Types a value the way a person does (an `input` event follows).
pub fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

pub fn button(root: &Element, name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button {name:?} in: {}", text(root)))
        .unchecked_into()
}

pub fn links(root: &Element) -> Vec<String> {
    all(root, "nav a")
        .iter()
        .map(|a| a.text_content().unwrap_or_default())
        .collect()
}

/// The current URL's path and query (the router writes filters there).
pub fn current_url() -> String {
    let l = window().location();
    format!(
        "{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    )
}

/// Puts the test page back at `/` so the next test starts clean.
pub fn reset_url() {
    let _ = window().history().unwrap().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some("/"),
    );
}

/// The button whose accessible name (aria-label or text) is `name`.
pub fn labelled_button(root: &Element, name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label").as_deref() == Some(name)
                || b.text_content().unwrap_or_default().trim() == name
        })
        .unwrap_or_else(|| panic!("no button {name:?} in: {}", text(root)))
        .unchecked_into()
}

/// The texts of the table body's rows.
pub fn rows(root: &Element) -> Vec<String> {
    all(root, "table tbody tr")
        .iter()
        .map(|r| r.text_content().unwrap_or_default())
        .collect()
}

pub fn alert_text(root: &Element) -> Option<String> {
    root.query_selector("[role=alert]")
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
}
