//! The loading placeholder of a table: grey rows, announced as busy.

use leptos::prelude::*;

#[component]
pub fn TableSkeleton(#[prop(into)] label: String) -> impl IntoView {
    view! {
        <div class="skeleton-table" aria-busy="true" aria-label=label>
            {(0..8).map(|_| view! { <div class="skeleton-row"></div> }).collect_view()}
        </div>
    }
}
