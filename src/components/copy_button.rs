//! A button that copies a value to the clipboard and says so.

use super::Toasts;
use leptos::prelude::*;

/// Writes `text` to the clipboard; false when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

#[component]
pub fn CopyButton(
    /// The value copied.
    #[prop(into)]
    value: Signal<String>,
    /// The accessible name, e.g. "Copy client ID of Billing".
    #[prop(into)]
    label: String,
    /// Visible text; an icon-sized "Copy" by default.
    #[prop(optional, into)]
    text: Option<String>,
) -> impl IntoView {
    let toasts = Toasts::expect();
    let copied = RwSignal::new(false);
    let on_click = move |_| {
        let v = value.get_untracked();
        leptos::task::spawn_local(async move {
            if copy_text(&v).await {
                copied.set(true);
                set_timeout(
                    move || copied.set(false),
                    std::time::Duration::from_millis(1500),
                );
            } else {
                toasts.error(
                    "The browser did not allow copying. Select the text and copy it by hand.",
                );
            }
        });
    };
    let text = text.unwrap_or_else(|| "Copy".into());
    view! {
        <button
            type="button"
            class="btn btn--small btn--ghost copy"
            aria-label=label
            on:click=on_click
        >
            {move || if copied.get() { "Copied".to_string() } else { text.clone() }}
        </button>
    }
}
