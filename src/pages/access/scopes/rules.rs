//! What a scope and an API scope must have before they are sent, as field messages.

use std::collections::BTreeSet;

/// (name, resources) messages for a scope; `taken` are the names in use (AuthSec compares
/// them exactly); `adding` is false when an existing scope is edited (its name is fixed).
pub fn check_scope(
    name: &str,
    all: bool,
    chosen: &BTreeSet<String>,
    taken: &[String],
    adding: bool,
) -> (Option<String>, Option<String>) {
    let n = name.trim();
    let name_msg = if !adding {
        None
    } else if n.is_empty() {
        Some("Give the scope a name.".to_string())
    } else if n.contains('/') {
        // A name with '/' could never be edited or deleted: AuthSec reads it from the path.
        Some("A scope name cannot hold '/'.".to_string())
    } else if taken.iter().any(|t| t == n) {
        Some(format!("This workspace already has the scope {n}."))
    } else {
        None
    };
    let res_msg = (!all && chosen.is_empty())
        .then(|| "Pick the resources it covers, or All resources.".to_string());
    (name_msg, res_msg)
}

/// (name, description, permissions) messages for an API scope. `was` is the saved
/// description when editing: AuthSec keeps it when an empty one is sent.
pub fn check_api_scope(
    name: &str,
    description: &str,
    chosen: usize,
    was: Option<&str>,
) -> (Option<String>, Option<String>, Option<String>) {
    let n = name.trim();
    let name_msg = match n.split_once(':') {
        Some((r, a))
            if !r.is_empty()
                && !a.is_empty()
                && !a.contains(':')
                && !n.contains(char::is_whitespace) =>
        {
            None
        }
        _ => Some("Write it as resource:action, e.g. files:read.".to_string()),
    };
    let desc_msg = match was {
        Some(w) if !w.is_empty() && description.trim().is_empty() => {
            Some("AuthSec cannot clear a description: write a new one.".to_string())
        }
        _ => None,
    };
    let perm_msg = (chosen == 0).then(|| "Pick at least one permission.".to_string());
    (name_msg, desc_msg, perm_msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_scope_needs_a_reachable_new_name_and_resources() {
        let taken = vec!["billing".to_string()];
        assert_eq!(
            check_scope("reports", false, &set(&["invoices"]), &taken, true),
            (None, None)
        );
        assert_eq!(
            check_scope("x", true, &set(&[]), &taken, true),
            (None, None)
        );
        assert!(check_scope(" ", true, &set(&[]), &taken, true).0.is_some());
        assert!(check_scope("a/b", true, &set(&[]), &taken, true)
            .0
            .unwrap()
            .contains("'/'"));
        assert!(check_scope("billing", true, &set(&[]), &taken, true)
            .0
            .unwrap()
            .contains("already"));
        // AuthSec compares names exactly: another case is another scope.
        assert_eq!(
            check_scope("Billing", true, &set(&[]), &taken, true).0,
            None
        );
        // Editing: the name is fixed; no resource at all would delete the scope.
        assert_eq!(
            check_scope("billing", true, &set(&[]), &taken, false),
            (None, None)
        );
        assert!(check_scope("billing", false, &set(&[]), &taken, false)
            .1
            .is_some());
    }

    #[test]
    fn an_api_scope_is_resource_colon_action_with_permissions() {
        assert_eq!(
            check_api_scope("files:read", "", 1, None),
            (None, None, None)
        );
        for bad in ["files", ":read", "files:", "a:b:c", "files: read"] {
            assert!(check_api_scope(bad, "", 1, None).0.is_some(), "{bad}");
        }
        assert!(check_api_scope("files:read", "", 0, None).2.is_some());
        assert!(check_api_scope("files:read", " ", 1, Some("Old"))
            .1
            .is_some());
        assert_eq!(check_api_scope("files:read", "", 1, Some("")).1, None);
    }
}
