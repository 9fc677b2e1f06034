//! "Add an authenticator app": name → register → scan the QR code → type the
//! code (sent on the sixth digit) → backup codes. Cancel at any step before
//! the codes; an abandoned setup is removed so it does not linger.

use super::codes::BackupCodes;
use crate::api::mfa::{self, TotpBegin};
use crate::api::Api;
use crate::components::{CopyButton, Qr, TextField};
use crate::mfa::{group_secret, Setup, Step};
use leptos::html;
use leptos::prelude::*;

const STEPS: [&str; 4] = ["Name", "Scan", "Verify", "Backup codes"];

#[component]
pub fn TotpSetup(on_close: Callback<bool>) -> impl IntoView {
    let api = Api::expect();
    let setup = RwSignal::new(Setup::default());
    let begun = StoredValue::new(None::<TotpBegin>);
    let name = RwSignal::new("Phone".to_string());
    let code = RwSignal::new(String::new());
    let code_input = NodeRef::<html::Input>::new();
    let step = Memo::new(move |_| setup.with(|s| s.step.clone()));

    let register = Action::new_local(move |n: &String| {
        let n = n.trim().to_string();
        async move { mfa::begin(&api, &n).await }
    });
    Effect::new(move |_| {
        if let Some(r) = register.value().get() {
            register.value().set(None);
            let r = r.map(|b| {
                let id = b.device_id.clone();
                begun.set_value(Some(b));
                id
            });
            setup.update(|s| {
                s.registered(r.map_err(|e| format!("The app could not be added. {}", e.message)))
            });
        }
    });
    let confirm = Action::new_local(move |c: &String| {
        let (c, id) = (c.clone(), setup.with_untracked(|s| s.device_id.clone()));
        async move { mfa::confirm(&api, &id, &c).await }
    });
    Effect::new(move |_| {
        if let Some(r) = confirm.value().get() {
            confirm.value().set(None);
            let wrong_code = matches!(&r, Err(e) if e.status == 400);
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
        // While the register call runs its device id is unknown: wait for it.
        if register.pending().get_untracked() {
            return;
        }
        if setup.try_update(|s| s.cancel()).unwrap_or(false) {
            let id = setup.with_untracked(|s| s.device_id.clone());
            if !id.is_empty() {
                // The unconfirmed device is of no use: remove it (best effort).
                leptos::task::spawn_local(async move {
                    let _ = mfa::delete(&api, &id).await;
                });
            }
            on_close.try_run(false);
        }
    };
    let restart = move || {
        let id = setup.with_untracked(|s| s.device_id.clone());
        leptos::task::spawn_local(async move {
            let _ = mfa::delete(&api, &id).await;
        });
        begun.set_value(None);
        code.set(String::new());
        setup.set(Setup::default());
    };
    let on_code = move |_| {
        let typed = code.get_untracked();
        if let Some(c) = setup.try_update(|s| s.code_typed(&typed)).flatten() {
            confirm.dispatch(c);
        }
    };
    let error = Signal::derive(move || setup.with(|s| s.error.clone()));
    let b = move |f: fn(&TotpBegin) -> String| {
        begun.with_value(|b| b.as_ref().map(f).unwrap_or_default())
    };

    view! {
        <section class="card stack setup" aria-labelledby="setup-h">
            <h2 id="setup-h">"Add an authenticator app"</h2>
            <ol class="steps" aria-label="Steps">
                {STEPS.iter().enumerate().map(|(i, s)| {
                    let n = i as u8 + 1;
                    view! { <li aria-current=move || (setup.with(Setup::shown_step) == n).then_some("step")>{*s}</li> }
                }).collect_view()}
            </ol>
            {move || match step.get() {
                Step::Name | Step::Registering | Step::Cancelled => view! {
                    <form class="stack" novalidate on:submit=move |ev| {
                        ev.prevent_default();
                        if !register.pending().get_untracked() && setup.try_update(|s| s.submit_name(&name.get_untracked())).unwrap_or(false) {
                            register.dispatch(name.get_untracked());
                        }
                    }>
                        <TextField label="Device name" value=name error=error autocomplete="off" hint="The name shown in your list of devices, such as \"Phone\"." />
                        <div class="actions">
                            <button type="button" class="btn" disabled=move || register.pending().get() on:click=move |_| cancel()>"Cancel"</button>
                            <button type="submit" class="btn btn--primary" disabled=move || register.pending().get()>
                                {move || if register.pending().get() { "Creating…" } else { "Continue" }}
                            </button>
                        </div>
                    </form>
                }.into_any(),
                Step::Scan => view! {
                    <p>"Scan this code with your authenticator app (such as Google Authenticator, 1Password or Authy)."</p>
                    <Qr text=b(|b| b.qr_code_url.clone()) label="QR code for your authenticator app" />
                    <p>"Or type this key into the app:"</p>
                    <p class="secret-key"><code class="mono" aria-label="Setup key">{b(|b| group_secret(&b.secret))}</code>
                        <CopyButton value=Signal::derive(move || b(|b| b.secret.clone())) label="Copy the setup key" /></p>
                    <p><a href=b(|b| b.qr_code_url.clone())>"Open in an authenticator app on this device"</a></p>
                    <div class="actions">
                        <button type="button" class="btn" on:click=move |_| cancel()>"Cancel"</button>
                        <button type="button" class="btn btn--primary" on:click=move |_| setup.update(Setup::scanned)>"Next"</button>
                    </div>
                }.into_any(),
                Step::Verify => view! {
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
                                <button type="button" class="btn" on:click=move |_| cancel()>"Cancel"</button>
                                <button type="button" class="btn" on:click=move |_| setup.update(Setup::back)>"Back"</button>
                                <button type="submit" class="btn btn--primary" disabled=move || confirm.pending().get()>"Verify"</button>
                            }>
                                <button type="button" class="btn" on:click=move |_| cancel()>"Cancel"</button>
                                <button type="button" class="btn btn--primary" on:click=move |_| restart()>"Start again"</button>
                            </Show>
                        </div>
                    </form>
                }.into_any(),
                Step::Codes | Step::Done => view! {
                    <p class="alert alert--info" role="status">"Your authenticator app is on. From now on, sign-in asks for a code from it."</p>
                    <BackupCodes codes=begun.with_value(|b| b.as_ref().map(|b| b.backup_codes.clone()).unwrap_or_default())
                        on_done=Callback::new(move |_| { setup.update(Setup::acknowledged); on_close.try_run(true); }) />
                }.into_any(),
            }}
        </section>
    }
}
