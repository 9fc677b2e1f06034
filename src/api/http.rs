//! The API client: base URLs, the bearer token, error decoding, retries and
//! the 401 → "sign in again" → retry hand-off. Pages call typed functions in
//! the service modules; they never build URLs.

use super::credentials::Credentials;
use super::error::{decode_error, ApiError};
use super::extensions::Extensions;
use super::retry::{retry_delay_ms, Method};
use super::transport::{fetch_transport, RawRequest, RawResponse, Transport};
use super::url::{join, Query};
use crate::config::{Config, Service};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// `Copy` handle provided once at the root; `Api::expect()` anywhere below.
#[derive(Clone, Copy)]
pub struct Api {
    config: StoredValue<Config>,
    transport: StoredValue<Transport, LocalStorage>,
    credentials: Credentials,
    extensions: Extensions,
}

impl Api {
    /// Before a permanent delete: where the server stamps `auth_time` (the step-up
    /// extension) and the last proof is older than five minutes, "Confirm it's you"
    /// first. AuthSec does not ask this of its own delete routes, so this keeps an old,
    /// unattended session from destroying data at a click, not a stolen token.
    pub async fn recent_proof(&self) -> Result<(), ApiError> {
        let token = self.credentials.token().unwrap_or_default();
        let proved = super::claims::decode_claims(&token)
            .ok()
            .and_then(|c| c.auth_time);
        match proved {
            Some(t) if super::step_up::stale(t, crate::time::now_secs()) => {
                match self.credentials.step_up().request().await {
                    true => Ok(()),
                    false => Err(super::step_up::not_confirmed()),
                }
            }
            _ => Ok(()),
        }
    }

    /// Provides the client with the real `fetch` transport.
    pub fn provide(config: Config, credentials: impl Into<Credentials>) -> Self {
        Self::provide_with(config, credentials, fetch_transport())
    }

    /// Provides the client with a given transport (tests script one).
    pub fn provide_with(
        config: Config,
        credentials: impl Into<Credentials>,
        transport: Transport,
    ) -> Self {
        let api = Api {
            config: StoredValue::new(config),
            transport: StoredValue::new_local(transport),
            credentials: credentials.into(),
            extensions: Extensions::new(),
        };
        provide_context(api);
        api
    }

    pub fn expect() -> Self {
        expect_context::<Api>()
    }

    pub fn config(&self) -> Config {
        self.config.get_value()
    }

    /// The signed-in tenant's id (AuthSec wants it in some bodies).
    pub(crate) fn tenant_id(&self) -> String {
        self.credentials.tenant_id()
    }

    /// Which extension services this server offers, as far as calls have shown.
    pub fn extensions(&self) -> Extensions {
        self.extensions
    }

    pub(crate) fn url(&self, service: Service, path: &str, query: &Query) -> String {
        self.config
            .with_value(|c| join(&c.base(service), path, query))
    }

    /// GET with the bearer token; retried on 429/502/503/504.
    pub async fn get<T: DeserializeOwned>(
        &self,
        service: Service,
        path: &str,
        query: &Query,
    ) -> Result<T, ApiError> {
        let url = self.url(service, path, query);
        decode(self.execute(Method::Get, url, None, true, true).await?)
    }

    /// A POST that only reads (the list rows that take a JSON body): retried
    /// like a GET.
    pub async fn post_read<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        service: Service,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.post_json(service, path, body, true, true).await
    }

    /// A write with the bearer token; never retried by itself (except once
    /// after the user signed in again, since the server refused it unread).
    pub async fn send<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        service: Service,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let url = self.url(service, path, &Query::new());
        let body = body.map(json_body).transpose()?;
        decode(self.execute(method, url, body, true, false).await?)
    }

    /// A write whose answer body does not matter (only success or failure).
    pub async fn send_ok<B: Serialize + ?Sized>(
        &self,
        method: Method,
        service: Service,
        path: &str,
        body: Option<&B>,
    ) -> Result<(), ApiError> {
        self.send::<B, serde::de::IgnoredAny>(method, service, path, body)
            .await
            .map(|_| ())
    }

    /// A POST without the bearer token (the sign-in rows).
    pub async fn post_anon<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        service: Service,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.post_json(service, path, body, false, false).await
    }

    /// A POST to a public row that a signed-in page may also call (AuthSec's factor
    /// rows): the bearer token goes along when there is one (AuthSec ignores it; a
    /// stricter server may want it). Never retried.
    pub async fn post_public<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        service: Service,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let authed = self.credentials.token().is_some();
        self.post_json(service, path, body, authed, false).await
    }

    /// One JSON POST: with the bearer token or not, retried like a read or never.
    async fn post_json<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        service: Service,
        path: &str,
        body: &B,
        authed: bool,
        read: bool,
    ) -> Result<T, ApiError> {
        let url = self.url(service, path, &Query::new());
        let body = json_body(body)?;
        decode(
            self.execute(Method::Post, url, Some(body), authed, read)
                .await?,
        )
    }

    async fn execute(
        &self,
        method: Method,
        url: String,
        body: Option<String>,
        authed: bool,
        read: bool,
    ) -> Result<RawResponse, ApiError> {
        // Reads may be sent again; writes never are, whatever their method.
        let retry_as = if read { Method::Get } else { method };
        let mut attempt = 0;
        let mut reauthed = false;
        let mut stepped_up = false;
        loop {
            attempt += 1;
            let bearer = if authed {
                self.credentials.token()
            } else {
                None
            };
            let had_token = bearer.is_some();
            let req = RawRequest {
                method,
                url: url.clone(),
                bearer: bearer.clone(),
                body: body.clone(),
            };
            let transport = self.transport.get_value();
            let resp = transport(req).await;
            let resp = match resp {
                Ok(r) => r,
                Err(e) => {
                    // A GET that got no answer may be tried again like a 503.
                    if let Some(ms) = retry_delay_ms(retry_as, 503, None, attempt)
                        .filter(|_| e.kind == super::error::ErrorKind::Network)
                    {
                        sleep(ms).await;
                        continue;
                    }
                    return Err(e);
                }
            };
            if (200..300).contains(&resp.status) {
                return Ok(resp);
            }
            // The server wants a fresh proof (extensions-api.md "Step-up"): "Confirm it's
            // you", then the call once more, as the user asked for it.
            if resp.status == 401 && had_token && resp.body.contains("\"step_up_required\"") {
                // Sent with a token a confirmation has renewed since: once more, unasked.
                let renewed = bearer != self.credentials.token();
                if !stepped_up && (renewed || self.credentials.step_up().request().await) {
                    stepped_up = true;
                    attempt -= 1;
                    continue;
                }
                return Err(super::step_up::not_confirmed());
            }
            if resp.status == 401 && authed && had_token && !reauthed {
                reauthed = true;
                if self.credentials.reauth().request().await {
                    attempt -= 1;
                    continue;
                }
            }
            if let Some(ms) = retry_delay_ms(retry_as, resp.status, resp.retry_after, attempt) {
                sleep(ms).await;
                continue;
            }
            let mut err = decode_error(resp.status, &resp.body, resp.retry_after);
            if resp.status == 401 && had_token {
                err.message = "Your session has ended. Sign in again to continue.".into();
            }
            return Err(err);
        }
    }
}

impl super::anon::Public for Api {
    fn end_user_client(&self) -> Option<String> {
        self.config.with_value(|c| c.end_user_client_id.clone())
    }

    async fn post_row<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        service: Service,
        path: &str,
        body: &B,
        bearer: bool,
    ) -> Result<T, ApiError> {
        match bearer {
            true => self.post_public(service, path, body).await,
            false => self.post_anon(service, path, body).await,
        }
    }

    fn base(&self, service: Service) -> String {
        self.config.with_value(|c| c.base(service))
    }

    fn transport(&self) -> Transport {
        self.transport.get_value()
    }
}

/// A request body as JSON text.
pub(super) fn json_body<B: Serialize + ?Sized>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|_| ApiError::decode("request body"))
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

pub(super) fn decode<T: DeserializeOwned>(resp: RawResponse) -> Result<T, ApiError> {
    let body = if resp.body.trim().is_empty() {
        "null"
    } else {
        resp.body.as_str()
    };
    // The first JSON value: AuthSec's reset-password handler writes two objects back to
    // back (gin's `c.JSON` twice, authsec-api.md §1.6); whatever follows the first is left.
    let mut de = serde_json::Deserializer::from_str(body);
    T::deserialize(&mut de).map_err(|e| {
        let what = if e.is_data() {
            "a field is missing or of the wrong type"
        } else {
            "not JSON"
        };
        ApiError::decode(what)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(body: &str) -> RawResponse {
        RawResponse {
            status: 200,
            body: body.into(),
            retry_after: None,
        }
    }

    #[test]
    fn the_first_of_two_objects_in_one_body_is_read() {
        // AuthSec's reset-password writes its answer twice (gin's c.JSON called twice).
        let v: serde_json::Value = decode(answer(r#"{"a":1}{"a":2}"#)).unwrap();
        assert_eq!(v, serde_json::json!({ "a": 1 }));
        let empty: Option<u8> = decode(answer("  ")).unwrap();
        assert_eq!(empty, None);
        assert!(decode::<serde_json::Value>(answer("not json")).is_err());
    }
}
