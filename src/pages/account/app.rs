//! The authenticator app sign-in asks for: on or off, set up (or moved to another app,
//! which replaces the old one and its backup codes), and new backup codes where the
//! server offers them on their own (extension).

use super::{my_account, SecurityData};
use crate::api::extensions::Extension;
use crate::api::{mfa, Api};
use crate::auth::AuthContext;
use crate::components::backup_codes::BackupCodes;
use crate::components::Button;
use crate::components::Card;
use crate::components::{ConfirmedDialog, TotpSetup};
use crate::hooks::use_confirmed;
use leptos::prelude::*;

#[component]
pub fn AppSection() -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let data = expect_context::<SecurityData>();
    let adding = RwSignal::new(false);
    let new_codes = RwSignal::new(None::<Vec<String>>);
    let email = auth.email().unwrap_or_default();
    let on = Signal::derive(move || data.factors().app);
    let regenerate = use_confirmed(
        move |_: ()| async move {
            let c = mfa::regenerate(&api).await.map_err(|mut e| {
                if e.is_missing_feature() {
                    e.message = "This server makes new backup codes only with a new setup: use Move to another app.".into();
                }
                e
            })?;
            new_codes.set(Some(c.backup_codes));
            Ok(())
        },
        move |_| data.refresh(),
    );
    let regen_offered = move || api.extensions().offered(Extension::BackupCodeRegeneration);
    let email2 = email.clone();

    view! {
        <Card title="Authenticator app" class="stack">
            <p class="muted">
                {move || {
                    if on.get() {
                        "Sign-in asks for a code from your authenticator app, or one of your backup codes."
                    } else {
                        "An app such as Google Authenticator, 1Password or Authy gives a new sign-in code every 30 seconds."
                    }
                }}
            </p>
            <Show
                when=move || adding.get()
                fallback=move || {
                    view! {
                        <div class="row">
                    <button type="button" class="btn" class:btn--primary=move || !on.get() on:click=move |_| adding.set(true)>
                        {move || if on.get() { "Move to another app" } else { "Set up an authenticator app" }}
                    </button>
                    <Show when=move || on.get() && regen_offered()>
                        <Button class="btn" on_click=move || regenerate.ask(())>"Make new backup codes"</Button>
                    </Show>
                </div>
                <Show when=move || on.get() && !regen_offered()>
                    <p class="muted">"This server makes new backup codes only with a new setup: Move to another app (it can be the same app) to get ten new ones."</p>
                </Show>
                    }
                }
            >
                <TotpSetup
                    account=my_account(&api, auth)
                    replacing=on.get_untracked()
                    on_close=move |done: bool| {
                        adding.set(false);
                        if done {
                            data.refresh();
                        }
                    }
                />
            </Show>
            {move || {
                new_codes
                    .get()
                    .map(|codes| {
                        view! {
                            <section class="card stack" aria-labelledby="newcodes-h">
                                <h3 id="newcodes-h">"Your new backup codes"</h3>
                                <p class="alert alert--info" role="status">
                                    "Your old backup codes no longer work."
                                </p>
                                <BackupCodes
                                    account=email2.clone()
                                    codes=codes
                                    on_done=move |_| new_codes.set(None)
                                />
                            </section>
                        }
                    })
            }}
            <ConfirmedDialog
                of=regenerate
                title="Make new backup codes"
                message=|_| {
                    "Make ten new backup codes? Your current codes stop working at once."
                        .to_string()
                }
                confirm_label="Make new codes"
            />
        </Card>
    }
}
