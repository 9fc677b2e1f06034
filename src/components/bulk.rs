//! A bulk action over a selection, written once: the bar with the count and the
//! page's action buttons, a progress bar while it runs, then "12 deleted, 1
//! failed." with a line per failure. One failure never stops the rest; after the
//! run only the failed rows stay selected, so a retry is one click.
//!
//! ```ignore
//! let job = BulkJob::new();
//! let deactivate = move |_| job.each("deactivated", selection, move |u: PickedUser| {
//!     async move { users::set_active(&api, &u.id, false).await }
//! }, on_done);
//! view! {
//!     <BulkBar job count=Signal::derive(move || selection.count()) on_clear=move || selection.clear()>
//!         <button class="btn btn--small" on:click=deactivate>"Deactivate selected"</button>
//!         <BulkDelete job label="Delete selected" confirm=... on_confirm=... />
//!     </BulkBar>
//! }
//! ```

mod bar;

use crate::api::ApiError;
use crate::hooks::{Pick, Selection};
pub use bar::{BulkBar, BulkDelete};
use futures::stream::{self, StreamExt};
use leptos::prelude::*;
use std::future::Future;

/// How many requests a bulk run keeps in flight.
pub const PARALLEL: usize = 4;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub total: usize,
    pub ok: usize,
    /// (the row's label, the server's reason)
    pub failed: Vec<(String, String)>,
}

impl Progress {
    pub fn done(&self) -> usize {
        self.ok + self.failed.len()
    }
    /// "12 deleted, 1 failed." for `past` = "deleted".
    pub fn summary(&self, past: &str) -> String {
        match self.failed.len() {
            0 => format!("{} {past}.", self.ok),
            n => format!("{} {past}, {n} failed.", self.ok),
        }
    }
    pub fn record(&mut self, label: &str, r: &Result<(), ApiError>) {
        match r {
            Ok(()) => self.ok += 1,
            Err(e) => self.failed.push((label.to_string(), e.message.clone())),
        }
    }
}

/// The state of one bulk bar: whether a run is under way, its progress, the
/// last run's result and whether the two-step delete waits for its second click.
pub struct BulkJob {
    pub running: RwSignal<bool>,
    pub progress: RwSignal<Progress>,
    last: RwSignal<Option<(&'static str, Progress)>>,
    pub confirming: RwSignal<bool>,
}

impl Clone for BulkJob {
    fn clone(&self) -> Self {
        *self
    }
}
impl Copy for BulkJob {}

impl BulkJob {
    pub fn new() -> Self {
        BulkJob {
            running: RwSignal::new(false),
            progress: RwSignal::new(Progress::default()),
            last: RwSignal::new(None),
            confirming: RwSignal::new(false),
        }
    }

    /// Runs `work` unless a run is under way. `work` sets `progress.total` and
    /// records each row, and returns the rows that failed: they stay selected in
    /// `selection`; then `on_done` (a reload) runs. `None`: nothing ran (the work
    /// said why itself); the selection stays as it was. The run goes on if the page is
    /// left meanwhile: a write the user asked for is not cut off halfway.
    pub fn run<P, Fut>(
        &self,
        past: &'static str,
        selection: Selection<P>,
        work: Fut,
        on_done: Callback<()>,
    ) where
        P: Pick,
        Fut: Future<Output = Option<Vec<P>>> + 'static,
    {
        if self.running.get_untracked() {
            return;
        }
        let BulkJob {
            running,
            progress,
            last,
            confirming,
        } = *self;
        confirming.set(false);
        running.set(true);
        last.set(None);
        progress.set(Progress::default());
        leptos::task::spawn_local(async move {
            let Some(failed) = work.await else {
                running.set(false);
                return;
            };
            // `try_`: the page (and these signals) may be gone when the run ends;
            // then there is nobody to tell. `set` on a disposed signal does nothing.
            let Some(outcome) = progress.try_get_untracked() else {
                return;
            };
            running.set(false);
            last.set(Some((past, outcome)));
            selection.keep_only(&failed);
            on_done.try_run(());
        });
    }

    /// `run` over the selected rows with one request per row (`one`), PARALLEL
    /// at a time.
    pub fn each<P, Fut>(
        &self,
        past: &'static str,
        selection: Selection<P>,
        one: impl Fn(P) -> Fut + 'static,
        on_done: Callback<()>,
    ) where
        P: Pick,
        Fut: Future<Output = Result<(), ApiError>> + 'static,
    {
        self.over(past, selection, on_done, |t, p| each_of(t, p, one));
    }

    /// `run` over the selected rows: `work` gets them and the progress to record them
    /// in, and answers the ones that failed.
    fn over<P: Pick, W: Future<Output = Vec<P>> + 'static>(
        &self,
        past: &'static str,
        selection: Selection<P>,
        on_done: Callback<()>,
        work: impl FnOnce(Vec<P>, RwSignal<Progress>) -> W,
    ) {
        let work = work(selection.picked(), self.progress);
        self.run(past, selection, async move { Some(work.await) }, on_done);
    }
}

impl BulkJob {
    /// `run` over the selected rows through a route that takes many at once (`many`,
    /// `size` rows a request, one request at a time): each row is reported with its
    /// request's result.
    pub fn batched<P, Fut>(
        &self,
        past: &'static str,
        selection: Selection<P>,
        size: usize,
        many: impl Fn(Vec<P>) -> Fut + 'static,
        on_done: Callback<()>,
    ) where
        P: Pick,
        Fut: Future<Output = Result<(), ApiError>> + 'static,
    {
        self.over(past, selection, on_done, move |t, p| {
            batched_of(t, size, p, many)
        });
    }
}

impl Default for BulkJob {
    fn default() -> Self {
        Self::new()
    }
}

/// One request per target, PARALLEL at a time, each recorded in `progress`;
/// the targets that failed.
pub async fn each_of<P: Pick, Fut>(
    targets: Vec<P>,
    progress: RwSignal<Progress>,
    one: impl Fn(P) -> Fut,
) -> Vec<P>
where
    Fut: Future<Output = Result<(), ApiError>>,
{
    progress.update(|p| p.total = targets.len());
    let one = &one;
    stream::iter(targets.into_iter().map(|p| async move {
        let r = one(p.clone()).await;
        progress.update(|o| o.record(p.label(), &r));
        (p, r.is_ok())
    }))
    .buffer_unordered(PARALLEL)
    .filter_map(|(p, ok)| async move { (!ok).then_some(p) })
    .collect()
    .await
}

/// One request per `size` targets, one request at a time, each target recorded with
/// its request's result; the targets that failed.
pub async fn batched_of<P: Pick, Fut>(
    targets: Vec<P>,
    size: usize,
    progress: RwSignal<Progress>,
    many: impl Fn(Vec<P>) -> Fut,
) -> Vec<P>
where
    Fut: Future<Output = Result<(), ApiError>>,
{
    progress.update(|p| p.total = targets.len());
    let mut failed = Vec::new();
    for chunk in targets.chunks(size.max(1)) {
        let r = many(chunk.to_vec()).await;
        progress.update(|o| chunk.iter().for_each(|p| o.record(p.label(), &r)));
        if r.is_err() {
            failed.extend_from_slice(chunk);
        }
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_name_failures() {
        let o = Progress {
            total: 30,
            ok: 28,
            failed: vec![("a".into(), "x".into()), ("b".into(), "y".into())],
        };
        assert_eq!(o.summary("deactivated"), "28 deactivated, 2 failed.");
        let all = Progress {
            total: 3,
            ok: 3,
            failed: vec![],
        };
        assert_eq!(all.summary("deleted"), "3 deleted.");
    }
}
