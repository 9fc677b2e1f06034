//! "Sign in again" over the current page when a call answers 401; the call
//! is retried afterwards, so nothing on the page is lost.

use crate::auth::AuthContext;
use crate::components::Modal;
use crate::pages::login::SignIn;
use leptos::prelude::*;

#[component]
pub fn ReauthDialog() -> impl IntoView {
    let auth = AuthContext::expect();
    let session = auth.session();
    // Giving up signs out: the refused token is let go (and ended on the server where it
    // can be), and the sign-in page comes back to this page afterwards.
    let give_up = Callback::new(move |_| auth.sign_out());
    // The sign-in itself closes the dialog (`AuthContext::accept`): nothing more to do.
    let signed_in = Callback::new(|_| ());
    view! {
        <Modal open=auth.reauth_open() title="Sign in again" on_cancel=give_up>
            <p>
                "Your session has ended. Sign in again to carry on; nothing on this page is lost. Cancel signs you out."
            </p>
            {move || {
                session
                    .with_untracked(|s| {
                        s.as_ref().map(|s| (s.email().to_string(), s.tenant_domain.clone()))
                    })
                    .map(|locked| view! { <SignIn locked on_signed_in=signed_in /> })
            }}
            <button type="button" class="btn btn--link" on:click=move |_| give_up.run(())>
                "Cancel"
            </button>
        </Modal>
    }
}
