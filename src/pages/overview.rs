//! `/` for admins: the workspace at a glance. Every card is its own small request (or
//! AuthSec's one list where it has no count), in parallel, each with its own loading and
//! failure state, so no figure waits for another. Figures link to their filtered list.

mod attention;
pub mod model;

use crate::api::clients::{self, ClientPage};
use crate::api::login::Realm;
use crate::api::mfa::{self, Account};
use crate::api::users::{self, AdminUser};
use crate::api::{access, domains, groups, Api, ApiError};
use crate::auth::AuthContext;
use crate::components::Card;
use crate::components::ListBody;
use crate::hooks::list_url::Tri;
use crate::pages::clients::list_path as clients_path;
use crate::pages::users::{admins_path, list_path as users_path};
use crate::routes::Page;
use attention::NeedsAttention;
use futures::future::join_all;
use leptos::prelude::*;
use model::{share, MfaSample, MFA_PAGES};

/// Each admin and whether they have a second factor.
pub(super) type Admins = Vec<(AdminUser, bool)>;
pub(super) type Invites = Vec<users::PendingInvite>;
pub(super) type Domains = Vec<domains::Domain>;
pub(super) type Clients = Vec<clients::Client>;

/// One figure: the number, what it counts, where the list is.
fn figure(n: usize, what: &'static str, href: String) -> impl IntoView {
    view! {
        <li>
            <a class="stat" href=href>
                <strong class="stat__n">{n}</strong>
                <span class="stat__what">{what}</span>
            </a>
        </li>
    }
}

/// A card whose figures come from one request.
#[component]
fn FigureCard<T, R, V>(
    title: &'static str,
    data: LocalResource<Result<T, ApiError>>,
    /// The skeleton's accessible name: "Loading end users".
    loading: &'static str,
    /// The failure sentence's subject: "The end users".
    what: &'static str,
    rows: R,
) -> impl IntoView
where
    T: Clone + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <section class="card overview__card" aria-label=title>
            <h2>{title}</h2>
            <ListBody data loading what skeleton_rows=1 rows />
        </section>
    }
}

/// The words of a card: its title, its skeleton's name, its failure's subject.
type Names = (&'static str, &'static str, &'static str);

/// A card with one figure: what `count` finds in the list, linking to `href`.
fn one_figure<T: Clone + Send + Sync + 'static>(
    (title, loading, subject): Names,
    data: LocalResource<Result<Vec<T>, ApiError>>,
    count: fn(&[T]) -> usize,
    what: &'static str,
    href: fn() -> String,
) -> impl IntoView {
    let rows = move |l: Vec<T>| view! { <ul class="stats">{figure(count(&l), what, href())}</ul> };
    view! { <FigureCard title loading what=subject data rows /> }
}

/// A card with one figure: how many the list holds.
fn counted<T: Clone + Send + Sync + 'static>(
    names: Names,
    data: LocalResource<Result<Vec<T>, ApiError>>,
    what: &'static str,
    href: fn() -> String,
) -> impl IntoView {
    one_figure(names, data, <[T]>::len, what, href)
}

/// Two counts side by side: the active ones and the inactive ones.
async fn two_counts<F, Fut>(count: F) -> Result<(u64, u64), ApiError>
where
    F: Fn(bool) -> Fut,
    Fut: std::future::Future<Output = Result<u64, ApiError>>,
{
    let (on, off) = futures::join!(count(true), count(false));
    Ok((on?, off?))
}

/// Active and inactive clients: two totals of `getClients` (one row each).
async fn client_counts(api: Api, tenant: String) -> Result<(u64, u64), ApiError> {
    two_counts(|on| {
        let active = if on { Tri::Yes } else { Tri::No };
        let q = crate::pages::clients::list_state::ListState {
            active,
            ..Default::default()
        }
        .api_query(1, 1);
        let tenant = tenant.clone();
        async move {
            let page: ClientPage = clients::list(&api, &tenant, &q).await?;
            Ok(page.pagination.total)
        }
    })
    .await
}

/// Active and inactive end users: two totals of AuthSec's paged end-user list.
async fn end_user_counts(api: Api, tenant: String) -> Result<(u64, u64), ApiError> {
    two_counts(|active| {
        let tenant = tenant.clone();
        async move {
            Ok(users::end_user_page(&api, &tenant, active, 1, 1)
                .await?
                .total)
        }
    })
    .await
}

/// The second factors of the newest end users: [`MFA_PAGES`] pages of the active ones
/// and of the inactive ones, the pages of each state in parallel.
async fn end_user_mfa(api: Api, tenant: String) -> Result<MfaSample, ApiError> {
    let state = |active: bool| {
        let tenant = tenant.clone();
        async move {
            let first = users::end_user_page(&api, &tenant, active, 1, 100).await?;
            let mut s = MfaSample {
                total: first.total,
                ..Default::default()
            };
            s.add(&first.users);
            let pages = (2..=first.total_pages.min(MFA_PAGES))
                .map(|p| users::end_user_page(&api, &tenant, active, p, 100));
            for page in join_all(pages).await {
                s.add(&page?.users);
            }
            Ok::<_, ApiError>(s)
        }
    };
    let (on, off) = futures::join!(state(true), state(false));
    Ok(on?.and(off?))
}

/// A card with two figures, the active ones and the inactive ones, each linking to its
/// filtered list.
fn two_figures(
    (title, loading, subject): Names,
    data: LocalResource<Result<(u64, u64), ApiError>>,
    hrefs: fn(bool) -> String,
) -> impl IntoView {
    let rows = move |(on, off): (u64, u64)| {
        view! {
            <ul class="stats">
                {figure(on as usize, "active", hrefs(true))}
                {figure(off as usize, "inactive", hrefs(false))}
            </ul>
        }
    };
    view! { <FigureCard title loading what=subject data rows /> }
}

/// Each admin and whether they have a second factor (AuthSec answers per account).
async fn admins_mfa(api: Api, tenant: String) -> Result<Vec<(AdminUser, bool)>, ApiError> {
    let admins = users::admins(&api).await?;
    let checks = admins.iter().map(|a| {
        let who = Account {
            realm: Realm::Admin,
            email: a.email.clone(),
            tenant_id: tenant.clone(),
        };
        async move { mfa::enrolled(&api, &who).await }
    });
    let found = join_all(checks).await;
    admins
        .into_iter()
        .zip(found)
        .map(|(a, e)| e.map(|e| (a, e.totp || e.passkey)))
        .collect()
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    let t = move || tenant.get_untracked();
    let end_users = LocalResource::new(move || end_user_counts(api, t()));
    let end_user_mfa = LocalResource::new(move || end_user_mfa(api, t()));
    let admins = LocalResource::new(move || admins_mfa(api, t()));
    let clients = LocalResource::new(move || client_counts(api, t()));
    let invites = LocalResource::new(move || async move { users::pending_invites(&api).await });
    let groups = LocalResource::new(move || async move { groups::list(&api).await });
    let roles = LocalResource::new(move || async move { access::roles(&api).await });
    let domains = LocalResource::new(move || async move { domains::list(&api).await });
    let open_clients = LocalResource::new(move || {
        let t = t();
        async move { clients::all_active(&api, &t).await }
    });
    view! {
        <h1>"Overview"</h1>
        <div class="overview">
            {two_figures(
                ("End users", "Loading end users", "The end users"),
                end_users,
                |on| users_path(|s| s.status = if on { "active" } else { "inactive" }.into()),
            )}
            {two_figures(
                ("Clients", "Loading clients", "The clients"),
                clients,
                |on| clients_path(|s| s.active = if on { Tri::Yes } else { Tri::No }),
            )} {counted(("Admins", "Loading admins", "The admins"), admins, "admins", admins_path)}
            {counted(
                ("Pending invitations", "Loading invitations", "The invitations"),
                invites,
                "pending",
                admins_path,
            )}
            {counted(
                ("Groups", "Loading groups", "The groups"),
                groups,
                "groups",
                || Page::Groups.path(),
            )}
            {counted(
                ("Roles", "Loading roles", "The roles"),
                roles,
                "roles",
                || Page::Roles.path(),
            )}
            {one_figure(
                ("Domains", "Loading domains", "The domains"),
                domains,
                |l| l.iter().filter(|d| !d.is_verified).count(),
                "not verified",
                || Page::Settings.path(),
            )}
        </div>
        <Card title="Second factor adoption">
            <Adoption end_users=end_user_mfa admins />
        </Card>
        <Card
            title="Sign-ins over time"
            lead="AuthSec keeps no sign-in history the console can read, so there is no chart here."
        />
        <NeedsAttention admins invites domains clients=open_clients />
    }
}

/// The share of end users and of admins with a second factor: a meter and the numbers.
#[component]
fn Adoption(
    end_users: LocalResource<Result<MfaSample, ApiError>>,
    admins: LocalResource<Result<Vec<(AdminUser, bool)>, ApiError>>,
) -> impl IntoView {
    let bar = |label: &'static str, part: usize, whole: usize, words: String| {
        view! {
            <div class="adoption">
                <span class="adoption__label">{label}</span>
                <meter min="0" max=whole.max(1) as f64 value=part as f64 aria-label=label></meter>
                <span>{words}</span>
            </div>
        }
    };
    view! {
        <ListBody
            data=end_users
            loading="Loading end users"
            what="The end users"
            skeleton_rows=1
            rows=move |s: MfaSample| bar("End users", s.with_mfa, s.read, s.words())
        />
        <ListBody
            data=admins
            loading="Loading admins"
            what="The admins"
            skeleton_rows=1
            rows=move |l: Admins| {
                let on = l.iter().filter(|(_, on)| *on).count();
                bar("Admins", on, l.len(), share(on, l.len()))
            }
        />
    }
}
