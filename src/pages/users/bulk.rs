//! Bulk deactivate or delete over the selected end users, on the shared bulk
//! bar (components::bulk). Deletion goes through the batch route, a chunk at a time.

use crate::api::error::ErrorKind;
use crate::api::groups::{self, Group};
use crate::api::users::{self, EndUser};
use crate::api::Api;
use crate::api::ApiError;
use crate::components::bulk::Progress;
use crate::components::field::unique_id;
use crate::components::Button;
use crate::components::{BulkBar, BulkDelete, BulkJob};
use crate::hooks::{use_may, Pick};
use leptos::prelude::*;

/// Users per request when adding the selection to a group (all or none of a request).
pub const GROUP_BATCH: usize = 100;

/// What a bulk action needs to know about a user.
#[derive(Clone, Debug, PartialEq)]
pub struct PickedUser {
    pub id: String,
    pub email: String,
}

impl PickedUser {
    pub fn of(u: &EndUser) -> Self {
        PickedUser {
            id: u.id.clone(),
            email: u.email.clone(),
        }
    }
}

impl Pick for PickedUser {
    fn key(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.email
    }
}

/// Which end users are selected.
pub type UserSelection = crate::hooks::Selection<PickedUser>;

/// Deletes in chunks through the batch route; the users that were not deleted.
async fn delete_all(
    api: Api,
    targets: Vec<PickedUser>,
    progress: RwSignal<Progress>,
) -> Vec<PickedUser> {
    progress.update(|p| p.total = targets.len());
    let mut failed = Vec::new();
    for chunk in targets.chunks(crate::pages::users::import::model::CHUNK) {
        let ids: Vec<String> = chunk.iter().map(|p| p.id.clone()).collect();
        let r = users::batch_delete(&api, &ids).await;
        for p in chunk {
            let one = match &r {
                Ok(d) if d.missing_ids.contains(&p.id) => Err(ApiError::new(
                    ErrorKind::Http,
                    404,
                    "Not found: it may have been deleted already.",
                )),
                Ok(_) => Ok(()),
                Err(e) => Err(e.clone()),
            };
            progress.update(|o| o.record(&p.email, &one));
            if one.is_err() {
                failed.push(p.clone());
            }
        }
    }
    failed
}

#[component]
pub fn UserBulkBar(selected: UserSelection, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let api = Api::expect();
    let job = BulkJob::new();
    let count = Signal::derive(move || selected.count());
    let may_delete = use_may("users", "delete");
    let deactivate = move || {
        let one = move |p: PickedUser| async move { users::set_active(&api, &p.id, false).await };
        job.each("deactivated", selected, one, on_done);
    };
    let delete = move || {
        let (targets, progress) = (selected.picked(), job.progress);
        job.run(
            "deleted",
            selected,
            async move { Some(delete_all(api, targets, progress).await) },
            on_done,
        );
    };
    // The groups, fetched once something is selected (AuthSec lists them with every member).
    let wanted = Memo::new(move |_| count.get() > 0);
    let groups = LocalResource::new(move || {
        let go = wanted.get();
        async move {
            if go {
                groups::list(&api)
                    .await
                    .map(|l| l.into_iter().map(|g| g.group).collect())
            } else {
                Ok(Vec::<Group>::new())
            }
        }
    });
    let target = RwSignal::new(String::new());
    let add_to_group = move || {
        let group = target.get_untracked();
        if group.is_empty() {
            return;
        }
        let many = move |chunk: Vec<PickedUser>| {
            let group = group.clone();
            async move {
                let ids: Vec<String> = chunk.into_iter().map(|p| p.id).collect();
                groups::add_members(&api, &group, &ids).await.map(|_| ())
            }
        };
        job.batched("added to the group", selected, GROUP_BATCH, many, on_done);
    };
    let select_id = StoredValue::new(unique_id("to-group"));
    view! {
        <BulkBar job count on_clear=move || selected.clear()>
            <label for=select_id.get_value() class="visually-hidden">
                "Group to add the selected users to"
            </label>
            <select id=select_id.get_value() bind:value=target>
                <option value="">"Choose a group"</option>
                {move || {
                    groups
                        .get()
                        .and_then(Result::ok)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|g| view! { <option value=g.id>{g.name}</option> })
                        .collect_view()
                }}
            </select>
            <Button
                class="btn btn--small"
                disabled=move || target.with(String::is_empty)
                on_click=move || add_to_group()
            >
                "Add to group"
            </Button>
            <button type="button" class="btn btn--small" on:click=move |_| deactivate()>
                "Deactivate selected"
            </button>
            // Deleting needs users:delete, as AuthSec's own delete rows do.
            <Show when=move || may_delete.get() == Some(true)>
                <BulkDelete
                    job
                    confirm=Signal::derive(move || {
                        format!("Confirm: delete {} permanently", count.get())
                    })
                    on_confirm=move || delete()
                />
            </Show>
        </BulkBar>
    }
}
