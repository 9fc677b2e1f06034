//! `/` for admins: the workspace at a glance. Every card is its own small request (or
//! AuthSec's one list where it has no count), in parallel, each with its own loading and
//! failure state, so no figure waits for another. Figures link to their filtered list.

mod attention;
pub mod model;

use crate::api::clients::{self, ClientPage};
use crate::api::users::{self, EndUser, UserPage};
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

pub(super) type Admins = Vec<users::AdminUser>;
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
    /// What Retry asks for again when `data` is cut from another resource (default:
    /// `data` itself).
    #[prop(default = None)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView
where
    T: Clone + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let on_retry = on_retry.unwrap_or_else(|| Callback::new(move |_| data.refetch()));
    view! {
        <section class="card overview__card" aria-label=title>
            <h2>{title}</h2>
            <ListBody data loading what skeleton_rows=1 rows on_retry />
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

/// The first page (100, newest first) of the active end users and of the inactive ones:
/// their totals are the End users card, their rows the start of the second-factor share.
type FirstPages = (UserPage<EndUser>, UserPage<EndUser>);

async fn end_user_first(api: Api, tenant: String) -> Result<FirstPages, ApiError> {
    let page = |active| users::end_user_page(&api, &tenant, active, 1, 100);
    let (on, off) = futures::join!(page(true), page(false));
    Ok((on?, off?))
}

/// The second factors of the newest end users: the first pages, then up to
/// [`MFA_PAGES`] pages of each state, all in parallel.
async fn end_user_mfa(api: Api, tenant: String, first: FirstPages) -> Result<MfaSample, ApiError> {
    let state = |first: UserPage<EndUser>, active: bool| {
        let tenant = tenant.clone();
        async move {
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
    let (on, off) = futures::join!(state(first.0, true), state(first.1, false));
    Ok(on?.and(off?))
}

/// A card with two figures, the active ones and the inactive ones, each linking to its
/// filtered list. `on_retry`: see [`FigureCard`].
fn two_figures(
    (title, loading, subject): Names,
    data: LocalResource<Result<(u64, u64), ApiError>>,
    hrefs: fn(bool) -> String,
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let rows = move |(on, off): (u64, u64)| {
        view! {
            <ul class="stats">
                {figure(on as usize, "active", hrefs(true))}
                {figure(off as usize, "inactive", hrefs(false))}
            </ul>
        }
    };
    view! { <FigureCard title loading what=subject data rows on_retry /> }
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    let t = move || tenant.get_untracked();
    let first = LocalResource::new(move || end_user_first(api, t()));
    // The End users card and the share are cut from `first`: their Retry asks for it again
    // (both follow it), not for their own copy of its failure.
    let retry_first = Callback::new(move |_| first.refetch());
    let end_users = LocalResource::new(move || async move {
        let (on, off) = first.await?;
        Ok((on.total, off.total))
    });
    let end_user_mfa =
        LocalResource::new(move || async move { end_user_mfa(api, t(), first.await?).await });
    let admins = LocalResource::new(move || async move { users::admins(&api).await });
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
                Some(retry_first),
            )}
            {two_figures(
                ("Clients", "Loading clients", "The clients"),
                clients,
                |on| clients_path(|s| s.active = if on { Tri::Yes } else { Tri::No }),
                None,
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
            <Adoption end_users=end_user_mfa admins retry_end_users=retry_first />
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
    admins: LocalResource<Result<Admins, ApiError>>,
    /// Retry of the end users' share: it is cut from the overview's first pages.
    #[prop(into)]
    retry_end_users: Callback<()>,
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
            on_retry=retry_end_users
        />
        <ListBody
            data=admins
            loading="Loading admins"
            what="The admins"
            skeleton_rows=1
            rows=move |l: Admins| {
                let on = l.iter().filter(|a| a.has_second_factor()).count();
                bar("Admins", on, l.len(), share(on, l.len()))
            }
        />
    }
}
