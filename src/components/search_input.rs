//! A search box that follows the URL and pushes typing into it after a pause,
//! so the list asks the server once per pause, not once per key.

use crate::hooks::use_debounce;
use leptos::prelude::*;

#[component]
pub fn SearchInput(
    #[prop(into)] label: String,
    /// The committed value (from the URL).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the typed value after a pause, or at once on Enter.
    #[prop(into)]
    on_commit: Callback<String>,
    #[prop(optional, into)] placeholder: String,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let debounce = use_debounce();
    // The URL is the truth (Back/Forward, shared links), unless the user is
    // mid-typing.
    Effect::new(move |_| {
        let v = value.get();
        if !debounce.is_pending() {
            typed.set(v);
        }
    });
    let commit = move || {
        debounce.cancel();
        let t = typed.get_untracked();
        if t != value.get_untracked() {
            on_commit.run(t);
        }
    };
    let on_input = move |_| debounce.schedule(commit);
    view! {
        <label class="filters__field">
            {label}
            <input
                type="search"
                aria-keyshortcuts="/"
                bind:value=typed
                on:input=on_input
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        commit();
                    }
                }
                placeholder=placeholder
            />
        </label>
    }
}
