//! Timestamps: RFC 3339 to seconds, "3 days ago" labels, a readable absolute form.

/// Seconds since the Unix epoch for an RFC 3339 timestamp
/// (`2026-11-20T14:03:00Z`, `…+02:00`, fractional seconds allowed).
pub fn epoch_secs(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d, h, mi, se) = (
        num(0..4)?,
        num(5..7)?,
        num(8..10)?,
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        rest = &frac[n..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        o if o.len() == 6 && (o.starts_with('+') || o.starts_with('-')) && &o[3..4] == ":" => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            sign * (o[1..3].parse::<i64>().ok()? * 3600 + o[4..6].parse::<i64>().ok()? * 60)
        }
        _ => return None,
    };
    // Days from civil (Howard Hinnant's algorithm).
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + se - offset)
}

/// `2026-04-20T09:15:02Z` for seconds since the epoch (AuthSec sends some times as
/// Unix seconds, authsec-api.md §1.8).
pub fn rfc3339(epoch: i64) -> String {
    let (days, secs) = (epoch.div_euclid(86_400), epoch.rem_euclid(86_400));
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// "just now", "5 minutes ago", "in 2 days", "3 months ago".
pub fn relative(then: i64, now: i64) -> String {
    let delta = now - then;
    let secs = delta.abs();
    if secs < 45 {
        return "just now".into();
    }
    let (n, unit) = match secs {
        s if s < 3_600 => ((s + 30) / 60, "minute"),
        s if s < 86_400 => ((s + 1_800) / 3_600, "hour"),
        s if s < 30 * 86_400 => ((s + 43_200) / 86_400, "day"),
        s if s < 365 * 86_400 => (s / (30 * 86_400), "month"),
        s => (s / (365 * 86_400), "year"),
    };
    let n = n.max(1);
    let plural = if n == 1 { "" } else { "s" };
    if delta >= 0 {
        format!("{n} {unit}{plural} ago")
    } else {
        format!("in {n} {unit}{plural}")
    }
}

/// `2026-11-20 14:03 UTC` from an RFC 3339 UTC timestamp (other offsets are
/// shown as sent).
pub fn absolute(s: &str) -> String {
    match s.get(..16) {
        Some(head) if s.ends_with('Z') && s.len() >= 20 => {
            format!("{} UTC", head.replacen('T', " ", 1))
        }
        _ => s.to_string(),
    }
}

/// Seconds since the epoch now (browser clock on wasm, system clock on host).
pub fn now_secs() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Date::now() / 1000.0) as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}

/// Go's `time.Time.String()` form (`2026-04-20 09:12:44.318274 +0000 UTC`) as RFC 3339
/// (`2026-04-20T09:12:44.318274+00:00`); `None` for any other text.
pub fn from_go_string(s: &str) -> Option<String> {
    let mut parts = s.split_whitespace();
    let (date, time, offset) = (parts.next()?, parts.next()?, parts.next()?);
    let out = match offset.as_bytes() {
        [b'+' | b'-', ..] if offset.len() == 5 => {
            format!("{date}T{time}{}:{}", &offset[..3], &offset[3..])
        }
        _ => return None,
    };
    epoch_secs(&out).map(|_| out)
}

#[cfg(test)]
mod rfc3339_tests {
    use super::{epoch_secs, rfc3339};

    #[test]
    fn reads_go_time_strings() {
        use super::from_go_string;
        let t = from_go_string("2026-04-20 09:12:44.318274 +0000 UTC").unwrap();
        assert_eq!(t, "2026-04-20T09:12:44.318274+00:00");
        assert_eq!(epoch_secs(&t), epoch_secs("2026-04-20T09:12:44Z"));
        let t = from_go_string("2026-04-20 11:12:44 +0200 CEST").unwrap();
        assert_eq!(epoch_secs(&t), epoch_secs("2026-04-20T09:12:44Z"));
        assert_eq!(from_go_string("2026-04-20T09:12:44Z"), None);
        assert_eq!(from_go_string(""), None);
    }

    #[test]
    fn round_trips_with_epoch_secs() {
        assert_eq!(rfc3339(1_776_676_502), "2026-04-20T09:15:02Z");
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        for t in [951_782_400, 1_709_164_799, 4_102_444_800] {
            assert_eq!(epoch_secs(&rfc3339(t)), Some(t));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339() {
        assert_eq!(epoch_secs("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(epoch_secs("2026-11-23T11:20:40Z"), Some(1_795_432_840));
        assert_eq!(
            epoch_secs("2026-11-23T11:20:40.123456789Z"),
            Some(1_795_432_840)
        );
        assert_eq!(epoch_secs("2026-11-23T13:20:40+02:00"), Some(1_795_432_840));
        assert_eq!(epoch_secs("2000-02-29T00:00:00Z"), Some(951_782_400));
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-23 11:20",
            "2026-11-23T11:20:40",
        ] {
            assert_eq!(epoch_secs(bad), None, "{bad}");
        }
    }

    #[test]
    fn relative_labels() {
        let now = 1_000_000_000;
        assert_eq!(relative(now - 10, now), "just now");
        assert_eq!(relative(now - 60, now), "1 minute ago");
        assert_eq!(relative(now - 5 * 60, now), "5 minutes ago");
        assert_eq!(relative(now - 3 * 3600, now), "3 hours ago");
        assert_eq!(relative(now - 86_400, now), "1 day ago");
        assert_eq!(relative(now - 90 * 86_400, now), "3 months ago");
        assert_eq!(relative(now - 800 * 86_400, now), "2 years ago");
        assert_eq!(relative(now + 2 * 86_400, now), "in 2 days");
    }

    #[test]
    fn absolute_form() {
        assert_eq!(absolute("2026-11-20T14:03:59.5Z"), "2026-11-20 14:03 UTC");
        assert_eq!(
            absolute("2026-11-20T14:03:59+02:00"),
            "2026-11-20T14:03:59+02:00"
        );
    }
}
