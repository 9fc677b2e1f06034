//! Backup codes shown once: Copy, Download as `.txt`, Print, and an "I have
//! saved them" acknowledgement before the user can go on.

use super::FormAlert;
use crate::components::download::download;
use crate::components::Button;
use crate::components::CopyButton;
use crate::mfa::backup_codes_text;
use leptos::prelude::*;

#[component]
pub fn BackupCodes(
    /// The e-mail the codes sign in (named in the downloaded file).
    account: String,
    codes: Vec<String>,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let text = StoredValue::new(backup_codes_text("AuthSec", &account, &codes));
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    view! {
        <div class="stack print-area">
            <p>
                "Each code signs you in once if your authenticator app is not at hand. They are shown only now: keep them somewhere safe."
            </p>
            <ol class="codes" aria-label="Backup codes">
                {codes.into_iter().map(|c| view! { <li class="mono">{c}</li> }).collect_view()}
            </ol>
            <div class="row no-print">
                <CopyButton
                    value=Signal::derive(move || text.get_value())
                    label="Copy the backup codes"
                    text="Copy"
                />
                <Button
                    class="btn btn--small"
                    on_click=move || {
                        if download(
                                "backup-codes.txt",
                                "text/plain;charset=utf-8",
                                &text.get_value(),
                            )
                            .is_err()
                        {
                            error
                                .set(
                                    Some(
                                        "The file could not be downloaded by this browser. Copy the codes instead."
                                            .into(),
                                    ),
                                );
                        }
                    }
                >
                    "Download .txt"
                </Button>
                <Button
                    class="btn btn--small"
                    on_click=move || {
                        let _ = window().print();
                    }
                >
                    "Print"
                </Button>
            </div>
            <FormAlert error=error />
            <label class="check no-print">
                <input type="checkbox" bind:checked=saved />
                "I have saved these codes"
            </label>
            <div class="actions no-print">
                <Button
                    class="btn btn--primary"
                    disabled=move || !saved.get()
                    on_click=move || on_done.run(())
                >
                    "Done"
                </Button>
            </div>
        </div>
    }
}
