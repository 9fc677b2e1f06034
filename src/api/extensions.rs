//! The extension services (shared/extensions-api.md): optional services beside AuthSec,
//! found out at run time. An extension whose first call answers 404, 405 or 501 is
//! remembered as missing for the rest of the page's life; the navigation hides its area
//! and its page explains. Only this module and the API calls that note their outcome
//! know which calls are extensions.

use super::error::ApiError;
use super::http::Api;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// An optional service the console can use when the deployment runs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Extension {
    Sessions,
    ApiKeys,
    Apps,
    /// Passkey list, rename and delete.
    Passkeys,
    SecretRotation,
    UserBatches,
    BackupCodeRegeneration,
}

/// What the console knows of an extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Not called yet: shown, so its first call can tell.
    Unknown,
    Present,
    Missing,
}

/// The remembered answers; `Copy`, held by [`Api`].
#[derive(Clone, Copy)]
pub struct Extensions(RwSignal<BTreeMap<Extension, Presence>>);

impl Extensions {
    pub(crate) fn new() -> Self {
        Extensions(RwSignal::new(BTreeMap::new()))
    }

    /// Tracked: views re-render when an extension turns out missing.
    pub fn presence(&self, ext: Extension) -> Presence {
        self.0
            .with(|m| m.get(&ext).copied().unwrap_or(Presence::Unknown))
    }

    /// False only once the server said it lacks the extension.
    pub fn offered(&self, ext: Extension) -> bool {
        self.presence(ext) != Presence::Missing
    }

    /// `offered`, read without tracking (from a handler or a task).
    pub fn offered_now(&self, ext: Extension) -> bool {
        self.0
            .with_untracked(|m| m.get(&ext) != Some(&Presence::Missing))
    }

    /// Records what a call of `ext` answered: a missing route (404/405/501) makes it
    /// missing, any answer of the service itself present; a failure that says nothing
    /// of the route (no answer, 5xx) changes nothing.
    pub fn note<T>(&self, ext: Extension, result: &Result<T, ApiError>) {
        let seen = match result {
            Ok(_) => Some(Presence::Present),
            Err(e) if e.is_missing_feature() => Some(Presence::Missing),
            Err(e) if (400..500).contains(&e.status) => Some(Presence::Present),
            Err(_) => None,
        };
        if let Some(p) = seen {
            if self.0.with_untracked(|m| m.get(&ext) != Some(&p)) {
                self.0.update(|m| {
                    m.insert(ext, p);
                });
            }
        }
    }
}

impl Api {
    /// Notes the outcome of a call of `ext` and passes it on unchanged.
    pub(crate) fn noted<T>(
        &self,
        ext: Extension,
        result: Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        self.extensions().note(ext, &result);
        result
    }
}

/// Asks each extension with a navigation area once (one cheap read each, in parallel),
/// so that areas this server lacks leave the navigation right after sign-in.
pub async fn probe(api: Api, admin: bool) {
    use futures::future::join3;
    let sessions = async {
        let _ = super::sessions::mine(&api).await;
    };
    let keys = async {
        if admin {
            let _ = super::apikeys::list(&api).await;
        }
    };
    let apps = async {
        if admin {
            let _ = super::apps::list(&api).await;
        }
    };
    join3(sessions, keys, apps).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::decode_error;

    #[test]
    fn a_missing_route_is_remembered_and_other_failures_say_nothing() {
        let owner = Owner::new();
        owner.with(|| {
            let x = Extensions::new();
            assert!(x.offered(Extension::Sessions), "unknown is offered");
            x.note::<()>(Extension::Sessions, &Err(ApiError::network()));
            assert_eq!(x.presence(Extension::Sessions), Presence::Unknown);
            x.note::<()>(
                Extension::Sessions,
                &Err(decode_error(404, "404 page not found", None)),
            );
            assert!(!x.offered(Extension::Sessions));
            x.note::<()>(
                Extension::ApiKeys,
                &Err(decode_error(403, r#"{"error":"forbidden"}"#, None)),
            );
            assert_eq!(x.presence(Extension::ApiKeys), Presence::Present);
            x.note(Extension::Apps, &Ok(()));
            assert_eq!(x.presence(Extension::Apps), Presence::Present);
        });
    }
}
