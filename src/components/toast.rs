//! Short confirmations in a polite live region.

use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Success,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
struct Toast {
    id: u32,
    tone: Tone,
    text: String,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u32>,
}

impl Toasts {
    pub fn provide() -> Self {
        let t = Toasts {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        };
        provide_context(t);
        t
    }

    pub fn expect() -> Self {
        expect_context::<Toasts>()
    }

    pub fn show(&self, tone: Tone, text: impl Into<String>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|v| {
            v.push(Toast {
                id,
                tone,
                text: text.into(),
            })
        });
        let items = self.items;
        set_timeout(
            move || items.update(|v| v.retain(|t| t.id != id)),
            Duration::from_secs(8),
        );
    }

    pub fn success(&self, text: impl Into<String>) {
        self.show(Tone::Success, text);
    }

    pub fn error(&self, text: impl Into<String>) {
        self.show(Tone::Error, text);
    }

    fn dismiss(&self, id: u32) {
        self.items.update(|v| v.retain(|t| t.id != id));
    }
}

#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = Toasts::expect();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.items.get() key=|t| t.id let:toast>
                <div class="toast" class:toast--error=toast.tone == Tone::Error>
                    <span>{toast.text.clone()}</span>
                    <button type="button" class="toast__close" aria-label="Dismiss" on:click=move |_| toasts.dismiss(toast.id)>
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
