//! The submit cycle of a form, written once: `run` sends (the action is never
//! dispatched twice while pending: check `pending()` first, or use `SubmitButton`),
//! and its answer reaches `on_ok` or `on_err` exactly once, after which the action
//! forgets it.
//!
//! ```ignore
//! let confirm = use_submit(
//!     move |p: &Proof| { let p = p.clone(); async move { step_up::confirm(&api, &p).await } },
//!     move |token: String| if let Err(m) = auth.renew(&token) { error.set(Some(m)) },
//!     move |e: ApiError| error.set(Some(e.message)),
//! );
//! ```
//!
//! A form with a sentence under its button wants [`use_form`](super::use_form), built on this.

use leptos::prelude::*;
use std::future::Future;

pub fn use_submit<I, O, E, Fut>(
    run: impl Fn(&I) -> Fut + 'static,
    on_ok: impl Fn(O) + 'static,
    on_err: impl Fn(E) + 'static,
) -> Action<I, Result<O, E>>
where
    I: 'static,
    O: Clone + Send + Sync + 'static,
    E: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<O, E>> + 'static,
{
    let action = Action::new_local(run);
    Effect::new(move |_| {
        let Some(answer) = action.value().get() else {
            return;
        };
        action.value().set(None);
        match answer {
            Ok(o) => on_ok(o),
            Err(e) => on_err(e),
        }
    });
    action
}

/// A form's way out, as a form component takes it (from [`use_form`](super::use_form)):
/// whether a send is under way, why the last one failed, and the send itself (nothing while
/// one is under way).
pub struct Sender<D: 'static> {
    pub pending: Signal<bool>,
    pub error: Signal<Option<String>>,
    send: Callback<D>,
}

impl<D: 'static> Clone for Sender<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: 'static> Copy for Sender<D> {}

impl<D: 'static> Sender<D> {
    pub fn new(
        pending: Signal<bool>,
        error: Signal<Option<String>>,
        send: impl Fn(D) + Send + Sync + 'static,
    ) -> Self {
        Sender {
            pending,
            error,
            send: Callback::new(send),
        }
    }

    pub fn run(&self, draft: D) {
        self.send.run(draft);
    }
}
