use super::*;
use crate::paging::DEFAULT_SIZE;

fn parse(q: &str) -> ListState {
    ListState::from_query(q)
}

#[test]
fn default_state_is_an_empty_query() {
    assert_eq!(ListState::default().to_query(), "");
    assert_eq!(parse(""), ListState::default());
}

#[test]
fn round_trips_through_the_url() {
    let s = ListState {
        name: "Acme app".into(),
        email: "ops@acme.test".into(),
        tags: vec!["prod".into(), "eu west".into()],
        status: "Inactive".into(),
        active: Tri::No,
        deleted: true,
        page: 3,
        size: 50,
        columns: vec![Column::Name, Column::Status, Column::Created],
    };
    let q = s.to_query();
    assert_eq!(
        q,
        "name=Acme+app&email=ops%40acme.test&tags=prod%2Ceu+west&status=Inactive&active=false&deleted=true&page=3&size=50&cols=name%2Cstatus%2Ccreated"
    );
    assert_eq!(parse(&q), s);
}

#[test]
fn malformed_values_fall_back_to_defaults() {
    let s = parse("page=0&size=7&status=weird&active=maybe&cols=nope&tags=,a,,a,b");
    assert_eq!(s.page, 1);
    assert_eq!(s.size, DEFAULT_SIZE);
    assert_eq!(s.status, "");
    assert_eq!(s.active, Tri::Any);
    assert_eq!(s.columns, vec![Column::Name]);
    assert_eq!(s.tags, vec!["a", "b"]);
}

#[test]
fn api_query_names_every_filter_and_the_page() {
    let s = parse("name=%20app%20&tags=prod,mobile&status=Active&active=true&size=10");
    assert_eq!(
        s.api_query(2, s.size).encode(),
        "name=app&tags=prod%2Cmobile&status=Active&active=true&deleted=false&page=2&limit=10"
    );
    // Any/empty filters are left out; deleted is always explicit.
    assert_eq!(
        ListState::default().api_query(1, 100).encode(),
        "deleted=false&page=1&limit=100"
    );
    // The console's "Inactive" is AuthSec's Development.
    assert!(parse("status=Inactive")
        .api_query(1, 10)
        .encode()
        .contains("status=Development"));
}

#[test]
fn filtered_and_cleared() {
    let s = parse("tags=prod&size=50&cols=name,tags&page=4");
    assert!(s.is_filtered());
    let c = s.cleared();
    assert!(!c.is_filtered());
    assert_eq!((c.size, c.page), (50, 1));
    assert_eq!(c.columns, vec![Column::Name, Column::Tags]);
    assert!(!ListState::default().is_filtered());
    assert!(s.same_filter(&ListState {
        page: 9,
        ..s.clone()
    }));
    assert!(!s.same_filter(&c));
}

#[test]
fn columns_toggle_in_table_order_and_never_all_hidden() {
    let mut s = parse("cols=created,name");
    assert_eq!(s.columns, vec![Column::Name, Column::Created]);
    s.toggle_column(Column::Status);
    assert_eq!(
        s.columns,
        vec![Column::Name, Column::Status, Column::Created]
    );
    s.toggle_column(Column::Name);
    s.toggle_column(Column::Status);
    s.toggle_column(Column::Created);
    assert_eq!(s.columns, vec![Column::Created], "the last column stays");
}

#[test]
fn table_class_names_each_hidden_column_once() {
    assert_eq!(table_class(&Column::ALL), "table");
    let s = parse("cols=name,status");
    assert_eq!(
        table_class(&s.columns),
        "table hide-client_id hide-type hide-tags hide-oidc hide-mfa hide-users hide-created"
    );
    for c in Column::ALL {
        assert_eq!(c.cell_class(), format!("c-{}", c.key()));
    }
}

#[test]
fn default_columns_leave_oidc_and_users_one_click_away() {
    let d = ListState::default();
    assert_eq!(table_class(&d.columns), "table hide-oidc hide-users");
    let mut all = d.clone();
    all.toggle_column(Column::Oidc);
    all.toggle_column(Column::Users);
    assert_eq!(all.columns, Column::ALL);
    assert!(
        all.to_query().contains("cols="),
        "every column is not the default: the URL says so"
    );
    assert_eq!(parse(&all.to_query()), all);
}
