//! Route-level code splitting. Each area's pages live in their own wasm chunk,
//! fetched the first time the area is opened. The first load carries none of it, nor
//! Leptos: `crate::first_load` opens the console itself as the chunk `app`.
//!
//! With the `split` feature (the release build, `scripts/lib.sh build_release`),
//! every `chunk!` function goes through `wasm_split`: its body and everything only
//! it reaches move into the named chunk, and a call first loads that chunk. Without
//! the feature (tests, `trunk serve`) the same functions are plain `async fn`s, so
//! every build sees one API.

mod styles;

use leptos::prelude::*;
use leptos::reactive::computed::suspense::SuspenseContext;
use leptos::reactive::computed::ScopedFuture;
use leptos::tachys::reactive_graph::OwnedView;
use std::future::Future;

/// A chunk could not be fetched or instantiated (offline, a deploy in between).
/// The loader does not cache a failure: the next call tries again.
#[derive(Clone, Debug)]
pub struct ChunkFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// `chunk!(module: fn name(arg: T) => view)` defines `async fn name(arg: T) ->
/// Result<AnyView, ChunkFailed>` whose body lands in chunk `module`.
macro_rules! chunk {
    ($module:ident: fn $name:ident($($arg:ident: $ty:ty),*) => $body:expr) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, $crate::chunks::ChunkFailed> {
            Ok(::leptos::prelude::IntoAny::into_any($body))
        }
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, $crate::chunks::ChunkFailed> {
            Ok(::leptos::prelude::IntoAny::into_any($body))
        }
    };
}
pub(crate) use chunk;

/// Renders a chunk's view once it and the stylesheet past the sign-in (`areas.css`)
/// are loaded; while they load the page shows a status line, and a failed load says so
/// with a Retry button.
#[component]
pub fn Lazy<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkFailed>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let view = move || {
        attempt.track();
        let load = load.clone();
        // Asked for first, so the stylesheet and the chunk arrive side by side.
        let sheet = styles::fetched();
        // A `Suspense` builds its first answer in the task that awaited it, which Leptos
        // aborts with the page; only "Try again" goes through the later rebuild.
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            let page = page_owner();
            let built = ScopedFuture {
                owner: page.clone(),
                observer: None,
                fut: load(),
            };
            match (built.await, styles::arrived(sheet).await) {
                (Ok(view), Ok(())) => OwnedView::new_with_owner(view, page).into_any(),
                _ => view! { <ChunkError attempt /> }.into_any(),
            }
        }))
    };
    view! {
        <Suspense fallback=|| {
            view! {
                <p class="muted chunk-loading" role="status">
                    "Loading…"
                </p>
            }
        }>{view}</Suspense>
    }
}

/// The owner a loaded page is built and lives under, with a suspense of its own that
/// nothing waits on: a resource the page reads outside its own `Transition` (an Export
/// button's "ready", a section's "is it there") would otherwise hold this `Suspense`, and
/// the whole page, heading included, would stay "Loading…" until its data came. Now the
/// page shows at once, with its sections' skeletons.
fn page_owner() -> Owner {
    let page = Owner::new();
    page.with(|| {
        provide_context(SuspenseContext {
            tasks: ArcRwSignal::new(Default::default()),
        })
    });
    page
}

#[component]
fn ChunkError(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <section class="content narrow" role="alert">
            <h1>"This page could not be loaded"</h1>
            <p>"Part of the console did not arrive. Check your connection, then try again."</p>
            <button type="button" class="btn" on:click=move |_| attempt.update(|n| *n += 1)>
                "Try again"
            </button>
        </section>
    }
}
