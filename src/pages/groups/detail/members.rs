//! A group's members: searched and paged in the URL, selected across pages and removed
//! in bulk (a request per 100, a progress bar, a line per user that failed), and added
//! one by one as you type.

use super::add_member::AddMember;
use crate::api::groups::{self, Member, WithMembers};
use crate::api::Api;
use crate::components::{
    when, BulkBar, BulkJob, CsvButton, FilterForm, SearchInput, SelectRowCell, SelectTable,
    UrlPager,
};
use crate::csv;
use crate::hooks::{ListUrl, Search};
use crate::pages::users::bulk::{PickedUser, UserSelection};
use crate::paging::{count_hits, holds, page_count, search_hits};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// Users per request of a bulk removal.
pub const BATCH: usize = 100;

/// The members whose name or e-mail holds `q`, by e-mail (borrowed: a page change at
/// 10,000 members copies the 100 it shows, not all of them).
pub fn matching<'a>(members: &'a [Member], q: &str) -> Vec<&'a Member> {
    let all: Vec<&Member> = members.iter().collect();
    search_hits(&all, q, |u, q| hit(u, q), |u| u.email.clone())
}

fn picked(u: &Member) -> PickedUser {
    PickedUser {
        id: u.id.clone(),
        email: u.email.clone(),
    }
}

fn hit(u: &Member, q: &str) -> bool {
    holds(&u.email, q) || holds(&u.name, q)
}

/// The members export: every member matching the search, all pages.
pub fn to_csv(members: &[&Member]) -> String {
    let mut out = csv::row(&["id", "email", "name", "status", "created_at"]);
    for u in members {
        let status = if u.is_active() { "active" } else { "inactive" };
        out.push_str(&csv::row(&[
            u.id.clone(),
            u.email.clone(),
            u.name.trim().to_string(),
            status.to_string(),
            u.created_at.clone(),
        ]));
    }
    out
}

#[component]
pub fn Members(
    group_id: String,
    /// The group, its members in it.
    members: Arc<WithMembers>,
    #[prop(into)] on_change: Callback<()>,
    /// The bulk bar's run and the selection, kept across reloads by the page.
    job: BulkJob,
    selected: UserSelection,
) -> impl IntoView {
    let api = Api::expect();
    let url = ListUrl::<Search>::new(Page::Group(&group_id));
    let state = url.state;
    let total_members = members.users.len();
    let member_ids: Arc<Vec<String>> =
        Arc::new(members.users.iter().map(|u| u.id.clone()).collect());
    let members = StoredValue::new(members);
    // Counted again only when the search changes, not on a page change.
    let q = url.search();
    let count =
        Memo::new(move |_| q.with(|q| members.with_value(|m| count_hits(&m.users, q, hit))));
    let csv = move || {
        let q = state.with_untracked(|s| s.q.clone());
        members.with_value(|m| to_csv(&matching(&m.users, &q)))
    };
    let group = StoredValue::new(group_id);
    let remove = move |_| {
        let many = move |chunk: Vec<PickedUser>| async move {
            let ids: Vec<String> = chunk.into_iter().map(|p| p.id).collect();
            groups::remove_members(&api, &group.get_value(), &ids)
                .await
                .map(|_| ())
        };
        job.batched("removed", selected, BATCH, many, on_change);
    };
    view! {
        <section class="card" aria-labelledby="group-members">
            <h2 id="group-members">{format!("Members ({total_members})")}</h2>
            <AddMember group_id=group.get_value() members=member_ids on_added=on_change />
            <FilterForm label="Filter members">
                <SearchInput
                    label="Search members"
                    placeholder="Name or e-mail"
                    value=Signal::derive(move || state.with(|s| s.q.clone()))
                    on_commit=move |q: String| url.go(Search::q(q), true)
                />
            </FilterForm>
            <CsvButton base="group-members" make=move |_| Some(csv()) />
            <BulkBar
                job
                count=Signal::derive(move || selected.count())
                on_clear=move || selected.clear()
            >
                <button type="button" class="btn btn--small" on:click=remove>
                    "Remove from group"
                </button>
            </BulkBar>
            // The hits are found again on each page change (~10 ms at 10,000 members, in
            // bench/access.mjs), from the URL's state alone: with a memo derived from that
            // state read here too (of the hits, or of their count), a page change moved the
            // pager but did not run this again (reactive_graph 0.2.16). A page past the end
            // (members removed since) shows the last one.
            {move || {
                let at = state.get();
                let (n, page) = members
                    .with_value(|m| {
                        let hits = matching(&m.users, &at.q);
                        let at = Search {
                            page: at.page.min(page_count(hits.len() as u64, at.size)),
                            ..at.clone()
                        };
                        let page: Vec<Member> = at
                            .page_of(&hits)
                            .iter()
                            .map(|u| (*u).clone())
                            .collect();
                        (hits.len(), page)
                    });
                if n == 0 {
                    let text = if total_members == 0 {
                        "No members yet."
                    } else {
                        "No member matches this search."
                    };
                    return view! {
                        <p class="muted" role="status">
                            {text}
                        </p>
                    }
                        .into_any();
                }
                let picks: Vec<PickedUser> = page.iter().map(picked).collect();
                let head = || {
                    view! {
                        <th scope="col">"Member"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Created"</th>
                    }
                };
                view! {
                    <SelectTable label="Members" selection=selected picks head>
                        {page
                            .into_iter()
                            .map(|u| view! { <MemberRow user=u selected /> })
                            .collect_view()}
                    </SelectTable>
                }
                    .into_any()
            }}
            // Outside the rows: a page change renders other rows under the same pager.
            <Show when=move || { count.get() > 0 }>
                <UrlPager
                    url
                    total=Signal::derive(move || count.get() as u64)
                    label="Member pages"
                />
            </Show>
        </section>
    }
}

#[component]
fn MemberRow(user: Member, selected: UserSelection) -> impl IntoView {
    let pick = picked(&user);
    let id = user.id.clone();
    let marked = move || selected.has(&id);
    let label = format!("Select {}", user.email);
    let name = user.name.trim().to_string();
    let active = user.is_active();
    let href = Page::User(&user.id).path();
    let shown = if name.is_empty() {
        user.email.clone()
    } else {
        name
    };
    view! {
        <tr class:row--selected=marked>
            <SelectRowCell selection=selected pick label />
            <td>
                <A href=href>{shown}</A>
                <span class="muted">{format!(" {}", user.email)}</span>
            </td>
            <td><span class="badge" class:badge--ok=active class:badge--off=!active>{if active { "Active" } else { "Inactive" }}</span></td>
            <td>{when(Some(user.created_at.as_str()))}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_found_by_name_or_email_and_sorted_by_email() {
        let u = |email: &str, name: &str| Member {
            email: email.into(),
            name: name.into(),
            ..Member::default()
        };
        let list = vec![u("b@x", "Ann Lee"), u("a@x", "Bo Lee"), u("c@x", "Cy")];
        let emails: Vec<_> = matching(&list, "lee")
            .into_iter()
            .map(|u| u.email.as_str())
            .collect();
        assert_eq!(emails, ["a@x", "b@x"]);
    }
}
