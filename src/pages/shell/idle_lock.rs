//! The idle lock: after `config.json`'s `idle_minutes` (default 15) without input, the
//! page's content leaves the document (kept in memory, with everything typed in it) and a
//! dialog asks to sign in again; a warning comes a minute before. Signing in puts the page
//! back as it was; the new sign-in replaces the idle one, which `app::session_end` ends on
//! the server where it can. Sign out ends it at once. The tabs sharing the session
//! (`auth::tabs`) count each other's activity, lock together, and unlock when one of them
//! signs in again.

use super::sign_in_again::SignInAgain;
use crate::api::Api;
use crate::auth::tabs::Tabs;
use crate::auth::AuthContext;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// How long before the lock the warning shows (at most half the idle time).
const WARN_S: u32 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Idle {
    Active,
    /// Locks in this many seconds unless something is done.
    Warned(u32),
    Locked,
}

/// What the idle time `idle_s` means with `limit_s` allowed (0: never locks).
fn idle_state(idle_s: u32, limit_s: u32) -> Idle {
    let warn_s = WARN_S.min(limit_s / 2);
    match limit_s {
        0 => Idle::Active,
        l if idle_s >= l => Idle::Locked,
        l if idle_s + warn_s >= l => Idle::Warned(l - idle_s),
        _ => Idle::Active,
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Watches input on the window while signed in; `content` is the part of the page that
/// leaves the document while locked.
#[component]
pub fn IdleLock(content: NodeRef<html::Div>) -> impl IntoView {
    let auth = AuthContext::expect();
    let tabs = use_context::<Tabs>();
    let limit = Api::expect().config().idle_seconds;
    let state = RwSignal::new(Idle::Active);
    let last = StoredValue::new(now_ms());
    // The content and where it stood, while locked.
    let parked = StoredValue::new_local(None::<(web_sys::Element, web_sys::Element)>);
    // Input here, or in another tab of the same session.
    let busy = move || {
        if state.get_untracked() != Idle::Locked {
            last.set_value(now_ms());
            if state.get_untracked() != Idle::Active {
                state.set(Idle::Active);
            }
        }
    };
    let touch = move || {
        busy();
        if let Some(t) = tabs {
            t.in_use();
        }
    };
    let lock = move || {
        if let Some(el) = content.get_untracked() {
            let el: web_sys::Element = el.into();
            if let Some(parent) = el.parent_element() {
                el.remove();
                parked.set_value(Some((parent, el)));
            }
        }
        state.set(Idle::Locked);
    };
    if limit > 0 {
        let handles = ["keydown", "pointerdown", "pointermove", "wheel", "input"]
            .map(|name| window_event_listener_untyped(name, move |_| touch()));
        let tick = set_interval_with_handle(
            move || {
                let was = state.get_untracked();
                if was == Idle::Locked {
                    return;
                }
                let idle = ((now_ms() - last.get_value()) / 1000.0).max(0.0) as u32;
                match idle_state(idle, limit) {
                    Idle::Locked => {
                        lock();
                        if let Some(t) = tabs {
                            t.lock_all();
                        }
                    }
                    Idle::Warned(left) if was == Idle::Active => state.set(Idle::Warned(left)),
                    _ => {}
                }
            },
            Duration::from_secs(1),
        )
        .ok();
        on_cleanup(move || {
            for h in handles {
                h.remove();
            }
            if let Some(t) = tick {
                t.clear();
            }
        });
    }
    let unlock = move || {
        parked.update_value(|p| {
            if let Some((parent, el)) = p.take() {
                let _ = parent.append_child(&el);
            }
        });
        last.set_value(now_ms());
        state.set(Idle::Active);
    };
    if let Some(t) = tabs {
        Effect::new(move |was: Option<()>| {
            t.heard_active.track();
            if was.is_some() {
                busy();
            }
        });
        Effect::new(move |was: Option<()>| {
            t.heard_lock.track();
            if was.is_some() && state.get_untracked() != Idle::Locked {
                lock();
            }
        });
    }
    // Signed in again, here or in another tab: the page comes back.
    let token = Memo::new(move |_| {
        auth.session()
            .with(|s| s.as_ref().map(|s| s.token().to_string()))
    });
    Effect::new(move |was: Option<Option<String>>| {
        let now = token.get();
        if was.is_some_and(|w| w != now) && now.is_some() && state.get_untracked() == Idle::Locked {
            unlock();
        }
        now
    });
    let locked = Signal::derive(move || state.get() == Idle::Locked);
    let minutes = limit.div_ceil(60);
    view! {
        {move || match state.get() {
            Idle::Warned(left) => {
                Some(
                    view! {
                        <div class="top-notice" role="alert">
                            <span>
                                {format!(
                                    "Still there? Without activity the console locks in {left} seconds.",
                                )}
                            </span>
                            <button type="button" class="btn btn--small" on:click=move |_| touch()>
                                "Stay signed in"
                            </button>
                        </div>
                    },
                )
            }
            _ => None,
        }}
        <SignInAgain
            open=locked
            title="Locked"
            text=format!(
                "The console locked after {minutes} minute{} without activity. Sign in again to carry on: the page comes back with everything you typed.",
                if minutes == 1 { "" } else { "s" },
            )
            leave="Sign out"
            on_leave=move |_| auth.sign_out()
            on_signed_in=move |_| unlock()
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_a_minute_before_and_locks_at_the_limit() {
        assert_eq!(idle_state(0, 900), Idle::Active);
        assert_eq!(idle_state(839, 900), Idle::Active);
        assert_eq!(idle_state(840, 900), Idle::Warned(60));
        assert_eq!(idle_state(899, 900), Idle::Warned(1));
        assert_eq!(idle_state(900, 900), Idle::Locked);
        assert_eq!(idle_state(5000, 900), Idle::Locked);
    }

    #[test]
    fn a_short_limit_warns_at_half_and_zero_never_locks() {
        assert_eq!(idle_state(5, 12), Idle::Active);
        assert_eq!(idle_state(6, 12), Idle::Warned(6));
        assert_eq!(idle_state(12, 12), Idle::Locked);
        assert_eq!(idle_state(1_000_000, 0), Idle::Active);
    }
}
