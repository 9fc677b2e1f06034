//! A list fetch keyed by what it asks for: a newer key aborts the request in
//! flight, and Leptos drops any answer that is not the latest, so a slow stale
//! page never overwrites a fresh one.

use crate::api::ApiError;
use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;
use std::future::Future;

/// Loads `fetch(key())` whenever the key changes. `key` reads signals (it is
/// tracked); `fetch` gets the key by value.
pub fn keyed_fetch<K, T, Fut>(
    key: impl Fn() -> K + Copy + 'static,
    fetch: impl Fn(K) -> Fut + Copy + 'static,
) -> LocalResource<Result<T, ApiError>>
where
    K: Clone + PartialEq + 'static,
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let in_flight = StoredValue::new_local(None::<(K, AbortHandle)>);
    let abort_unless = move |key: Option<&K>| {
        // `update_value` does nothing on a disposed store (the cleanup below may meet one).
        let mut stale = None;
        in_flight.update_value(|f| {
            stale = match f {
                Some((k, _)) if Some(&*k) == key => None,
                _ => f.take(),
            }
        });
        if let Some((_, h)) = stale {
            h.abort();
        }
    };
    let data = LocalResource::new(move || {
        let k = key();
        abort_unless(Some(&k));
        let (fut, handle) = abortable(fetch(k.clone()));
        // A resource may run after its component is gone: a disposed store keeps nothing.
        in_flight.set_value(Some((k, handle)));
        async move { fut.await.unwrap_or_else(|_| Err(ApiError::aborted())) }
    });
    // The resource may wait for its running fetch before starting the next:
    // abort a fetch for outdated inputs as soon as they change.
    Effect::new(move |_| {
        let k = key();
        abort_unless(Some(&k));
    });
    on_cleanup(move || abort_unless(None));
    data
}

/// A value read from the latest good answer of `data` (a list's total, for the pager);
/// the default before there is one and after a failure.
pub fn from_answer<T, U>(data: LocalResource<Result<T, ApiError>>, read: fn(&T) -> U) -> Memo<U>
where
    T: 'static,
    U: Clone + Default + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| {
        data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(read))
            .unwrap_or_default()
    })
}
