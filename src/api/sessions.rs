//! Sessions (§5, extension): the caller's own, and the tenant's for admins.

use super::anon::Public;
use super::error::{ApiError, ErrorKind};
use super::extensions::Extension;
use super::http::Api;
use super::retry::Method;
use super::url::{segment, Query};
use crate::config::Service;
use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct DeviceSession {
    pub id: String,
    pub device_name: String,
    pub ip_address: String,
    pub location: String,
    pub created_at: String,
    pub last_accessed: String,
    pub expires_at: String,
    pub is_current: bool,
    /// Tenant rows only.
    pub user_email: Option<String>,
    pub user_id: Option<String>,
    pub is_active: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct SessionPage {
    pub sessions: Vec<DeviceSession>,
    pub total: u64,
    pub page: u32,
    pub limit: u32,
    pub total_pages: u32,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct RevokedAll {
    pub revoked: u64,
}

pub async fn mine(api: &Api) -> Result<SessionPage, ApiError> {
    let r = api.get(Service::Sessions, "/sessions", &Query::new()).await;
    api.noted(Extension::Sessions, r)
}

pub async fn revoke_mine(api: &Api, id: &str) -> Result<(), ApiError> {
    let path = format!("/sessions/{}", segment(id));
    api.send_ok::<()>(Method::Delete, Service::Sessions, &path, None)
        .await
}

pub async fn revoke_all_mine(api: &Api) -> Result<RevokedAll, ApiError> {
    api.send::<(), _>(
        Method::Post,
        Service::Sessions,
        "/sessions/revoke-all",
        None,
    )
    .await
}

/// Tenant sessions (admin): `query` holds `user_id`, `email`, `active`,
/// `page` and `limit`.
pub async fn tenant(api: &Api, query: &Query) -> Result<SessionPage, ApiError> {
    let r = api.get(Service::Sessions, "/admin/sessions", query).await;
    api.noted(Extension::Sessions, r)
}

pub async fn revoke_any(api: &Api, id: &str) -> Result<(), ApiError> {
    let path = format!("/admin/sessions/{}", segment(id));
    api.send_ok::<()>(Method::Delete, Service::Sessions, &path, None)
        .await
}

/// What became of a session the console let go (sign-out, a new sign-in replacing it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The server ended it: its token answers 401 from now on.
    Ended,
    /// The server cannot end a session (AuthSec itself: stateless tokens, no logout
    /// route, authsec-api.md §5): the token stays valid until it expires.
    NotOffered,
    /// No answer in time, or a failure: the server may still accept the token.
    Unknown,
}

/// How long a sign-out waits for the server before it says it could not tell.
pub const ENDING_WAIT_MS: u32 = 5_000;

const CURRENT: &str = "/sessions/current";

/// Ends the session behind `token` (no longer the session's: it is gone by now):
/// `DELETE /sessions/current` with that token, no re-authentication, no retry, at most
/// [`ENDING_WAIT_MS`].
pub async fn end(api: &Api, token: &str) -> Ending {
    use futures::future::{select, Either};

    if !api.extensions().offered_now(Extension::Sessions) {
        return Ending::NotOffered;
    }
    let call = api.call_with_token(Method::Delete, Service::Sessions, CURRENT, token);
    let wait = gloo_timers::future::TimeoutFuture::new(ENDING_WAIT_MS);
    match select(Box::pin(call), wait).await {
        Either::Left((Ok(r), _)) => {
            let ending = ending_of(r.status);
            if ending == Ending::NotOffered {
                api.extensions().note::<()>(
                    Extension::Sessions,
                    &Err(ApiError::new(
                        ErrorKind::Http,
                        r.status,
                        "no sessions route",
                    )),
                );
            }
            ending
        }
        _ => Ending::Unknown,
    }
}

/// The same from a page that is going away: sent with `keepalive`, answer unread.
pub fn end_on_leave(api: &Api, token: &str) {
    if api.extensions().offered_now(Extension::Sessions) {
        let url = api.url(Service::Sessions, CURRENT, &Query::new());
        super::transport::send_on_leave("DELETE", &url, token);
    }
}

/// 2xx: ended; 401: the server already refuses the token; 404, 405, 501: no such route.
fn ending_of(status: u16) -> Ending {
    match status {
        200..=299 | 401 => Ending::Ended,
        404 | 405 | 501 => Ending::NotOffered,
        _ => Ending::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_sign_out_answer_means() {
        assert_eq!(ending_of(200), Ending::Ended);
        assert_eq!(ending_of(204), Ending::Ended);
        assert_eq!(ending_of(401), Ending::Ended, "already refused");
        assert_eq!(ending_of(404), Ending::NotOffered);
        assert_eq!(ending_of(405), Ending::NotOffered);
        assert_eq!(ending_of(501), Ending::NotOffered);
        assert_eq!(ending_of(500), Ending::Unknown);
        assert_eq!(ending_of(403), Ending::Unknown);
    }
}
