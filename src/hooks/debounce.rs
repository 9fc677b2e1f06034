//! One pending call that waits for a pause in typing: each new schedule replaces the
//! last, and the call is dropped with the component.
//!
//! ```ignore
//! let debounce = use_debounce();
//! let on_input = move |_| debounce.schedule(move || url.filter(...));
//! // Enter: run now, drop the pending one.
//! let on_enter = move |_| { debounce.cancel(); apply(); };
//! ```

use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before a list asks the server.
pub const DEBOUNCE_MS: u64 = 250;

#[derive(Clone, Copy)]
pub struct Debounce {
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

/// A debouncer owned by the calling component; its pending call is cleared on cleanup.
pub fn use_debounce() -> Debounce {
    let d = Debounce {
        timer: StoredValue::new_local(None),
    };
    on_cleanup(move || d.cancel());
    d
}

impl Debounce {
    /// Runs `f` after [`DEBOUNCE_MS`] unless another schedule or a cancel comes first.
    pub fn schedule(&self, f: impl FnOnce() + 'static) {
        self.cancel();
        let timer = self.timer;
        let h = set_timeout_with_handle(
            move || {
                timer.set_value(None);
                f();
            },
            Duration::from_millis(DEBOUNCE_MS),
        )
        .ok();
        self.timer.set_value(h);
    }

    /// Drops the pending call, if any. Safe after the component is gone (the cleanup
    /// itself calls it while the store is being disposed).
    pub fn cancel(&self) {
        // `update_value` does nothing on a disposed store (the cleanup may meet one).
        let mut pending = None;
        self.timer.update_value(|t| pending = t.take());
        if let Some(h) = pending {
            h.clear();
        }
    }

    /// Whether a call is waiting: the user is mid-typing, so the URL must not
    /// overwrite what they typed.
    pub fn is_pending(&self) -> bool {
        self.timer.with_value(Option::is_some)
    }
}
