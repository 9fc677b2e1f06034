//! The filter bar: text filters debounced into the URL, selects applied at
//! once, a column chooser, and `/` to focus the name filter.

use super::list_state::{split_list, Column, ListState, Tri};
use super::ListUrl;
use crate::components::{Button, FilterSelect};
use crate::hooks::use_debounce;
use leptos::prelude::*;

#[component]
pub fn FilterBar(url: ListUrl) -> impl IntoView {
    let state = url.state;
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let tags = RwSignal::new(String::new());
    let debounce = use_debounce();

    // The URL is the truth: Back/Forward and shared links refill the inputs,
    // unless the user is mid-typing (a debounce is pending).
    Effect::new(move |_| {
        let s = state.get();
        if !debounce.is_pending() {
            name.set(s.name.clone());
            email.set(s.email.clone());
            tags.set(s.tags.join(", "));
        }
    });
    let apply_text = move || {
        debounce.cancel();
        let (n, e, t) = (
            name.get_untracked(),
            email.get_untracked(),
            split_list(&tags.get_untracked()),
        );
        let s = state.get_untracked();
        if s.name != n || s.email != e || s.tags != t {
            url.filter(
                |s| {
                    s.name = n;
                    s.email = e;
                    s.tags = t;
                },
                true,
            );
        }
    };
    let on_input = move |_| debounce.schedule(apply_text);

    view! {
        <form
            class="filters"
            role="search"
            aria-label="Filter clients"
            on:submit=move |ev| {
                ev.prevent_default();
                apply_text();
            }
        >
            <label class="filters__field">
                "Name"
                <input
                    type="search"
                    bind:value=name
                    on:input=on_input
                    aria-keyshortcuts="/"
                    placeholder="Press / to search"
                />
            </label>
            <label class="filters__field">
                "Email" <input type="search" bind:value=email on:input=on_input />
            </label>
            <label class="filters__field">
                "Tags (any of them)"
                <input type="search" bind:value=tags on:input=on_input placeholder="prod, eu" />
            </label>
            <FilterSelect
                label="Status"
                value=Signal::derive(move || state.with(|s| s.status.clone()))
                on_change=url.select(|s, v| s.status = v.to_string())
                options=&[("", "Any"), ("Active", "Active"), ("Inactive", "Inactive")]
            />
            <FilterSelect
                label="Active"
                value=Signal::derive(move || state.with(|s| s.active.key().to_string()))
                on_change=url.select(|s, v| s.active = Tri::parse(v))
                options=&[("", "Any"), ("true", "Yes"), ("false", "No")]
            />
            <label class="filters__field">
                "Show"
                <select
                    prop:value=move || if state.with(|s| s.deleted) { "deleted" } else { "" }
                    on:change=url.select(|s, v| s.deleted = v == "deleted")
                >
                    <option value="">"Current clients"</option>
                    <option value="deleted">"Deleted clients"</option>
                </select>
            </label>
            <Button
                class="btn btn--link"
                disabled=move || !state.with(ListState::is_filtered)
                on_click=move || {
                    debounce.cancel();
                    url.go(state.get_untracked().cleared(), false);
                }
            >
                "Clear filters"
            </Button>
            <ColumnChooser url=url />
        </form>
    }
}

#[component]
fn ColumnChooser(url: ListUrl) -> impl IntoView {
    let state = url.state;
    view! {
        <details class="columns">
            <summary class="btn btn--small">"Columns"</summary>
            <fieldset class="columns__menu">
                <legend class="visually-hidden">"Visible columns"</legend>
                {Column::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || state.with(|s| s.shows(c))
                                    on:change=move |_| {
                                        let mut s = state.get_untracked();
                                        s.toggle_column(c);
                                        url.go(s, true);
                                    }
                                />
                                {c.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </details>
    }
}
