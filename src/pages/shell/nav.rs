//! The main navigation: admins see every area, end users only their own; an area of an
//! extension service this server turned out to lack is left out.

use crate::api::extensions::Extension;
use crate::api::Api;
use crate::auth::AuthContext;
use leptos::prelude::*;
use leptos_router::components::A;

/// One area: label, path, and the extension it needs (None: AuthSec itself).
pub type NavItem = (&'static str, &'static str, Option<Extension>);

/// The areas a role may open.
pub fn nav_items(is_admin: bool) -> &'static [NavItem] {
    const ADMIN: &[NavItem] = &[
        ("Clients", "/clients", None),
        ("Users", "/users", None),
        ("Applications", "/apps", Some(Extension::Apps)),
        ("Sessions", "/sessions", Some(Extension::Sessions)),
        ("API keys", "/api-keys", Some(Extension::ApiKeys)),
        ("Security", "/account/security", None),
    ];
    const END_USER: &[NavItem] = &[
        ("Security", "/account/security", None),
        ("Sessions", "/sessions", Some(Extension::Sessions)),
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
                        .map(|(label, path, _)| view! { <li><A href=*path>{*label}</A></li> })
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
        assert_eq!(nav_items(true).len(), 6);
    }
}
