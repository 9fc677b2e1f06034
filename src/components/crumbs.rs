//! A page's breadcrumb back to the list it belongs to, and its heading.
//!
//! ```ignore
//! view! { <Crumbs up=Page::Users up_label="Users" here="Import" title="Import users from CSV" /> }
//! ```

use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Crumbs(
    /// The list this page belongs to.
    up: Page<'static>,
    /// That list's name.
    up_label: &'static str,
    /// This page's name in the breadcrumb.
    #[prop(into)]
    here: String,
    /// The page's heading; `here` when not given.
    #[prop(optional, into)]
    title: Option<String>,
) -> impl IntoView {
    let title = title.unwrap_or_else(|| here.clone());
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <A href=up.path()>{up_label}</A>
            {format!(" / {here}")}
        </nav>
        <h1>{title}</h1>
    }
}
