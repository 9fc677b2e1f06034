//! The groups a user is in, changed in place: leave one, or join another.

use crate::api::groups::{self, Group};
use crate::api::Api;
use crate::components::field::unique_id;
use crate::components::Button;
use crate::components::Card;
use crate::components::{FormAlert, ListBody, Toasts};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

/// A change to the user's groups: join or leave this group.
#[derive(Clone, Debug, PartialEq)]
enum Change {
    Join(Group),
    Leave(Group),
}

#[component]
pub fn UserGroups(user_id: String, email: String) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let user = StoredValue::new((user_id, email));
    let data = LocalResource::new(move || async move {
        let id = user.with_value(|u| u.0.clone());
        let (mine, all) = futures::join!(groups::of_user(&api, &id), groups::list(&api));
        Ok::<_, crate::api::ApiError>((
            mine?,
            all?.into_iter().map(|g| g.group).collect::<Vec<_>>(),
        ))
    });
    let error = RwSignal::new(None::<String>);
    let picked = RwSignal::new(String::new());
    let change = Action::new_local(move |c: &Change| {
        let c = c.clone();
        async move {
            let id = user.with_value(|u| u.0.clone());
            let ids = [id];
            let r = match &c {
                Change::Join(g) => groups::add_members(&api, &g.id, &ids).await,
                Change::Leave(g) => groups::remove_members(&api, &g.id, &ids).await,
            };
            r.map(|_| c)
        }
    });
    Effect::new(move |_| {
        let Some(r) = change.value().get() else {
            return;
        };
        change.value().set(None);
        let email = user.with_value(|u| u.1.clone());
        match r {
            Ok(Change::Join(g)) => {
                picked.set(String::new());
                toasts.success(format!("{email} joined {}.", g.name));
            }
            Ok(Change::Leave(g)) => toasts.success(format!("{email} left {}.", g.name)),
            Err(e) => error.set(Some(format!("The groups were not changed. {}", e.message))),
        }
        data.refetch();
    });
    let run = move |c: Change| {
        if !change.pending().get_untracked() {
            error.set(None);
            change.dispatch(c);
        }
    };
    let select_id = StoredValue::new(unique_id("join"));
    view! {
        <Card title="Groups">
            <FormAlert error=error />
            <ListBody
                data
                loading="Loading groups"
                what="The user's groups"
                skeleton_rows=1
                rows=move |(mine, all)| {
                    let others: Vec<Group> = all
                        .into_iter()
                        .filter(|g| mine.iter().all(|m| m.id != g.id))
                        .collect();
                    let by_id = StoredValue::new(others.clone());
                    let none_left = others.is_empty();
                    view! {
                        {if mine.is_empty() {
                            view! { <p class="muted">"In no group."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="chips__list">
                                    {mine
                                        .into_iter()
                                        .map(|g| {
                                            let label = format!("Remove from {}", g.name);
                                            let href = Page::Group(&g.id).path();
                                            let name = g.name.clone();
                                            view! {
                                                <li class="chip">
                                                    <A href=href>{name}</A>
                                                    <Button
                                                        class="btn btn--small btn--link"
                                                        label=label
                                                        disabled=move || change.pending().get()
                                                        on_click=move || run(Change::Leave(g.clone()))
                                                    >
                                                        "×"
                                                    </Button>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                        <form
                            class="filters"
                            on:submit=move |ev| {
                                ev.prevent_default();
                                let id = picked.get_untracked();
                                match by_id.with_value(|o| o.iter().find(|g| g.id == id).cloned()) {
                                    Some(g) => run(Change::Join(g)),
                                    None => error.set(Some("Choose a group first.".into())),
                                }
                            }
                        >
                            <div class="field">
                                <label for=select_id.get_value()>"Add to group"</label>
                                <select
                                    id=select_id.get_value()
                                    bind:value=picked
                                    disabled=none_left
                                >
                                    <option value="">
                                        {if none_left {
                                            "In every group already"
                                        } else {
                                            "Choose a group"
                                        }}
                                    </option>
                                    {others
                                        .into_iter()
                                        .map(|g| view! { <option value=g.id>{g.name}</option> })
                                        .collect_view()}
                                </select>
                            </div>
                            <div class="actions">
                                <button
                                    type="submit"
                                    class="btn"
                                    disabled=move || change.pending().get()
                                >
                                    "Add"
                                </button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
            />
        </Card>
    }
}
