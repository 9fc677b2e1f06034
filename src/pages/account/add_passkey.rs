//! "Add a passkey": the realm's `beginRegistration` → `navigator.credentials.create` →
//! `finishRegistration` (AuthSec names no passkey; a server that lists them can rename it).

use super::my_account;
use crate::api::{mfa, Api};
use crate::auth::{webauthn, AuthContext};
use crate::components::Button;
use crate::components::FormAlert;
use crate::components::Toasts;
use leptos::prelude::*;

#[component]
pub fn AddPasskey(#[prop(optional, into)] on_added: Option<Callback<()>>) -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let toasts = Toasts::expect();
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let supported = webauthn::is_supported();

    let create = Action::new_unsync(move |_: &()| async move {
        let who = my_account(&api, auth);
        let result = async {
            let options = mfa::passkey_registration(&api, &who, None)
                .await
                .map_err(|e| e.message)?;
            let credential = webauthn::create(&options).await.map_err(|e| e.message())?;
            mfa::passkey_registration(&api, &who, Some(credential))
                .await
                .map(|_| ())
                .map_err(|e| format!("The passkey was not saved. {}", e.message))
        };
        match result.await {
            // The page may be gone by now: `set` on a disposed signal does nothing.
            Ok(()) => {
                open.set(false);
                error.set(None);
                toasts.success("Passkey added");
                if let Some(cb) = on_added {
                    // `try_`: the page may be gone by now (the ceremony takes a while).
                    cb.try_run(());
                }
            }
            Err(m) => {
                error.set(Some(m));
            }
        }
    });
    let pending = create.pending();

    if !supported {
        return view! {
            <p class="muted">
                "This browser does not support passkeys, so one cannot be added here."
            </p>
        }
        .into_any();
    }
    view! {
        <Show
            when=move || open.get()
            fallback=move || {
                view! {
                    <Button
                        class="btn"
                        on_click=move || {
                            error.set(None);
                            open.set(true);
                        }
                    >
                        "Add a passkey"
                    </Button>
                }
            }
        >
            <div class="stack">
                <p>
                    "Your browser will ask you to confirm with this device's screen lock or a security key."
                </p>
                <FormAlert error=error />
                <div class="row">
                    <Button
                        class="btn btn--primary"
                        disabled=move || pending.get()
                        on_click=move || {
                            if !pending.get_untracked() {
                                create.dispatch(());
                            }
                        }
                    >
                        {move || {
                            if pending.get() {
                                "Waiting for your device…"
                            } else if error.with(Option::is_some) {
                                "Try again"
                            } else {
                                "Create passkey"
                            }
                        }}
                    </Button>
                    <Button
                        class="btn btn--link"
                        disabled=move || pending.get()
                        on_click=move || open.set(false)
                    >
                        "Cancel"
                    </Button>
                </div>
            </div>
        </Show>
    }
    .into_any()
}
