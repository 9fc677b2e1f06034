//! The main navigation: admins see every area, end users only their own; an area of an
//! extension service this server turned out to lack is left out.

use crate::api::extensions::{Extension, Extensions};
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
        ("Overview", Page::Home, None),
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

/// The areas the signed-in user sees now: their role's, less the extension services
/// this server lacks (reactive: the services are asked after the sign-in). Taken from
/// the context in a component, then read anywhere, event handlers included.
#[derive(Clone, Copy)]
pub struct Areas {
    auth: AuthContext,
    extensions: Extensions,
}

impl Areas {
    pub fn expect() -> Self {
        Areas {
            auth: AuthContext::expect(),
            extensions: Api::expect().extensions(),
        }
    }

    pub fn visible(self) -> impl Iterator<Item = &'static NavItem> {
        nav_items(self.auth.is_admin())
            .iter()
            .filter(move |(_, _, ext)| ext.is_none_or(|e| self.extensions.offered(e)))
    }
}

#[component]
pub fn Nav() -> impl IntoView {
    let areas = Areas::expect();
    view! {
        <nav class="sidenav" aria-label="Main">
            <ul>
                {move || {
                    areas
                        .visible()
                        .map(|(label, page, _)| {
                            view! {
                                <li>
                                    <A href=page.path() exact=*page == Page::Home>
                                        {*label}
                                    </A>
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
        assert_eq!(nav_items(true).len(), 12);
    }
}
