//! A form's send and the one sentence that says why it failed, written once: [`use_form`]
//! is [`use_submit`] with the form's error beside it. A send clears the last failure and
//! never starts while one is under way; a success clears it too; a failure sets the
//! sentence `on_err` makes. What was typed stays: the fields are the page's.
//!
//! ```ignore
//! let create = use_form(
//!     move |n: String| async move { groups::create(&api, &n).await },
//!     move |g| navigate(&Page::Group(&g.id).path(), Default::default()),
//!     move |e| e.sentence("The group was not created"),
//! );
//! let submit = move |ev: SubmitEvent| { ev.prevent_default(); create.send(name.get_untracked()) };
//! view! { <form on:submit=submit> … <SubmitEnd of=create label="Create group" busy="Creating…" /> </form> }
//! ```

use super::submit::use_submit;
use leptos::prelude::*;
use std::future::Future;

/// The signals and the send are made once, by the page that calls [`use_form`]: what a
/// form component or `SubmitEnd` takes from it is a copy, never a new reactive value
/// owned by the place that passes it on.
pub struct FormSend<I: 'static> {
    /// Why the last send failed, or why a check before sending refused it.
    pub error: RwSignal<Option<String>>,
    pending: Memo<bool>,
    sender: Sender<I>,
}

impl<I> Clone for FormSend<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I> Copy for FormSend<I> {}

/// `run` gets its own copy of what is sent; `on_err` makes the sentence (a `String`, or
/// `None` when the marked fields say it all).
pub fn use_form<I, O, E, Fut, S>(
    run: impl Fn(I) -> Fut + 'static,
    on_ok: impl Fn(O) + 'static,
    on_err: impl Fn(E) -> S + 'static,
) -> FormSend<I>
where
    S: Into<Option<String>>,
    I: Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
    E: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<O, E>> + 'static,
{
    let error = RwSignal::new(None::<String>);
    let action = use_submit(
        move |i: &I| run(i.clone()),
        move |o| {
            error.set(None);
            on_ok(o);
        },
        move |e| error.set(on_err(e).into()),
    );
    let pending = action.pending();
    let sender = Sender {
        pending: pending.into(),
        error: error.into(),
        send: Callback::new(move |input| {
            if !pending.get_untracked() {
                error.set(None);
                action.dispatch(input);
            }
        }),
    };
    FormSend {
        error,
        pending,
        sender,
    }
}

impl<I: Send + Sync + 'static> FormSend<I> {
    pub fn pending(&self) -> Memo<bool> {
        self.pending
    }

    /// Sends `input` and clears the last failure; nothing while a send is under way.
    pub fn send(&self, input: I) {
        self.sender.run(input);
    }

    /// Says why the form is not sent (a check before the request).
    pub fn refuse(&self, why: impl Into<String>) {
        self.error.set(Some(why.into()));
    }
}

impl<I> From<FormSend<I>> for Sender<I> {
    fn from(f: FormSend<I>) -> Self {
        f.sender
    }
}

/// A form's way out, as a form component takes it (from [`use_form`]):
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
    pub fn run(&self, draft: D) {
        self.send.run(draft);
    }
}

/// What a form's end shows: its failure, and whether its button waits.
#[derive(Clone, Copy)]
pub struct FormStatus {
    pub error: Signal<Option<String>>,
    pub pending: Signal<bool>,
}

impl<I> From<FormSend<I>> for FormStatus {
    fn from(f: FormSend<I>) -> Self {
        f.sender.into()
    }
}

impl<D: 'static> From<Sender<D>> for FormStatus {
    fn from(s: Sender<D>) -> Self {
        FormStatus {
            error: s.error,
            pending: s.pending,
        }
    }
}
