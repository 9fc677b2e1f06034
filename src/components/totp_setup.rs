//! Setting up the authenticator app that sign-in asks for, on AuthSec's routes: a new
//! secret (nothing stored yet) → scan the QR code → type the code (sent on the sixth
//! digit; it stores the app) → backup codes. Used at a first sign-in and on Security;
//! setting it up again replaces the earlier app and codes.

use super::backup_codes::BackupCodes;
use super::FormEnd;
use crate::api::mfa::{self, Account, TotpBegin};
use crate::api::Api;
use crate::components::Button;
use crate::components::{CopyButton, Qr};
use crate::mfa::{group_secret, Setup, Step};
use leptos::html;
use leptos::prelude::*;

const STEPS: [&str; 3] = ["Scan", "Verify", "Backup codes"];

#[component]
pub fn TotpSetup(
    account: Account,
    /// Told `true` once the codes were acknowledged, `false` on Cancel.
    #[prop(into)]
    on_close: Callback<bool>,
    /// Whether an app is on already (the new one replaces it).
    #[prop(optional)]
    replacing: bool,
) -> impl IntoView {
    let api = Api::expect();
    let setup = RwSignal::new(Setup::default());
    let begun = StoredValue::new(None::<TotpBegin>);
    let codes = StoredValue::new(Vec::<String>::new());
    let code = RwSignal::new(String::new());
    let code_input = NodeRef::<html::Input>::new();
    let step = Memo::new(move |_| setup.with(|s| s.step.clone()));
    let email = account.email.clone();
    let account = StoredValue::new(account);

    let begin = Action::new_local(move |_: &()| {
        let who = account.get_value();
        async move { mfa::totp_begin(&api, &who).await }
    });
    Effect::new(move |_| {
        if let Some(r) = begin.value().get() {
            begin.value().set(None);
            let r = r.map(|b| begun.set_value(Some(b)));
            setup.update(|s| {
                s.begun(r.map_err(|e| format!("The setup could not start. {}", e.message)))
            });
        }
    });
    begin.dispatch(());
    let confirm = Action::new_local(move |c: &String| {
        let (c, who) = (c.clone(), account.get_value());
        let secret = begun.with_value(|b| b.as_ref().map(|b| b.secret.clone()).unwrap_or_default());
        async move { mfa::totp_confirm(&api, &who, secret.expose(), &c).await }
    });
    Effect::new(move |_| {
        if let Some(r) = confirm.value().get() {
            confirm.value().set(None);
            let wrong_code = matches!(&r, Err(e) if e.status == 400);
            let r = r.map(|b| codes.set_value(b.backup_codes));
            setup.update(|s| s.confirmed(r.map_err(|e| (e.status, e.message))));
            if wrong_code {
                // A wrong code: clear the field and put the cursor back.
                code.set(String::new());
                if let Some(i) = code_input.get_untracked() {
                    let _ = i.focus();
                }
            }
        }
    });
    // Focus the code field when its step opens.
    Effect::new(move |_| {
        if step.get() == Step::Verify {
            if let Some(i) = code_input.get() {
                let _ = i.focus();
            }
        }
    });

    let cancel = move || {
        let mut closed = false;
        setup.update(|s| closed = s.cancel());
        if closed {
            on_close.run(false);
        }
    };
    let restart = move || {
        begun.set_value(None);
        code.set(String::new());
        setup.set(Setup::default());
        begin.dispatch(());
    };
    let on_code = move |_| {
        let typed = code.get_untracked();
        let mut checked = None;
        setup.update(|s| checked = s.code_typed(&typed));
        if let Some(c) = checked {
            confirm.dispatch(c);
        }
    };
    let error = Signal::derive(move || setup.with(|s| s.error.clone()));
    let b = move |f: fn(&TotpBegin) -> String| {
        begun.with_value(|b| b.as_ref().map(f).unwrap_or_default())
    };
    let title = if replacing {
        "Move to another authenticator app"
    } else {
        "Set up an authenticator app"
    };

    view! {
        <section class="card stack setup" aria-labelledby="setup-h">
            <h2 id="setup-h">{title}</h2>
            {replacing
                .then(|| {
                    view! {
                        <p class="alert alert--warning" role="note">
                            "The new app replaces the one you use now, and new backup codes replace the old ones, once you confirm a code from it."
                        </p>
                    }
                })}
            <ol class="steps" aria-label="Steps">
                {STEPS
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let n = i as u8 + 1;
                        view! {
                            <li aria-current=move || {
                                (setup.with(Setup::shown_step) == n).then_some("step")
                            }>{*s}</li>
                        }
                    })
                    .collect_view()}
            </ol>
            {move || match step.get() {
                Step::Begin | Step::Cancelled => {
                    view! {
                        <p role="status" aria-live="polite">
                            {move || begin.pending().get().then_some("Preparing your setup key…")}
                        </p>
                        <FormEnd error=error>
                            <Button
                                class="btn"
                                disabled=move || begin.pending().get()
                                on_click=move || cancel()
                            >
                                "Cancel"
                            </Button>
                            <button
                                type="button"
                                class="btn btn--primary"
                                hidden=move || error.with(Option::is_none)
                                disabled=move || begin.pending().get()
                                on:click=move |_| restart()
                            >
                                "Try again"
                            </button>
                        </FormEnd>
                    }
                        .into_any()
                }
                Step::Scan => {
                    view! {
                        <p>
                            "Scan this code with your authenticator app (such as Google Authenticator, 1Password or Authy)."
                        </p>
                        <Qr
                            text=b(|b| b.otp_auth_url.expose().to_string())
                            label="QR code for your authenticator app"
                        />
                        <p>"Or type this key into the app:"</p>
                        <p class="secret-key">
                            <code class="mono" aria-label="Setup key">
                                {b(|b| group_secret(b.secret.expose()))}
                            </code>
                            <CopyButton
                                value=Signal::derive(move || b(|b| b.secret.expose().to_string()))
                                label="Copy the setup key"
                            />
                        </p>
                        <p>
                            <a href=b(|b| {
                                b.otp_auth_url.expose().to_string()
                            })>"Open in an authenticator app on this device"</a>
                        </p>
                        <div class="actions">
                            <button type="button" class="btn" on:click=move |_| cancel()>
                                "Cancel"
                            </button>
                            <Button
                                class="btn btn--primary"
                                on_click=move || setup.update(Setup::scanned)
                            >
                                "Next"
                            </Button>
                        </div>
                    }
                        .into_any()
                }
                Step::Verify => {
                    view! {
                        <form class="stack" novalidate on:submit=move |ev| { ev.prevent_default(); on_code(()); }>
                        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
                            <label for="totp-code">"6-digit code from the app"</label>
                            <input id="totp-code" node_ref=code_input type="text" inputmode="numeric" autocomplete="one-time-code"
                                maxlength="12" bind:value=code on:input=move |_| on_code(())
                                disabled=move || confirm.pending().get() || setup.with(|s| s.expired)
                                aria-invalid=move || error.with(Option::is_some).to_string() aria-describedby="totp-code-err" />
                            <p class="field__error" id="totp-code-err" aria-live="polite">{move || error.get()}</p>
                        </div>
                        <p role="status" aria-live="polite">{move || confirm.pending().get().then_some("Checking the code…")}</p>
                        <div class="actions">
                            <Show when=move || setup.with(|s| s.expired) fallback=move || view! {
                                <Button class="btn" on_click=move || cancel()>"Cancel"</Button>
                                <Button class="btn" on_click=move || setup.update(Setup::back)>"Back"</Button>
                                <button type="submit" class="btn btn--primary" disabled=move || confirm.pending().get()>"Verify"</button>
                            }>
                                <Button class="btn" on_click=move || cancel()>"Cancel"</Button>
                                <Button class="btn btn--primary" on_click=move || restart()>"Start again"</Button>
                            </Show>
                        </div>
                    </form>
                    }
                        .into_any()
                }
                Step::Codes | Step::Done => {
                    view! {
                        <p class="alert alert--info" role="status">
                            "Your authenticator app is on. From now on, sign-in asks for a code from it."
                        </p>
                        <BackupCodes
                            account=email.clone()
                            codes=codes.get_value()
                            on_done=move |_| {
                                setup.update(Setup::acknowledged);
                                on_close.run(true);
                            }
                        />
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
