//! The body of a list page, written once: a skeleton while the rows load (and while
//! a newer request replaces an aborted one), the rows, a sentence when there are
//! none (the caller's `empty` says whether filters hid them), the server's own
//! sentence when it lacks the route, or what failed with a Retry that refetches.
//!
//! ```ignore
//! let data = keyed_fetch(move || state.get(), move |s| async move { api_keys::list(&api).await });
//! view! {
//!     <ListBody
//!         data
//!         loading="Loading API keys"
//!         what="The API keys"
//!         missing=Some("This server does not offer API keys.")
//!         is_empty=Vec::is_empty
//!         empty=|| "No API keys yet."
//!         rows=move |list: Vec<ApiKey>| view! {
//!             <DataTable label="API keys" columns=&["Name", "Created", ""]>
//!                 {list.into_iter().map(row).collect_view()}
//!             </DataTable>
//!         }
//!     />
//! }
//! ```
//! A whole list shown as one table is a [`super::TableList`], which writes exactly this.
//! Reload after a write with `data.refetch()`. A section of a page loaded by one resource
//! (a user's groups, a role's holders) is a `ListBody` too, with fewer `skeleton_rows` and
//! without `is_empty` when its `rows` say what an empty answer means.

use super::answer;
use super::{LoadFailed, TableSkeleton};
use crate::api::error::ErrorKind;
use crate::api::ApiError;
use crate::hooks::use_cell_labels;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ListBody<T, R, V>(
    data: LocalResource<Result<T, ApiError>>,
    /// The skeleton's accessible name: "Loading API keys".
    loading: &'static str,
    /// The subject of the failure sentence: "The API keys".
    what: &'static str,
    /// The sentence for a server without this route (None: such a server fails like any).
    #[prop(default = None)]
    missing: Option<&'static str>,
    /// Whether an answer has no rows (None: `rows` shows its own empty state).
    #[prop(optional)]
    is_empty: Option<fn(&T) -> bool>,
    /// What an empty answer shows (a sentence, or why the filters found nothing).
    #[prop(optional, into)]
    empty: ViewFn,
    /// The rows of a non-empty answer.
    rows: R,
    /// What Retry does when `data` derives from another resource (default: `data.refetch()`).
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
    /// The skeleton's grey rows: fewer for a section than for a whole list.
    #[prop(default = 8)]
    skeleton_rows: usize,
) -> impl IntoView
where
    T: Clone + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=move || {
            view! { <TableSkeleton label=loading rows=skeleton_rows /> }
        }>
            {move || {
                let (rows, empty) = (rows.clone(), empty.clone());
                answer(data)
                    .map(move |r| match r {
                        Ok(t) if is_empty.is_some_and(|f| f(&t)) => {
                            view! {
                                <div class="empty">
                                    <p>{empty.run()}</p>
                                </div>
                            }
                                .into_any()
                        }
                        Ok(t) => rows(t).into_view().into_any(),
                        Err(e) if e.kind == ErrorKind::Aborted => {
                            view! { <TableSkeleton label=loading rows=skeleton_rows /> }.into_any()
                        }
                        Err(e) if missing.is_some() && e.is_missing_feature() => {
                            view! {
                                <p class="alert alert--info" role="status">
                                    {missing}
                                </p>
                            }
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <LoadFailed
                                    what=what
                                    error=e
                                    on_retry=move |_| match on_retry {
                                        Some(r) => r.run(()),
                                        None => data.refetch(),
                                    }
                                />
                            }
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}

/// A table with its wrapper and a header row; an empty column name is the
/// visually hidden "Actions".
#[component]
pub fn DataTable(
    label: &'static str,
    columns: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    let head = |c: &&'static str| match *c {
        "" => view! {
            <th scope="col">
                <span class="visually-hidden">"Actions"</span>
            </th>
        }
        .into_any(),
        c => view! { <th scope="col">{c}</th> }.into_any(),
    };
    let table = use_cell_labels();
    view! {
        <div class="table-wrap">
            <table node_ref=table class="table" aria-label=label>
                <thead>
                    <tr>{columns.iter().map(head).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// The empty state of a list with filters: with filters on, nothing matches and
/// they can be cleared; without, nothing exists yet and the first can be created.
#[component]
pub fn EmptyList(
    filtered: bool,
    #[prop(into)] on_clear: Callback<()>,
    /// "No clients match these filters."
    none_match: &'static str,
    /// "This workspace has no clients yet."
    none_yet: &'static str,
    /// Where the first one is created, and the link's words.
    create: Page<'static>,
    create_label: &'static str,
) -> impl IntoView {
    let body = if filtered {
        view! {
            <p>{none_match}</p>
            <button type="button" class="btn" on:click=move |_| on_clear.run(())>
                "Clear filters"
            </button>
        }
        .into_any()
    } else {
        view! {
            <p>{none_yet}</p>
            <A href=create.path() attr:class="btn btn--primary">
                {create_label}
            </A>
        }
        .into_any()
    };
    view! { <div class="empty">{body}</div> }
}

/// A list's filter bar: a search landmark whose fields apply as they change (Enter
/// submits nothing).
#[component]
pub fn FilterForm(
    /// Its accessible name: "Filter sessions".
    label: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <form class="filters" role="search" aria-label=label on:submit=|ev| ev.prevent_default()>
            {children()}
        </form>
    }
}
