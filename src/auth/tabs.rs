//! The signed-in side of one session shared by the tabs of this origin (`auth::siblings`
//! is the asking side): answers a new tab's hello with the session, hands a renewed one to
//! the other tabs, signs out when another tab signs out, and keeps which other tabs hold
//! the same token, so that closing one of them does not end the session the others use.
//! Activity in one tab keeps the others from locking, and a lock reaches them all.

use super::siblings::{decode, encode, CHANNEL, HELLO};
use super::AuthContext;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;

const OUT: &str = "out";
const ACTIVE: &str = "active";
const LOCK: &str = "lock";
/// How often a busy tab tells the others it is in use.
const ACTIVE_EVERY_MS: f64 = 10_000.0;

/// `Copy`: what `app::session_end` and the idle lock need of the other tabs.
#[derive(Clone, Copy)]
pub struct Tabs {
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// The other tabs known to hold this tab's token, by their ids.
    others: StoredValue<BTreeSet<u32>>,
    me: u32,
    /// When this tab last said it is in use.
    said_active: StoredValue<f64>,
    /// Another tab is in use.
    pub heard_active: Trigger,
    /// Another tab locked.
    pub heard_lock: Trigger,
}

/// The end of a token: enough to tell two apart (tokens are ASCII).
fn tail(token: &str) -> &str {
    token.get(token.len().saturating_sub(16)..).unwrap_or(token)
}

/// Who holds which token: `has` (I took it up), `here` (I hold it too) or `bye` (I left).
fn holder(kind: &str, tail: &str, id: u32) -> String {
    format!("{kind} {tail} {id}")
}

fn parse_holder(text: &str) -> Option<(&str, &str, u32)> {
    let mut p = text.split(' ');
    Some((p.next()?, p.next()?, p.next()?.parse().ok()?))
}

impl Tabs {
    fn post(&self, text: &str) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&text.into());
            }
        });
    }

    /// Whether another tab holds the same token: closing this one must not end it.
    pub fn shared(&self) -> bool {
        self.others.with_value(|o| !o.is_empty())
    }

    /// This tab goes away and leaves the session to the others.
    pub fn leave(&self, token: &str) {
        self.post(&holder("bye", tail(token), self.me));
    }

    /// This tab signed out: so do the others.
    pub fn sign_out_all(&self) {
        self.post(OUT);
    }

    /// This tab is in use: the others do not lock (said at most every 10 seconds).
    pub fn in_use(&self) {
        let now = js_sys::Date::now();
        if now - self.said_active.get_value() >= ACTIVE_EVERY_MS {
            self.said_active.set_value(now);
            self.post(ACTIVE);
        }
    }

    /// This tab locked: so do the others.
    pub fn lock_all(&self) {
        self.post(LOCK);
    }

    fn note(&self, kind: &str, id: u32) {
        self.others.update_value(|o| {
            if kind == "bye" {
                o.remove(&id);
            } else {
                o.insert(id);
            }
        });
    }
}

/// Joins the other tabs for the rest of the page's life.
pub fn share(auth: AuthContext) -> Tabs {
    let me = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    let tabs = Tabs {
        channel: StoredValue::new_local(web_sys::BroadcastChannel::new(CHANNEL).ok()),
        others: StoredValue::new(BTreeSet::new()),
        me,
        said_active: StoredValue::new(0.0),
        heard_active: Trigger::new(),
        heard_lock: Trigger::new(),
    };
    let session = auth.session();
    let mine = move || session.with_untracked(|s| s.as_ref().map(|s| s.token().to_string()));
    let heard = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let (Some(text), Some(token)) = (e.data().as_string(), mine()) else {
            return; // a signed-out tab answers nothing
        };
        if text == HELLO {
            if let Some(s) = session.with_untracked(|s| s.as_ref().map(encode)) {
                tabs.post(&s);
            }
        } else if text == OUT {
            auth.sign_out();
        } else if text == ACTIVE {
            tabs.heard_active.notify();
        } else if text == LOCK {
            tabs.heard_lock.notify();
        } else if let Some(s) = decode(&text) {
            // Another tab signed in again: take up the renewed session. Only a newer one,
            // so two tabs signing in at once settle on one session instead of trading theirs.
            if session.with_untracked(|cur| cur.as_ref().is_some_and(|c| s.supersedes(c))) {
                auth.sign_in(s);
            }
        } else if let Some((kind, t, id)) = parse_holder(&text) {
            if t == tail(&token) {
                tabs.note(kind, id);
                if kind == "has" {
                    tabs.post(&holder("here", t, me));
                }
            }
        }
    });
    tabs.channel.with_value(|c| {
        if let Some(c) = c {
            c.set_onmessage(Some(heard.as_ref().unchecked_ref()));
        }
    });
    // Lives as long as the page: the signed-in routes are never unmounted.
    heard.forget();
    // Each token taken up (signed in, here or in another tab): told to the others, which
    // are counted again.
    let held =
        Memo::new(move |_| session.with(|s| s.as_ref().map(|s| tail(s.token()).to_string())));
    Effect::new(move |_| {
        let now = held.get();
        tabs.others.set_value(BTreeSet::new());
        if let Some(t) = now {
            if let Some(s) = session.with_untracked(|s| s.as_ref().map(encode)) {
                tabs.post(&s);
            }
            tabs.post(&holder("has", &t, me));
        }
    });
    tabs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holder_messages_round_trip_and_tails_are_short() {
        let text = holder("has", "abcdefghijklmnop", 42);
        assert_eq!(parse_holder(&text), Some(("has", "abcdefghijklmnop", 42)));
        assert_eq!(parse_holder("hello"), None);
        assert_eq!(parse_holder("s\nx\ny"), None);
        assert_eq!(tail("h.p.0123456789abcdefXYZ"), "3456789abcdefXYZ");
        assert_eq!(tail("short"), "short");
    }
}
