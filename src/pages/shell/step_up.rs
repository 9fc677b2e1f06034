//! "Confirm it's you" (step-up) over the current page, when the server wants a fresh
//! proof before it mints a lasting credential or removes a factor (extensions-api.md
//! "Step-up"). The call waiting on it is sent once more after the confirmation; Cancel
//! leaves it undone. What the user typed on the page stays as it is.

use crate::api::step_up::{self, Proof};
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::{focus_first_invalid, FormEnd, Modal, SubmitButton, TextField};
use crate::hooks::use_submit;
use crate::validate;
use leptos::prelude::*;

/// The ways to confirm, as the radio buttons name them.
#[derive(Clone, Copy, PartialEq)]
enum Means {
    Code,
    Backup,
    Password,
    Passkey,
}

impl Means {
    /// The field's label.
    fn label(self) -> &'static str {
        match self {
            Means::Code => "Authentication code",
            Means::Backup => "Backup code",
            Means::Password => "Password",
            Means::Passkey => "Passkey",
        }
    }

    /// The radio button's words.
    fn choice(self) -> &'static str {
        match self {
            Means::Code => "My authenticator app",
            Means::Backup => "A backup code",
            Means::Password => "My password (no second factor)",
            Means::Passkey => "My passkey",
        }
    }

    /// The proof to send (None: the passkey's), or what is wrong with what was typed.
    fn proof(self, typed: &str) -> Result<Option<Proof>, String> {
        let t = typed.trim().to_string();
        Ok(Some(match self {
            Means::Passkey => return Ok(None),
            Means::Code => validate::totp_code(typed)
                .map(|c| Proof::Code(c.into()))
                .ok_or("Enter the 6-digit code from your authenticator app.")?,
            _ if t.is_empty() => {
                return Err(format!("Enter your {}.", self.label().to_lowercase()))
            }
            Means::Backup => Proof::BackupCode(t.into()),
            Means::Password => Proof::Password(typed.into()),
        }))
    }
}

#[component]
pub fn StepUpDialog() -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let hand_off = auth.step_up();
    // An invited admin's account has no second factor: the password is the proof.
    let session = auth.session();
    let invited = move || session.with(|s| s.as_ref().is_some_and(|s| s.is_invited()));
    let with = RwSignal::new(Means::Code);
    let typed = RwSignal::new(String::new());
    let field_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // The field takes focus when the dialog opens, not when a radio button is picked
    // (arrow keys move through the choices).
    let picked = StoredValue::new(false);
    let reset = move || {
        typed.set(String::new());
        field_error.set(None);
        error.set(None);
    };
    let confirm = use_submit(
        move |p: &Option<Proof>| {
            let p = p.clone();
            async move {
                match p {
                    Some(p) => step_up::confirm(&api, &p).await.map_err(|e| e.message),
                    None => with_passkey(&api).await,
                }
            }
        },
        move |token: String| match auth.renew(&token) {
            Ok(()) => {
                reset();
                picked.set_value(false);
                // Not after a Cancel while it was on its way: that call stays undone.
                if hand_off.is_open().get_untracked() {
                    hand_off.finish(true);
                }
            }
            Err(m) => error.set(Some(m)),
        },
        move |e: String| {
            // A code is spent or stale by now; a password is kept to be corrected.
            if with.get_untracked() != Means::Password {
                typed.set(String::new());
            }
            error.set(Some(e));
        },
    );
    let cancel = move || {
        reset();
        picked.set_value(false);
        hand_off.finish(false);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if confirm.pending().get_untracked() {
            return;
        }
        error.set(None);
        match with.get_untracked().proof(&typed.get_untracked()) {
            Ok(p) => {
                field_error.set(None);
                confirm.dispatch(p);
            }
            Err(m) => {
                field_error.set(Some(m));
                focus_first_invalid();
            }
        }
    };
    let choice = move |w: Means| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="step-up-with"
                    prop:checked=move || with.get() == w
                    on:change=move |_| {
                        reset();
                        picked.set_value(true);
                        with.set(w);
                    }
                />
                {w.choice()}
            </label>
        }
    };
    Effect::new(move |_| {
        if hand_off.is_open().get() && invited() {
            with.set(Means::Password);
        }
    });
    view! {
        <Modal open=hand_off.is_open() title="Confirm it's you" on_cancel=move |_| cancel()>
            <form class="stack" novalidate on:submit=submit aria-label="Confirm it's you">
                <p>
                    "This creates or removes a way into your account, so confirm it's you first. Nothing on the page is lost."
                </p>
                <fieldset class="method">
                    <legend>"Confirm with"</legend>
                    {choice(Means::Code)}
                    {choice(Means::Backup)}
                    {choice(Means::Password)}
                    {choice(Means::Passkey)}
                </fieldset>
                {move || {
                    let w = with.get();
                    if w == Means::Passkey {
                        return view! {
                            <p class="muted">"Confirm shows your browser's passkey prompt."</p>
                        }
                            .into_any();
                    }
                    let (kind, complete) = match w {
                        Means::Password => ("password", "current-password"),
                        _ => ("text", "one-time-code"),
                    };
                    view! {
                        <TextField
                            label=w.label()
                            value=typed
                            error=field_error
                            input_type=kind
                            autocomplete=complete
                            autofocus=!picked.get_value()
                        />
                    }
                        .into_any()
                }}
                <FormEnd error=error>
                    <button type="button" class="btn" on:click=move |_| cancel()>
                        "Cancel"
                    </button>
                    <SubmitButton pending=confirm.pending() label="Confirm" busy="Confirming…" />
                </FormEnd>
            </form>
        </Modal>
    }
}

/// The passkey's proof: the server's challenge, the browser's prompt, the assertion.
async fn with_passkey(api: &Api) -> Result<String, String> {
    let options = step_up::passkey_challenge(api)
        .await
        .map_err(|e| e.message)?;
    let credential = crate::auth::webauthn::get(&options)
        .await
        .map_err(|e| e.message())?;
    step_up::passkey_confirm(api, credential)
        .await
        .map_err(|e| e.message)
}
