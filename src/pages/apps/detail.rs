//! `/apps/:id`: one application in tabs (the wizard's sections). A save sends
//! the complete object it loaded plus the edits, after checking that nobody
//! changed the application meanwhile (`updated_at`).

use super::fields::Section;
use super::form_view::SectionFields;
use super::model::{all_method_defaults, body, read, validate};
use crate::api::{apps, Api};
use crate::components::Button;
use crate::components::FormEnd;
use crate::components::PageHead;
use crate::components::{ConfirmedDialog, CopyButton, DetailPage, Toasts};
use crate::hooks::use_confirmed;
use crate::hooks::use_form;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use serde_json::Value;
use std::collections::BTreeMap;

#[component]
pub fn AppDetailPage() -> impl IntoView {
    let api = Api::expect();
    view! {
        <DetailPage
            list=Page::Apps
            noun=crate::noun!("application", "applications", "Application", "Applications")
            fetch=move |id| async move { apps::get(&api, &id).await }
            view=|app, reload| view! { <Editor app=app reload=reload /> }
        />
    }
}

/// Whether the save may go ahead: the server's `updated_at` is the one loaded.
pub fn unchanged_since(loaded: &Value, current: &Value) -> bool {
    apps::text(loaded, "updated_at") == apps::text(current, "updated_at")
}

#[component]
fn Editor(app: Value, #[prop(into)] reload: Callback<()>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let navigate = use_navigate();
    let loaded = StoredValue::new(app.clone());
    let before = StoredValue::new(read(&app));
    let form = RwSignal::new(read(&app));
    let errors = RwSignal::new(BTreeMap::new());
    let tab = RwSignal::new(Section::Basics);
    let conflict = RwSignal::new(false);
    let name = apps::text(&app, "app_name").to_string();
    let app_id = apps::text(&app, "app_id").to_string();
    let client_id = apps::text(&app, "client_id").to_string();

    // `force`: save even though the server's copy changed.
    let save = use_form(
        move |force: bool| {
            let (l, b, n) = (loaded.get_value(), before.get_value(), form.get_untracked());
            let id = apps::text(&l, "app_id").to_string();
            async move {
                let current = apps::get(&api, &id).await?;
                if !force && !unchanged_since(&l, &current) {
                    return Ok(None);
                }
                // "Save mine anyway": the edits go onto the server's current copy,
                // so the other person's changes to untouched fields are kept.
                let base = if force { current } else { l };
                apps::update(&api, &id, &body(&base, &b, &n, &all_method_defaults()))
                    .await
                    .map(Some)
            }
        },
        move |saved: Option<Value>| {
            // `None`: someone changed it meanwhile; the form says so and offers both ways.
            conflict.set(saved.is_none());
            let Some(saved) = saved else { return };
            // The saved object is the new baseline; the form keeps its values.
            before.set_value(read(&saved));
            loaded.set_value(saved);
            toasts.success("The application was saved.");
        },
        move |e| format!("The changes were not saved. {}", e.message),
    );
    let submit = move |force: bool| {
        let e = form.with_untracked(validate);
        if let Some(first) = Section::ALL.iter().find(|s| {
            e.keys()
                .any(|k| super::fields::field(k).is_some_and(|f| f.section == **s))
        }) {
            tab.set(*first);
            errors.set(e);
            save.refuse("Some values need attention; see the messages by the fields.");
            return;
        }
        errors.set(e);
        save.send(force);
    };
    let delete = use_confirmed(
        move |id: String| async move { apps::delete(&api, &id).await.map(|_| id) },
        move |_| {
            toasts.success("The application was deleted.");
            navigate(&Page::Apps.path(), Default::default());
        },
    );
    let dname = StoredValue::new(name.clone());
    view! {
        <PageHead title=name.clone() truncate=true>
            <Button class="btn btn--danger-ghost" on_click=move || delete.ask(app_id.clone())>
                "Delete"
            </Button>
        </PageHead>
        <p class="id-cell">
            "Client ID " <code class="mono">{client_id.clone()}</code>
            <CopyButton
                value=Signal::derive(move || client_id.clone())
                label="Copy the client ID"
            />
        </p>
        <div class="tabs" role="tablist" aria-label="Settings">
            {Section::ALL
                .into_iter()
                .map(|s| {
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tabs__tab"
                            aria-selected=move || (tab.get() == s).to_string()
                            on:click=move |_| tab.set(s)
                        >
                            {s.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <section class="card stack" role="tabpanel" aria-label=move || tab.get().label()>
            <div class="fields">
                {move || view! { <SectionFields section=tab.get() form=form errors=errors /> }}
            </div>
            <Show when=move || conflict.get()>
                <div class="alert alert--warning" role="alert">
                    <p>
                        "Someone changed this application since you opened it. Your edits are still here."
                    </p>
                    <div class="row">
                        <button type="button" class="btn" on:click=move |_| reload.run(())>
                            "Load their version (drop my edits)"
                        </button>
                        <Button
                            class="btn btn--primary"
                            disabled=move || save.pending().get()
                            on_click=move || submit(true)
                        >
                            "Save mine anyway"
                        </Button>
                    </div>
                </div>
            </Show>
            <FormEnd error=save.error>
                <Button
                    class="btn btn--primary"
                    disabled=move || save.pending().get()
                    on_click=move || submit(false)
                >
                    {move || if save.pending().get() { "Saving…" } else { "Save changes" }}
                </Button>
            </FormEnd>
        </section>
        <ConfirmedDialog
            of=delete
            title="Delete application"
            message=move |_| {
                format!(
                    "Delete {}? Its clients stop working at once. This cannot be undone.",
                    dname.get_value(),
                )
            }
            confirm_label="Delete"
            type_to_confirm=move |_| Some(dname.get_value())
            danger=true
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_newer_updated_at_means_someone_else_saved() {
        let a = json!({"updated_at": "2026-01-01T00:00:00Z"});
        assert!(unchanged_since(&a, &a.clone()));
        assert!(!unchanged_since(
            &a,
            &json!({"updated_at": "2026-01-01T00:00:01Z"})
        ));
    }
}
