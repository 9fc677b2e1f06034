//! The confirmation dialog: what cannot be undone waits for its name to be typed, what was
//! typed stays while the dialog is open, and each opening starts empty.

use super::support::*;
use authsec_console::components::ConfirmDialog;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlButtonElement;

#[wasm_bindgen_test]
async fn the_name_typed_to_confirm_stays_and_each_opening_starts_empty() {
    let open = RwSignal::new(false);
    let confirmed = RwSignal::new(0);
    let (root, _h) = mount(move || {
        view! {
            <ConfirmDialog
                open=open
                title="Delete domain"
                message=Signal::derive(|| "Delete x.test?".to_string())
                confirm_label="Delete domain"
                type_to_confirm=Signal::derive(|| Some("x.test".to_string()))
                pending=Signal::derive(|| false)
                on_confirm=move || confirmed.update(|c| *c += 1)
                on_cancel=move || open.set(false)
                danger=true
            />
        }
    });
    let label = "Type x.test to confirm";
    let confirm = || -> HtmlButtonElement {
        use wasm_bindgen::JsCast;
        button(&root, "Delete domain").unchecked_into()
    };
    open.set(true);
    // Typed as soon as the field is there, as a quick paste would be.
    until("the field", || has_field(&root, label)).await;
    assert!(confirm().disabled(), "not before the name is typed");
    type_into(&field(&root, label), "x.test");
    settle().await;
    assert_eq!(
        field(&root, label).value(),
        "x.test",
        "what was typed stays"
    );
    assert!(!confirm().disabled(), "the name typed allows it");

    button(&root, "Cancel").click();
    until("closed", || !has_field(&root, label)).await;
    // The dialog's own `close` event comes a task later, as before a person's next click.
    settle().await;
    open.set(true);
    until("open again", || has_field(&root, label)).await;
    settle().await;
    assert_eq!(
        field(&root, label).value(),
        "",
        "a new opening starts empty"
    );
    assert!(confirm().disabled());
    type_into(&field(&root, label), "x.test");
    settle().await;
    confirm().click();
    assert_eq!(confirmed.get_untracked(), 1, "confirmed once");
}
