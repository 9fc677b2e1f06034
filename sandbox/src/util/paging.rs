//! 1-based pagination with the contract's limits (default 10, at most 100).

use serde::Serialize;

pub const DEFAULT_LIMIT: usize = 10;
pub const MAX_LIMIT: usize = 100;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct PageInfo {
    pub page: usize,
    pub limit: usize,
    pub total: usize,
    pub total_pages: usize,
}

/// Normalises raw page/limit values: page < 1 becomes 1, limit < 1 the default, > 100 is 100.
pub fn normalize(page: Option<i64>, limit: Option<i64>) -> (usize, usize) {
    let page = page.filter(|p| *p >= 1).unwrap_or(1) as usize;
    let limit = match limit {
        Some(l) if l >= 1 => (l as usize).min(MAX_LIMIT),
        _ => DEFAULT_LIMIT,
    };
    (page, limit)
}

/// Cuts one page out of an already filtered and sorted list.
pub fn slice<T: Clone>(items: &[T], page: usize, limit: usize) -> (Vec<T>, PageInfo) {
    let total = items.len();
    let total_pages = total.div_ceil(limit);
    let start = (page - 1).saturating_mul(limit).min(total);
    let end = (start + limit).min(total);
    let info = PageInfo {
        page,
        limit,
        total,
        total_pages,
    };
    (items[start..end].to_vec(), info)
}
