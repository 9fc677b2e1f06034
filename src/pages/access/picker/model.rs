//! The permission picker's logic: permissions grouped by resource, what a group's
//! "all" box shows, and what ticking it does.

use crate::api::access::Permission;
use crate::paging::holds;
use std::collections::BTreeSet;

/// The permissions of one resource, in the server's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub resource: String,
    pub items: Vec<Permission>,
}

/// Groups by resource (resources in alphabetical order), keeping only permissions whose
/// `resource:action` or description holds `filter` (case-insensitive).
pub fn grouped(perms: &[Permission], filter: &str) -> Vec<Group> {
    let needle = filter.trim().to_lowercase();
    let mut out: Vec<Group> = Vec::new();
    for p in perms.iter().filter(|p| {
        needle.is_empty()
            || holds(&p.full_permission_string, &needle)
            || holds(&p.description, &needle)
    }) {
        match out.iter_mut().find(|g| g.resource == p.resource) {
            Some(g) => g.items.push(p.clone()),
            None => out.push(Group {
                resource: p.resource.clone(),
                items: vec![p.clone()],
            }),
        }
    }
    out.sort_by(|a, b| a.resource.cmp(&b.resource));
    out
}

/// How much of a group is chosen: what its "all" box shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    None,
    Some,
    All,
}

pub fn coverage(items: &[Permission], chosen: &BTreeSet<String>) -> Coverage {
    let n = items.iter().filter(|p| chosen.contains(&p.id)).count();
    match n {
        0 => Coverage::None,
        n if n == items.len() => Coverage::All,
        _ => Coverage::Some,
    }
}

/// The "all" box: a fully chosen group is cleared, any other becomes fully chosen.
pub fn toggle_group(items: &[Permission], chosen: &mut BTreeSet<String>) {
    if coverage(items, chosen) == Coverage::All {
        for p in items {
            chosen.remove(&p.id);
        }
    } else {
        chosen.extend(items.iter().map(|p| p.id.clone()));
    }
}

/// The ids of a role's permissions (given as `resource:action`), and the strings that
/// name no permission any more (deleted since: saving drops them, so the page says so).
pub fn ids_of(strings: &[String], perms: &[Permission]) -> (BTreeSet<String>, Vec<String>) {
    let mut ids = BTreeSet::new();
    let mut gone = Vec::new();
    for s in strings {
        match perms.iter().find(|p| &p.full_permission_string == s) {
            Some(p) => {
                ids.insert(p.id.clone());
            }
            None => gone.push(s.clone()),
        }
    }
    (ids, gone)
}

#[cfg(test)]
mod tests;
