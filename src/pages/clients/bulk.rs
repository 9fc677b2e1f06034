//! Bulk activate / deactivate / delete over the selection (or everything
//! matching the filter): a progress bar and per-item results. One failure
//! never stops the rest.

use super::list_state::ListState;
use super::selection::{Picked, Selection};
use super::walk::walk;
use crate::api::clients;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::Toasts;
use futures::stream::{self, StreamExt};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkOp {
    Activate,
    Deactivate,
    Delete,
}

impl BulkOp {
    fn past(self) -> &'static str {
        match self {
            BulkOp::Activate => "activated",
            BulkOp::Deactivate => "deactivated",
            BulkOp::Delete => "deleted",
        }
    }
}

/// How many requests run at once.
const PARALLEL: usize = 4;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub total: usize,
    pub ok: usize,
    /// (client name, the server's reason)
    pub failed: Vec<(String, String)>,
}

/// "28 deactivated, 2 failed."
pub fn summary(op: BulkOp, o: &Outcome) -> String {
    if o.failed.is_empty() {
        format!("{} {}.", o.ok, op.past())
    } else {
        format!("{} {}, {} failed.", o.ok, op.past(), o.failed.len())
    }
}

#[component]
pub fn BulkBar(
    #[prop(into)] total: Signal<u64>,
    state: Memo<ListState>,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let sel = Selection::expect();
    let running = RwSignal::new(None::<BulkOp>);
    let progress = RwSignal::new(Outcome::default());
    let last = RwSignal::new(None::<(BulkOp, Outcome)>);
    let confirm_delete = RwSignal::new(false);

    let count = move || {
        if sel.all_matching.get() {
            total.get() as usize
        } else {
            sel.count()
        }
    };
    let start = move |op: BulkOp| {
        if running.get_untracked().is_some() {
            return;
        }
        confirm_delete.set(false);
        running.set(Some(op));
        last.set(None);
        progress.set(Outcome::default());
        let (t, s, all) = (
            tenant.get_untracked(),
            state.get_untracked(),
            sel.all_matching.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            let targets: Vec<Picked> = if all {
                match walk(
                    &api,
                    &t,
                    &s,
                    |_, n| progress.update(|p| p.total = n as usize),
                    || false,
                )
                .await
                {
                    Ok(cs) => cs.iter().map(Picked::of).collect(),
                    Err(e) => {
                        running.set(None);
                        toasts.error(format!(
                            "Could not list the matching clients: {}",
                            e.message
                        ));
                        return;
                    }
                }
            } else {
                sel.picked()
            };
            progress.update(|p| p.total = targets.len());
            let results = stream::iter(targets.into_iter().map(|p| {
                let t = t.clone();
                async move {
                    let r = match op {
                        BulkOp::Activate => {
                            clients::set_active(&api, &t, &p.id, true).await.map(|_| ())
                        }
                        BulkOp::Deactivate => clients::set_active(&api, &t, &p.id, false)
                            .await
                            .map(|_| ()),
                        BulkOp::Delete => clients::soft_delete(&api, &t, &p.id).await,
                    };
                    progress.update(|o| match &r {
                        Ok(()) => o.ok += 1,
                        Err(e) => o.failed.push((p.name.clone(), e.message.clone())),
                    });
                    (p, r.is_ok())
                }
            }))
            .buffer_unordered(PARALLEL)
            .collect::<Vec<_>>()
            .await;
            // The list may have been left meanwhile: then nothing is left to update.
            let Some(outcome) = progress.try_get_untracked() else {
                return;
            };
            running.set(None);
            last.set(Some((op, outcome.clone())));
            if outcome.failed.is_empty() {
                sel.clear();
            } else {
                // Keep only the ones that failed selected, so a retry is one click.
                sel.all_matching.set(false);
                let keep: Vec<Picked> = results
                    .into_iter()
                    .filter(|(_, ok)| !ok)
                    .map(|(p, _)| p)
                    .collect();
                sel.clear();
                sel.set_many(&keep, true);
            }
            // `try_`: a bulk job goes on when its page is gone; then nobody is told.
            on_done.try_run(());
        });
    };

    view! {
        <Show when=move || count() != 0 || running.get().is_some() || last.with(Option::is_some)>
            <section class="bulk" aria-label="Bulk actions">
                <Show when=move || running.get().is_none() && count() != 0>
                    <span class="bulk__count">{move || format!("{} selected", count())}</span>
                    <Show when={move || !sel.all_matching.get() && (sel.count() as u64) < total.get()}>
                        <button type="button" class="btn btn--link" on:click=move |_| sel.all_matching.set(true)>
                            {move || format!("Select all {} matching", total.get())}
                        </button>
                    </Show>
                    <button type="button" class="btn btn--small" on:click=move |_| start(BulkOp::Activate)>"Activate selected"</button>
                    <button type="button" class="btn btn--small" on:click=move |_| start(BulkOp::Deactivate)>"Deactivate selected"</button>
                    <Show
                        when=move || confirm_delete.get()
                        fallback=move || view! { <button type="button" class="btn btn--small btn--danger-ghost" on:click=move |_| confirm_delete.set(true)>"Delete selected"</button> }
                    >
                        <button type="button" class="btn btn--small btn--danger" on:click=move |_| start(BulkOp::Delete)>
                            {move || format!("Confirm: delete {}", count())}
                        </button>
                    </Show>
                    <button type="button" class="btn btn--small btn--link" on:click=move |_| { sel.clear(); confirm_delete.set(false); }>"Clear selection"</button>
                </Show>
                <Show when=move || running.get().is_some()>
                    <progress
                        aria-label="Bulk progress"
                        max=move || progress.with(|p| p.total.max(1))
                        value=move || progress.with(|p| p.ok + p.failed.len())
                    ></progress>
                    <span role="status">{move || progress.with(|p| format!("{} of {} done", p.ok + p.failed.len(), p.total))}</span>
                </Show>
                {move || last.get().map(|(op, o)| view! {
                    <div class="bulk__result" role="status">
                        <p>{summary(op, &o)}</p>
                        <Show when={let n = o.failed.len(); move || n > 0}>
                            <ul class="bulk__failures" aria-label="Failed items">
                                {o.failed.iter().map(|(n, m)| view! { <li><strong>{n.clone()}</strong>": "{m.clone()}</li> }).collect_view()}
                            </ul>
                        </Show>
                        <button type="button" class="btn btn--small btn--link" on:click=move |_| last.set(None)>"Dismiss"</button>
                    </div>
                })}
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_name_failures() {
        let o = Outcome {
            total: 30,
            ok: 28,
            failed: vec![("a".into(), "x".into()), ("b".into(), "y".into())],
        };
        assert_eq!(summary(BulkOp::Deactivate, &o), "28 deactivated, 2 failed.");
        assert_eq!(
            summary(
                BulkOp::Delete,
                &Outcome {
                    total: 3,
                    ok: 3,
                    failed: vec![]
                }
            ),
            "3 deleted."
        );
    }
}
