//! Bulk activate / deactivate / delete over the selection (or everything
//! matching the filter), on the shared bulk bar (components::bulk).

use super::list_state::ListState;
use super::walk::walk;
use super::{PickedClient, Selection};
use crate::api::clients;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::components::bulk::each_of;
use crate::components::Button;
use crate::components::{BulkBar, BulkDelete, BulkJob, Toasts};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientBulkOp {
    Activate,
    Deactivate,
    Delete,
}

impl ClientBulkOp {
    fn past(self) -> &'static str {
        match self {
            ClientBulkOp::Activate => "activated",
            ClientBulkOp::Deactivate => "deactivated",
            ClientBulkOp::Delete => "deleted",
        }
    }
}

#[component]
pub fn ClientBulkBar(
    #[prop(into)] total: Signal<u64>,
    state: Memo<ListState>,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let sel = Selection::expect();
    let job = BulkJob::new();
    let count = Signal::derive(move || {
        if sel.all_matching.get() {
            total.get() as usize
        } else {
            sel.count()
        }
    });
    let start = move |op: ClientBulkOp| {
        let (t, s, all) = (
            tenant.get_untracked(),
            state.get_untracked(),
            sel.all_matching.get_untracked(),
        );
        let picked = sel.picked();
        let progress = job.progress;
        let work = async move {
            let targets: Vec<PickedClient> = if all {
                let counted = |_, n: u64| progress.update(|p| p.total = n as usize);
                match walk(&api, &t, &s, counted, || false).await {
                    Ok(cs) => cs.iter().map(PickedClient::of).collect(),
                    Err(e) => {
                        toasts.error(format!(
                            "Could not list the matching clients: {}",
                            e.message
                        ));
                        return None;
                    }
                }
            } else {
                picked
            };
            let one = move |p: PickedClient| {
                let t = t.clone();
                async move {
                    match op {
                        ClientBulkOp::Activate => clients::set_active(&api, &t, &p.id, true).await,
                        ClientBulkOp::Deactivate => {
                            clients::set_active(&api, &t, &p.id, false).await
                        }
                        ClientBulkOp::Delete => return clients::soft_delete(&api, &t, &p.id).await,
                    }
                    .map(|_| ())
                }
            };
            Some(each_of(targets, progress, one).await)
        };
        job.run(op.past(), sel, work, on_done);
    };
    view! {
        <BulkBar job count on_clear=move || sel.clear()>
            <Show when=move || { !sel.all_matching.get() && (sel.count() as u64) < total.get() }>
                <Button class="btn btn--link" on_click=move || sel.all_matching.set(true)>
                    {move || format!("Select all {} matching", total.get())}
                </Button>
            </Show>
            <Button class="btn btn--small" on_click=move || start(ClientBulkOp::Activate)>
                "Activate selected"
            </Button>
            <Button class="btn btn--small" on_click=move || start(ClientBulkOp::Deactivate)>
                "Deactivate selected"
            </Button>
            <BulkDelete
                job
                confirm=Signal::derive(move || format!("Confirm: delete {}", count.get()))
                on_confirm=move || start(ClientBulkOp::Delete)
            />
        </BulkBar>
    }
}
