//! "Sign in again" over the current page when a call answers 401; the call
//! is retried afterwards, so nothing on the page is lost.

use super::sign_in_again::SignInAgain;
use crate::auth::AuthContext;
use leptos::prelude::*;

#[component]
pub fn ReauthDialog() -> impl IntoView {
    let auth = AuthContext::expect();
    view! {
        <SignInAgain
            open=auth.reauth_open()
            title="Sign in again"
            text="Your session has ended. Sign in again to carry on; nothing on this page is lost. Cancel signs you out."
            leave="Cancel"
            // Giving up signs out: the refused token is let go (and ended on the server where
            // it can be), and the sign-in page comes back to this page afterwards.
            on_leave=move |_| auth.sign_out()
            escapable=true
            // The sign-in itself closes the dialog (`AuthContext::accept`): nothing more to do.
            on_signed_in=|_| ()
        />
    }
}
