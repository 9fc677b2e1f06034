//! `/access/permissions`: the `resource:action` pairs roles are made of: add one, delete
//! one (saying how many roles lose it), search (in the URL).

use crate::api::access::{self, Permission};
use crate::api::Api;
use crate::components::AskButton;
use crate::components::Card;
use crate::components::Crumbs;
use crate::components::SearchList;
use crate::components::{ConfirmedDialog, SubmitEnd, TextField, Toasts};
use crate::hooks::{use_confirmed, use_form, use_search_source};
use crate::paging::{holds, search_hits};
use crate::routes::Page;
use leptos::prelude::*;

/// The permissions whose `resource:action` or description holds `q`, by resource then action.
pub fn matching(list: &[Permission], q: &str) -> Vec<Permission> {
    search_hits(
        list,
        q,
        |p, q| holds(&p.full_permission_string, q) || holds(&p.description, q),
        |p| (p.resource.clone(), p.action.clone()),
    )
}

/// What a new permission must have, as field errors: (resource, action).
pub fn check(resource: &str, action: &str) -> (Option<String>, Option<String>) {
    let rule = |v: &str, what: &str| {
        if v.trim().is_empty() {
            Some(format!("Enter the {what}."))
        } else if v.contains([':', '.', ' ']) {
            // AuthSec splits `resource:action` on both ':' and '.': such a name could never
            // be given to a role by name.
            Some(format!("The {what} cannot hold ':', '.' or spaces."))
        } else {
            None
        }
    };
    (rule(resource, "resource"), rule(action, "action"))
}

#[component]
pub fn PermissionsPage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let list = use_search_source(
        Page::Permissions,
        move || async move { access::permissions(&api).await },
        matching,
    );
    let resource = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let errors = RwSignal::new((None::<String>, None::<String>));
    let add = use_form(
        move |(r, a, d): (String, String, String)| async move {
            access::create_permission(&api, &r, &a, &d)
                .await
                .map(|_| format!("{r}:{a}"))
        },
        move |full| {
            action.set(String::new());
            description.set(String::new());
            toasts.success(format!("The permission {full} was added."));
            list.all.refetch();
        },
        move |e| {
            let why = if e.status == 500 && e.message.contains("duplicate") {
                "This workspace already has it.".to_string()
            } else {
                e.message
            };
            format!("The permission was not added. {why}")
        },
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (r, a) = (resource.get_untracked(), action.get_untracked());
        let found = check(&r, &a);
        let ok = found == (None, None);
        errors.set(found);
        if ok {
            add.send((
                r.trim().into(),
                a.trim().into(),
                description.get_untracked().trim().into(),
            ));
        }
    };
    let delete = use_confirmed(
        move |p: Permission| async move { access::delete_permission(&api, &p.id).await.map(|_| p) },
        move |p| {
            toasts.success(format!(
                "The permission {} was deleted.",
                p.full_permission_string
            ));
            list.all.refetch();
        },
    );
    let row = move |p: &Permission| {
        let target = p.clone();
        let label = format!("Delete {}", p.full_permission_string);
        view! {
            <tr>
                <td>
                    <code>{p.full_permission_string.clone()}</code>
                </td>
                <td class="truncate" title=p.description.clone()>
                    {p.description.clone()}
                </td>
                <td>{p.roles_assigned}</td>
                <td class="actions-cell">
                    <AskButton of=delete item=target label=label text="Delete" />
                </td>
            </tr>
        }
    };
    view! {
        <Crumbs up=Page::Roles up_label="Roles" here="Permissions" />
        <Card title="Add a permission">
            <form class="filters" on:submit=submit novalidate>
                <TextField
                    label="Resource"
                    value=resource
                    error=Signal::derive(move || errors.get().0)
                    hint="e.g. invoices"
                    required=true
                />
                <TextField
                    label="Action"
                    value=action
                    error=Signal::derive(move || errors.get().1)
                    hint="e.g. read"
                    required=true
                />
                <TextField label="Description" value=description hint="Optional" />
                <SubmitEnd of=add label="Add permission" busy="Adding…" />
            </form>
        </Card>
        <SearchList
            of=list
            noun=crate::noun!("permission", "permissions", "Permission", "Permissions")
            placeholder="Permission or description"
            columns=&["Permission", "Description", "Roles", ""]
            row
        />
        <ConfirmedDialog
            of=delete
            title="Delete permission"
            confirm_label="Delete permission"
            danger=true
            message=|p: Permission| {
                let roles = match p.roles_assigned {
                    0 => "No role holds it.".to_string(),
                    1 => "1 role holds it and loses it.".to_string(),
                    n => format!("{n} roles hold it and lose it."),
                };
                format!("Delete {}? {roles} This cannot be undone.", p.full_permission_string)
            }
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resource_or_action_with_a_separator_is_refused_here() {
        assert_eq!(check("", "read").0.as_deref(), Some("Enter the resource."));
        assert!(check("api.v2", "read").0.unwrap().contains("cannot hold"));
        assert!(check("invoices", "re ad").1.is_some());
        assert_eq!(check("invoices", "read"), (None, None));
    }

    #[test]
    fn the_list_is_sorted_by_resource_then_action() {
        let p = |r: &str, a: &str| Permission {
            resource: r.into(),
            action: a.into(),
            full_permission_string: format!("{r}:{a}"),
            ..Permission::default()
        };
        let list = vec![
            p("users", "read"),
            p("clients", "update"),
            p("clients", "create"),
        ];
        let got: Vec<_> = matching(&list, "")
            .into_iter()
            .map(|p| p.full_permission_string)
            .collect();
        assert_eq!(got, ["clients:create", "clients:update", "users:read"]);
        assert_eq!(matching(&list, "CLIENTS").len(), 2);
    }
}
