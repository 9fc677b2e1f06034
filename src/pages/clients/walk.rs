//! Walks every page matching a filter (for "select all matching" and the
//! export), reporting progress and stopping when cancelled.

use super::list_state::ListState;
use crate::api::clients::{self, Client};
use crate::api::{Api, ApiError};
use crate::paging::MAX_LIMIT;

/// Every client matching `state`'s filter, page by page (100 at a time).
/// `progress(done, total)` runs after each page; `cancelled()` is asked
/// before each request and ends the walk with `ApiError::aborted()`.
pub async fn walk(
    api: &Api,
    tenant: &str,
    state: &ListState,
    mut progress: impl FnMut(u64, u64),
    cancelled: impl Fn() -> bool,
) -> Result<Vec<Client>, ApiError> {
    let mut out: Vec<Client> = Vec::new();
    let mut page = 1;
    loop {
        if cancelled() {
            return Err(ApiError::aborted());
        }
        let p = clients::list(api, tenant, &state.api_query(page, MAX_LIMIT)).await?;
        let last = p.clients.is_empty() || page >= p.pagination.total_pages;
        for c in p.clients {
            // A row that moved pages while walking shows up once.
            if !out.iter().rev().take(200).any(|o| o.id == c.id) {
                out.push(c);
            }
        }
        progress(out.len() as u64, p.pagination.total.max(out.len() as u64));
        if last {
            return Ok(out);
        }
        page += 1;
    }
}
