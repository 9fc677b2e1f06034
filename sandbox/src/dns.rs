//! DNS for domain verification: the zone file `--dns-zone` names, read at each lookup
//! (a JSON object of names to their TXT strings), since the sandbox runs where the
//! network is not reachable. A test or an admin "publishes" a record by writing it there.
//! No file, or a name not in it: the name does not exist.

use std::collections::HashMap;
use std::path::Path;

/// The TXT strings of `name`; `None` when the name does not exist.
pub fn lookup_txt(zone: Option<&Path>, name: &str) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(zone?).ok()?;
    let mut records: HashMap<String, Vec<String>> = serde_json::from_str(&text).ok()?;
    let name = name.trim_end_matches('.').to_lowercase();
    records
        .iter()
        .find(|(k, _)| k.trim_end_matches('.').eq_ignore_ascii_case(&name))
        .map(|(k, _)| k.clone())
        .and_then(|k| records.remove(&k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_zone_file_at_each_lookup() {
        let dir = std::env::temp_dir().join(format!("zone-{}", std::process::id()));
        assert_eq!(lookup_txt(Some(&dir), "_x.acme.test"), None);
        std::fs::write(
            &dir,
            r#"{"_x.acme.test.": ["a=1"], "_empty.acme.test": []}"#,
        )
        .unwrap();
        assert_eq!(
            lookup_txt(Some(&dir), "_X.acme.test"),
            Some(vec!["a=1".into()])
        );
        assert_eq!(lookup_txt(Some(&dir), "_empty.acme.test"), Some(vec![]));
        assert_eq!(lookup_txt(Some(&dir), "_other.acme.test"), None);
        assert_eq!(lookup_txt(None, "_x.acme.test"), None);
        std::fs::remove_file(&dir).unwrap();
    }
}
