//! The loading placeholder of a table or a page: grey rows, and a status that says
//! what is loading (a live region with words, not an `aria-label` on a plain `div`,
//! which axe reports as a prohibited attribute).

use leptos::prelude::*;

#[component]
pub fn TableSkeleton(
    #[prop(into)] label: String,
    /// How many grey rows.
    #[prop(default = 8)]
    rows: usize,
) -> impl IntoView {
    view! {
        <div class="skeleton-table" role="status">
            <span class="visually-hidden">{label}</span>
            {(0..rows)
                .map(|_| view! { <div class="skeleton-row" aria-hidden="true"></div> })
                .collect_view()}
        </div>
    }
}
