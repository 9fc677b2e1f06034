//! Signing in with a pasted access token (for API-key holders).

use crate::api::Api;
use crate::auth::{flow, AuthContext, Session};
use crate::components::field::unique_id;
use crate::components::Button;
use leptos::prelude::*;

/// Checks a pasted token; `now_s` is the current time in seconds.
pub fn accept_token(raw: &str, tenant: &str, now_s: i64) -> Result<Session, String> {
    if raw.trim().is_empty() {
        return Err("Paste an access token.".into());
    }
    let s = Session::from_token(raw, tenant, false)?;
    if s.is_expired(now_s) {
        return Err("This access token has expired. Ask for a new one.".into());
    }
    Ok(s)
}

#[component]
pub fn TokenPaste(on_signed_in: Callback<Session>, on_back: Callback<()>) -> impl IntoView {
    let tenant = Api::expect().config().tenant_domain;
    let token = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let id = unique_id("tok");
    let err_id = format!("{id}-err");
    let api = Api::expect();
    let auth = AuthContext::expect();
    // Checked here first, then the server says whether the account is an admin.
    let open = Action::new_local(move |raw: &String| {
        let (raw, tenant) = (raw.clone(), tenant.clone());
        async move {
            let now = (js_sys::Date::now() / 1000.0) as i64;
            let checked = accept_token(&raw, &tenant, now);
            let opened = match checked {
                Ok(_) => flow::open_session(&api, &raw, &tenant).await,
                Err(m) => Err(m),
            };
            match opened {
                Ok(s) => {
                    token.set(String::new());
                    auth.accept(s, on_signed_in);
                }
                Err(m) => error.set(Some(m)),
            }
        }
    });
    let pending = open.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !pending.get_untracked() {
            error.set(None);
            open.dispatch(token.get_untracked());
        }
    };
    view! {
        <form class="stack" novalidate on:submit=submit>
            <h1>"Sign in with a token"</h1>
            <div class="field" class:field--invalid=move || error.with(Option::is_some)>
                <label for=id.clone()>"Access token"</label>
                <textarea id=id rows="4" spellcheck="false" autocomplete="off" bind:value=token
                    aria-describedby=err_id.clone()
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }></textarea>
                <p class="field__error" id=err_id aria-live="polite">{move || error.get()}</p>
            </div>
            <p class="muted">"The token stays in this tab's memory only and is forgotten when you sign out or reload."</p>
            <button type="submit" class="btn btn--primary" disabled=move || pending.get()>"Continue"</button>
            <Button class="btn btn--link" on_click=move || on_back.run(())>"Sign in with a password instead"</Button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::accept_token;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    #[test]
    fn pasted_tokens_must_be_jwts_that_have_not_expired() {
        let t = format!("h.{}.s", URL_SAFE_NO_PAD.encode(r#"{"sub":"u","exp":100}"#));
        assert!(accept_token(&t, "acme", 99).is_ok());
        assert!(accept_token(&t, "acme", 100)
            .unwrap_err()
            .contains("expired"));
        assert!(accept_token("  ", "acme", 0).unwrap_err().contains("Paste"));
        assert!(accept_token("sk_live_abc", "acme", 0).is_err());
    }
}
