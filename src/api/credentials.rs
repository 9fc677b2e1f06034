//! What the client needs from whoever holds the session, and nothing more: the
//! bearer token, the tenant, and ways to ask the user to sign in again or to confirm
//! who they are (step-up). The `auth`
//! layer fills it in (`impl From<AuthContext>`); the client never sees the session.

use futures::channel::oneshot;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Credentials {
    token: Signal<Option<String>>,
    tenant_id: Signal<String>,
    reauth: Reauth,
    step_up: Reauth,
}

impl Credentials {
    pub fn new(
        token: Signal<Option<String>>,
        tenant_id: Signal<String>,
        reauth: Reauth,
        step_up: Reauth,
    ) -> Self {
        Credentials {
            token,
            tenant_id,
            reauth,
            step_up,
        }
    }

    /// The bearer token, read without tracking.
    pub(crate) fn token(&self) -> Option<String> {
        self.token.get_untracked()
    }

    /// The signed-in tenant's id, read without tracking (AuthSec wants it in some bodies).
    pub(crate) fn tenant_id(&self) -> String {
        self.tenant_id.get_untracked()
    }

    pub(crate) fn reauth(&self) -> Reauth {
        self.reauth
    }

    /// The "Confirm it's you" hand-off, for a call the server wants a step-up for.
    pub(crate) fn step_up(&self) -> Reauth {
        self.step_up
    }
}

/// A hand-off to the user ("Sign in again", "Confirm it's you"): a call that met a 401
/// waits in [`Reauth::request`] until whoever shows the dialog calls [`Reauth::finish`].
/// Concurrent callers share one dialog.
#[derive(Clone, Copy)]
pub struct Reauth {
    open: RwSignal<bool>,
    waiters: StoredValue<Vec<oneshot::Sender<bool>>>,
}

impl Default for Reauth {
    fn default() -> Self {
        Reauth {
            open: RwSignal::new(false),
            waiters: StoredValue::new(Vec::new()),
        }
    }
}

impl Reauth {
    /// Whether the "Sign in again" dialog should show.
    pub fn is_open(&self) -> Signal<bool> {
        self.open.into()
    }

    /// Resolves `true` once the user signed in again, `false` if they gave up.
    pub async fn request(&self) -> bool {
        let (tx, rx) = oneshot::channel();
        self.waiters.update_value(|w| w.push(tx));
        self.open.set(true);
        rx.await.unwrap_or(false)
    }

    /// Closes the dialog and wakes every waiter with the outcome.
    pub fn finish(&self, signed_in: bool) {
        self.open.set(false);
        // `update_value` does nothing on a disposed store (signing out while the root
        // is torn down).
        let mut waiters = Vec::new();
        self.waiters.update_value(|w| waiters = std::mem::take(w));
        for w in waiters {
            let _ = w.send(signed_in);
        }
    }
}
