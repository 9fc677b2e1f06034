//! Offers text the page built (CSV exports, reports, backup codes) as a file
//! download, without a server round trip.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename` of type `mime`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let href = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(&href);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&href)?;
    Ok(())
}

/// CSV with the type spreadsheets expect.
pub fn download_csv(filename: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    download(filename, "text/csv;charset=utf-8", text)
}

type Rows<T> = LocalResource<Result<Vec<T>, crate::api::ApiError>>;

/// A [`CsvButton`] over a list's fetched rows: disabled until they are on hand, then
/// `csv` of all of them (not only the page or the search's hits on screen).
#[component]
pub fn RowsCsvButton<T: 'static>(
    base: &'static str,
    rows: Rows<T>,
    csv: fn(&[T]) -> String,
) -> impl IntoView {
    let ready = Signal::derive(move || rows.with(|d| matches!(d, Some(Ok(_)))));
    let make = move |_| {
        rows.with_untracked(|d| match d {
            Some(Ok(rows)) => Some(csv(rows)),
            _ => None,
        })
    };
    view! { <CsvButton base ready make /> }
}

/// "Export CSV": downloads what `make` builds from the rows on hand, as `<base>-<date>.csv`.
/// The CSV is built on the click, not before (10,000 rows cost a frame or more).
/// Disabled while `ready` says nothing is loaded.
#[component]
pub fn CsvButton(
    /// The file name's start: "roles".
    base: &'static str,
    /// Builds the CSV text, or `None` while the rows are not loaded.
    #[prop(into)]
    make: Callback<(), Option<String>>,
    /// Whether the rows are loaded (default: always).
    #[prop(optional, into)]
    ready: Option<Signal<bool>>,
) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    let run = move |_| {
        let Some(text) = make.run(()) else {
            return;
        };
        let day: String = String::from(js_sys::Date::new_0().to_iso_string())
            .chars()
            .take(10)
            .collect();
        failed.set(
            download_csv(&format!("{base}-{day}.csv"), &text)
                .err()
                .map(|_| "The browser did not start the download.".to_string()),
        );
    };
    view! {
        <button
            type="button"
            class="btn btn--small"
            disabled=move || ready.is_some_and(|r| !r.get())
            on:click=run
        >
            "Export CSV"
        </button>
        <span class="field__error" role="alert">
            {move || failed.get()}
        </span>
    }
}
