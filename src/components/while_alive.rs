//! What a `Suspend` resolved to, built only while the part of the page that asked
//! for it still exists.
//!
//! tachys 0.2.19 aborts a `Suspend` whose owner is cleaned up, but it builds the
//! resolved view one `Executor::tick()` later, past that abort. A page left in that
//! tick (signed out, navigated away as the answer arrives) would build render effects
//! that read the page's disposed signals: a panic, after which the app stops
//! answering. `while_alive` builds nothing in that case.
//!
//! ```ignore
//! Suspend::new(async move { while_alive(match data.await { … }) })
//! ```

use leptos::prelude::*;

/// `view`, built when Leptos builds it if the current owner is still alive then.
pub fn while_alive(view: impl IntoView + 'static) -> impl IntoView {
    // Owned here: disposed with the owner, so it tells whether the owner lives.
    let alive = StoredValue::new(());
    let mut view = Some(view.into_view().into_any());
    // Reads nothing reactive: Leptos runs it once, when it builds the view.
    move || {
        view.take()
            .filter(|_| alive.try_with_value(|_| ()).is_some())
    }
}

/// A `Suspend`'s body, written once: waits for `data`, then hands its value to `view`,
/// built [`while_alive`]. A resource already disposed when the `Suspend` first runs (a
/// page replaced before Leptos polled it) is not awaited (that panics) and shows nothing;
/// nor does a part of the page removed while it waited.
///
/// ```ignore
/// Suspend::new(settled(data, move |r| match r { Ok(x) => …, Err(e) => … }))
/// ```
pub async fn settled<T, V>(data: LocalResource<T>, view: impl FnOnce(T) -> V) -> AnyView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    if data.try_with_untracked(|_| ()).is_none() {
        return ().into_any();
    }
    // Owned by the part of the page that waits: gone if that part is.
    let alive = StoredValue::new(());
    let value = data.await;
    // A part removed while the answer came (signed out as a call failed) builds nothing:
    // building it would already read its disposed signals.
    if alive.try_with_value(|_| ()).is_none() {
        return ().into_any();
    }
    while_alive(view(value)).into_any()
}
