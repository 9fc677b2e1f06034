//! A detail page, written once: the breadcrumb back to its list, the item loaded
//! by the route's `:id` (again whenever the id, or what `fetch` reads, changes),
//! a skeleton while it loads, the not-found sentence for a 404 or what failed
//! with Retry, and the item handed to the page with a `reload` that refetches.
//!
//! ```ignore
//! view! {
//!     <DetailPage
//!         list=Page::Apps
//!         noun=noun!("application", "applications", "Application", "Applications")
//!         fetch=move |id| async move { apps::get(&api, &id).await }
//!         view=|app, reload| view! { <Editor app reload /> }
//!     />
//! }
//! ```

use super::answer;
use super::{LoadFailed, Noun, TableSkeleton};
use crate::api::ApiError;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::future::Future;

#[component]
pub fn DetailPage<T, F, Fut, R, V>(
    /// The list this item belongs to, for the breadcrumb.
    list: Page<'static>,
    /// What the page shows: the breadcrumb's names, the loading and failure sentences.
    noun: Noun,
    /// Loads the item with this id; signals it reads are tracked (the tenant).
    fetch: F,
    /// The page for the loaded item, with a callback that loads it again.
    view: R,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(String) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
    R: Fn(T, Callback<()>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // Loads run one after another; while one runs (a reload, or the next item's after
    // the route changed), a Retry on the error still shown would queue yet another load,
    // which would rebuild the page once more under whatever was typed meanwhile.
    let busy = RwSignal::new(false);
    let data = LocalResource::new(move || {
        let load = fetch(id.get());
        busy.set(true);
        async move {
            let answer = load.await;
            // try_: the page may be gone when the answer comes.
            busy.try_set(false);
            answer
        }
    });
    let reload = Callback::new(move |_| data.refetch());
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <A href=list.path()>{noun.many}</A>
            {format!(" / {}", noun.one)}
        </nav>
        // Until the item names the page, its kind does (the page's heading, for those who
        // navigate by headings).
        <Transition fallback=move || {
            view! {
                <h1 class="visually-hidden">{noun.one}</h1>
                <TableSkeleton label=noun.loading_one rows=2 />
            }
        }>
            {move || {
                let view = view.clone();
                answer(data)
                    .map(move |r| match r {
                        Ok(item) => view(item, reload).into_view().into_any(),
                        Err(e) => {
                            view! {
                                <h1 class="visually-hidden">{noun.one}</h1>
                                <LoadFailed
                                    what=noun.what_one
                                    error=e
                                    not_found=noun.not_found
                                    on_retry=move |_| data.refetch()
                                    busy=busy
                                />
                            }
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}
