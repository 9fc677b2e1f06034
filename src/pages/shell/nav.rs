//! The main navigation: admins see every area, end users only their own; an area of an
//! extension service this server turned out to lack is left out.

use crate::api::extensions::Extension;
use crate::api::Api;
use crate::auth::AuthContext;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

/// One area: label, page, and the extension it needs (None: AuthSec itself).
pub type NavItem = (&'static str, Page<'static>, Option<Extension>);

/// The areas a role may open.
pub fn nav_items(is_admin: bool) -> &'static [NavItem] {
    const ADMIN: &[NavItem] = &[
        ("Clients", Page::Clients, None),
        ("Users", Page::Users, None),
        ("Groups", Page::Groups, None),
        ("Roles", Page::Roles, None),
        ("Permissions", Page::Permissions, None),
        ("Scopes", Page::Scopes, None),
        ("Applications", Page::Apps, Some(Extension::Apps)),
        ("Sessions", Page::Sessions, Some(Extension::Sessions)),
        ("API keys", Page::ApiKeys, Some(Extension::ApiKeys)),
        ("Settings", Page::Settings, None),
        ("Security", Page::Security, None),
    ];
    const END_USER: &[NavItem] = &[
        ("Security", Page::Security, None),
        ("Sessions", Page::Sessions, Some(Extension::Sessions)),
    ];
    if is_admin {
        ADMIN
    } else {
        END_USER
    }
}

#[component]
pub fn Nav() -> impl IntoView {
    let auth = AuthContext::expect();
    let extensions = Api::expect().extensions();
    view! {
        <nav class="sidenav" aria-label="Main">
            <ul>
                {move || {
                    nav_items(auth.is_admin())
                        .iter()
                        .filter(|(_, _, ext)| ext.is_none_or(|e| extensions.offered(e)))
                        .map(|(label, page, _)| {
                            view! {
                                <li>
                                    <A href=page.path()>{*label}</A>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::nav_items;

    #[test]
    fn end_users_see_only_their_own_areas() {
        let labels: Vec<_> = nav_items(false).iter().map(|i| i.0).collect();
        assert_eq!(labels, ["Security", "Sessions"]);
        assert_eq!(nav_items(true).len(), 11);
    }
}
