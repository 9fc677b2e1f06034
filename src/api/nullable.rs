//! Decoding Go's `null`s: a nil slice or map on a field without `omitempty` arrives as
//! `null` (authsec-api.md §1.9), and serde's `#[serde(default)]` does not cover that. Use
//! `#[serde(default, deserialize_with = "nullable::vec")]` (or `::value`) on such fields.

use serde::{Deserialize, Deserializer};

/// `null` (or an absent key, with `#[serde(default)]`) as an empty `Vec`.
pub fn vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// The length of an array that may be `null` (0), its elements skipped unread: a count
/// costs no allocation per element.
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    let skipped = Option::<Vec<serde::de::IgnoredAny>>::deserialize(d)?;
    Ok(skipped.map_or(0, |v| v.len()))
}

/// `null` as the type's default (strings, numbers, bools, maps).
pub fn value<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A time as RFC 3339 text, whether it came as text or as Unix seconds; `null` as "".
pub fn time<'de, D>(d: D) -> Result<String, D::Error>
where
    D: Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Time {
        Text(String),
        Epoch(i64),
    }
    Ok(match Option::<Time>::deserialize(d)? {
        Some(Time::Text(s)) => s,
        Some(Time::Epoch(n)) => crate::time::rfc3339(n),
        None => String::new(),
    })
}

/// [`time`] for an optional field: `null` or absent as `None`.
pub fn time_opt<'de, D>(d: D) -> Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(Some(time(d)?).filter(|s| !s.is_empty()))
}

/// A time in Go's `time.Time.String()` form (`2026-04-20 09:12:44.318274 +0000 UTC`,
/// AuthSec's domains) as RFC 3339; other text as it came; `null` as "".
pub fn go_time<'de, D>(d: D) -> Result<String, D::Error>
where
    D: Deserializer<'de>,
{
    let s = Option::<String>::deserialize(d)?.unwrap_or_default();
    Ok(crate::time::from_go_string(&s).unwrap_or(s))
}

/// [`go_time`] for an optional field: `null` or absent as `None`.
pub fn go_time_opt<'de, D>(d: D) -> Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(Some(go_time(d)?).filter(|s| !s.is_empty()))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    struct T {
        #[serde(default, deserialize_with = "super::vec")]
        tags: Vec<String>,
        #[serde(default, deserialize_with = "super::value")]
        name: String,
    }

    #[test]
    fn null_absent_and_present() {
        let t: T = serde_json::from_str(r#"{"tags":null,"name":null}"#).unwrap();
        assert_eq!(
            t,
            T {
                tags: vec![],
                name: String::new()
            }
        );
        let t: T = serde_json::from_str(r#"{}"#).unwrap();
        assert!(t.tags.is_empty());
        let t: T = serde_json::from_str(r#"{"tags":["a"],"name":"n"}"#).unwrap();
        assert_eq!(t.tags, vec!["a"]);
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Times {
        #[serde(deserialize_with = "super::time")]
        at: String,
        #[serde(default, deserialize_with = "super::time_opt")]
        seen: Option<String>,
    }

    #[test]
    fn times_as_text_or_unix_seconds() {
        let t: Times = serde_json::from_str(r#"{"at":1776676502,"seen":null}"#).unwrap();
        assert_eq!(t.at, "2026-04-20T09:15:02Z");
        assert_eq!(t.seen, None);
        let t: Times = serde_json::from_str(r#"{"at":"2026-01-01T00:00:00Z","seen":1}"#).unwrap();
        assert_eq!(t.at, "2026-01-01T00:00:00Z");
        assert_eq!(t.seen.as_deref(), Some("1970-01-01T00:00:01Z"));
    }
}
