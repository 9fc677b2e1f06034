//! The navigation fits the signed-in role.

use super::support::*;
use authsec_console::api::Api;
use authsec_console::auth::{AuthContext, Session};
use authsec_console::components::Toasts;
use authsec_console::pages::shell::Nav;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen_test::wasm_bindgen_test;

fn mount_nav(roles: &'static [&'static str]) -> (web_sys::HtmlElement, AuthContext, impl Drop) {
    let script = Script::default();
    let auth_slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let slot = auth_slot.clone();
    let (root, handle) = mount(move || {
        let auth = AuthContext::provide();
        Api::provide_with(config(), auth, script.transport());
        Toasts::provide();
        auth.sign_in(
            Session::from_token(&jwt("someone@acme.test"), "acme", roles.contains(&"admin"))
                .unwrap(),
        );
        slot.set(Some(auth));
        view! {
            <Router>
                <Nav />
            </Router>
        }
    });
    (root, auth_slot.get().unwrap(), handle)
}

#[wasm_bindgen_test]
async fn admins_see_every_area() {
    let (root, _auth, _h) = mount_nav(&["admin"]);
    until("admin links", || links(&root).len() == 12).await;
    assert_eq!(
        links(&root),
        [
            "Overview",
            "Clients",
            "Users",
            "Groups",
            "Roles",
            "Permissions",
            "Scopes",
            "Applications",
            "Sessions",
            "API keys",
            "Settings",
            "Security"
        ]
    );
    let nav = root.query_selector("nav").unwrap().unwrap();
    assert_eq!(nav.get_attribute("aria-label").as_deref(), Some("Main"));
}

#[wasm_bindgen_test]
async fn end_users_see_only_their_own_areas() {
    let (root, _auth, _h) = mount_nav(&[]);
    until("end-user links", || !links(&root).is_empty()).await;
    assert_eq!(links(&root), ["Security", "Sessions"]);
}

#[wasm_bindgen_test]
async fn signing_out_an_admin_takes_the_admin_areas_away() {
    let (root, auth, _h) = mount_nav(&["admin"]);
    until("admin links", || links(&root).len() == 12).await;
    auth.sign_out();
    until("no admin link after sign-out", || {
        !links(&root).contains(&"Clients".to_string())
    })
    .await;
    let left = links(&root);
    for admin_only in [
        "Clients",
        "Users",
        "Roles",
        "Permissions",
        "Scopes",
        "Applications",
        "API keys",
        "Settings",
    ] {
        assert!(
            !left.iter().any(|l| l == admin_only),
            "{admin_only} is still offered: {left:?}"
        );
    }
    assert!(!text(&root).contains("Clients"));
}
