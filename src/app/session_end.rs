//! Sign-out that ends the session on the server, not only in this tab.
//!
//! Every token the console lets go (the Sign out button, Cancel in "Sign in again", a new
//! sign-in replacing it, the sessions page revoking this device) is ended on the server
//! where the server can (`api::sessions::end`); a sign-out says in a toast what the server
//! did, and until when the old token stays valid where it could not end it. A page that is
//! hidden for good or for the back-forward cache (closed, reloaded, left) ends its session
//! with a keepalive request (unless another tab holds the same token) and signs out first,
//! so a restored page shows the sign-in. A sign-out here signs out the other tabs too.

use crate::api::sessions::{self, Ending};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{Toasts, Tone};
use crate::time::{absolute, rfc3339};
use leptos::prelude::*;

/// Watches the session for the rest of the page's life (from the first sign-in on).
pub fn end_sessions_let_go() {
    let auth = AuthContext::expect();
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tabs = crate::auth::tabs::share(auth);
    provide_context(tabs);
    let session = auth.session();
    // The token held now, its expiry and server session: memory only, like the session.
    let held = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref()
                .map(|s| (s.token().to_string(), s.claims.exp, s.claims.sid.clone()))
        })
    });
    // A token already ended as the page went away.
    let ended_on_leave = StoredValue::new(None::<String>);
    Effect::new(
        move |before: Option<Option<(String, i64, Option<String>)>>| {
            let now = held.get();
            if let Some(Some((old, exp, sid))) = before {
                // A step-up renews the token of the same server session: nothing to end.
                let renewed = sid.is_some() && now.as_ref().is_some_and(|n| n.2 == sid);
                let replaced = !renewed && now.as_ref().is_none_or(|(t, ..)| *t != old);
                let left = ended_on_leave.with_value(|l| l.as_deref() == Some(old.as_str()));
                if replaced && !left {
                    let signed_out = now.is_none();
                    if signed_out {
                        tabs.sign_out_all();
                    }
                    leptos::task::spawn_local(async move {
                        let ending = sessions::end(&api, &old).await;
                        if signed_out {
                            let (tone, text) = said(ending, exp);
                            toasts.show(tone, text);
                        }
                    });
                }
            }
            now
        },
    );
    let hide = window_event_listener(leptos::ev::pagehide, move |_| {
        if let Some((token, ..)) = held.get_untracked() {
            // Another tab holding the same token keeps the session.
            if tabs.shared() {
                tabs.leave(&token);
            } else {
                sessions::end_on_leave(&api, &token);
            }
            ended_on_leave.set_value(Some(token));
            auth.sign_out();
        }
    });
    on_cleanup(move || hide.remove());
}

/// What a sign-out tells the user.
fn said(ending: Ending, exp: i64) -> (Tone, String) {
    let until = absolute(&rfc3339(exp));
    match ending {
        Ending::Ended => (
            Tone::Success,
            "You are signed out, and the session has ended on the server.".into(),
        ),
        Ending::NotOffered => (
            Tone::Success,
            format!(
                "You are signed out of this tab. This server cannot end a session early: \
                 the sign-in stays valid on the server until {until}, though this tab has \
                 forgotten it."
            ),
        ),
        Ending::Unknown => (
            Tone::Error,
            format!(
                "You are signed out of this tab, but the server did not confirm that the \
                 session ended: it may stay valid until {until}."
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_ending_says_what_happened_and_until_when() {
        let exp = 1_796_310_000; // 2026-12-03 15:00 UTC
        let (tone, text) = said(Ending::Ended, exp);
        assert_eq!(tone, Tone::Success);
        assert!(text.contains("ended on the server"), "{text}");
        let (_, text) = said(Ending::NotOffered, exp);
        assert!(text.contains("until 2026-12-03 15:00 UTC"), "{text}");
        let (tone, text) = said(Ending::Unknown, exp);
        assert_eq!(tone, Tone::Error);
        assert!(text.contains("until 2026-12-03 15:00 UTC"), "{text}");
    }
}
