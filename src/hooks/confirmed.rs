//! The "ask, confirm, run, report" cycle of a row action: the item waiting
//! for confirmation, the action (never sent twice while pending), and the
//! failure shown inside the dialog so the user can retry or cancel.

use crate::api::ApiError;
use leptos::prelude::*;
use std::future::Future;

pub struct Confirmed<A: Send + Sync + 'static> {
    /// The item waiting for confirmation; the dialog is open while `Some`.
    pub item: RwSignal<Option<A>>,
    pub error: RwSignal<Option<String>>,
    pub action: Action<A, Result<A, ApiError>>,
}

impl<A: Send + Sync + 'static> Clone for Confirmed<A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<A: Send + Sync + 'static> Copy for Confirmed<A> {}

/// `run` does the work; `on_ok` follows a success (toast, reload…).
pub fn use_confirmed<A, Fut>(
    run: impl Fn(A) -> Fut + 'static,
    on_ok: impl Fn(A) + 'static,
) -> Confirmed<A>
where
    A: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<A, ApiError>> + 'static,
{
    let item = RwSignal::new(None::<A>);
    let error = RwSignal::new(None::<String>);
    let action = Action::new_local(move |a: &A| run(a.clone()));
    Effect::new(move |_| match action.value().get() {
        Some(Ok(a)) => {
            item.set(None);
            action.value().set(None);
            on_ok(a);
        }
        Some(Err(e)) => error.set(Some(e.message)),
        None => {}
    });
    Confirmed {
        item,
        error,
        action,
    }
}

impl<A: Clone + Send + Sync + 'static> Confirmed<A> {
    pub fn ask(&self, a: A) {
        self.error.set(None);
        self.action.value().set(None);
        self.item.set(Some(a));
    }
    pub fn open(&self) -> Signal<bool> {
        let item = self.item;
        Signal::derive(move || item.with(Option::is_some))
    }
    pub fn confirm(&self) -> Callback<()> {
        let (item, action) = (self.item, self.action);
        Callback::new(move |_| {
            if let Some(a) = item.get_untracked() {
                if !action.pending().get_untracked() {
                    action.dispatch(a);
                }
            }
        })
    }
    pub fn cancel(&self) -> Callback<()> {
        let item = self.item;
        Callback::new(move |_| item.set(None))
    }
    pub fn pending(&self) -> Signal<bool> {
        self.action.pending().into()
    }
    pub fn error(&self) -> Signal<Option<String>> {
        self.error.into()
    }
}
