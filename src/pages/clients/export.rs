//! CSV export of everything matching the filter: walks all pages with a
//! progress bar, can be cancelled, quotes per RFC 4180.

use super::list_state::ListState;
use super::row::{client_mfa_label, yes_no};
use super::walk::walk;
use crate::api::clients::Client;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::Toasts;
use crate::csv;
use leptos::prelude::*;

pub const HEADER: [&str; 16] = [
    "id",
    "client_id",
    "name",
    "email",
    "status",
    "active",
    "client_type",
    "tags",
    "oidc_enabled",
    "mfa",
    "user_count",
    "hydra_client_id",
    "deleted",
    "created_at",
    "updated_at",
    "last_login",
];

/// The export file: a header row and one row per client; lists are `;`-joined.
pub fn to_csv(clients: &[Client]) -> String {
    let mut out = csv::row(&HEADER);
    for c in clients {
        out.push_str(&csv::row(&[
            c.id.clone(),
            c.client_id.clone(),
            c.name.clone(),
            c.email.clone(),
            c.status.clone(),
            yes_no(c.active).into(),
            c.client_type.clone(),
            c.tags.join(";"),
            yes_no(c.oidc_enabled).into(),
            client_mfa_label(c),
            c.user_count.to_string(),
            c.hydra_client_id.clone().unwrap_or_default(),
            yes_no(c.deleted).into(),
            c.created_at.clone(),
            c.updated_at.clone(),
            c.last_login.clone().unwrap_or_default(),
        ]));
    }
    out
}

#[component]
pub fn ExportButton(state: Memo<ListState>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let running = RwSignal::new(false);
    let cancel = RwSignal::new(false);
    let done = RwSignal::new(0u64);
    let total = RwSignal::new(0u64);
    let start = move |_| {
        if running.get_untracked() {
            return;
        }
        running.set(true);
        cancel.set(false);
        done.set(0);
        total.set(0);
        let (s, t) = (state.get_untracked(), tenant.get_untracked());
        leptos::task::spawn_local(async move {
            let result = walk(
                &api,
                &t,
                &s,
                |d, n| {
                    done.set(d);
                    total.set(n);
                },
                // `try_`: leaving the page (the flag gone) stops the export.
                move || cancel.try_get_untracked().unwrap_or(true),
            )
            .await;
            running.set(false);
            match result {
                Ok(rows) => {
                    let day = js_sys::Date::new_0()
                        .to_iso_string()
                        .as_string()
                        .unwrap_or_default();
                    let name = format!("clients-{}.csv", day.get(..10).unwrap_or("export"));
                    match crate::components::download_csv(&name, &to_csv(&rows)) {
                        Ok(()) => {
                            toasts.success(format!("Exported {} clients to {name}.", rows.len()))
                        }
                        Err(_) => toasts.error("The browser did not allow the download."),
                    }
                }
                Err(e) if e.kind == crate::api::error::ErrorKind::Aborted => {
                    toasts.success("Export cancelled.")
                }
                Err(e) => toasts.error(format!("The export stopped: {}", e.message)),
            }
        });
    };
    view! {
        <Show
            when=move || running.get()
            fallback=move || {
                view! {
                    <button type="button" class="btn" on:click=start>
                        "Export CSV"
                    </button>
                }
            }
        >
            <span class="export" role="status">
                <progress
                    aria-label="Export progress"
                    max=move || total.get().max(1)
                    value=move || done.get()
                ></progress>
                <span class="muted">{move || format!("{} of {}", done.get(), total.get())}</span>
                <button type="button" class="btn btn--small" on:click=move |_| cancel.set(true)>
                    "Cancel export"
                </button>
            </span>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_client_with_quoting() {
        let c = Client {
            id: "1".into(),
            name: "Acme, \"EU\"".into(),
            tags: vec!["a".into(), "b".into()],
            created_at: "2026-01-01T00:00:00Z".into(),
            ..Default::default()
        };
        let out = to_csv(&[c.clone(), c]);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.len(), 4, "header, two rows, trailing empty");
        assert!(lines[0].starts_with("id,client_id,name,email"));
        assert!(lines[1].starts_with("1,,\"Acme, \"\"EU\"\"\",,,No,,\"a;b\",No,Off,0,"));
    }
}
