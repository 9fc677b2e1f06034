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
