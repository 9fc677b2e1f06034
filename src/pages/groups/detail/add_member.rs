//! Adding one user to a group: type part of a name or e-mail, pick from at most eight
//! end users who are not members yet. The users are fetched once, at the first keystroke
//! (AuthSec's list has no search), and filtered here as you type.

use crate::api::groups;
use crate::api::users::{self, EndUser};
use crate::api::Api;
use crate::components::field::unique_id;
use crate::components::Button;
use crate::components::FormAlert;
use crate::hooks::{use_debounce, use_form};
use crate::paging::holds;
use leptos::prelude::*;
use std::sync::Arc;

/// At most this many suggestions.
pub const SHOWN: usize = 8;

/// The users matching `q` (name or e-mail) who are not in `members`, at most [`SHOWN`].
pub fn suggestions(all: &[EndUser], members: &[String], q: &str) -> Vec<EndUser> {
    let q = q.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    all.iter()
        .filter(|u| !members.contains(&u.id))
        .filter(|u| holds(&u.email, &q) || holds(&u.full_name(), &q))
        .take(SHOWN)
        .cloned()
        .collect()
}

#[component]
pub fn AddMember(
    group_id: String,
    members: Arc<Vec<String>>,
    #[prop(into)] on_added: Callback<()>,
) -> impl IntoView {
    let api = Api::expect();
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let started = RwSignal::new(false);
    let debounce = use_debounce();
    let everyone = LocalResource::new(move || {
        let go = started.get();
        async move {
            if go {
                users::all(&api, &api_tenant(&api)).await
            } else {
                Ok(Vec::new())
            }
        }
    });
    let group = StoredValue::new(group_id);
    let add = use_form(
        move |u: EndUser| async move {
            match groups::add_members(&api, &group.get_value(), std::slice::from_ref(&u.id)).await {
                Ok(_) => Ok(u),
                Err(e) => Err((e, u)),
            }
        },
        move |u: EndUser| {
            crate::components::Toasts::expect()
                .success(format!("{} was added to the group.", u.email));
            typed.set(String::new());
            query.set(String::new());
            on_added.run(());
        },
        move |(e, u): (crate::api::ApiError, EndUser)| {
            format!("{} was not added. {}", u.email, e.message)
        },
    );
    let input_id = unique_id("add-member");
    let members = StoredValue::new(members);
    let shown = move || {
        let q = query.get();
        everyone
            .get()
            .map(|r| r.map(|all| members.with_value(|m| suggestions(&all, m, &q))))
    };
    view! {
        <div class="stack">
            <label for=input_id.clone()>"Add a user"</label>
            <input
                id=input_id
                type="search"
                autocomplete="off"
                placeholder="Name or e-mail"
                bind:value=typed
                on:input=move |_| {
                    started.set(true);
                    debounce.schedule(move || query.set(typed.get_untracked()));
                }
            />
            <FormAlert error=add.error />
            <div aria-live="polite">
                {move || match shown() {
                    None if !query.with(String::is_empty) => {
                        view! {
                            <p class="muted" role="status">
                                "Looking up users…"
                            </p>
                        }
                            .into_any()
                    }
                    Some(Err(e)) => {
                        view! {
                            <p class="alert" role="alert">
                                {format!("The users could not be loaded. {}", e.message)}
                            </p>
                        }
                            .into_any()
                    }
                    Some(Ok(list)) if list.is_empty() && !query.with(|q| q.trim().is_empty()) => {
                        view! { <p class="muted">"No user outside the group matches."</p> }
                            .into_any()
                    }
                    Some(Ok(list)) => {
                        view! {
                            <ul class="plain">
                                {list
                                    .into_iter()
                                    .map(|u| {
                                        let label = format!("Add {}", u.email);
                                        let who = format!("{} {}", u.full_name(), u.email);
                                        view! {
                                            <li class="uri-row">
                                                <span>{who}</span>
                                                <Button
                                                    class="btn btn--small"
                                                    label=label
                                                    disabled=move || add.pending().get()
                                                    on_click=move || add.send(u.clone())
                                                >
                                                    "Add"
                                                </Button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    None => ().into_any(),
                }}
            </div>
        </div>
    }
}

fn api_tenant(api: &Api) -> String {
    api.tenant_id()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_skip_members_and_stop_at_eight() {
        let all: Vec<EndUser> = (0..20)
            .map(|i| EndUser {
                id: format!("u{i}"),
                email: format!("user{i}@x"),
                ..EndUser::default()
            })
            .collect();
        let members = vec!["u0".to_string(), "u1".to_string()];
        let got = suggestions(&all, &members, "USER");
        assert_eq!(got.len(), SHOWN);
        assert_eq!(got[0].id, "u2");
        assert!(suggestions(&all, &members, "  ").is_empty());
        assert_eq!(suggestions(&all, &members, "user19").len(), 1);
    }
}
