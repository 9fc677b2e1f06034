//! One filter of a list: a labelled select whose value lives in the URL.
//!
//! ```ignore
//! <FilterSelect
//!     label="Status"
//!     value=Signal::derive(move || state.with(|s| s.status.clone()))
//!     on_change=url.select(|s, v| s.status = v.to_string())
//!     options=&[("", "Any"), ("active", "Active"), ("inactive", "Inactive")]
//! />
//! ```

use leptos::prelude::*;

#[component]
pub fn FilterSelect(
    label: &'static str,
    /// The chosen option's value (from the URL).
    #[prop(into)]
    value: Signal<String>,
    #[prop(into)] on_change: Callback<leptos::ev::Event>,
    /// `(value, label)` of each option, in order.
    options: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <label class="filters__field">
            {label} <select prop:value=value on:change=move |ev| on_change.run(ev)>
                {options
                    .iter()
                    .map(|(v, l)| view! { <option value=*v>{*l}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
