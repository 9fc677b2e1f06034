//! The import page's view: the file picker and drop zone, the preview, the
//! upload with progress and Cancel, and the report.

use super::model::Row;
use super::report::{Outcome, Report};
use super::{new_report, parse_in_slices, to_send, upload, Stage};
use crate::api::Api;
use crate::components::download_csv;
use crate::components::Button;
use crate::components::Card;
use crate::components::Crumbs;
use crate::components::DataTable;
use crate::components::FormEnd;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Pick,
    Reading,
    Preview,
    Uploading,
    Done,
}

impl Phase {
    fn of(s: &Stage) -> Phase {
        match s {
            Stage::Pick | Stage::Refused(_) => Phase::Pick,
            Stage::Reading(..) => Phase::Reading,
            Stage::Preview => Phase::Preview,
            Stage::Uploading(..) => Phase::Uploading,
            Stage::Done => Phase::Done,
        }
    }
}

/// At most this many rows are drawn in the preview and report tables.
const SHOWN: usize = 200;

async fn file_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let api = Api::expect();
    let stage = RwSignal::new(Stage::Pick);
    let file_name = RwSignal::new(String::new());
    let rows = StoredValue::new(Vec::<Row>::new());
    let empty = RwSignal::new(0u64);
    let bad = RwSignal::new(0usize);
    let report = RwSignal::new(Report::default());
    let cancel = RwSignal::new(false);
    let problems_only = RwSignal::new(true);
    let dragging = RwSignal::new(false);

    let take = move |file: web_sys::File| {
        file_name.set(file.name());
        stage.set(Stage::Reading(0, file.size() as u64));
        leptos::task::spawn_local(async move {
            let parsed = match file_bytes(file).await {
                Ok(b) => {
                    parse_in_slices(b, |r, s| {
                        stage.set(Stage::Reading(r, s));
                    })
                    .await
                }
                Err(e) => Err(e),
            };
            match parsed {
                Ok((r, e)) => {
                    bad.set(r.iter().filter(|r| !r.is_valid()).count());
                    problems_only.set(r.iter().any(|r| !r.is_valid()));
                    empty.set(e);
                    report.set(new_report(&r));
                    rows.set_value(r);
                    stage.set(Stage::Preview);
                }
                Err(m) => {
                    stage.set(Stage::Refused(m));
                }
            }
        });
    };
    let send = move |todo: Vec<usize>| {
        if matches!(stage.get_untracked(), Stage::Uploading(..)) || todo.is_empty() {
            return;
        }
        cancel.set(false);
        let n = todo.len();
        stage.set(Stage::Uploading(0, n));
        leptos::task::spawn_local(async move {
            let all = rows.get_value();
            let mut sent = 0;
            upload(
                &api,
                &all,
                todo,
                |idx, r| {
                    sent += idx.len();
                    report.update(|rep| rep.apply(idx, &r));
                    stage.set(Stage::Uploading(sent, n));
                },
                // `try_`: leaving the page (the flag gone) stops the upload after the
                // batch in flight.
                move || cancel.try_get_untracked().unwrap_or(true),
            )
            .await;
            stage.set(Stage::Done);
        });
    };
    let reset = move || {
        rows.set_value(Vec::new());
        report.set(Report::default());
        stage.set(Stage::Pick);
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            take(f);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            take(f);
        }
    };

    // The view changes with the phase only; counts update in place, so the
    // progress region and Cancel (and the focus on it) survive each batch.
    let phase = Memo::new(move |_| stage.with(Phase::of));
    let counts = move || match stage.get() {
        Stage::Reading(r, s) => (r, s),
        Stage::Uploading(d, n) => (d as u64, n as u64),
        _ => (0, 1),
    };
    view! {
        <Crumbs up=Page::Users up_label="Users" here="Import" title="Import users from CSV" />
        <p class="muted">
            "The first row names the columns: " <code>"email"</code> " (required), "
            <code>"first_name"</code> ", " <code>"last_name"</code> ", " <code>"password"</code>
            " (optional). Rows are checked here before anything is sent."
        </p>
        {move || match phase.get() {
            Phase::Pick => {
                view! {
                    <div class="dropzone" class:dropzone--over=move || dragging.get()
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop>
                    <label class="btn btn--primary">
                        "Choose a CSV file"
                        <input type="file" accept=".csv,text/csv" class="visually-hidden" on:change=on_pick />
                    </label>
                    <p class="muted">"or drop it here"</p>
                </div>
                {move || match stage.get() { Stage::Refused(m) => Some(view! { <p class="alert" role="alert">{m}</p> }), _ => None }}
                }
                    .into_any()
            }
            Phase::Reading => {
                view! {
                    <div role="status">
                        <progress
                            aria-label="Reading the file"
                            max=move || counts().1.max(1)
                            value=move || counts().0
                        ></progress>
                        <span>{format!("Reading {}…", file_name.get_untracked())}</span>
                    </div>
                }
                    .into_any()
            }
            Phase::Preview => {
                view! {
                    <Preview
                        rows=rows
                        empty=empty
                        bad=bad
                        problems_only=problems_only
                        file_name=file_name
                        on_send=move |_| send(rows.with_value(|r| super::model::chunks(r).concat()))
                        on_reset=move |_| reset()
                    />
                }
                    .into_any()
            }
            Phase::Uploading => {
                view! {
                    <div class="stack" role="status">
                        <progress
                            aria-label="Import progress"
                            max=move || counts().1.max(1)
                            value=move || counts().0
                        ></progress>
                        <span>
                            {move || {
                                let (done, n) = counts();
                                format!("{done} of {n} rows sent")
                            }}
                        </span>
                        <Button
                            class="btn"
                            disabled=move || cancel.get()
                            on_click=move || cancel.set(true)
                        >
                            {move || {
                                if cancel.get() { "Stopping after this batch…" } else { "Cancel" }
                            }}
                        </Button>
                    </div>
                }
                    .into_any()
            }
            Phase::Done => {
                view! {
                    <ReportView
                        report=report
                        file_name=file_name
                        on_retry=move |_| send(report.with_untracked(Report::retryable))
                        on_reset=move |_| reset()
                    />
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn Preview(
    rows: StoredValue<Vec<Row>>,
    empty: RwSignal<u64>,
    bad: RwSignal<usize>,
    problems_only: RwSignal<bool>,
    file_name: RwSignal<String>,
    #[prop(into)] on_send: Callback<()>,
    #[prop(into)] on_reset: Callback<()>,
) -> impl IntoView {
    let total = rows.with_value(Vec::len);
    let sendable = rows.with_value(|r| to_send(r));
    let shown = move || {
        let only = problems_only.get();
        rows.with_value(|r| {
            let list: Vec<Row> = r
                .iter()
                .filter(|r| !only || !r.is_valid())
                .take(SHOWN)
                .cloned()
                .collect();
            let n = r.iter().filter(|r| !only || !r.is_valid()).count();
            (list, n)
        })
    };
    view! {
        <section class="card stack" aria-labelledby="preview-h">
            <h2 id="preview-h">{move || format!("Preview of {}", file_name.get())}</h2>
            <p role="status">
                {move || {
                    format!(
                        "{total} rows: {sendable} ready to import, {} with problems (not sent){}.",
                        bad.get(),
                        match empty.get() {
                            0 => String::new(),
                            n => format!(", {n} empty lines skipped"),
                        },
                    )
                }}
            </p>
            <label class="check">
                <input type="checkbox" bind:checked=problems_only />
                "Show only rows with problems"
            </label>
            {move || {
                let (list, n) = shown();
                view! {
                    <DataTable
                        label="Import preview"
                        columns=&["Line", "Email", "First name", "Last name", "Problems"]
                    >
                        {list
                            .into_iter()
                            .map(|r| {
                                let ok = r.is_valid();
                                view! {
                                    <tr class:row--bad=!ok>
                                <td class="num">{r.line}</td>
                                <td class="truncate" title=r.user.email.clone()>{r.user.email.clone()}</td>
                                <td class="truncate">{r.user.first_name.clone()}</td>
                                <td class="truncate">{r.user.last_name.clone()}</td>
                                <td>{if ok { "OK".to_string() } else { r.problems.join(" ") }}</td>
                            </tr>
                                }
                            })
                            .collect_view()}
                    </DataTable>
                    {(n > SHOWN)
                        .then(|| {
                            view! {
                                <p class="muted">
                                    {format!("Showing the first {SHOWN} of {n} rows.")}
                                </p>
                            }
                        })}
                }
            }}
            <div class="actions">
                <button type="button" class="btn" on:click=move |_| on_reset.run(())>
                    "Choose another file"
                </button>
                <button
                    type="button"
                    class="btn btn--primary"
                    disabled=sendable == 0
                    on:click=move |_| on_send.run(())
                >
                    {format!("Import {sendable} users")}
                </button>
            </div>
        </section>
    }
}

#[component]
fn ReportView(
    report: RwSignal<Report>,
    file_name: RwSignal<String>,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(into)] on_reset: Callback<()>,
) -> impl IntoView {
    let counts = Memo::new(move |_| report.with(Report::counts));
    let download_error = RwSignal::new(None::<String>);
    let retryable = move || counts.with(|c| c.failed + c.not_sent);
    view! {
        <Card title="Import report" class="stack">
            <p role="status" class="report-counts">
                {move || {
                    counts
                        .with(|c| {
                            format!(
                                "{} created, {} duplicates, {} failed, {} invalid, {} not sent.",
                                c.created,
                                c.duplicate,
                                c.failed,
                                c.invalid,
                                c.not_sent,
                            )
                        })
                }}
            </p>
            <DataTable label="Rows not created" columns=&["Line", "Email", "Result", "Detail"]>
                {move || {
                    report
                        .with(|r| {
                            r.lines
                                .iter()
                                .filter(|l| l.2 != Outcome::Created)
                                .take(SHOWN)
                                .map(|(line, email, o)| {
                                    view! {
                                        <tr>
                                            <td class="num">{*line}</td>
                                            <td class="truncate">{email.clone()}</td>
                                            <td>{o.label()}</td>
                                            <td>{o.detail().to_string()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </DataTable>
            <FormEnd error=download_error>
                <Button
                    class="btn"
                    on_click=move || {
                        let name = format!(
                            "import-report-{}.csv",
                            file_name.get_untracked().trim_end_matches(".csv"),
                        );
                        if download_csv(&name, &report.with_untracked(Report::to_csv)).is_err() {
                            download_error
                                .set(
                                    Some(
                                        "The report could not be downloaded by this browser.".into(),
                                    ),
                                );
                        }
                    }
                >
                    "Download report (CSV)"
                </Button>
                <Show when=move || retryable() != 0>
                    <button type="button" class="btn" on:click=move |_| on_retry.run(())>
                        {move || format!("Send the {} remaining rows again", retryable())}
                    </button>
                </Show>
                <button type="button" class="btn btn--primary" on:click=move |_| on_reset.run(())>
                    "Import another file"
                </button>
                <A href=Page::Users.path() attr:class="btn btn--link">
                    "Back to users"
                </A>
            </FormEnd>
        </Card>
    }
}
