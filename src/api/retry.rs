//! When the client may send a request again by itself.

/// The HTTP methods the console uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// At most this many tries of one request, the first included.
pub const MAX_TRIES: u32 = 3;
/// Never wait longer than this for one retry, whatever `Retry-After` says.
pub const MAX_WAIT_MS: u32 = 10_000;

/// How long to wait before the next try, or `None` when the request must not
/// be sent again. Only idempotent GETs are retried, only on 429/502/503/504,
/// and `attempt` counts the tries already made (1 after the first).
pub fn retry_delay_ms(
    method: Method,
    status: u16,
    retry_after_s: Option<u32>,
    attempt: u32,
) -> Option<u32> {
    if method != Method::Get || attempt >= MAX_TRIES {
        return None;
    }
    if !matches!(status, 429 | 502 | 503 | 504) {
        return None;
    }
    let backoff = 400u32.saturating_mul(1 << (attempt.saturating_sub(1)).min(8));
    let wait = match retry_after_s {
        Some(s) => s.saturating_mul(1000).max(backoff),
        None => backoff,
    };
    Some(wait.min(MAX_WAIT_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gets_retry_on_transient_statuses_with_backoff() {
        assert_eq!(retry_delay_ms(Method::Get, 503, None, 1), Some(400));
        assert_eq!(retry_delay_ms(Method::Get, 502, None, 2), Some(800));
        assert_eq!(
            retry_delay_ms(Method::Get, 504, None, 3),
            None,
            "three tries at most"
        );
    }

    #[test]
    fn retry_after_is_honoured_and_capped() {
        assert_eq!(retry_delay_ms(Method::Get, 429, Some(2), 1), Some(2000));
        assert_eq!(
            retry_delay_ms(Method::Get, 429, Some(3600), 1),
            Some(MAX_WAIT_MS)
        );
    }

    #[test]
    fn writes_are_never_retried() {
        for m in [Method::Post, Method::Put, Method::Patch, Method::Delete] {
            assert_eq!(retry_delay_ms(m, 503, Some(1), 1), None, "{m:?}");
        }
    }

    #[test]
    fn other_statuses_are_final() {
        for s in [400, 401, 403, 404, 409, 500] {
            assert_eq!(retry_delay_ms(Method::Get, s, None, 1), None, "{s}");
        }
    }
}
