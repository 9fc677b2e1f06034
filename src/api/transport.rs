//! The one place that touches the network. Everything above it (retries,
//! re-authentication, decoding) works on plain values, so tests can swap in
//! a scripted transport.

use super::error::{parse_retry_after, ApiError};
use super::retry::Method;
use futures::future::LocalBoxFuture;
use std::rc::Rc;

/// A request as the transport sends it. Its `Debug` shows neither the token nor the
/// body (passwords, codes).
#[derive(Clone, PartialEq)]
pub struct RawRequest {
    pub method: Method,
    pub url: String,
    /// `Authorization: Bearer …` when signed in; kept apart so nothing logs it.
    pub bearer: Option<String>,
    pub body: Option<String>,
}

impl std::fmt::Debug for RawRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RawRequest ")?;
        f.write_str(&self.url)?;
        f.write_str(" (token and body hidden)")
    }
}

/// What came back.
#[derive(Clone, Debug, PartialEq)]
pub struct RawResponse {
    pub status: u16,
    pub body: String,
    pub retry_after: Option<u32>,
}

pub type Transport =
    Rc<dyn Fn(RawRequest) -> LocalBoxFuture<'static, Result<RawResponse, ApiError>>>;

/// How long one try (its answer and the whole body) may take before "the server did
/// not answer".
pub const TIMEOUT_MS: u32 = 20_000;

/// Aborts the fetch when the future that owns it is dropped, so a page that
/// moved on (a newer filter, a route change) cancels its stale request.
struct AbortOnDrop(web_sys::AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The real transport: `fetch` through gloo-net, with a timeout.
pub fn fetch_transport() -> Transport {
    Rc::new(|req: RawRequest| Box::pin(fetch(req)))
}

async fn fetch(req: RawRequest) -> Result<RawResponse, ApiError> {
    use futures::future::{select, Either};
    use gloo_net::http::RequestBuilder;

    let controller = web_sys::AbortController::new().map_err(|_| ApiError::network())?;
    let guard = AbortOnDrop(controller);
    let signal = guard.0.signal();
    let mut builder = RequestBuilder::new(&req.url)
        .method(match req.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Put => gloo_net::http::Method::PUT,
            Method::Patch => gloo_net::http::Method::PATCH,
            Method::Delete => gloo_net::http::Method::DELETE,
        })
        .abort_signal(Some(&signal))
        // Lists with personal data and secrets never reach the disk cache.
        .cache(web_sys::RequestCache::NoStore)
        .header("Accept", "application/json");
    if let Some(token) = &req.bearer {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let request = match req.body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|_| ApiError::network())?;

    // One deadline for the answer and its body: a server that sends its headers and
    // then stalls is "did not answer" too, not a page waiting for ever.
    let call = async move {
        let response = request.send().await.map_err(|_| ApiError::network())?;
        let retry_after = parse_retry_after(response.headers().get("retry-after").as_deref());
        Ok(RawResponse {
            status: response.status(),
            body: response.text().await.map_err(|_| ApiError::network())?,
            retry_after,
        })
    };
    let timeout = gloo_timers::future::TimeoutFuture::new(TIMEOUT_MS);
    let answer = match select(Box::pin(call), timeout).await {
        Either::Left((answer, _)) => answer,
        Either::Right(_) => Err(ApiError::timeout()),
    };
    // Aborts the fetch if the deadline came first (a no-op once the body is read).
    drop(guard);
    answer
}

/// A call the browser sends even as the page goes away (`fetch` with `keepalive`);
/// nobody reads its answer. For the sign-out when a signed-in page is hidden.
pub fn send_on_leave(method: &str, url: &str, bearer: &str) {
    use js_sys::{Object, Reflect};
    use wasm_bindgen::JsValue;

    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_cache(web_sys::RequestCache::NoStore);
    let headers = Object::new();
    let auth = JsValue::from_str(&format!("Bearer {bearer}"));
    let set = Reflect::set(&headers, &"Authorization".into(), &auth)
        .and_then(|_| Reflect::set(&init, &"keepalive".into(), &JsValue::TRUE));
    if set.is_err() {
        return;
    }
    init.set_headers(&headers);
    let sent = web_sys::window().map(|w| w.fetch_with_str_and_init(url, &init));
    if let Some(promise) = sent {
        // Read, so that a failure (the page is gone) is not an unhandled rejection.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logged_request_shows_neither_token_nor_body() {
        let r = RawRequest {
            method: Method::Post,
            url: "https://x/login".into(),
            bearer: Some("eyJ.secret.token".into()),
            body: Some(r#"{"password":"hunter22"}"#.into()),
        };
        let shown = format!("{r:?}");
        assert!(
            !shown.contains("eyJ") && !shown.contains("hunter22"),
            "{shown}"
        );
        assert!(shown.contains("https://x/login"));
    }
}
