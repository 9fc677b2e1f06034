//! `/users/import`: pick or drop a CSV, preview each row's problems before
//! anything is sent, upload the good rows in batches of at most 1,000 with
//! progress and Cancel (stops after the current batch), then a per-row report
//! that can be downloaded.

pub mod model;
pub mod report;
mod view;

use crate::api::extensions::Extension;
use crate::api::users;
use model::{chunks, Parser, Row};
use report::Report;

/// Rows read per slice before yielding to the browser.
pub const SLICE: usize = 500;

/// Where the import is.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Pick,
    /// Reading the file: bytes read of total.
    Reading(u64, u64),
    /// The whole file could not be used.
    Refused(String),
    Preview,
    /// Uploading: rows sent of rows to send.
    Uploading(usize, usize),
    Done,
}

/// Reads `bytes` a slice at a time, yielding to the browser between slices
/// so typing, scrolling and Cancel stay responsive; `progress(read, size)`
/// runs after each slice.
pub async fn parse_in_slices(
    bytes: Vec<u8>,
    mut progress: impl FnMut(u64, u64),
) -> Result<(Vec<Row>, u64), String> {
    let mut p = Parser::new(bytes);
    while !p.step(SLICE)? {
        progress(p.read, p.size);
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    Ok((p.rows, p.empty))
}

/// Sends the rows at `todo` in batches, recording each answer in `report`,
/// until done or `cancelled()` says stop (checked between batches). Where the server
/// lacks the batch extension (AuthSec itself), each batch goes as SCIM requests instead.
pub async fn upload(
    api: &crate::api::Api,
    rows: &[Row],
    todo: Vec<usize>,
    mut on_batch: impl FnMut(&[usize], Result<crate::api::users::BatchResult, crate::api::ApiError>),
    cancelled: impl Fn() -> bool,
) {
    for idx in todo.chunks(model::CHUNK) {
        if cancelled() {
            return;
        }
        let batch: Vec<_> = idx.iter().map(|i| rows[*i].user.clone()).collect();
        let r = if api.extensions().offered(Extension::UserBatches) {
            match crate::api::users::batch_create(api, &batch).await {
                Err(e) if e.is_missing_feature() => Ok(users::scim_batch(api, &batch).await),
                r => r,
            }
        } else {
            Ok(users::scim_batch(api, &batch).await)
        };
        on_batch(idx, r);
    }
}

pub use view::ImportPage;

/// The first batches' indices, for the view's "N to send" line.
pub fn to_send(rows: &[Row]) -> usize {
    chunks(rows).iter().map(Vec::len).sum()
}

/// A fresh report for parsed rows.
pub fn new_report(rows: &[Row]) -> Report {
    Report::new(rows)
}
