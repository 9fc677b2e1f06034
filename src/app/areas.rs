//! One `chunk!` per routed page, grouped into one wasm chunk per area: the first
//! visit to an area fetches its chunk, later pages of the area are already there.

use crate::chunks::chunk;
use crate::pages::access::detail::RoleDetailPage;
use crate::pages::access::new::NewRolePage;
use crate::pages::access::permissions::PermissionsPage;
use crate::pages::access::scopes::ScopesPage;
use crate::pages::access::RolesPage;
use crate::pages::account::SecurityPage;
use crate::pages::api_keys::ApiKeysPage;
use crate::pages::apps::detail::AppDetailPage;
use crate::pages::apps::new::NewAppPage;
use crate::pages::apps::AppsPage;
use crate::pages::clients::detail::ClientDetailPage;
use crate::pages::clients::new::NewClientPage;
use crate::pages::clients::ClientsPage;
use crate::pages::groups::detail::GroupDetailPage;
use crate::pages::groups::GroupsPage;
use crate::pages::overview::OverviewPage;
use crate::pages::sessions::SessionsPage;
use crate::pages::settings::SettingsPage;
use crate::pages::users::detail::UserDetailPage;
use crate::pages::users::import::ImportPage;
use crate::pages::users::new::NewUserPage;
use crate::pages::users::UsersPage;
use leptos::prelude::*;

// Everything after the sign-in form: the first load is only the form itself.
chunk!(signed_in: fn signed_in() => view! { <super::SignedInRoutes /> });
chunk!(overview: fn overview() => view! { <OverviewPage /> });
chunk!(clients: fn clients() => view! { <ClientsPage /> });
chunk!(clients: fn new_client() => view! { <NewClientPage /> });
chunk!(clients: fn client_detail() => view! { <ClientDetailPage /> });
chunk!(users: fn users() => view! { <UsersPage /> });
chunk!(users: fn new_user() => view! { <NewUserPage /> });
chunk!(users: fn import_users() => view! { <ImportPage /> });
chunk!(users: fn user_detail() => view! { <UserDetailPage /> });
chunk!(apps: fn apps() => view! { <AppsPage /> });
chunk!(apps: fn new_app() => view! { <NewAppPage /> });
chunk!(apps: fn app_detail() => view! { <AppDetailPage /> });
chunk!(api_keys: fn api_keys() => view! { <ApiKeysPage /> });
chunk!(sessions: fn sessions() => view! { <SessionsPage /> });
chunk!(account: fn security() => view! { <SecurityPage /> });
chunk!(access: fn roles() => view! { <RolesPage /> });
chunk!(access: fn new_role() => view! { <NewRolePage /> });
chunk!(access: fn role_detail() => view! { <RoleDetailPage /> });
chunk!(access: fn permissions() => view! { <PermissionsPage /> });
chunk!(access: fn scopes() => view! { <ScopesPage /> });
chunk!(access: fn groups() => view! { <GroupsPage /> });
chunk!(access: fn group_detail() => view! { <GroupDetailPage /> });
chunk!(access: fn settings() => view! { <SettingsPage /> });
