//! The second step: an authenticator code, a backup code, or a passkey.

use super::FactorStep;
use crate::api::login::SecondFactor;
use crate::api::Api;
use crate::auth::flow::{self, AskedFactors, StepError};
use crate::auth::AuthContext;
use crate::components::Button;
use crate::components::TextField;
use crate::validate;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn SecondFactorStep(step: FactorStep, factors: AskedFactors) -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let code = RwSignal::new(String::new());
    let backup = RwSignal::new(false);
    let alert = RwSignal::new(None::<String>);
    let field_error = RwSignal::new(None::<String>);
    let input = NodeRef::<html::Input>::new();
    let email = step.ok.email.clone();
    let ok = StoredValue::new(step.ok);
    let tenant = StoredValue::new(step.tenant);

    // Runs after an answer: the step may be gone by then (Back, the dialog closed).
    let fail = move |e: StepError| {
        code.set(String::new());
        // `try_`: a disposed field is no field to focus.
        if let Some(Some(i)) = input.try_get_untracked() {
            let _ = i.focus();
        }
        alert.set(Some(e.message().to_string()));
        // `try_`: nobody is left to restart the sign-in when the step is gone.
        step.on_error.try_run(e);
    };
    let verify = Action::new_unsync(move |factor: &SecondFactor| {
        let factor = factor.clone();
        async move {
            match flow::with_code(&api, &ok.get_value(), &tenant.get_value(), factor).await {
                Ok(s) => auth.accept(s, step.on_signed_in),
                Err(e) => fail(e),
            }
        }
    });
    let passkey = Action::new_unsync(move |_: &()| async move {
        match flow::with_passkey(&api, &ok.get_value(), &tenant.get_value()).await {
            Ok(s) => auth.accept(s, step.on_signed_in),
            Err(e) => fail(e),
        }
    });
    let busy = Signal::derive(move || verify.pending().get() || passkey.pending().get());

    let try_submit = move || {
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked();
        let factor = if backup.get_untracked() {
            match validate::required(&typed, "a backup code") {
                Some(m) => return field_error.set(Some(m)),
                None => SecondFactor::BackupCode(typed.trim().into()),
            }
        } else {
            match validate::totp_code(&typed) {
                Some(c) => SecondFactor::Totp(c.into()),
                None => {
                    return field_error.set(Some(
                        "Enter the 6-digit code from your authenticator app.".into(),
                    ))
                }
            }
        };
        field_error.set(None);
        verify.dispatch(factor);
    };
    // Submit by itself once six digits are in (typed or pasted with spaces).
    Effect::new(move |_| {
        let typed = code.get();
        if !backup.get_untracked() && validate::totp_code(&typed).is_some() {
            try_submit();
        }
    });

    view! {
        <div class="stack">
            <h1>"Two-factor authentication"</h1>
            <p class="muted">"Signed in as " <strong>{email}</strong> ". Confirm it is you."</p>
            {move || alert.get().map(|m| view! { <p class="alert" role="alert">{m}</p> })}
            <Show when=move || factors.totp>
                <form class="stack" novalidate on:submit=move |ev| { ev.prevent_default(); try_submit(); }>
                    {move || if backup.get() {
                        view! { <TextField label="Backup code" value=code error=field_error autocomplete="one-time-code" node_ref=input autofocus=true /> }.into_any()
                    } else {
                        view! { <TextField label="Authentication code" value=code error=field_error inputmode="numeric" autocomplete="one-time-code" node_ref=input autofocus=true /> }.into_any()
                    }}
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()>"Verify"</button>
                    <button type="button" class="btn btn--link" on:click=move |_| { code.set(String::new()); field_error.set(None); backup.update(|b| *b = !*b); }>
                        {move || if backup.get() { "Use an authenticator code instead" } else { "Use a backup code instead" }}
                    </button>
                </form>
            </Show>
            <Show when=move || factors.passkey>
                <button type="button" class="btn" class:btn--primary=!factors.totp disabled=move || busy.get() on:click=move |_| { passkey.dispatch(()); }>
                    "Use your passkey"
                </button>
            </Show>
            <Button class="btn btn--link" on_click=move || step.on_back.run(())>"Start over"</Button>
        </div>
    }
}
