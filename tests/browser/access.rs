//! The permission picker in a real DOM: a group's box picks and clears the whole group and
//! shows "some" as indeterminate, the filter hides other permissions without dropping
//! what was picked, and the role is sent with exactly the picked ids; a refused role
//! keeps the form and is sent again once. A group's members page through.

use super::support::*;
use authsec_console::api::groups::{Group, Member, WithMembers};
use authsec_console::components::BulkJob;
use authsec_console::pages::access::new::NewRolePage;
use authsec_console::pages::groups::detail::members::Members;
use authsec_console::pages::users::bulk::UserSelection;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlInputElement};

const PERMISSIONS: &str = r#"[
  {"id":"p1","resource":"clients","action":"read","full_permission_string":"clients:read","description":"Read clients","roles_assigned":1},
  {"id":"p2","resource":"clients","action":"delete","full_permission_string":"clients:delete","description":"Delete clients","roles_assigned":0},
  {"id":"p3","resource":"invoices","action":"read","full_permission_string":"invoices:read","description":null,"roles_assigned":0}
]"#;

/// The checkbox whose label starts with `label`; None when it is not shown.
fn boxed(root: &Element, label: &str) -> Option<HtmlInputElement> {
    let labels = root.query_selector_all("label.check").unwrap();
    (0..labels.length())
        .filter_map(|i| labels.item(i))
        .map(|n| n.unchecked_into::<Element>())
        .find(|l| {
            l.text_content()
                .unwrap_or_default()
                .trim()
                .starts_with(label)
        })
        .map(|l| l.query_selector("input").unwrap().unwrap().unchecked_into())
}

fn check(root: &Element, label: &str) -> HtmlInputElement {
    boxed(root, label).unwrap_or_else(|| panic!("no checkbox {label:?} in: {}", text(root)))
}

/// The new-role page on `script` (after the permission list it answers), its picker drawn.
async fn new_role_page(script: &Script) -> (web_sys::HtmlElement, impl Drop) {
    let (root, g) = mount_admin(script, || view! { <NewRolePage /> }.into_any());
    until("the picker", || {
        boxed(&root, "All of invoices (1)").is_some()
    })
    .await;
    (root, g)
}

#[wasm_bindgen_test]
async fn the_group_box_picks_clears_and_shows_some_and_the_role_carries_exactly_the_picks() {
    let script = Script::default();
    script.answer("/admin/permissions", 200, PERMISSIONS);
    script.answer(
        "/admin/roles",
        200,
        r#"{"id":"r-9","name":"ops","permissions_count":2}"#,
    );
    let (root, _g) = new_role_page(&script).await;

    let all = check(&root, "All of clients");
    all.click();
    settle().await;
    assert!(check(&root, "clients:read").checked() && check(&root, "clients:delete").checked());
    assert!(text(&root).contains("2 of 3 chosen"));

    check(&root, "clients:delete").click();
    settle().await;
    assert!(
        !all.checked() && all.indeterminate(),
        "some of the group: indeterminate"
    );
    all.click();
    settle().await;
    assert!(
        all.checked() && !all.indeterminate(),
        "a partial group is completed"
    );
    all.click();
    settle().await;
    assert!(
        !check(&root, "clients:read").checked(),
        "a full group is cleared"
    );

    // The filter hides the rest but keeps what was picked.
    check(&root, "invoices:read").click();
    type_into(&field(&root, "Filter permissions"), "delete");
    until("filtered", || boxed(&root, "invoices:read").is_none()).await;
    assert!(boxed(&root, "clients:delete").is_some());
    check(&root, "clients:delete").click();
    settle().await;
    assert!(
        text(&root).contains("2 of 3 chosen"),
        "the hidden pick still counts"
    );

    type_into(&field(&root, "Name"), "ops");
    button(&root, "Create role").click();
    until("sent", || !script.requests_to("/admin/roles").is_empty()).await;
    let sent = script.requests_to("/admin/roles")[0]
        .body
        .clone()
        .unwrap_or_default();
    let body: serde_json::Value = serde_json::from_str(&sent).unwrap();
    assert_eq!(body["permission_ids"], serde_json::json!(["p2", "p3"]));
    assert_eq!(body["name"], "ops");
}

#[wasm_bindgen_test]
async fn a_role_without_a_permission_is_held_here_with_the_name_kept() {
    let script = Script::default();
    script.answer("/admin/permissions", 200, PERMISSIONS);
    let (root, _g) = new_role_page(&script).await;
    type_into(&field(&root, "Name"), "auditors");
    button(&root, "Create role").click();
    until("the message", || {
        text(&root).contains("Pick at least one permission")
    })
    .await;
    assert!(
        script.requests_to("/admin/roles").is_empty(),
        "nothing sent"
    );
    assert_eq!(field(&root, "Name").value(), "auditors");
    // Picking one clears the message.
    check(&root, "invoices:read").click();
    until("cleared", || {
        !text(&root).contains("Pick at least one permission")
    })
    .await;
}

/// The form's sentence under its button: the one that says why a send failed.
fn form_alert(root: &Element) -> String {
    root.query_selector("form p.alert")
        .unwrap()
        .and_then(|p| p.text_content())
        .unwrap_or_default()
}

/// A refused role says why and keeps what was typed; sent again, the old sentence goes
/// while the request runs, and a second submit meanwhile sends nothing.
#[wasm_bindgen_test]
async fn a_refused_role_says_why_keeps_the_form_and_is_sent_again_once() {
    let script = Script::default();
    let refused = r#"{"error":"Failed to create role"}"#;
    script
        .answer("/admin/permissions", 200, PERMISSIONS)
        .answer("/admin/roles", 500, refused)
        .answer("/admin/roles", 500, refused);
    let (root, _g) = new_role_page(&script).await;
    type_into(&field(&root, "Name"), "auditors");
    check(&root, "invoices:read").click();
    button(&root, "Create role").click();
    until("the sentence", || {
        form_alert(&root).starts_with("The role was not created.")
    })
    .await;
    assert_eq!(field(&root, "Name").value(), "auditors");
    assert!(check(&root, "invoices:read").checked());

    let gate = script.hold("/admin/roles");
    button(&root, "Create role").click();
    until("sent again", || {
        script.requests_to("/admin/roles").len() == 2
    })
    .await;
    assert_eq!(
        form_alert(&root),
        "",
        "the last failure is gone while it is sent again"
    );
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let form = root.query_selector("form").unwrap().unwrap();
    form.dispatch_event(&web_sys::Event::new_with_event_init_dict("submit", &init).unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        script.requests_to("/admin/roles").len(),
        2,
        "nothing more is sent while one is under way"
    );
    drop(gate);
    until("the sentence again", || {
        form_alert(&root).starts_with("The role was not created.")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_groups_members_page_through_with_the_pager() {
    let script = Script::default();
    // The members part of the page alone: the whole page would need a `Routes`, whose
    // router outlives the test and answers the next one's navigations.
    let (root, _g) = mount_admin(&script, || {
        let users = (0..60)
            .map(|i| Member {
                id: format!("u{i:02}"),
                email: format!("m{i:02}@acme.test"),
                active: Some(true),
                ..Member::default()
            })
            .collect();
        let group = Group {
            id: "g1".into(),
            name: "Everyone".into(),
            ..Group::default()
        };
        let members = Arc::new(WithMembers { group, users });
        view! {
            <Members
                group_id="g1".to_string()
                members
                on_change=|_| {}
                job=BulkJob::new()
                selected=UserSelection::new()
            />
        }
        .into_any()
    });
    let shown = || {
        rows(&root)
            .iter()
            .filter_map(|r| {
                r.split_whitespace()
                    .find(|w| w.ends_with("@acme.test"))
                    .map(String::from)
            })
            .collect::<Vec<_>>()
    };
    until("the first page of members", || shown().len() == 50).await;
    assert!(text(&root).contains("Members (60)"), "{}", text(&root));
    assert_eq!(shown().first().map(String::as_str), Some("m00@acme.test"));

    labelled_button(&root, "Next page").click();
    until("the second page", || shown().len() == 10).await;
    assert_eq!(shown()[0], "m50@acme.test");
    assert_eq!(shown()[9], "m59@acme.test");
    assert!(current_url().contains("page=2"), "{}", current_url());
    assert!(text(&root).contains("51–60 of 60"), "{}", text(&root));

    labelled_button(&root, "Previous page").click();
    until("the first page again", || shown().len() == 50).await;
    assert_eq!(shown()[0], "m00@acme.test");
}
