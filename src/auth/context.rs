//! The session as a context signal. The API client reads the token and the tenant
//! through [`Credentials`], and waits on the [`Reauth`] hand-off when a call answers 401.

use super::session::Session;
use crate::api::{Credentials, Reauth};
use leptos::prelude::*;

/// Small, `Copy`, provided once at the root.
#[derive(Clone, Copy)]
pub struct AuthContext {
    session: RwSignal<Option<Session>>,
    tenant_id: Memo<String>,
    reauth: Reauth,
    step_up: Reauth,
}

impl AuthContext {
    pub fn provide() -> Self {
        let session = RwSignal::new(None::<Session>);
        // Kept through a sign-out: the pages being left must not refetch for an empty
        // tenant as they go (their keys would be read after they are disposed).
        let tenant_id = Memo::new(move |was: Option<&String>| {
            session.with(|s| match s {
                Some(s) => s.claims.tenant_id.clone(),
                None => was.cloned().unwrap_or_default(),
            })
        });
        let ctx = AuthContext {
            session,
            tenant_id,
            reauth: Reauth::default(),
            step_up: Reauth::default(),
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

    pub fn sign_in(&self, session: Session) {
        self.session.set(Some(session));
        self.finish_reauth(true);
    }

    /// A fresh session from a sign-in step: it lands here first, then `then` (the page
    /// that asked) is told. A page that went away while the server answered does not
    /// lose the sign-in.
    pub fn accept(&self, session: Session, then: Callback<Session>) {
        self.sign_in(session.clone());
        // `try_`: the asking page may be gone (Back during the check); the session is in.
        then.try_run(session);
    }

    /// Drops the session and releases anyone waiting for re-authentication.
    pub fn sign_out(&self) {
        self.session.set(None);
        self.finish_reauth(false);
        self.step_up.finish(false);
    }

    /// The "Confirm it's you" hand-off (step-up): its dialog shows while it is open.
    pub fn step_up(&self) -> Reauth {
        self.step_up
    }

    /// The same session with the token a step-up answered (a fresh proof, same session).
    pub fn renew(&self, token: &str) -> Result<(), String> {
        let renewed = self
            .session
            .with_untracked(|s| s.as_ref().map(|s| s.renewed(token)))
            .ok_or("You are signed out.")??;
        self.session.set(Some(renewed));
        Ok(())
    }

    /// Whether the "Sign in again" dialog should show.
    pub fn reauth_open(&self) -> Signal<bool> {
        self.reauth.is_open()
    }

    /// Closes the "Sign in again" dialog and wakes the calls waiting on it.
    pub fn finish_reauth(&self, signed_in: bool) {
        self.reauth.finish(signed_in);
    }
}

/// The API client's view of the session.
impl From<AuthContext> for Credentials {
    fn from(auth: AuthContext) -> Self {
        let session = auth.session;
        let token =
            Signal::derive(move || session.with(|s| s.as_ref().map(|s| s.token().to_string())));
        Credentials::new(token, auth.tenant_id.into(), auth.reauth, auth.step_up)
    }
}
