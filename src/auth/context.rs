//! The session as a context signal, and the re-authentication hand-off the
//! `http` module uses when a call answers 401.

use super::session::Session;
use futures::channel::oneshot;
use leptos::prelude::*;

/// Small, `Copy`, provided once at the root.
#[derive(Clone, Copy)]
pub struct AuthContext {
    session: RwSignal<Option<Session>>,
    reauth_open: RwSignal<bool>,
    tenant_id: Memo<String>,
    waiters: StoredValue<Vec<oneshot::Sender<bool>>>,
}

impl AuthContext {
    pub fn provide() -> Self {
        let session = RwSignal::new(None::<Session>);
        let tenant_id = Memo::new(move |_| {
            session.with(|s| {
                s.as_ref()
                    .map(|s| s.claims.tenant_id.clone())
                    .unwrap_or_default()
            })
        });
        let ctx = AuthContext {
            session,
            tenant_id,
            reauth_open: RwSignal::new(false),
            waiters: StoredValue::new(Vec::new()),
        };
        provide_context(ctx);
        ctx
    }

    pub fn expect() -> Self {
        expect_context::<AuthContext>()
    }

    /// The session signal, for views.
    pub fn session(&self) -> ReadSignal<Option<Session>> {
        self.session.read_only()
    }

    /// The signed-in tenant's id. A memo: signing in again as the same user
    /// (after a 401) does not make pages reload.
    pub fn tenant_id(&self) -> Memo<String> {
        self.tenant_id
    }

    pub fn is_signed_in(&self) -> bool {
        self.session.with(Option::is_some)
    }

    pub fn is_admin(&self) -> bool {
        self.session
            .with(|s| s.as_ref().is_some_and(Session::is_admin))
    }

    pub fn email(&self) -> Option<String> {
        self.session
            .with(|s| s.as_ref().map(|s| s.email().to_string()))
    }

    /// The bearer token, read without tracking (the `http` module only).
    pub(crate) fn token(&self) -> Option<String> {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.token().to_string()))
    }

    pub fn sign_in(&self, session: Session) {
        self.session.set(Some(session));
        self.finish_reauth(true);
    }

    /// Drops the session and releases anyone waiting for re-authentication.
    pub fn sign_out(&self) {
        self.session.set(None);
        self.finish_reauth(false);
    }

    /// Whether the "Sign in again" dialog should show.
    pub fn reauth_open(&self) -> Signal<bool> {
        self.reauth_open.into()
    }

    /// Asks the user to sign in again; resolves `true` once they did, `false`
    /// if they gave up. Concurrent callers share one dialog.
    pub async fn request_reauth(&self) -> bool {
        let (tx, rx) = oneshot::channel();
        self.waiters.update_value(|w| w.push(tx));
        self.reauth_open.set(true);
        rx.await.unwrap_or(false)
    }

    /// Closes the dialog and wakes every waiter with the outcome.
    pub fn finish_reauth(&self, signed_in: bool) {
        self.reauth_open.set(false);
        let waiters = self
            .waiters
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        for w in waiters {
            let _ = w.send(signed_in);
        }
    }
}
