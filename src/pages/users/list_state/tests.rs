use super::*;

fn parse(q: &str) -> UsersState {
    UsersState::from_query(q)
}

#[test]
fn default_state_is_an_empty_query() {
    assert_eq!(UsersState::default().to_query(), "");
    assert_eq!(parse(""), UsersState::default());
}

#[test]
fn round_trips_through_the_url() {
    let s = UsersState {
        tab: Tab::EndUsers,
        search: "ada lovelace & co".into(),
        status: "inactive".into(),
        sort: Sort::Email,
        asc: true,
        page: 3,
        size: 50,
    };
    let q = s.to_query();
    assert_eq!(parse(&q), s);
    assert!(q.contains("sort=email") && !q.contains("dir="), "{q}");
    let admins = UsersState {
        tab: Tab::Admins,
        search: "ops".into(),
        ..Default::default()
    };
    assert_eq!(admins.to_query(), "tab=admins&q=ops");
    assert_eq!(parse("tab=admins&q=ops"), admins);
}

#[test]
fn bad_values_fall_back_to_defaults() {
    let s = parse("status=deleted&mfa=maybe&sort=password&dir=up&page=0&size=7&tab=x");
    assert_eq!(s, UsersState::default());
}

#[test]
fn email_sorts_a_to_z_first_and_dates_newest_first() {
    let s = UsersState::default().sorted_by(Sort::Email);
    assert!(s.asc);
    assert_eq!(s.to_query(), "sort=email");
    let s = s.sorted_by(Sort::Email);
    assert!(!s.asc);
    assert_eq!(s.to_query(), "sort=email&dir=desc");
    let s = s.sorted_by(Sort::Created);
    assert!(!s.asc);
    assert_eq!(s.to_query(), "");
}

#[test]
fn sorting_and_tabs_go_back_to_page_one() {
    let s = UsersState {
        page: 4,
        search: "x".into(),
        ..Default::default()
    };
    assert_eq!(s.sorted_by(Sort::Email).page, 1);
    let other = s.on_tab(Tab::Admins);
    assert_eq!(other.page, 1);
    assert_eq!(other.search, "");
}

#[test]
fn the_query_carries_only_set_filters_and_no_mfa_filter() {
    let s = parse("q=%20ada%20&mfa=true&sort=email");
    let q = s.end_user_query("t1");
    assert_eq!(q.search.as_deref(), Some("ada"));
    assert_eq!(q.status, None);
    assert_eq!(q.sort_by.as_deref(), Some("email"));
    assert_eq!(q.sort_direction.as_deref(), Some("asc"));
    assert_eq!((q.page, q.limit), (1, 25));
    assert_eq!(parse("tab=admins").admin_query().search, None);
}
