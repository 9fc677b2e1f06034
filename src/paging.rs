//! Paging arithmetic shared by every list.

pub const PAGE_SIZES: [u32; 4] = [10, 25, 50, 100];
pub const DEFAULT_SIZE: u32 = 25;
/// The server's largest page (§ Conventions): walks use it.
pub const MAX_LIMIT: u32 = 100;

/// A page number from the URL: 1 unless it is a whole number from 1.
pub fn parse_page(v: &str) -> u32 {
    v.parse().ok().filter(|p| *p >= 1).unwrap_or(1)
}

/// A page size from the URL: one of [`PAGE_SIZES`], else the default.
pub fn parse_size(v: &str) -> u32 {
    v.parse()
        .ok()
        .filter(|n| PAGE_SIZES.contains(n))
        .unwrap_or(DEFAULT_SIZE)
}

/// Adds `page` and `size` to a URL query, leaving out the defaults.
pub fn add_paging(q: crate::url::Query, page: u32, size: u32) -> crate::url::Query {
    let q = if page > 1 { q.add("page", page) } else { q };
    if size != DEFAULT_SIZE {
        q.add("size", size)
    } else {
        q
    }
}

/// "41–60 of 250" for a page (1-based) of `size` rows out of `total`.
pub fn range_label(page: u32, size: u32, total: u64) -> String {
    if total == 0 {
        return "0 of 0".into();
    }
    let first = (u64::from(page.max(1)) - 1) * u64::from(size) + 1;
    let last = (first + u64::from(size) - 1).min(total);
    if first > total {
        return format!("0 of {total}");
    }
    format!("{first}–{last} of {total}")
}

/// Pages needed for `total` rows at `size` per page (at least 1).
pub fn page_count(total: u64, size: u32) -> u32 {
    (total.div_ceil(u64::from(size.max(1))).max(1)).min(u64::from(u32::MAX)) as u32
}

/// The items of `all` whose text `holds` the trimmed, lower-cased search `q` (every item
/// for an empty one), sorted by `key`, computed once per item rather than per comparison:
/// the lists AuthSec answers whole and the console searches (roles, groups, members…).
pub fn search_hits<T: Clone, K: Ord>(
    all: &[T],
    q: &str,
    holds: impl Fn(&T, &str) -> bool,
    key: impl FnMut(&T) -> K,
) -> Vec<T> {
    let q = q.trim().to_lowercase();
    let mut hits: Vec<T> = if q.is_empty() {
        all.to_vec()
    } else {
        all.iter().filter(|t| holds(t, &q)).cloned().collect()
    };
    hits.sort_by_cached_key(key);
    hits
}

/// How many of `all` [`search_hits`] returns for `q`, none of them copied or sorted.
pub fn count_hits<T>(all: &[T], q: &str, holds: impl Fn(&T, &str) -> bool) -> usize {
    let q = q.trim().to_lowercase();
    match q.is_empty() {
        true => all.len(),
        false => all.iter().filter(|t| holds(t, &q)).count(),
    }
}

/// Whether `hay` holds the lower-cased `q`, whatever its case.
pub fn holds(hay: &str, q: &str) -> bool {
    hay.to_lowercase().contains(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_labels() {
        assert_eq!(range_label(3, 20, 250), "41–60 of 250");
        assert_eq!(range_label(13, 20, 250), "241–250 of 250");
        assert_eq!(range_label(1, 25, 0), "0 of 0");
        assert_eq!(range_label(99, 25, 30), "0 of 30");
        assert_eq!(page_count(250, 25), 10);
        assert_eq!(page_count(251, 25), 11);
        assert_eq!(page_count(0, 25), 1);
    }
}
