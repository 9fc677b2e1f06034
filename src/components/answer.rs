//! A resource's answer as it stands, for the closure inside a `Transition`, written once.
//!
//! Read this way and not through a `Suspend`: a reload's answer replaces what is on
//! screen in the same run that drops the old view, so what is shown always has live
//! buttons. A `Suspend` kept the old view in sight after its owner was gone (its buttons
//! dropped clicks) for as long as chained reloads ran, and built its answer one tick
//! after the page could be gone. Reading the resource still holds the `Transition`'s
//! fallback on the first load.
//!
//! ```ignore
//! <Transition fallback=…>
//!     {move || answer(data).map(|r| match r { Ok(x) => …, Err(e) => … })}
//! </Transition>
//! ```

use leptos::prelude::*;

/// `data`'s value, None while its first answer is on the way.
pub fn answer<T: Clone + 'static>(data: LocalResource<T>) -> Option<T> {
    // try_: Leptos may run a Transition's closure once more while its page is being
    // dropped, after the resource has gone with it.
    data.try_get().flatten()
}
