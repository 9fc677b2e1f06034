//! `/groups/:id`: one group: rename it, its members (search, pages, add as you type,
//! remove in bulk), delete it. AuthSec gives groups no roles: the page says so.

mod add_member;
pub mod members;

use crate::api::groups::{self, WithMembers};
use crate::api::Api;
use crate::components::Button;
use crate::components::Card;
use crate::components::PageHead;
use crate::components::{BulkJob, ConfirmedDialog, DetailPage, SubmitEnd, TextField, Toasts};
use crate::hooks::{use_confirmed, use_form};
use crate::pages::users::bulk::UserSelection;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use members::Members;
use std::sync::Arc;

#[component]
pub fn GroupDetailPage() -> impl IntoView {
    let api = Api::expect();
    // Outside the loaded view, so a bulk run's result outlives the reload that follows it.
    let job = BulkJob::new();
    let selected = UserSelection::new();
    view! {
        <DetailPage
            list=Page::Groups
            noun=crate::noun!("group", "groups", "Group", "Groups")
            // Shared, not copied: the page's loaded group is read again on each render, and
            // a group may have 10,000 members.
            fetch=move |id| async move { groups::one(&api, &id).await.map(Arc::new) }
            view=move |g, reload| view! { <GroupEditor g reload job selected /> }
        />
    }
}

/// What deleting a group does to its members, in words.
pub fn leave_text(name: &str, members: usize) -> String {
    let who = match members {
        0 => "It has no members.".to_string(),
        1 => "Its 1 member stays a user and only leaves the group.".to_string(),
        n => format!("Its {n} members stay users and only leave the group."),
    };
    format!("Delete the group {name}? {who} This cannot be undone.")
}

#[component]
fn GroupEditor(
    g: Arc<WithMembers>,
    reload: Callback<()>,
    job: BulkJob,
    selected: UserSelection,
) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let navigate = use_navigate();
    let group = g.group.clone();
    let id = StoredValue::new(group.id.clone());
    let name = RwSignal::new(group.name.clone());
    let description = RwSignal::new(group.description.clone());
    let name_error = RwSignal::new(None::<String>);
    let save = use_form(
        move |(n, d): (String, String)| async move {
            groups::rename(&api, &id.get_value(), &n, &d)
                .await
                .map(|_| n)
        },
        move |n| {
            toasts.success(format!("The group {n} was saved."));
            reload.run(());
        },
        move |e| format!("The group was not saved. {}", e.message),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            name_error.set(Some("Enter the group's name.".into()));
            return;
        }
        name_error.set(None);
        save.send((n, description.get_untracked().trim().to_string()));
    };
    let count = g.users.len();
    let delete = use_confirmed(
        move |n: String| async move { groups::delete(&api, &[id.get_value()]).await.map(|_| n) },
        move |n| {
            toasts.success(format!("The group {n} was deleted."));
            navigate(&Page::Groups.path(), Default::default());
        },
    );
    let title = group.name.clone();
    view! {
        <PageHead title=group.name.clone()>
            <Button class="btn btn--danger-ghost" on_click=move || delete.ask(title.clone())>
                "Delete group"
            </Button>
        </PageHead>
        <Card title="Name and description" class="narrow-form">
            <form class="stack" on:submit=submit novalidate>
                <TextField label="Name" value=name error=name_error required=true />
                <TextField label="Description" value=description hint="Optional" />
                <SubmitEnd of=save label="Save group" busy="Saving…" />
            </form>
        </Card>
        <Card title="Roles">
            <p>
                "AuthSec gives roles to admins only, so a group holds none. Manage who may do what under "
                <A href=Page::Roles.path()>"Roles"</A> "."
            </p>
        </Card>
        <Members group_id=group.id.clone() members=g on_change=reload job selected />
        <ConfirmedDialog
            of=delete
            title="Delete group"
            confirm_label="Delete group"
            danger=true
            message=move |n: String| leave_text(&n, count)
        />
    }
}

#[cfg(test)]
mod tests {
    use super::leave_text;

    #[test]
    fn deleting_says_the_members_stay_users() {
        assert!(leave_text("Ops", 0).contains("It has no members."));
        assert!(leave_text("Ops", 2).contains("Its 2 members stay users"));
    }
}
