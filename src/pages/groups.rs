//! `/groups`: the workspace's groups with their member counts, searched by name or
//! description (in the URL; AuthSec has no search), and a new group by name.

pub mod detail;

use crate::api::groups::{self, Counted};
use crate::api::Api;
use crate::components::Card;
use crate::components::PageHead;
use crate::components::SearchList;
use crate::components::{when, RowsCsvButton, SubmitEnd, TextField, Toasts};
use crate::csv;
use crate::hooks::{use_form, use_search_source};
use crate::paging::{holds, search_hits};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// The groups whose name or description holds `q` (case-insensitive), by name.
pub fn matching(list: &[Counted], q: &str) -> Vec<Counted> {
    search_hits(
        list,
        q,
        |g, q| holds(&g.group.name, q) || holds(&g.group.description, q),
        |g| g.group.name.to_lowercase(),
    )
}

/// Why a new group's name cannot be used: empty, or taken (AuthSec would silently hand
/// back the existing group).
pub fn name_problem(name: &str, existing: &[Counted]) -> Option<String> {
    let n = name.trim();
    if n.is_empty() {
        return Some("Enter the group's name.".into());
    }
    existing
        .iter()
        .any(|g| g.group.name.trim().eq_ignore_ascii_case(n))
        .then(|| format!("A group named {n} exists already."))
}

/// The groups export: a row per group with its member count.
pub fn to_csv(list: &[Counted]) -> String {
    let mut out = csv::row(&["id", "name", "description", "members", "created_at"]);
    for g in list {
        out.push_str(&csv::row(&[
            g.group.id.clone(),
            g.group.name.clone(),
            g.group.description.clone(),
            g.members.to_string(),
            g.group.created_at.clone(),
        ]));
    }
    out
}

fn row(g: &Counted) -> impl IntoView {
    let href = Page::Group(&g.group.id).path();
    let name = g.group.name.clone();
    let title = name.clone();
    view! {
        <tr>
            <td class="truncate" title=title>
                <A href=href>{name}</A>
            </td>
            <td class="truncate" title=g.group.description.clone()>
                {g.group.description.clone()}
            </td>
            <td>{g.members}</td>
            <td>{when(Some(&g.group.created_at))}</td>
        </tr>
    }
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let navigate = use_navigate();
    let list = use_search_source(
        Page::Groups,
        move || async move { groups::list(&api).await },
        matching,
    );
    let name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let create = use_form(
        move |n: String| async move { groups::create(&api, &n).await },
        move |g| {
            toasts.success(format!("The group {} was created.", g.name));
            navigate(&Page::Group(&g.id).path(), Default::default());
        },
        move |e| format!("The group was not created. {}", e.message),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        // The names known now (the list, if it loaded).
        let known = list
            .all
            .get_untracked()
            .and_then(Result::ok)
            .unwrap_or_default();
        let problem = name_problem(&n, &known);
        let ok = problem.is_none();
        name_error.set(problem);
        if ok {
            create.send(n.trim().to_string());
        } else {
            create.error.set(None);
        }
    };
    view! {
        <PageHead title="Groups">
            <RowsCsvButton base="groups" rows=list.hits csv=to_csv />
        </PageHead>
        <Card title="New group">
            <form class="filters" on:submit=submit novalidate>
                <TextField label="Group name" value=name error=name_error required=true />
                <SubmitEnd of=create label="Create group" busy="Creating…" />
            </form>
        </Card>
        <SearchList
            of=list
            noun=crate::noun!("group", "groups", "Group", "Groups")
            placeholder="Group name or description"
            columns=&["Name", "Description", "Members", "Created"]
            row
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::groups::Group;

    fn g(name: &str, description: &str) -> Counted {
        Counted {
            group: Group {
                name: name.into(),
                description: description.into(),
                ..Group::default()
            },
            members: 0,
        }
    }

    #[test]
    fn a_taken_name_is_refused_here_since_authsec_would_hand_back_the_old_group() {
        let list = vec![g("Engineering", ""), g("Support", "")];
        assert!(name_problem(" engineering ", &list)
            .unwrap()
            .contains("exists already"));
        assert_eq!(
            name_problem("", &list).as_deref(),
            Some("Enter the group's name.")
        );
        assert_eq!(name_problem("Finance", &list), None);
    }

    #[test]
    fn the_search_reads_name_and_description() {
        let list = vec![g("support", "Tier two"), g("Billing", "Invoices and tiers")];
        let names: Vec<_> = matching(&list, "TIER")
            .into_iter()
            .map(|g| g.group.name)
            .collect();
        assert_eq!(names, ["Billing", "support"]);
    }
}
