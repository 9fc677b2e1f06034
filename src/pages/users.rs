//! `/users`: the tenant's end users and admins, two tabs over one URL state
//! (`?tab=admins`). Search, filters, sort and page all live in the URL.

mod admins;
pub mod bulk;
pub mod detail;
mod end_list;
pub mod end_table;
pub mod import;
mod invite;
pub mod list_state;
pub mod new;
mod pending;

use crate::components::{NewLink, PageHead};
use crate::hooks::ListUrl;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use list_state::{Tab, UsersState};

pub type UsersUrl = ListUrl<UsersState>;

/// The users list's path with a state changed from the default (links from the
/// overview and the palette).
pub fn list_path(change: impl FnOnce(&mut UsersState)) -> String {
    use crate::hooks::UrlState;
    let mut s = UsersState::default();
    change(&mut s);
    format!("{}?{}", Page::Users.path(), s.to_query())
}

/// The admins tab's path (the palette's "Invite admin" opens it).
pub fn admins_path() -> String {
    list_path(|s| s.tab = list_state::Tab::Admins)
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let url = UsersUrl::new(Page::Users);
    let state = url.state;
    let tab = Memo::new(move |_| state.with(|s| s.tab));
    let tab_id = |t: Tab| {
        if t == Tab::EndUsers {
            "users-tab-end"
        } else {
            "users-tab-admins"
        }
    };
    let tab_button = move |t: Tab, label: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=tab_id(t)
                aria-controls="users-panel"
                class="tabs__tab"
                aria-selected=move || if tab.get() == t { "true" } else { "false" }
                tabindex=move || if tab.get() == t { "0" } else { "-1" }
                on:click=move |_| {
                    if tab.get_untracked() != t {
                        url.go(state.get_untracked().on_tab(t), false)
                    }
                }
                on:keydown=move |ev| {
                    if ev.key() == "ArrowRight" || ev.key() == "ArrowLeft" {
                        let other = if t == Tab::EndUsers { Tab::Admins } else { Tab::EndUsers };
                        url.go(state.get_untracked().on_tab(other), false);
                        if let Some(el) = document().get_element_by_id(tab_id(other)) {
                            use wasm_bindgen::JsCast;
                            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                        }
                    }
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <PageHead title="Users">
            <Show when=move || tab.get() == Tab::EndUsers>
                <A href=Page::ImportUsers.path() attr:class="btn">
                    "Import CSV"
                </A>
                <NewLink to=Page::NewUser label="New user" />
            </Show>
        </PageHead>
        <div class="tabs" role="tablist" aria-label="User kinds">
            {tab_button(Tab::EndUsers, "End users")}
            {tab_button(Tab::Admins, "Admins")}
        </div>
        <div role="tabpanel" id="users-panel" aria-labelledby=move || tab_id(tab.get())>
            {move || match tab.get() {
                Tab::EndUsers => view! { <end_list::EndUserList url=url /> }.into_any(),
                Tab::Admins => view! { <admins::AdminList url=url /> }.into_any(),
            }}
        </div>
    }
}
