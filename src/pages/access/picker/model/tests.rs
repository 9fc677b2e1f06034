use super::*;

fn p(id: &str, full: &str, description: &str) -> Permission {
    let (resource, action) = full.split_once(':').unwrap();
    Permission {
        id: id.into(),
        resource: resource.into(),
        action: action.into(),
        full_permission_string: full.into(),
        description: description.into(),
        roles_assigned: 0,
    }
}

fn sample() -> Vec<Permission> {
    vec![
        p("1", "users:read", "Read users"),
        p("2", "clients:read", "Read clients"),
        p("3", "users:delete", "Delete users"),
        p("4", "clients:update", "Change clients"),
    ]
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn permissions_are_grouped_by_resource_in_alphabetical_order() {
    let g = grouped(&sample(), "");
    let names: Vec<_> = g.iter().map(|g| g.resource.as_str()).collect();
    assert_eq!(names, ["clients", "users"]);
    let users: Vec<_> = g[1].items.iter().map(|p| p.action.as_str()).collect();
    assert_eq!(
        users,
        ["read", "delete"],
        "the server's order within a group"
    );
}

#[test]
fn the_filter_matches_the_permission_or_its_description() {
    let g = grouped(&sample(), "DELETE");
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].items[0].id, "3");
    assert_eq!(grouped(&sample(), "change")[0].items[0].id, "4");
    assert!(grouped(&sample(), "nothing").is_empty());
}

#[test]
fn the_all_box_picks_the_whole_group_then_clears_it() {
    let g = grouped(&sample(), "");
    let clients = &g[0].items;
    let mut chosen = set(&["2", "1"]);
    assert_eq!(coverage(clients, &chosen), Coverage::Some);
    toggle_group(clients, &mut chosen);
    assert_eq!(chosen, set(&["1", "2", "4"]), "other groups untouched");
    assert_eq!(coverage(clients, &chosen), Coverage::All);
    toggle_group(clients, &mut chosen);
    assert_eq!(chosen, set(&["1"]));
    assert_eq!(coverage(clients, &chosen), Coverage::None);
}

#[test]
fn a_role_permission_deleted_since_is_named_not_silently_kept() {
    let strings = vec!["users:read".to_string(), "invoices:read".to_string()];
    let (ids, gone) = ids_of(&strings, &sample());
    assert_eq!(ids, set(&["1"]));
    assert_eq!(gone, ["invoices:read"]);
}
