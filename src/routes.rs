//! Every page's path, in one place. The route table (`app`), the nav, the signed-out
//! check and every link build theirs from here; ids are always escaped.
//!
//! ```ignore
//! view! { <A href=Page::Client(&c.id).path()>{name}</A> }
//! navigate(&Page::Users.path(), Default::default());
//! ```

use crate::url::segment;

/// The path segments, shared by [`Page::path`], [`Page::parse`] and the route table.
pub mod seg {
    pub const LOGIN: &str = "login";
    pub const CLIENTS: &str = "clients";
    pub const USERS: &str = "users";
    pub const APPS: &str = "apps";
    pub const API_KEYS: &str = "api-keys";
    pub const SESSIONS: &str = "sessions";
    pub const ACCOUNT: &str = "account";
    pub const SECURITY: &str = "security";
    pub const NEW: &str = "new";
    pub const IMPORT: &str = "import";
    pub const ACCESS: &str = "access";
    pub const GROUPS: &str = "groups";
    pub const ROLES: &str = "roles";
    pub const PERMISSIONS: &str = "permissions";
    pub const SETTINGS: &str = "settings";
    pub const SCOPES: &str = "scopes";
    /// The route table's name for an id segment.
    pub const ID: &str = "id";
}

/// A page of the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    Home,
    Login,
    Clients,
    NewClient,
    Client(&'a str),
    Users,
    NewUser,
    ImportUsers,
    User(&'a str),
    Apps,
    NewApp,
    App(&'a str),
    ApiKeys,
    Sessions,
    Security,
    Groups,
    Group(&'a str),
    Roles,
    NewRole,
    Role(&'a str),
    Permissions,
    Scopes,
    Settings,
}

impl Page<'_> {
    /// The page's path; an id is escaped as one segment. (Literal paths, not built from
    /// [`seg`]: this is in the first load, where every formatting call costs bytes; the
    /// round-trip test keeps them equal to what [`Page::parse`] reads.)
    pub fn path(&self) -> String {
        let (base, id) = match *self {
            Page::Home => ("/", None),
            Page::Login => ("/login", None),
            Page::Clients => ("/clients", None),
            Page::NewClient => ("/clients/new", None),
            Page::Client(id) => ("/clients/", Some(id)),
            Page::Users => ("/users", None),
            Page::NewUser => ("/users/new", None),
            Page::ImportUsers => ("/users/import", None),
            Page::User(id) => ("/users/", Some(id)),
            Page::Apps => ("/apps", None),
            Page::NewApp => ("/apps/new", None),
            Page::App(id) => ("/apps/", Some(id)),
            Page::ApiKeys => ("/api-keys", None),
            Page::Sessions => ("/sessions", None),
            Page::Security => ("/account/security", None),
            Page::Groups => ("/groups", None),
            Page::Group(id) => ("/groups/", Some(id)),
            Page::Roles => ("/access/roles", None),
            Page::NewRole => ("/access/roles/new", None),
            Page::Role(id) => ("/access/roles/", Some(id)),
            Page::Permissions => ("/access/permissions", None),
            Page::Scopes => ("/access/scopes", None),
            Page::Settings => ("/settings", None),
        };
        let mut out = base.to_string();
        if let Some(id) = id {
            out.push_str(&segment(id));
        }
        out
    }

    /// The page a browser path names (a trailing slash allowed), `None` for any other path.
    /// Ids come back escaped, as they are in the path.
    pub fn parse(path: &str) -> Option<Page<'_>> {
        use seg::*;
        let segs: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
        Some(match segs.as_slice() {
            [] => Page::Home,
            [LOGIN] => Page::Login,
            [SESSIONS] => Page::Sessions,
            [API_KEYS] => Page::ApiKeys,
            [ACCOUNT, SECURITY] => Page::Security,
            [CLIENTS] => Page::Clients,
            [USERS] => Page::Users,
            [APPS] => Page::Apps,
            [CLIENTS, NEW] => Page::NewClient,
            [USERS, NEW] => Page::NewUser,
            [USERS, IMPORT] => Page::ImportUsers,
            [APPS, NEW] => Page::NewApp,
            [CLIENTS, id] if !id.is_empty() => Page::Client(id),
            [USERS, id] if !id.is_empty() => Page::User(id),
            [APPS, id] if !id.is_empty() => Page::App(id),
            [GROUPS] => Page::Groups,
            [GROUPS, id] if !id.is_empty() => Page::Group(id),
            [ACCESS, ROLES] => Page::Roles,
            [ACCESS, PERMISSIONS] => Page::Permissions,
            [ACCESS, SCOPES] => Page::Scopes,
            [SETTINGS] => Page::Settings,
            [ACCESS, ROLES, NEW] => Page::NewRole,
            [ACCESS, ROLES, id] if !id.is_empty() => Page::Role(id),
            _ => return None,
        })
    }

    /// Where a user lands after sign-in when no `?next=` says otherwise.
    pub fn home_of(is_admin: bool) -> Page<'static> {
        if is_admin {
            Page::Home
        } else {
            Page::Security
        }
    }

    /// Where a fresh sign-in leads: `next` (the sign-in's `?next=`) when it is a console
    /// page, else the home page.
    pub fn after_sign_in(next: Option<&str>, is_admin: bool) -> String {
        crate::validate::next_path(next).unwrap_or_else(|| Page::home_of(is_admin).path())
    }
}

/// The console's pages behind the sign-in (everything but `/login`): a signed-out visitor
/// to one of them is sent to the sign-in, to any other path "Page not found".
pub fn is_console_path(path: &str) -> bool {
    Page::parse(path).is_some_and(|p| p != Page::Login)
}

/// The sign-in page, coming back to `here` (a path with its query) afterwards.
pub fn login_then(here: &str) -> String {
    if here == Page::Home.path() || here.is_empty() {
        return Page::Login.path();
    }
    let next: String = form_urlencoded::byte_serialize(here.as_bytes()).collect();
    format!("{}?next={next}", Page::Login.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn console_paths_are_known_without_the_route_table() {
        for p in [
            "/",
            "/clients",
            "/clients/",
            "/clients/new",
            "/clients/c-1",
            "/users/import",
            "/users/u1",
            "/apps/a1",
            "/api-keys",
            "/sessions",
            "/account/security",
            "/users//",
            "/access/roles",
            "/groups",
            "/groups/g-1",
            "/access/roles/new",
            "/access/roles/r-1",
            "/access/permissions",
        ] {
            assert!(is_console_path(p), "{p}");
        }
        for p in [
            "/no/such/page",
            "/clients/1/2",
            "/account",
            "/keys",
            "/login/x",
            "/login",
            "/access",
            "/access/permissions/p-1",
        ] {
            assert!(!is_console_path(p), "{p}");
        }
    }

    #[test]
    fn ids_are_escaped_and_paths_read_back() {
        assert_eq!(Page::User("a b/c").path(), "/users/a%20b%2Fc");
        assert_eq!(Page::Client("c-1").path(), "/clients/c-1");
        for p in [
            Page::Home,
            Page::Login,
            Page::Clients,
            Page::NewClient,
            Page::Client("c-1"),
            Page::Users,
            Page::NewUser,
            Page::ImportUsers,
            Page::User("u-1"),
            Page::Apps,
            Page::NewApp,
            Page::App("a1"),
            Page::ApiKeys,
            Page::Sessions,
            Page::Security,
            Page::Groups,
            Page::Group("g-1"),
            Page::Roles,
            Page::NewRole,
            Page::Role("r-1"),
            Page::Permissions,
            Page::Scopes,
            Page::Settings,
        ] {
            assert_eq!(Page::parse(&p.path()), Some(p), "{p:?}");
        }
    }

    #[test]
    fn the_sign_in_remembers_where_the_visitor_was() {
        assert_eq!(login_then("/"), "/login");
        assert_eq!(
            login_then("/clients?page=2"),
            "/login?next=%2Fclients%3Fpage%3D2"
        );
    }
}
