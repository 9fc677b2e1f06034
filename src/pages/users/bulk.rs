//! Bulk deactivate or delete over the selected end users, with a progress
//! bar and a result per user. One failure never stops the rest.

use crate::api::users::{self, EndUser};
use crate::api::Api;
use futures::stream::{self, StreamExt};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What a bulk action needs to know about a user.
#[derive(Clone, Debug, PartialEq)]
pub struct Picked {
    pub id: String,
    pub email: String,
}

impl Picked {
    pub fn of(u: &EndUser) -> Self {
        Picked {
            id: u.id.clone(),
            email: u.email.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BulkOp {
    Deactivate,
    Delete,
}

/// How many status requests run at once.
const PARALLEL: usize = 4;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub total: usize,
    pub ok: usize,
    /// (email, the reason)
    pub failed: Vec<(String, String)>,
}

impl Progress {
    pub fn done(&self) -> usize {
        self.ok + self.failed.len()
    }
    /// "12 deleted, 1 failed."
    pub fn summary(&self, op: BulkOp) -> String {
        let past = match op {
            BulkOp::Deactivate => "deactivated",
            BulkOp::Delete => "deleted",
        };
        match self.failed.len() {
            0 => format!("{} {past}.", self.ok),
            n => format!("{} {past}, {n} failed.", self.ok),
        }
    }
}

async fn run(
    api: Api,
    op: BulkOp,
    targets: Vec<Picked>,
    progress: RwSignal<Progress>,
) -> Vec<String> {
    let mut failed_ids = Vec::new();
    match op {
        BulkOp::Deactivate => {
            let results = stream::iter(targets.into_iter().map(|p| async move {
                let r = users::set_active(&api, &p.id, false).await;
                progress.update(|o| match &r {
                    Ok(()) => o.ok += 1,
                    Err(e) => o.failed.push((p.email.clone(), e.message.clone())),
                });
                (p.id, r.is_ok())
            }))
            .buffer_unordered(PARALLEL)
            .collect::<Vec<_>>()
            .await;
            failed_ids.extend(results.into_iter().filter(|r| !r.1).map(|r| r.0));
        }
        BulkOp::Delete => {
            for chunk in targets.chunks(crate::pages::users::import::model::CHUNK) {
                let ids: Vec<String> = chunk.iter().map(|p| p.id.clone()).collect();
                let r = users::batch_delete(&api, &ids).await;
                progress.update(|o| {
                    for p in chunk {
                        match &r {
                            Ok(d) if d.missing_ids.contains(&p.id) => o.failed.push((
                                p.email.clone(),
                                "Not found: it may have been deleted already.".into(),
                            )),
                            Ok(_) => o.ok += 1,
                            Err(e) => o.failed.push((p.email.clone(), e.message.clone())),
                        }
                    }
                });
                let missing = r
                    .as_ref()
                    .map(|d| d.missing_ids.clone())
                    .unwrap_or_default();
                failed_ids.extend(
                    chunk
                        .iter()
                        .filter(|p| r.is_err() || missing.contains(&p.id))
                        .map(|p| p.id.clone()),
                );
            }
        }
    }
    failed_ids
}

#[component]
pub fn BulkBar(
    selected: RwSignal<BTreeMap<String, Picked>>,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let api = Api::expect();
    let running = RwSignal::new(None::<BulkOp>);
    let progress = RwSignal::new(Progress::default());
    let last = RwSignal::new(None::<(BulkOp, Progress)>);
    let confirm_delete = RwSignal::new(false);
    let count = move || selected.with(BTreeMap::len);
    let start = move |op: BulkOp| {
        if running.get_untracked().is_some() {
            return;
        }
        let targets: Vec<Picked> = selected.with_untracked(|m| m.values().cloned().collect());
        confirm_delete.set(false);
        running.set(Some(op));
        last.set(None);
        progress.set(Progress {
            total: targets.len(),
            ..Default::default()
        });
        leptos::task::spawn_local(async move {
            let failed = run(api, op, targets, progress).await;
            running.set(None);
            // The page may be gone by now (another tab or page): never panic.
            if let Some(p) = progress.try_get_untracked() {
                last.set(Some((op, p)));
            }
            // Keep only the failures selected, so a retry is one click.
            selected.update(|m| m.retain(|id, _| failed.contains(id)));
            // `try_`: a bulk job goes on when its page is gone; then nobody is told.
            on_done.try_run(());
        });
    };
    view! {
        <Show when=move || count() != 0 || running.get().is_some() || last.with(Option::is_some)>
            <section class="bulk" aria-label="Bulk actions">
                <Show when=move || running.get().is_none() && count() != 0>
                    <span class="bulk__count">{move || format!("{} selected", count())}</span>
                    <button type="button" class="btn btn--small" on:click=move |_| start(BulkOp::Deactivate)>"Deactivate selected"</button>
                    <Show
                        when=move || confirm_delete.get()
                        fallback=move || view! { <button type="button" class="btn btn--small btn--danger-ghost" on:click=move |_| confirm_delete.set(true)>"Delete selected"</button> }
                    >
                        <button type="button" class="btn btn--small btn--danger" on:click=move |_| start(BulkOp::Delete)>
                            {move || format!("Confirm: delete {} permanently", count())}
                        </button>
                    </Show>
                    <button type="button" class="btn btn--small btn--link" on:click=move |_| { selected.update(BTreeMap::clear); confirm_delete.set(false); }>"Clear selection"</button>
                </Show>
                <Show when=move || running.get().is_some()>
                    <progress aria-label="Bulk progress" max=move || progress.with(|p| p.total.max(1)) value=move || progress.with(Progress::done)></progress>
                    <span role="status">{move || progress.with(|p| format!("{} of {} done", p.done(), p.total))}</span>
                </Show>
                {move || last.get().map(|(op, o)| view! {
                    <div class="bulk__result" role="status">
                        <p>{o.summary(op)}</p>
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
