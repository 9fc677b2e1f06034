//! Needs attention: what an admin should look at, each row a sentence linking to where it
//! is fixed; each kind loads (or fails) on its own, and says so when all is well.

use super::model::{expiring_soon, without_mfa};
use super::{Admins, Clients, Domains, Invites};
use crate::api::ApiError;
use crate::components::Card;
use crate::components::ListBody;
use crate::hooks::list_url::Tri;
use crate::pages::clients::list_path as clients_path;
use crate::pages::users::admins_path;
use crate::routes::Page;
use crate::time;
use leptos::prelude::*;

/// A row: its sentence and where the fix is.
type Row = (String, String);

/// The skeleton's name, the failure's subject, the sentence when there is nothing.
type Words = (&'static str, &'static str, &'static str);

#[component]
pub fn NeedsAttention(
    admins: LocalResource<Result<Admins, ApiError>>,
    invites: LocalResource<Result<Invites, ApiError>>,
    domains: LocalResource<Result<Domains, ApiError>>,
    clients: LocalResource<Result<Clients, ApiError>>,
) -> impl IntoView {
    let invited = (
        "Loading invitations",
        "The invitations",
        "No invitation expires within 48 hours.",
    );
    let domain = (
        "Loading domains",
        "The domains",
        "Every domain is verified.",
    );
    let admin = (
        "Loading admins",
        "The admins",
        "Every admin has a second factor.",
    );
    let client = (
        "Loading clients",
        "The clients",
        "Every active client asks for a second factor.",
    );
    view! {
        <Card title="Needs attention">
            {part(invites, invited, expiring)} {part(domains, domain, unverified)}
            {part(admins, admin, admins_without_mfa)} {part(clients, client, clients_without_mfa)}
        </Card>
    }
}

/// One kind of thing to look at: its rows once loaded.
fn part<T: Clone + 'static>(
    data: LocalResource<Result<T, ApiError>>,
    (loading, what, fine): Words,
    rows: fn(T) -> Vec<Row>,
) -> impl IntoView {
    view! { <ListBody data loading what skeleton_rows=1 rows=move |t: T| list(rows(t), fine) /> }
}

/// The rows, or the sentence that says all is well.
fn list(rows: Vec<Row>, fine: &'static str) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="muted">{fine}</p> }.into_any();
    }
    let item = |(text, href): Row| {
        view! {
            <li>
                <a href=href>{text}</a>
            </li>
        }
    };
    view! { <ul class="attention">{rows.into_iter().map(item).collect_view()}</ul> }.into_any()
}

fn expiring(l: Invites) -> Vec<Row> {
    let now = time::now_secs();
    let row = |i: crate::api::users::PendingInvite| {
        let at = i
            .expires_at
            .as_deref()
            .and_then(time::epoch_secs)
            .unwrap_or(now);
        let text = format!(
            "The invitation of {} expires {}",
            i.email,
            time::relative(at, now)
        );
        (text, admins_path())
    };
    expiring_soon(&l, now).into_iter().map(row).collect()
}

fn unverified(l: Domains) -> Vec<Row> {
    let row = |d: crate::api::domains::Domain| {
        (
            format!("The domain {} is not verified", d.domain),
            Page::Settings.path(),
        )
    };
    l.into_iter().filter(|d| !d.is_verified).map(row).collect()
}

fn admins_without_mfa(l: Admins) -> Vec<Row> {
    let row = |a: crate::api::users::AdminUser| {
        (
            format!("The admin {} has no second factor", a.email),
            admins_path(),
        )
    };
    l.into_iter()
        .filter(|a| !a.has_second_factor())
        .map(row)
        .collect()
}

fn clients_without_mfa(l: Clients) -> Vec<Row> {
    let (named, more) = without_mfa(&l);
    let row = |c: crate::api::clients::Client| {
        let text = format!("The client {} asks for no second factor", c.name);
        (text, Page::Client(&c.id).path())
    };
    let mut rows: Vec<Row> = named.into_iter().map(row).collect();
    if more > 0 {
        let text = format!("{more} more active clients ask for no second factor");
        rows.push((text, clients_path(|s| s.active = Tri::Yes)));
    }
    rows
}
