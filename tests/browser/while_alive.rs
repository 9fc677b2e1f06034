//! A resolved `Suspend` view is built only while the page that asked for it lives:
//! a page left as its answer arrives (signed out, navigated away) shows nothing and
//! does not stop the app.

use super::support::*;
use authsec_console::components::{settled, while_alive};
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

/// A view made under `page` that reads a signal `page` owns, as a list's rows do.
fn rows_of(page: &Owner) -> impl IntoView {
    page.with(|| {
        let count = RwSignal::new(3);
        while_alive(view! { <p class="late">{move || format!("{} rows", count.get())}</p> })
    })
}

#[wasm_bindgen_test]
async fn a_view_of_a_page_still_shown_is_built() {
    let page = Owner::new();
    let view = rows_of(&page);
    let (root, _h) = mount(move || view);
    until("the rows", || text(&root).contains("3 rows")).await;
}

#[wasm_bindgen_test]
async fn a_view_of_a_page_already_left_is_not_built() {
    let page = Owner::new();
    let view = rows_of(&page);
    page.cleanup();
    let (root, _h) = mount(move || view);
    leptos::task::tick().await;
    assert!(root.query_selector(".late").unwrap().is_none());
    // The app still answers: the next view builds.
    let again = Owner::new();
    let view = rows_of(&again);
    let (root, _h2) = mount(move || view);
    until("the next page's rows", || text(&root).contains("3 rows")).await;
}

#[wasm_bindgen_test]
async fn a_resource_of_a_page_already_left_is_not_awaited() {
    let page = Owner::new();
    let data = page.with(|| LocalResource::new(|| async { 3 }));
    page.cleanup();
    let view = settled(
        data,
        |n: i32| view! { <p class="late">{format!("{n} rows")}</p> },
    )
    .await;
    let (root, _h) = mount(move || view);
    leptos::task::tick().await;
    assert!(root.query_selector(".late").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_resource_of_a_page_still_shown_gives_its_rows() {
    let page = Owner::new();
    let data = page.with(|| LocalResource::new(|| async { 3 }));
    let view = page
        .with(|| {
            settled(
                data,
                |n: i32| view! { <p class="late">{format!("{n} rows")}</p> },
            )
        })
        .await;
    let (root, _h) = mount(move || view);
    until("the rows", || text(&root).contains("3 rows")).await;
}

#[wasm_bindgen_test]
async fn a_page_left_while_its_answer_came_builds_nothing() {
    use std::future::Future;
    use std::task::{Context, Poll};

    let page = Owner::new();
    let data = page.with(|| LocalResource::new(|| async { 3 }));
    let built = std::rc::Rc::new(std::cell::Cell::new(false));
    let b = built.clone();
    let mut waiting = Box::pin(settled(data, move |n: i32| {
        b.set(true);
        view! { <p class="late">{format!("{n} rows")}</p> }
    }));
    let waker = futures::task::noop_waker();
    let mut cx = Context::from_waker(&waker);
    // The page waits for its answer…
    assert!(page.with(|| waiting.as_mut().poll(&mut cx)).is_pending());
    until("the answer", || data.get_untracked().is_some()).await;
    // …which comes as the page is left (signed out as a call failed).
    page.cleanup();
    let Poll::Ready(view) = page.with(|| waiting.as_mut().poll(&mut cx)) else {
        panic!("settled still waits after its answer came");
    };
    assert!(!built.get(), "nothing of the left page was built");
    let (root, _h) = mount(move || view);
    leptos::task::tick().await;
    assert!(root.query_selector(".late").unwrap().is_none());
}
