//! "Sign in again" as the signed-in user, in a dialog over the page, which stays as it is:
//! the e-mail and workspace are fixed. Used when a call answers 401 (`reauth`), when the
//! page locked (`idle_lock`) and to renew the sign-in before it expires (`renew`).

use crate::auth::{AuthContext, Session};
use crate::components::Modal;
use crate::pages::login::SignIn;
use leptos::prelude::*;

#[component]
pub fn SignInAgain(
    #[prop(into)] open: Signal<bool>,
    title: &'static str,
    /// What happened, and what signing in does.
    #[prop(into)]
    text: String,
    /// The way out: its words ("Cancel", "Sign out", "Not now")…
    leave: &'static str,
    /// …and what it does.
    #[prop(into)]
    on_leave: Callback<()>,
    /// Whether Escape leaves too (a lock cannot be escaped).
    #[prop(optional)]
    escapable: bool,
    #[prop(into)] on_signed_in: Callback<Session>,
) -> impl IntoView {
    let session = AuthContext::expect().session();
    let escape = move |_| {
        if escapable {
            on_leave.run(());
        }
    };
    view! {
        <Modal open title on_cancel=escape>
            <p>{text.clone()}</p>
            {move || {
                open.get()
                    .then(|| {
                        session
                            .with_untracked(|s| {
                                s.as_ref().map(|s| (s.email().to_string(), s.tenant_domain.clone()))
                            })
                            .map(|locked| view! { <SignIn locked on_signed_in /> })
                    })
            }}
            <button type="button" class="btn btn--link" on:click=move |_| on_leave.run(())>
                {leave}
            </button>
        </Modal>
    }
}
