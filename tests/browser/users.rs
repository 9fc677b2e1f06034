//! The users area in a real DOM: AuthSec's whole list fetched once, then search and
//! sort applied here and kept in the URL; the import preview marking bad rows, and Cancel
//! stopping an import after the batch in flight.

use super::support::*;
use authsec_console::pages::users::import::ImportPage;
use authsec_console::pages::users::UsersPage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn page(emails: &[&str], total: u64) -> String {
    let users: Vec<_> = emails
        .iter()
        .map(|e| {
            serde_json::json!({"id": format!("id-{e}"), "email": e, "first_name": "", "last_name": "",
                "status": "active", "mfa_methods": ["totp"], "created_at": "2026-01-01T00:00:00Z"})
        })
        .collect();
    serde_json::json!({"users": users, "total": total, "page": 1, "limit": 25, "total_pages": 1})
        .to_string()
}

const LIST: &str = "/admin/enduser/list";

#[wasm_bindgen_test]
async fn search_filters_the_whole_list_here_and_lands_in_the_url() {
    let script = Script::default();
    script.answer(LIST, 200, &page(&["ada@acme.test", "bob@acme.test"], 2));
    let (root, _g) = mount_admin(&script, || view! { <UsersPage /> }.into_any());
    until("first page", || rows(&root).len() == 2).await;
    let body = script.requests_to(LIST)[0].body.clone().unwrap_or_default();
    assert!(body.contains(r#""limit":0"#), "everyone at once: {body}");

    let search = field(&root, "Search");
    for typed in ["a", "ad", "ada"] {
        type_into(&search, typed);
    }
    until("searched page", || rows(&root).len() == 1).await;
    assert!(text(&root).contains("ada@acme.test"));
    assert_eq!(
        script.requests_to(LIST).len(),
        1,
        "AuthSec has no search: nothing more is asked"
    );
    until("in the URL", || current_url().contains("q=ada")).await;
}

#[wasm_bindgen_test]
async fn sorting_by_a_column_header_goes_into_the_url_and_reorders_here() {
    let script = Script::default();
    script.answer(LIST, 200, &page(&["b@acme.test", "a@acme.test"], 2));
    let (root, _g) = mount_admin(&script, || view! { <UsersPage /> }.into_any());
    until("first page", || rows(&root).len() == 2).await;
    button(&root, "User").click();
    until("sorted rows", || {
        rows(&root)
            .first()
            .is_some_and(|r| r.contains("a@acme.test"))
    })
    .await;
    assert!(current_url().contains("sort=email"), "{}", current_url());
    until("header says ascending", || {
        root.query_selector("th[aria-sort=ascending]")
            .unwrap()
            .is_some()
    })
    .await;
    assert_eq!(script.requests_to(LIST).len(), 1);
}

/// Puts a file named `users.csv` holding `text` into the page's file input.
fn pick_file(root: &web_sys::Element, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let file = web_sys::File::new_with_str_sequence(&parts, "users.csv").unwrap();
    let dt = web_sys::DataTransfer::new().unwrap();
    dt.items().add_with_file(&file).unwrap();
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[type=file]")
        .unwrap()
        .expect("a file input")
        .unchecked_into();
    input.set_files(Some(&dt.files().unwrap()));
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn the_import_preview_marks_bad_rows_before_anything_is_sent() {
    let script = Script::default();
    let (root, _g) = mount_admin(&script, || view! { <ImportPage /> }.into_any());
    pick_file(
        &root,
        "email,first_name,password\r\nada@acme.test,Ada,\r\nnot-an-email,Bad,\r\nbob@acme.test,Bob,short\r\nADA@acme.test,Again,\r\ncy@acme.test,Cy,\r\n",
    );
    until("preview", || {
        text(&root).contains("5 rows: 2 ready to import, 3 with problems")
    })
    .await;
    let bad = root.query_selector_all("tr.row--bad").unwrap().length();
    assert_eq!(bad, 3, "only the bad rows are shown, each marked");
    let t = text(&root);
    assert!(
        t.contains("Enter an email address like name@example.com."),
        "{t}"
    );
    assert!(t.contains("Same email as line 2."), "{t}");
    assert!(t.contains("Password: At least 10 characters"), "{t}");
    assert!(script.log.borrow().is_empty(), "nothing was sent");
    assert!(button(&root, "Import 2 users").is_connected());
}

#[wasm_bindgen_test]
async fn cancel_stops_an_import_after_the_batch_in_flight() {
    let script = Script::default();
    let mut csv = String::from("email\n");
    for i in 0..2_500 {
        csv.push_str(&format!("u{i}@acme.test\n"));
    }
    script.answer(
        "/admin/enduser/batch",
        200,
        r#"{"success_created_count":1000,"fail_create_emails":[],"duplicate_emails":["u7@acme.test"]}"#,
    );
    let release = script.hold("/admin/enduser/batch");
    let (root, _g) = mount_admin(&script, || view! { <ImportPage /> }.into_any());
    pick_file(&root, &csv);
    until("preview", || {
        text(&root).contains("2500 rows: 2500 ready to import")
    })
    .await;
    button(&root, "Import 2500 users").click();
    until("first batch sent", || {
        script.requests_to("/admin/enduser/batch").len() == 1
    })
    .await;
    button(&root, "Cancel").click();
    until("stopping", || {
        text(&root).contains("Stopping after this batch")
    })
    .await;
    let _ = release.send(());
    until("report", || text(&root).contains("Import report")).await;
    assert_eq!(
        script.requests_to("/admin/enduser/batch").len(),
        1,
        "no batch after Cancel"
    );
    let body = script.requests_to("/admin/enduser/batch")[0]
        .body
        .clone()
        .unwrap();
    assert_eq!(
        body.matches("@acme.test").count(),
        1000,
        "a batch holds 1,000 rows"
    );
    assert!(
        text(&root).contains("999 created, 1 duplicates, 0 failed, 0 invalid, 1500 not sent."),
        "{}",
        text(&root)
    );
    assert!(button(&root, "Send the 1500 remaining rows again").is_connected());
}
