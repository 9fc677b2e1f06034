//! Lists and detail pages read their resource as it stands: the rows a reload brings
//! answer clicks, and a page already left reads nothing instead of stopping the app.

use super::support::*;
use authsec_console::api::ApiError;
use authsec_console::components::{answer, Button, ListBody};
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn the_rows_a_reload_brings_answer_their_buttons() {
    let clicks = RwSignal::new(0);
    let loads = StoredValue::new(0);
    let data = LocalResource::new(move || {
        loads.update_value(|n| *n += 1);
        let n = loads.get_value();
        async move { Ok::<_, ApiError>(n) }
    });
    let rows = move |n: i32| {
        view! {
            <Button class="btn" on_click=move || clicks.update(|c| *c += 1)>
                {format!("Load {n}")}
            </Button>
        }
    };
    let (root, _h) =
        mount(move || view! { <ListBody data loading="Loading" what="The rows" rows /> });
    until("the first answer", || text(&root).contains("Load 1")).await;
    // Two reloads in a row, the second asked while the first runs.
    data.refetch();
    until("the second load to start", || loads.get_value() == 2).await;
    data.refetch();
    until("the last answer", || text(&root).contains("Load 3")).await;
    button(&root, "Load 3").click();
    assert_eq!(clicks.get_untracked(), 1, "the shown row's button answered");
}

#[wasm_bindgen_test]
async fn a_resource_of_a_page_already_left_reads_as_nothing() {
    let page = Owner::new();
    let data = page.with(|| LocalResource::new(|| async { 3 }));
    until("the answer", || data.get_untracked().is_some()).await;
    assert_eq!(page.with(|| answer(data)), Some(3));
    page.cleanup();
    assert_eq!(answer(data), None);
}

#[wasm_bindgen_test]
async fn retry_is_one_click_per_error_shown() {
    use futures::channel::oneshot;
    use wasm_bindgen::JsCast;
    let loads = StoredValue::new(0);
    // The retry's load waits here until the test lets it answer.
    let hold = StoredValue::new(None::<oneshot::Receiver<()>>);
    let data = LocalResource::new(move || {
        loads.update_value(|n| *n += 1);
        let gate = hold.try_update_value(Option::take).flatten();
        async move {
            if let Some(g) = gate {
                let _ = g.await;
            }
            Err::<i32, _>(ApiError::network())
        }
    });
    let rows = |n: i32| view! { <p>{n}</p> };
    let (root, _h) =
        mount(move || view! { <ListBody data loading="Loading" what="The rows" rows /> });
    // The Retry buttons that would answer a click.
    let ready = move || {
        let found = root.query_selector_all("button:not([disabled])").unwrap();
        (0..found.length())
            .filter_map(|i| found.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|b| b.text_content().unwrap_or_default().trim() == "Retry")
            .collect::<Vec<_>>()
    };
    until("the error", || ready().len() == 1).await;
    let (tx, rx) = oneshot::channel();
    hold.set_value(Some(rx));
    ready()[0].click();
    until("the retry's load", || loads.get_value() == 2).await;
    settle().await;
    assert!(ready().is_empty(), "no Retry answers while its load runs");
    let _ = tx.send(());
    until("the next error, with Retry ready", || ready().len() == 1).await;
    assert_eq!(loads.get_value(), 2, "one load per click");
}
