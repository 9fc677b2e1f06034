//! Light and dark themes: the system's choice unless the user flips it.
//! The choice lives in memory for this tab only.

use leptos::prelude::*;

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(system_prefers_dark());
    let toggle = move |_| {
        let now_dark = !dark.get_untracked();
        dark.set(now_dark);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", if now_dark { "dark" } else { "light" });
        }
    };
    view! {
        <button
            type="button"
            class="btn btn--small btn--ghost"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            on:click=toggle
        >
            "Dark theme"
        </button>
    }
}
