//! The sign-in's calls, apart from the signed-in client: no session, no retry, no
//! re-authentication, no signals. [`Public`] names what the sign-in rows need;
//! [`Api`](super::Api) offers it to the pages, and [`Anon`] to the first load's
//! sign-in (`crate::first_load`), which must not carry Leptos.
//!
//! ```ignore
//! let anon = Anon::new(config, fetch_transport());
//! let ok = login::password(&anon, "admin@acme.test", "secret", "acme").await?;
//! ```

use super::error::{decode_error, ApiError};
use super::http::{decode, json_body};
use super::retry::Method;
use super::transport::{RawRequest, RawResponse, Transport};
use super::url::{join, Query};
use crate::config::{Config, Service};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::rc::Rc;

/// The calls the sign-in rows make (`api::login`, `mfa::enrolled`, `auth::flow`).
// No `Send` bound wanted: the console is single-threaded wasm.
#[allow(async_fn_in_trait)]
pub trait Public {
    /// The client end users sign in through (config.json), if any.
    fn end_user_client(&self) -> Option<String>;
    /// The service's base URL (config.json).
    fn base(&self, service: Service) -> String;
    /// How requests go out.
    fn transport(&self) -> Transport;
    /// A POST to a sign-in row, never retried. With `bearer`, the session's token goes
    /// along when there is one (AuthSec's factor rows ignore it; a stricter server may want it).
    async fn post_row<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        service: Service,
        path: &str,
        body: &B,
        bearer: bool,
    ) -> Result<T, ApiError>;
    /// One call with a given bearer token (one not yet in the session, or one the session
    /// has let go): no re-authentication, no retry. Its status and body, whatever the status.
    async fn call_with_token(
        &self,
        method: Method,
        service: Service,
        path: &str,
        token: &str,
    ) -> Result<RawResponse, ApiError> {
        send(self, method, service, path, Some(token.to_string()), None).await
    }
}

/// One request through `p`'s transport, as it is: no retry, no re-authentication.
async fn send<P: Public + ?Sized>(
    p: &P,
    method: Method,
    service: Service,
    path: &str,
    bearer: Option<String>,
    body: Option<String>,
) -> Result<RawResponse, ApiError> {
    let url = join(&p.base(service), path, &Query::new());
    (p.transport())(RawRequest {
        method,
        url,
        bearer,
        body,
    })
    .await
}

/// The sign-in's client before anyone is signed in.
#[derive(Clone)]
pub struct Anon {
    config: Rc<Config>,
    transport: Transport,
}

impl Anon {
    pub fn new(config: Config, transport: Transport) -> Self {
        Anon {
            config: Rc::new(config),
            transport,
        }
    }
}

impl Public for Anon {
    fn end_user_client(&self) -> Option<String> {
        self.config.end_user_client_id.clone()
    }

    /// No session here: never a token.
    async fn post_row<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        service: Service,
        path: &str,
        body: &B,
        _bearer: bool,
    ) -> Result<T, ApiError> {
        let body = json_body(body)?;
        let resp = send(self, Method::Post, service, path, None, Some(body)).await?;
        if (200..300).contains(&resp.status) {
            decode(resp)
        } else {
            Err(decode_error(resp.status, &resp.body, resp.retry_after))
        }
    }

    fn base(&self, service: Service) -> String {
        self.config.base(service)
    }

    fn transport(&self) -> Transport {
        self.transport.clone()
    }
}
