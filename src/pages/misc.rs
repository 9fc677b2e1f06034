//! Small pages: not found, not allowed, and areas still to be built.

use crate::auth::AuthContext;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <main id="main" class="content narrow">
            <h1>"Page not found"</h1>
            <p>
                "There is nothing at this address. It may have moved, or the link may be mistyped."
            </p>
            <A href=Page::Home.path()>"Go to the console"</A>
        </main>
    }
}

/// Shows `children` to admins and a plain sentence to everyone else.
#[component]
pub fn AdminOnly(children: ChildrenFn) -> impl IntoView {
    let auth = AuthContext::expect();
    view! {
        <Show
            when=move || auth.is_admin()
            fallback=|| {
                view! {
                    <h1>"Not available"</h1>
                    <p>
                        "This area is for workspace admins. Your own security settings and sessions are in the menu."
                    </p>
                }
            }
        >
            {children()}
        </Show>
    }
}
