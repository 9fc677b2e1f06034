//! The command palette (Ctrl/Cmd-K, or Search in the top bar): go to any area the user
//! has, run an action, or open a client or user found as you type. Clients come from
//! the server's name search; end users from the tenant's list (AuthSec has no user
//! search), read once per opening. Answers to an older query are dropped.

pub mod model;

use super::nav::Areas;
use crate::api::users::EndUser;
use crate::api::{clients, users, Api, ApiError};
use crate::auth::AuthContext;
use crate::components::Modal;
use crate::hooks::use_debounce;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use leptos_router::hooks::use_navigate;
use model::{ranked, remember, step, Item, Kind, Target, HITS, MIN_SEARCH};
use std::sync::Arc;

/// The areas and actions this user may use.
fn fixed_items(areas: Areas, is_admin: bool) -> Vec<Item> {
    let go = |page: Page<'static>| Target::Go(page.path());
    let mut items: Vec<Item> = areas
        .visible()
        .map(|(label, page, _)| Item::new(Kind::Area, *label, go(*page)))
        .collect();
    if is_admin {
        items.extend([
            Item::new(Kind::Action, "New client", go(Page::NewClient)),
            Item::new(Kind::Action, "New user", go(Page::NewUser)),
            Item::new(
                Kind::Action,
                "Invite admin",
                Target::Go(crate::pages::users::admins_path()),
            ),
            Item::new(Kind::Action, "New role", go(Page::NewRole)),
        ]);
    }
    items.extend([
        Item::new(Kind::Action, "Add passkey", go(Page::Security)),
        Item::new(Kind::Action, "Sign out", Target::SignOut),
    ]);
    items
}

/// Up to [`HITS`] clients and [`HITS`] end users for `q`.
async fn search(
    api: Api,
    tenant: String,
    q: String,
    everyone: StoredValue<Option<Arc<Vec<EndUser>>>>,
) -> Result<Vec<Item>, ApiError> {
    let found = clients::find(&api, &tenant, &q, HITS as u32).await?;
    let mut items: Vec<Item> = found
        .into_iter()
        .map(|c| Item {
            detail: c.client_id.clone(),
            ..Item::new(Kind::Client, c.name, Target::Go(Page::Client(&c.id).path()))
        })
        .collect();
    let all = match everyone.get_value() {
        Some(all) => all,
        None => {
            let all = Arc::new(users::all(&api, &tenant).await?);
            everyone.set_value(Some(all.clone()));
            all
        }
    };
    let user = |u: &EndUser| Item {
        detail: u.full_name(),
        ..Item::new(
            Kind::User,
            u.email.clone(),
            Target::Go(Page::User(&u.id).path()),
        )
    };
    items.extend(all.iter().map(user).filter(|i| i.matches(&q)).take(HITS));
    Ok(items)
}

#[component]
pub fn Palette(open: RwSignal<bool>) -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let navigate = use_navigate();
    let areas = Areas::expect();
    let tenant = auth.tenant_id();
    let query = RwSignal::new(String::new());
    let hits = RwSignal::new(Vec::<Item>::new());
    let status = RwSignal::new(None::<String>);
    let recent = RwSignal::new(Vec::<Item>::new());
    let active = RwSignal::new(0usize);
    // Which search is the latest: an answer to any other is dropped.
    let latest = StoredValue::new(0u64);
    let everyone = StoredValue::new(None::<Arc<Vec<EndUser>>>);
    let debounce = use_debounce();
    let list = Memo::new(move |_| {
        let fixed = fixed_items(areas, auth.is_admin());
        recent.with(|r| hits.with(|h| ranked(&query.get(), r, &fixed, h)))
    });
    let close = move || {
        open.set(false);
        debounce.cancel();
        latest.update_value(|n| *n += 1);
        query.set(String::new());
        hits.set(Vec::new());
        status.set(None);
        active.set(0);
        // Users are read again next time: the list may have changed.
        everyone.set_value(None);
    };
    let run_search = move || {
        let q = query.get_untracked().trim().to_string();
        latest.update_value(|n| *n += 1);
        if q.chars().count() < MIN_SEARCH || !auth.is_admin() {
            hits.set(Vec::new());
            status.set(None);
            return;
        }
        let seq = latest.get_value();
        status.set(Some("Searching…".into()));
        let tenant = tenant.get_untracked();
        spawn_local_scoped_with_cancellation(async move {
            let answer = search(api, tenant, q, everyone).await;
            if latest.get_value() != seq {
                return;
            }
            match answer {
                Ok(found) => {
                    status.set(
                        found
                            .is_empty()
                            .then(|| "No client or user matches.".into()),
                    );
                    hits.set(found);
                }
                Err(e) => status.set(Some(format!("The search failed. {}", e.message))),
            }
        });
    };
    let pick = move |item: Item| {
        recent.update(|r| remember(r, item.clone()));
        close();
        match item.target {
            Target::Go(path) => navigate(&path, Default::default()),
            Target::SignOut => {
                auth.sign_out();
                navigate(&Page::Login.path(), Default::default());
            }
        }
    };
    let on_keydown = {
        let pick = pick.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let len = list.with(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" | "ArrowUp" => {
                    ev.prevent_default();
                    active.update(|a| *a = step(*a, len, ev.key() == "ArrowDown"));
                }
                "Enter" => {
                    ev.prevent_default();
                    if let Some(item) = list.with(|l| l.get(active.get_untracked()).cloned()) {
                        pick(item);
                    }
                }
                _ => {}
            }
        }
    };
    let option = move |(i, item): (usize, Item)| {
        let (chosen, pick) = (item.clone(), pick.clone());
        view! {
            <li
                id=format!("palette-{i}")
                role="option"
                class="palette__item"
                aria-selected=move || (active.get() == i).to_string()
                on:mousemove=move |_| active.set(i)
                on:click=move |_| pick(chosen.clone())
            >
                <span class="palette__kind">{item.kind.name()}</span>
                <span class="palette__label">{item.label}</span>
                <span class="palette__detail muted">{item.detail}</span>
            </li>
        }
    };
    let rows = move || {
        let option = option.clone();
        list.get()
            .into_iter()
            .enumerate()
            .map(option)
            .collect_view()
    };
    view! {
        <Modal open title="Go to or do" on_cancel=close>
            <input
                type="text"
                class="palette__input"
                role="combobox"
                aria-label="Search areas, actions, clients and users"
                aria-expanded="true"
                aria-controls="palette-list"
                aria-autocomplete="list"
                aria-activedescendant=move || {
                    list.with(|l| (!l.is_empty()).then(|| format!("palette-{}", active.get())))
                }
                autocomplete="off"
                placeholder="Type an area, an action, a client's name or a user's email"
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(0);
                    debounce.schedule(run_search);
                }
                on:keydown=on_keydown.clone()
            />
            <ul id="palette-list" role="listbox" class="palette__list" aria-label="Results">
                {rows.clone()}
            </ul>
            <p class="muted palette__status" role="status">
                {move || status.get()}
            </p>
        </Modal>
    }
}
