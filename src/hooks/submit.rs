//! The submit cycle of a form, written once: `run` sends (the action is never
//! dispatched twice while pending: check `pending()` first, or use `SubmitButton`),
//! and its answer reaches `on_ok` or `on_err` exactly once, after which the action
//! forgets it.
//!
//! ```ignore
//! let create = use_submit(
//!     move |d: &Draft| { let d = d.clone(); async move { clients::create(&api, &d).await.map_err(|e| (e, d)) } },
//!     move |c| navigate(&Page::Client(&c.id).path(), Default::default()),
//!     move |(e, d)| show_failure(errors, form_error, &e, &d, "The client was not created"),
//! );
//! view! { <form on:submit=move |ev| { ev.prevent_default(); create.dispatch(draft()); }> … }
//! ```
//!
//! A form component takes the action as one prop, a [`Sender`]: `<ClientForm send=create … />`
//! (inside: `send.pending` for the button, `send.run(draft)` once the draft is valid).

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

/// A form's way out, as a form component takes it: whether a send is under way, and the
/// send itself (never while one is under way: the component checks `pending` first).
pub struct Sender<D: 'static> {
    pub pending: Signal<bool>,
    send: Callback<D>,
}

impl<D: 'static> Clone for Sender<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: 'static> Copy for Sender<D> {}

impl<D: 'static> Sender<D> {
    pub fn run(&self, draft: D) {
        self.send.run(draft);
    }
}

impl<D, R> From<Action<D, R>> for Sender<D>
where
    D: Send + Sync + 'static,
    R: Send + Sync + 'static,
{
    fn from(action: Action<D, R>) -> Self {
        Sender {
            pending: action.pending().into(),
            send: Callback::new(move |d| {
                action.dispatch(d);
            }),
        }
    }
}
