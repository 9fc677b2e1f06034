//! Shared test helpers: build the router from CLI-style args and call it with oneshot.
#![allow(dead_code)]

use authsec_sandbox::{build, AppState, Args};
use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use serde_json::{json, Value};
use totp_rs::{Builder, Secret};
use tower::ServiceExt;

pub const ACME: &str = "3f6b1c2a-8d4e-4f7a-9b1c-0000000ac3e1";
pub const GLOBEX: &str = "7c2d9e4b-1a3f-4b6c-8d2e-000000910be7";
pub const PASSWORD: &str = "Sandbox-Demo-1";
pub const ORIGIN: &str = "http://localhost:8080";

pub struct Sbx {
    pub app: Router,
    pub state: AppState,
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

pub fn sandbox(args: &[&'static str]) -> Sbx {
    let args = Args::from_list(args.iter().copied());
    let (app, state) = build(args).expect("sandbox builds");
    Sbx { app, state }
}

/// A sandbox built from `args`, and the token of a demo admin signed in to it.
pub async fn signed_in(args: &[&'static str], email: &str, tenant_domain: &str) -> (Sbx, String) {
    let s = sandbox(args);
    let token = s.login(email, tenant_domain).await;
    (s, token)
}

/// The current TOTP code for a base32 secret, computed independently with totp-rs.
pub fn totp_now(secret: &str) -> String {
    Builder::new()
        .with_secret(Secret::try_from_base32(secret).unwrap())
        .build()
        .unwrap()
        .generate_current()
        .to_string()
}

impl Sbx {
    /// The id of an acme user, by email.
    pub fn user_id(&self, email: &str) -> uuid::Uuid {
        let db = self.state.db();
        db.user_id_by_email(db.facts.acme_tenant_id, email)
            .expect("seeded user")
    }

    pub async fn send(&self, req: Request<Body>) -> Resp {
        let resp = self.app.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = to_bytes(resp.into_body(), usize::MAX).await.unwrap();
        // JSON, or the first of two objects in one body (AuthSec's reset-password), or text.
        let first_object = || {
            bytes.starts_with(b"{").then(|| {
                serde_json::Deserializer::from_slice(&bytes)
                    .into_iter::<Value>()
                    .next()
                    .and_then(Result::ok)
            })?
        };
        let body = serde_json::from_slice(&bytes)
            .ok()
            .or_else(first_object)
            .unwrap_or_else(|| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        Resp {
            status,
            headers,
            body,
        }
    }

    pub async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Resp {
        let mut b = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri(path)
            .header(
                "user-agent",
                "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36",
            )
            .header("content-type", "application/json");
        if let Some(t) = token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        let body = body
            .map(|v| Body::from(v.to_string()))
            .unwrap_or_else(Body::empty);
        self.send(b.body(body).unwrap()).await
    }

    /// A POST without a token (the sign-in rows).
    pub async fn anon(&self, path: &str, body: Value) -> Resp {
        self.call("POST", path, None, Some(body)).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Resp {
        self.call("GET", path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Resp {
        self.call("POST", path, Some(token), Some(body)).await
    }

    pub async fn put(&self, path: &str, token: &str, body: Value) -> Resp {
        self.call("PUT", path, Some(token), Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Resp {
        self.call("DELETE", path, Some(token), None).await
    }

    /// GET `path` with `token`; asserts the answer's status (the call named if not).
    pub async fn expect_get(&self, path: &str, token: &str, want: StatusCode) -> Resp {
        self.expect_call("GET", path, Some(token), None, want).await
    }

    /// POST `body` to `path` with `token`; asserts the answer's status.
    pub async fn expect_post(
        &self,
        path: &str,
        token: &str,
        body: Value,
        want: StatusCode,
    ) -> Resp {
        self.expect_call("POST", path, Some(token), Some(body), want)
            .await
    }

    /// PUT `body` to `path` with `token`; asserts the answer's status.
    pub async fn expect_put(&self, path: &str, token: &str, body: Value, want: StatusCode) -> Resp {
        self.expect_call("PUT", path, Some(token), Some(body), want)
            .await
    }

    /// DELETE `path` with `token`; asserts the answer's status.
    pub async fn expect_delete(&self, path: &str, token: &str, want: StatusCode) -> Resp {
        self.expect_call("DELETE", path, Some(token), None, want)
            .await
    }

    /// A POST without a token; asserts the answer's status.
    pub async fn expect_anon(&self, path: &str, body: Value, want: StatusCode) -> Resp {
        self.expect_call("POST", path, None, Some(body), want).await
    }

    /// Any call (see [`Sbx::call`]); asserts the answer's status.
    pub async fn expect_call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        want: StatusCode,
    ) -> Resp {
        let r = self.call(method, path, token, body).await;
        assert_eq!(r.status, want, "{method} {path}: {:?}", r.body);
        r
    }

    /// The password step; returns the login answer.
    pub async fn password(&self, email: &str, tenant_domain: &str) -> Resp {
        let body = json!({ "email": email, "password": PASSWORD, "tenant_domain": tenant_domain });
        self.call("POST", "/authsec/uflow/login", None, Some(body))
            .await
    }

    /// The token step, as AuthSec's own console sends it.
    pub async fn callback(&self, email: &str, tenant: &str) -> Resp {
        let body = json!({ "email": email, "tenant_id": tenant, "mfa_verified": true, "flow_context": "admin" });
        self.call(
            "POST",
            "/authsec/uflow/login/webauthn-callback",
            None,
            Some(body),
        )
        .await
    }

    /// The seeded authenticator code of a demo account at sign-in (`path`: the admin's
    /// `/webauthn/totp/verifyLogin` or the end user's `/webauthn/totp/verify`).
    pub async fn demo_code(&self, path: &str, email: &str, tenant: &str) {
        let secret = self.state.db().facts.totp_secret.clone();
        let body = json!({ "email": email, "tenant_id": tenant, "code": totp_now(&secret) });
        let v = self.call("POST", path, None, Some(body)).await;
        assert_eq!(v.status, StatusCode::OK, "{path} for {email}: {:?}", v.body);
    }

    /// Signs in a demo admin (password, the seeded authenticator code) and returns its token.
    pub async fn login(&self, email: &str, tenant_domain: &str) -> String {
        let r = self.password(email, tenant_domain).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let tenant = r.body["tenant_id"].as_str().unwrap().to_string();
        self.demo_code("/authsec/webauthn/totp/verifyLogin", email, &tenant)
            .await;
        let t = self.callback(email, &tenant).await;
        assert_eq!(t.status, StatusCode::OK, "{:?}", t.body);
        t.body["access_token"].as_str().unwrap().to_string()
    }

    /// Signs in a demo end user through AuthSec's end-user routes
    /// (`/uflow/user/login` with the acme client, then the end-user token step).
    pub async fn login_end_user(&self, email: &str) -> String {
        let client = self.state.db().facts.default_client_id.to_string();
        let body = json!({ "client_id": client, "email": email, "password": PASSWORD });
        let r = self
            .call("POST", "/authsec/uflow/user/login", None, Some(body))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let tenant = r.body["tenant_id"].as_str().unwrap().to_string();
        self.demo_code("/authsec/webauthn/totp/verify", email, &tenant)
            .await;
        let body = json!({ "email": email, "tenant_id": tenant, "mfa_verified": true });
        let t = self
            .call(
                "POST",
                "/authsec/uflow/auth/enduser/webauthn-callback",
                None,
                Some(body),
            )
            .await;
        assert_eq!(t.status, StatusCode::OK, "{:?}", t.body);
        t.body["access_token"].as_str().unwrap().to_string()
    }

    /// Signs in admin@acme.test with its seeded TOTP secret.
    pub async fn login_admin(&self) -> String {
        self.login("admin@acme.test", "acme").await
    }
}

/// The row of a JSON array whose field at `pointer` (`/name`, `/group/name`) is `value`.
pub fn row<'a>(rows: &'a Value, pointer: &str, value: &str) -> &'a Value {
    rows.as_array()
        .unwrap_or_else(|| panic!("not a list: {rows}"))
        .iter()
        .find(|r| r.pointer(pointer).is_some_and(|v| v == value))
        .unwrap_or_else(|| panic!("no {pointer} {value} in {rows}"))
}

/// Asserts that a JSON string (an error text, say) contains `needle`.
pub fn assert_contains(text: &Value, needle: &str) {
    let s = text
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {text}"));
    assert!(s.contains(needle), "{s:?} does not contain {needle:?}");
}

pub fn clients_path(tenant: &str, rest: &str) -> String {
    format!("/authsec/clientms/tenants/{tenant}/clients/{rest}")
}
