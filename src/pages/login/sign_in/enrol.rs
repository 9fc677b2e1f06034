//! The step for an account with no second factor yet (a first sign-in, or one whose
//! factor was never set up): it sets one up on AuthSec's routes before the console opens.
//! AuthSec e-mails such accounts a one-time code that no route checks (authsec-api.md §a),
//! so the console never asks for it. Once a factor is on, a failure afterwards offers only
//! to finish signing in, never to set one up again (which would replace it).

use super::FactorStep;
use crate::api::Api;
use crate::auth::flow::{self, StepError};
use crate::auth::{webauthn, AuthContext, Session};
use crate::components::Button;
use crate::components::FormAlert;
use crate::components::TotpSetup;
use leptos::prelude::*;

/// Which factor this step has set up.
#[derive(Clone, Copy, PartialEq)]
enum Done {
    App,
    Passkey,
}

#[component]
pub fn EnrolStep(step: FactorStep) -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let alert = RwSignal::new(None::<String>);
    let app = RwSignal::new(false);
    let done = RwSignal::new(None::<Done>);
    let email = step.ok.email.clone();
    let account = step.ok.account();
    let ok = StoredValue::new(step.ok);
    let tenant = StoredValue::new(step.tenant);
    let outcome = move |r: Result<Session, StepError>| match r {
        Ok(s) => auth.accept(s, step.on_signed_in),
        Err(e) => {
            alert.set(Some(e.message().to_string()));
            // `try_`: this runs after an answer; the step may be gone by then.
            step.on_error.try_run(e);
        }
    };
    // The app is on once its code was confirmed (that was the factor check): the token.
    let finish = Action::new_unsync(move |_: &()| async move {
        outcome(flow::finish(&api, &ok.get_value(), &tenant.get_value()).await);
    });
    // A new passkey: registered once, then used to sign in (again on a retry).
    let passkey = Action::new_unsync(move |_: &()| async move {
        let (o, t) = (ok.get_value(), tenant.get_value());
        if done.get_untracked() != Some(Done::Passkey) {
            if let Err(e) = flow::register_passkey(&api, &o).await {
                return outcome(Err(e));
            }
            done.set(Some(Done::Passkey));
        }
        outcome(flow::with_passkey(&api, &o, &t).await);
    });
    let busy = Signal::derive(move || finish.pending().get() || passkey.pending().get());
    let on_close = Callback::new(move |on: bool| {
        app.set(false);
        if on {
            done.set(Some(Done::App));
            finish.dispatch(());
        }
    });
    // Each step's button: off while a step runs; a click first clears the last alert.
    let back = step.on_back;
    let button = move |class: &'static str, go: Callback<()>, label: AnyView| {
        view! {
            <Button
                class=class
                disabled=move || busy.get()
                on_click=move || {
                    alert.set(None);
                    go.run(());
                }
            >
                {label}
            </Button>
        }
    };
    let choose = move || {
        let app_label = view! { "Set up an authenticator app" }.into_any();
        let passkey_label = move || match passkey.pending().get() {
            true => "Waiting for your device…",
            false => "Use a passkey",
        };
        view! {
            {button("btn btn--primary", Callback::new(move |_| app.set(true)), app_label)}
            {webauthn::is_supported()
                .then(|| {
                    let go = Callback::new(move |_| {
                        passkey.dispatch(());
                    });
                    button("btn", go, passkey_label.into_any())
                })}
        }
    };
    let retry = move |d: Done| {
        let (label, go) = match d {
            Done::App => ("Finish signing in", finish),
            Done::Passkey => ("Sign in with your new passkey", passkey),
        };
        let go = Callback::new(move |_| {
            go.dispatch(());
        });
        button("btn btn--primary", go, label.into_any())
    };

    view! {
        <div class="stack">
            <h1>"Set up two-factor sign-in"</h1>
            <p class="muted">
                "Signed in as " <strong>{email}</strong>
                ". This account has no second factor yet: set one up to finish signing in."
            </p>
            <FormAlert error=alert />
            <p role="status" aria-live="polite">
                {move || finish.pending().get().then_some("Signing you in…")}
            </p>
            <Show
                when=move || app.get()
                fallback=move || {
                    view! {
                        {move || match done.get() {
                            None => choose().into_any(),
                            Some(d) => retry(d).into_any(),
                        }}
                        <Button
                            class="btn btn--link"
                            disabled=move || busy.get()
                            on_click=move || back.run(())
                        >
                            "Start over"
                        </Button>
                    }
                }
            >
                <TotpSetup account=account.clone() on_close />
            </Show>
        </div>
    }
}
