//! The overview in a real DOM: a card cut from another card's request fails with it,
//! and its Retry asks that request again.

use super::support::*;
use authsec_console::pages::overview::OverviewPage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// The section of the card named `title`.
fn card(root: &web_sys::Element, title: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("section[aria-label='{title}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no card {title:?} in: {}", text(root)))
        .unchecked_into()
}

fn end_users(total: u64) -> String {
    format!(r#"{{"users":[],"total":{total},"page":1,"limit":100,"total_pages":1}}"#)
}

#[wasm_bindgen_test]
async fn the_end_users_card_retries_the_pages_it_is_cut_from() {
    let script = Script::default();
    // The first pages of the active and the inactive end users fail (a 500 is no
    // read the client tries again by itself); the other cards' requests do not matter.
    script
        .answer("/user/enduser/list", 500, r#"{"error":"database down"}"#)
        .answer("/user/enduser/list", 500, r#"{"error":"database down"}"#);
    let (root, _g) = mount_admin(&script, || view! { <OverviewPage /> }.into_any());
    until("the End users card says it failed", || {
        text(&card(&root, "End users")).contains("Retry")
    })
    .await;
    settle().await;
    assert_eq!(script.requests_to("/user/enduser/list").len(), 2);

    // A Retry that fails again asks once more, and only once: nothing loops.
    script
        .answer("/user/enduser/list", 500, r#"{"error":"database down"}"#)
        .answer("/user/enduser/list", 500, r#"{"error":"database down"}"#);
    button(&card(&root, "End users"), "Retry").click();
    until("asked again", || {
        script.requests_to("/user/enduser/list").len() == 4
    })
    .await;
    until("the End users card says it failed again", || {
        text(&card(&root, "End users")).contains("Retry")
    })
    .await;
    settle().await;
    settle().await;
    assert_eq!(script.requests_to("/user/enduser/list").len(), 4);

    script
        .answer(r#""active":true"#, 200, &end_users(7))
        .answer(r#""active":false"#, 200, &end_users(3));
    button(&card(&root, "End users"), "Retry").click();
    until("the End users card shows its counts", || {
        let t = text(&card(&root, "End users"));
        t.contains("7active") && t.contains("3inactive")
    })
    .await;
    assert_eq!(
        script.requests_to("/user/enduser/list").len(),
        6,
        "the Retry asked for the two first pages again, once"
    );
    // The second-factor share, cut from the same pages, recovered with them.
    until("the end users' share", || {
        text(&root).contains("End users") && text(&root).contains("none yet")
    })
    .await;
}
