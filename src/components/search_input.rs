//! A search box that follows the URL and pushes typing into it after a pause,
//! so the list asks the server once per pause, not once per key.

use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the list asks the server.
pub const DEBOUNCE_MS: u64 = 250;

#[component]
pub fn SearchInput(
    #[prop(into)] label: String,
    /// The committed value (from the URL).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the typed value after a pause, or at once on Enter.
    on_commit: Callback<String>,
    #[prop(optional, into)] placeholder: String,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let cancel_pending = move || {
        if let Some(h) = timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    // The URL is the truth (Back/Forward, shared links), unless the user is
    // mid-typing.
    Effect::new(move |_| {
        let v = value.get();
        if timer.try_with_value(Option::is_none).unwrap_or(false) {
            typed.set(v);
        }
    });
    let commit = move || {
        cancel_pending();
        let t = typed.get_untracked();
        if t != value.get_untracked() {
            on_commit.try_run(t);
        }
    };
    let on_input = move |_| {
        cancel_pending();
        let h = set_timeout_with_handle(commit, Duration::from_millis(DEBOUNCE_MS)).ok();
        timer.try_update_value(|t| *t = h);
    };
    on_cleanup(cancel_pending);
    view! {
        <label class="filters__field">
            {label}
            <input
                type="search"
                bind:value=typed
                on:input=on_input
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); commit(); }
                placeholder=placeholder
            />
        </label>
    }
}
