//! Re-verification in time: when the sign-in is about to expire while someone works, a
//! banner says so and offers to sign in again at once, so nobody loses a form to the
//! expiry. It shows when less than two minutes are left (a quarter of a shorter lifetime);
//! signing in replaces the session where it stands (the old token is ended where it can be).

use super::sign_in_again::SignInAgain;
use crate::auth::AuthContext;
use crate::components::Button;
use crate::time::{absolute, now_secs, rfc3339};
use leptos::prelude::*;
use std::time::Duration;

/// Seconds left when the banner should show for a token issued at `iat` that expires at
/// `exp`, at `now`; `None` before then and once it has expired (a call's 401 asks then).
fn left_to_renew(iat: i64, exp: i64, now: i64) -> Option<i64> {
    let warn = ((exp - iat).max(0) / 4).min(120);
    let left = exp - now;
    (left > 0 && left <= warn).then_some(left)
}

#[component]
pub fn RenewNotice() -> impl IntoView {
    let auth = AuthContext::expect();
    let session = auth.session();
    let now = RwSignal::new(now_secs());
    if let Ok(tick) = set_interval_with_handle(move || now.set(now_secs()), Duration::from_secs(1))
    {
        on_cleanup(move || tick.clear());
    }
    // The expiry, while it is near: the banner's text changes only with the session.
    let ending = Memo::new(move |_| {
        let t = now.get();
        session.with(|s| {
            s.as_ref()
                .and_then(|s| left_to_renew(s.claims.iat, s.claims.exp, t).map(|_| s.claims.exp))
        })
    });
    let open = RwSignal::new(false);
    view! {
        {move || {
            ending
                .get()
                .filter(|_| !open.get())
                .map(|exp| {
                    view! {
                        <div class="top-notice" role="status">
                            <span>
                                {format!(
                                    "Your sign-in ends at {}. Sign in again now to keep working without a break.",
                                    absolute(&rfc3339(exp)),
                                )}
                            </span>
                            <Button class="btn btn--small" on_click=move || open.set(true)>
                                "Sign in again now"
                            </Button>
                        </div>
                    }
                })
        }}
        <SignInAgain
            open=open
            title="Renew your sign-in"
            text="Sign in again to renew your sign-in; nothing on this page changes."
            leave="Not now"
            on_leave=move |_| open.set(false)
            escapable=true
            on_signed_in=move |_| open.set(false)
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_two_minutes_before_or_at_the_last_quarter() {
        // A 24-hour AuthSec token: two minutes before.
        let (iat, exp) = (0, 86_400);
        assert_eq!(left_to_renew(iat, exp, exp - 121), None);
        assert_eq!(left_to_renew(iat, exp, exp - 120), Some(120));
        assert_eq!(left_to_renew(iat, exp, exp - 1), Some(1));
        assert_eq!(
            left_to_renew(iat, exp, exp),
            None,
            "expired: a call's 401 asks"
        );
        // A 60-second token: its last 15 seconds.
        assert_eq!(left_to_renew(0, 60, 44), None);
        assert_eq!(left_to_renew(0, 60, 45), Some(15));
    }
}
