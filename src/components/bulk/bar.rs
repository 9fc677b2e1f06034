//! The bulk bar's markup: the count and the page's actions, the progress while a run
//! goes, then its result with a line per failure; and the two-step delete.

use super::{BulkJob, Progress};
use crate::components::Button;
use leptos::prelude::*;

/// The bar: shown while rows are selected, a run is under way or its result waits
/// to be dismissed. `children` are the page's action buttons.
#[component]
pub fn BulkBar(
    job: BulkJob,
    #[prop(into)] count: Signal<usize>,
    #[prop(into)] on_clear: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let BulkJob {
        running,
        progress,
        last,
        confirming,
    } = job;
    let children = StoredValue::new(children);
    view! {
        <Show when=move || count.get() != 0 || running.get() || last.with(Option::is_some)>
            <section class="bulk" aria-label="Bulk actions">
                <Show when=move || !running.get() && count.get() != 0>
                    <span class="bulk__count">{move || format!("{} selected", count.get())}</span>
                    {children.read_value()()}
                    <Button
                        class="btn btn--small btn--link"
                        on_click=move || {
                            on_clear.run(());
                            confirming.set(false);
                        }
                    >
                        "Clear selection"
                    </Button>
                </Show>
                <Show when=move || running.get()>
                    <progress
                        aria-label="Bulk progress"
                        max=move || progress.with(|p| p.total.max(1))
                        value=move || progress.with(Progress::done)
                    ></progress>
                    <span role="status">
                        {move || progress.with(|p| format!("{} of {} done", p.done(), p.total))}
                    </span>
                </Show>
                {move || last.get().map(|(past, o)| view! { <RunResult past o last /> })}
            </section>
        </Show>
    }
}

#[component]
fn RunResult(
    past: &'static str,
    o: Progress,
    last: RwSignal<Option<(&'static str, Progress)>>,
) -> impl IntoView {
    let failures = (!o.failed.is_empty()).then(|| {
        view! {
            <ul class="bulk__failures" aria-label="Failed items">
                {o
                    .failed
                    .iter()
                    .map(|(n, m)| {
                        view! {
                            <li>
                                <strong>{n.clone()}</strong>
                                ": "
                                {m.clone()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <div class="bulk__result" role="status">
            <p>{o.summary(past)}</p>
            {failures}
            <button type="button" class="btn btn--small btn--link" on:click=move |_| last.set(None)>
                "Dismiss"
            </button>
        </div>
    }
}

/// The two-step delete of a bulk bar: "Delete selected", then the confirming
/// button that says how many.
#[component]
pub fn BulkDelete(
    job: BulkJob,
    /// The second button's words: "Confirm: delete 3".
    #[prop(into)]
    confirm: Signal<String>,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let confirming = job.confirming;
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || {
                view! {
                    <Button
                        class="btn btn--small btn--danger-ghost"
                        on_click=move || confirming.set(true)
                    >
                        "Delete selected"
                    </Button>
                }
            }
        >
            <Button class="btn btn--small btn--danger" on_click=move || on_confirm.run(())>
                {move || confirm.get()}
            </Button>
        </Show>
    }
}
