//! "Add a passkey": begin → `navigator.credentials.create` → finish.

use crate::api::{passkeys, Api};
use crate::auth::{webauthn, AuthContext};
use crate::components::{TextField, Toasts};
use leptos::prelude::*;

#[component]
pub fn AddPasskey(#[prop(optional)] on_added: Option<Callback<()>>) -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let toasts = Toasts::expect();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let supported = webauthn::is_supported();

    let create = Action::new_unsync(move |_: &()| async move {
        let (email, tenant) = auth
            .session()
            .with_untracked(|s| {
                s.as_ref()
                    .map(|s| (s.email().to_string(), s.claims.tenant_id.clone()))
            })
            .unwrap_or_default();
        let label = name.get_untracked().trim().to_string();
        let result = async {
            let options = passkeys::begin_registration(&api, &email, &tenant)
                .await
                .map_err(|e| e.message)?;
            let credential = webauthn::create(&options).await.map_err(|e| e.message())?;
            passkeys::finish_registration(&api, &email, &tenant, &label, credential)
                .await
                .map_err(|e| e.message)
        };
        match result.await {
            // The page may be gone by now (the ceremony takes a while): try_.
            Ok(()) => {
                open.try_set(false);
                error.try_set(None);
                toasts.success("Passkey added");
                if let Some(cb) = on_added {
                    cb.try_run(());
                }
            }
            Err(m) => {
                error.try_set(Some(m));
            }
        }
    });
    let pending = create.pending();
    let start = move |_| {
        let ua = window().navigator().user_agent().unwrap_or_default();
        name.set(webauthn::device_label(&ua));
        error.set(None);
        open.set(true);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.with_untracked(|n| n.trim().is_empty()) {
            error.set(Some("Give the passkey a name you will recognise.".into()));
        } else if !pending.get_untracked() {
            create.dispatch(());
        }
    };

    if !supported {
        return view! { <p class="muted">"This browser does not support passkeys, so one cannot be added here."</p> }.into_any();
    }
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! { <button type="button" class="btn" on:click=start>"Add a passkey"</button> }
        >
            <form class="stack" novalidate on:submit=submit>
                <TextField label="Passkey name" value=name error=error autocomplete="off" />
                <div class="row">
                    <button type="submit" class="btn btn--primary" disabled=move || pending.get()>
                        {move || if pending.get() { "Waiting for your device…" } else if error.with(Option::is_some) { "Try again" } else { "Create passkey" }}
                    </button>
                    <button type="button" class="btn btn--link" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
        </Show>
    }
    .into_any()
}
