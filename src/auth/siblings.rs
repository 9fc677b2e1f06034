//! Tabs share one session without storage: a new tab asks the open tabs of this origin
//! over a `BroadcastChannel` and, when one is signed in, takes its session, in memory only
//! (never written anywhere). The signed-in side, which answers, is `auth::tabs`. Same
//! origin only: a script able to listen here could read the memory as well (README).

use super::{AuthContext, Session};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;

/// The channel's name.
pub const CHANNEL: &str = "authsec-console";
/// What a new tab says: "is anyone signed in?"
pub const HELLO: &str = "hello";
/// How long a deep link waits for an answer before it sends to the sign-in.
pub const WAIT_MS: u64 = 300;

/// A session as one tab hands it to another: `s`, the token, the workspace, admin, invited.
pub fn encode(s: &Session) -> String {
    let flag = |b: bool| if b { "1" } else { "0" };
    format!(
        "s\n{}\n{}\n{}\n{}",
        s.token(),
        s.tenant_domain,
        flag(s.is_admin()),
        flag(s.is_invited())
    )
}

/// The session in a message from another tab, if it is one.
pub fn decode(text: &str) -> Option<Session> {
    let mut p = text.split('\n');
    if p.next()? != "s" {
        return None;
    }
    let (token, workspace, admin, invited) = (p.next()?, p.next()?, p.next()?, p.next()?);
    let s = Session::from_token(token, workspace, admin == "1").ok()?;
    Some(if invited == "1" { s.invited() } else { s })
}

/// Asks the other tabs for their session; true while it waits for an answer.
pub fn ask(auth: AuthContext) -> ReadSignal<bool> {
    let (asking, set_asking) = signal(true);
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        set_asking.set(false);
        return asking;
    };
    let heard = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        // `try_`: the app may be gone (a test unmounted it) while the channel is open.
        if asking.try_get_untracked() != Some(true) || auth.is_signed_in() {
            return;
        }
        if let Some(s) = e.data().as_string().as_deref().and_then(decode) {
            auth.sign_in(s);
            set_asking.set(false);
        }
    });
    channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
    let _ = channel.post_message(&HELLO.into());
    set_timeout(
        move || {
            channel.close();
            drop(heard);
            // `try_`: the app may be gone by now (a test unmounted it).
            set_asking.try_set(false);
        },
        Duration::from_millis(WAIT_MS),
    );
    asking
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_survives_the_trip_to_another_tab() {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        let claims = r#"{"sub":"u","email_id":"a@acme.test","exp":10}"#;
        let token = format!("h.{}.s", URL_SAFE_NO_PAD.encode(claims));
        let s = Session::from_token(&token, "acme", true).unwrap().invited();
        let back = decode(&encode(&s)).expect("a session");
        assert_eq!(back, s);
        assert!(back.is_admin() && back.is_invited());
        assert_eq!(decode(HELLO), None);
        assert_eq!(decode("s\nnot-a-token\nacme\n1\n0"), None);
        assert_eq!(decode("s\n"), None);
    }
}
