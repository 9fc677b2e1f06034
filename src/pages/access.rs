//! `/access/roles`: the workspace's roles with their permission and admin counts, searched
//! by name or description (in the URL; AuthSec has no search, so the list is filtered here).

pub mod detail;
mod form;
pub mod new;
pub mod permissions;
pub mod picker;
pub mod scopes;

use crate::api::access::{self, Role};
use crate::api::Api;
use crate::components::RowsCsvButton;
use crate::components::SearchList;
use crate::components::{NewLink, PageHead};
use crate::csv;
use crate::hooks::use_search_source;
use crate::paging::{holds, search_hits};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

/// The roles whose name or description holds `q` (case-insensitive), by name.
pub fn matching(list: &[Role], q: &str) -> Vec<Role> {
    search_hits(
        list,
        q,
        |r, q| holds(&r.name, q) || holds(&r.description, q),
        |r| r.name.to_lowercase(),
    )
}

/// The roles export: a row per role, holders by username.
pub fn to_csv(roles: &[Role]) -> String {
    let mut out = csv::row(&[
        "id",
        "name",
        "description",
        "permissions",
        "admins",
        "admin_usernames",
    ]);
    for r in roles {
        out.push_str(&csv::row(&[
            r.id.clone(),
            r.name.clone(),
            r.description.clone(),
            r.permissions_count.to_string(),
            r.users_assigned.to_string(),
            r.usernames.join(" "),
        ]));
    }
    out
}

fn row(r: &Role) -> impl IntoView {
    let href = Page::Role(&r.id).path();
    let name = r.name.clone();
    let holders = if r.usernames.is_empty() {
        String::new()
    } else {
        r.usernames.join(", ")
    };
    view! {
        <tr>
            <td class="truncate" title=r.name.clone()>
                <A href=href>{name}</A>
            </td>
            <td class="truncate" title=r.description.clone()>
                {r.description.clone()}
            </td>
            <td>{r.permissions_count}</td>
            <td title=holders>{r.users_assigned}</td>
        </tr>
    }
}

#[component]
pub fn RolesPage() -> impl IntoView {
    let api = Api::expect();
    let list = use_search_source(
        Page::Roles,
        move || async move { access::roles(&api).await },
        matching,
    );
    view! {
        <PageHead title="Roles">
            <RowsCsvButton base="roles" rows=list.hits csv=to_csv />
            <A href=Page::Permissions.path() attr:class="btn">
                "Permissions"
            </A>
            <NewLink to=Page::NewRole label="New role" />
        </PageHead>
        <SearchList
            of=list
            noun=crate::noun!("role", "roles", "Role", "Roles")
            placeholder="Role name or description"
            missing=Some("This server does not offer roles.")
            columns=&["Name", "Description", "Permissions", "Admins"]
            row
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_reads_name_and_description_and_sorts_by_name() {
        let role = |name: &str, description: &str| Role {
            name: name.into(),
            description: description.into(),
            ..Role::default()
        };
        let list = vec![
            role("support", "Looks up users"),
            role("Billing", "Invoices"),
            role("auditor", "Reads users and invoices"),
        ];
        let names = |q: &str| {
            matching(&list, q)
                .into_iter()
                .map(|r| r.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(names(""), ["auditor", "Billing", "support"]);
        assert_eq!(names("INVOICES"), ["auditor", "Billing"]);
        assert_eq!(names("users"), ["auditor", "support"]);
    }

    #[test]
    fn the_export_has_a_row_per_role_with_its_holders() {
        let r = Role {
            id: "r1".into(),
            name: "ops".into(),
            description: "On call; =urgent".into(),
            permissions_count: 3,
            users_assigned: 2,
            usernames: vec!["ann".into(), "bo".into()],
            ..Role::default()
        };
        let out = to_csv(&[r]);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "id,name,description,permissions,admins,admin_usernames"
        );
        assert_eq!(lines[1], "r1,ops,\"'On call; =urgent\",3,2,ann bo");
    }
}
