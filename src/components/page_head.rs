//! A page's heading row: the page's `h1`, then its actions at the far end; and the list
//! pages' "New …" link, which `n` opens.
//!
//! ```ignore
//! view! {
//!     <PageHead title="Roles">
//!         <CsvButton base="roles" ready make />
//!         <NewLink to=Page::NewRole label="New role" />
//!     </PageHead>
//! }
//! ```

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Page;

#[component]
pub fn PageHead(
    #[prop(into)] title: String,
    /// A long name (a record's): cut to one line, whole in the tooltip.
    #[prop(optional)]
    truncate: bool,
    /// The actions, at the far end of the row.
    children: Children,
) -> impl IntoView {
    let tip = truncate.then(|| title.clone());
    view! {
        <div class="page-head">
            <h1 class:truncate=truncate title=tip>
                {title}
            </h1>
            <span class="page-head__spacer"></span>
            {children()}
        </div>
    }
}

/// The primary "New …" link of a list page; the `n` key follows it.
#[component]
pub fn NewLink(to: Page<'static>, label: &'static str) -> impl IntoView {
    view! {
        <A href=to.path() attr:class="btn btn--primary" attr:aria-keyshortcuts="n">
            {label}
        </A>
    }
}
