//! `/access/roles/:id`: one role: edit its name, description and permissions, see and add
//! the admins who hold it, delete it (saying how many admins lose it).

mod holders;

use super::form::{RoleFields, RoleForm};
use super::picker::model::ids_of;
use crate::api::access::{self, Permission, RoleDetail, RoleDraft};
use crate::api::Api;
use crate::components::Button;
use crate::components::Card;
use crate::components::PageHead;
use crate::components::{ConfirmedDialog, DetailPage, Toasts, UnsavedGuard};
use crate::hooks::{use_confirmed, use_form};
use crate::routes::Page;
use holders::Holders;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn RoleDetailPage() -> impl IntoView {
    let api = Api::expect();
    view! {
        <DetailPage
            list=Page::Roles
            noun=crate::noun!("role", "roles", "Role", "Roles")
            fetch=move |id| async move {
                let (role, perms) = futures::join!(
                    access::role(&api, &id), access::permissions(&api)
                );
                Ok((role?, perms?))
            }
            view=|(role, perms), reload| view! { <RoleEditor role perms reload /> }
        />
    }
}

/// How many admins lose a role when it is deleted, in words.
pub fn losers(n: usize) -> String {
    match n {
        0 => "No admin holds it.".into(),
        1 => "1 admin holds it and loses it at once.".into(),
        n => format!("{n} admins hold it and lose it at once."),
    }
}

#[component]
fn RoleEditor(role: RoleDetail, perms: Vec<Permission>, reload: Callback<()>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let navigate = use_navigate();
    let (ids, gone) = ids_of(&role.permissions, &perms);
    let fields = RoleFields::new(&role.name, &role.description, ids.clone());
    let id = StoredValue::new(role.id.clone());
    let saved = StoredValue::new((role.name.clone(), role.description.clone(), ids));
    let save = use_form(
        move |d: RoleDraft| async move { access::update_role(&api, &id.get_value(), &d).await },
        move |s| {
            saved.set_value((
                fields.name.get_untracked().trim().to_string(),
                fields.description.get_untracked().trim().to_string(),
                fields.chosen.get_untracked(),
            ));
            toasts.success(format!("The role {} was saved.", s.name));
            reload.run(());
        },
        move |e| format!("The role was not saved. {}", e.message),
    );
    let dirty = Memo::new(move |_| saved.with_value(|(n, d, i)| fields.differs_from(n, d, i)));
    let holders = role.user_ids.len();
    let delete = use_confirmed(
        move |r: RoleDetail| async move { access::delete_role(&api, &r.id).await.map(|_| r) },
        move |r| {
            toasts.success(format!("The role {} was deleted.", r.name));
            saved.set_value((String::new(), String::new(), Default::default()));
            fields.name.set(String::new());
            fields.description.set(String::new());
            fields.chosen.set(Default::default());
            navigate(&Page::Roles.path(), Default::default());
        },
    );
    let role_for_delete = role.clone();
    view! {
        <PageHead title=role.name.clone()>
            <Button
                class="btn btn--danger-ghost"
                on_click=move || delete.ask(role_for_delete.clone())
            >
                "Delete role"
            </Button>
        </PageHead>
        {(!gone.is_empty())
            .then(|| {
                view! {
                    <p class="alert" role="status">
                        {format!(
                            "This role names permissions that no longer exist: {}. Saving drops them.",
                            gone.join(", "),
                        )}
                    </p>
                }
            })}
        <Card title="Name and permissions" class="narrow-form">
            <RoleForm fields=fields permissions=perms send=save submit_label="Save role" />
        </Card>
        <Holders role_id=role.id.clone() role_name=role.name.clone() on_change=reload />
        <ConfirmedDialog
            of=delete
            title="Delete role"
            confirm_label="Delete role"
            danger=true
            message=move |r: RoleDetail| {
                format!(
                    "Delete the role {}? {} Groups hold no roles in AuthSec, so none is affected. This cannot be undone.",
                    r.name,
                    losers(holders),
                )
            }
            type_to_confirm=move |r: RoleDetail| (holders > 0).then_some(r.name)
        />
        <UnsavedGuard dirty=dirty />
    }
}

#[cfg(test)]
mod tests {
    use super::losers;

    #[test]
    fn deleting_says_how_many_admins_lose_the_role() {
        assert_eq!(losers(0), "No admin holds it.");
        assert!(losers(1).starts_with("1 admin holds"));
        assert!(losers(3).starts_with("3 admins hold"));
    }
}
