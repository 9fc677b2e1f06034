//! The command palette and the shortcut guard in a real DOM: a user found as you type
//! and opened with Enter, a stale search answer dropped, the arrows wrapping, and no
//! shortcut but Ctrl-K while the focus is in a field.

use super::support::*;
use authsec_console::pages::shell::{Palette, Shortcuts};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

const USERS: &str = "/admin/enduser/list";

fn clients(names: &[&str]) -> String {
    let list: Vec<_> = names
        .iter()
        .map(|n| {
            serde_json::json!({"id": format!("id-{n}"), "client_id": format!("cid-{n}"), "tenant_id": "t-acme",
                "name": n, "email": "a@acme.test", "status": "Active", "active": true, "tags": [],
                "client_type": "public", "created_at": "2026-01-01T00:00:00Z"})
        })
        .collect();
    serde_json::json!({"clients": list, "pagination": {"page": 1, "limit": 8, "total": list.len(), "total_pages": 1}})
        .to_string()
}

fn users(emails: &[&str]) -> String {
    let list: Vec<_> = emails
        .iter()
        .map(|e| serde_json::json!({"id": format!("u-{}", e.split('@').next().unwrap()), "email": e,
            "first_name": "", "last_name": "", "status": "active", "created_at": "2026-01-01T00:00:00Z"}))
        .collect();
    serde_json::json!({"users": list, "total": list.len(), "page": 1, "limit": 0, "total_pages": 1})
        .to_string()
}

/// Mounts the palette, open, signed in as an admin; waits for its field.
async fn open_palette(script: &Script) -> (Element, impl Drop) {
    let (root, guard) = mount_admin(script, || {
        let open = RwSignal::new(true);
        view! { <Palette open /> }.into_any()
    });
    until("the palette", || {
        root.query_selector("input[role=combobox]")
            .unwrap()
            .is_some()
    })
    .await;
    (root.into(), guard)
}

fn input(root: &Element) -> HtmlInputElement {
    root.query_selector("input[role=combobox]")
        .unwrap()
        .expect("the palette's field")
        .unchecked_into()
}

fn options(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("[role=option]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn key(target: &web_sys::EventTarget, key: &str, ctrl: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn a_user_found_as_you_type_opens_with_enter() {
    let script = Script::default();
    script.answer("/getClients", 200, &clients(&[])).answer(
        USERS,
        200,
        &users(&["ada@acme.test", "bob@acme.test"]),
    );
    let (root, _g) = open_palette(&script).await;
    assert!(
        options(&root).iter().any(|o| o.contains("Clients")),
        "areas before typing"
    );
    type_into(&input(&root), "ada");
    until("the user", || {
        options(&root).iter().any(|o| o.contains("ada@acme.test"))
    })
    .await;
    assert_eq!(
        options(&root).len(),
        1,
        "only the match: {:?}",
        options(&root)
    );
    assert!(
        script.requests_to("name=ada").len() == 1,
        "clients by the server's search"
    );
    key(&input(&root), "Enter", false);
    until("the user's page", || current_url() == "/users/u-ada").await;
}

#[wasm_bindgen_test]
async fn an_answer_to_an_older_query_is_dropped() {
    let script = Script::default();
    script
        .answer("name=old", 200, &clients(&["Stale client"]))
        .answer("name=new", 200, &clients(&["Newest client"]))
        .answer(USERS, 200, &users(&[]));
    let release = script.hold("name=old");
    let (root, _g) = open_palette(&script).await;
    type_into(&input(&root), "old");
    until("the old search sent", || {
        script.requests_to("name=old").len() == 1
    })
    .await;
    type_into(&input(&root), "new");
    until("the new answer", || {
        options(&root).iter().any(|o| o.contains("Newest client"))
    })
    .await;
    let _ = release.send(());
    settle().await;
    settle().await;
    assert!(
        !text(&root).contains("Stale client"),
        "the late answer was dropped: {:?}",
        options(&root)
    );
}

#[wasm_bindgen_test]
async fn the_arrows_wrap_and_the_highlight_is_announced() {
    let script = Script::default();
    let (root, _g) = open_palette(&script).await;
    let field = input(&root);
    key(&field, "ArrowUp", false);
    let all = root.query_selector_all("[role=option]").unwrap();
    let last: Element = all.item(all.length() - 1).unwrap().unchecked_into();
    until("the last row highlighted", || {
        last.get_attribute("aria-selected").as_deref() == Some("true")
    })
    .await;
    assert_eq!(
        field.get_attribute("aria-activedescendant"),
        last.get_attribute("id")
    );
    assert!(options(&root).last().unwrap().contains("Sign out"));
}

#[wasm_bindgen_test]
async fn no_shortcut_fires_while_typing_but_ctrl_k() {
    let script = Script::default();
    let (root, _g) = mount_admin(&script, || {
        let (palette, help) = (RwSignal::new(false), RwSignal::new(false));
        view! {
            <input id="typing-here" type="text" />
            <output id="palette-open">{move || palette.get().to_string()}</output>
            <Shortcuts palette help />
        }
        .into_any()
    });
    let field: HtmlInputElement = root
        .query_selector("#typing-here")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let palette_open = || {
        root.query_selector("#palette-open")
            .unwrap()
            .unwrap()
            .text_content()
    };
    let help_open = || root.query_selector("dialog[open]").unwrap().is_some();
    field.focus().unwrap();
    key(&field, "?", false);
    settle().await;
    assert!(!help_open(), "? typed into a field opens nothing");
    key(&field, "k", true);
    until("Ctrl-K opens the palette from a field", || {
        palette_open().as_deref() == Some("true")
    })
    .await;
    field.blur().unwrap();
    key(&document().body().unwrap(), "?", false);
    until("? opens the help", help_open).await;
    assert!(text(&root).contains("Keyboard shortcuts"));
}

#[wasm_bindgen_test]
async fn g_then_a_letter_opens_the_area_from_the_keyboard_handler() {
    let script = Script::default();
    let (_root, _g) = mount_admin(&script, || {
        let (palette, help) = (RwSignal::new(false), RwSignal::new(false));
        view! { <Shortcuts palette help /> }.into_any()
    });
    let body = document().body().unwrap();
    key(&body, "g", false);
    key(&body, "u", false);
    until("the users area", || current_url() == "/users").await;
    key(&body, "g", false);
    key(&body, "x", false);
    key(&body, "c", false);
    settle().await;
    assert_eq!(
        current_url(),
        "/users",
        "a letter after an unknown one does nothing"
    );
}
