//! The main navigation: admins see every area, end users only their own.

use crate::auth::AuthContext;
use leptos::prelude::*;
use leptos_router::components::A;

/// `(label, path)` of each area a role may open.
pub fn nav_items(is_admin: bool) -> &'static [(&'static str, &'static str)] {
    const ADMIN: &[(&str, &str)] = &[
        ("Clients", "/clients"),
        ("Users", "/users"),
        ("Applications", "/apps"),
        ("Sessions", "/sessions"),
        ("API keys", "/api-keys"),
        ("Security", "/account/security"),
    ];
    const END_USER: &[(&str, &str)] =
        &[("Security", "/account/security"), ("Sessions", "/sessions")];
    if is_admin {
        ADMIN
    } else {
        END_USER
    }
}

#[component]
pub fn Nav() -> impl IntoView {
    let auth = AuthContext::expect();
    view! {
        <nav class="sidenav" aria-label="Main">
            <ul>
                {move || {
                    nav_items(auth.is_admin())
                        .iter()
                        .map(|(label, path)| view! { <li><A href=*path>{*label}</A></li> })
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
