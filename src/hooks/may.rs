//! Whether the signed-in admin's roles allow an action, asked once per page of AuthSec's
//! policy check (what its `Require(resource, action)` on the route will ask): a control
//! the roles do not allow is not shown. The principal is the token's `sub`, which AuthSec's
//! middleware also takes as the caller's user id (`middlewares/auth.go:580-586`).
//!
//! ```ignore
//! let may_delete = use_may("users", "delete");
//! view! { <Show when=move || may_delete.get() == Some(true)> <Button …>"Delete"</Button> </Show> }
//! ```

use crate::api::{access, Api};
use crate::auth::AuthContext;
use leptos::prelude::*;

/// `None` while AuthSec is asked; `Some(false)` when it says no. A check that fails (an
/// older server without the route, a network error) counts as allowed: the server still
/// decides, and its 403 is explained where the control is used.
pub fn use_may(resource: &'static str, action: &'static str) -> Signal<Option<bool>> {
    let api = Api::expect();
    let session = AuthContext::expect().session();
    let me = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.claims.sub.clone())));
    let answer = LocalResource::new(move || {
        let me = me.get();
        async move {
            match me {
                Some(me) => access::may(&api, &me, resource, action)
                    .await
                    .unwrap_or(true),
                None => false,
            }
        }
    });
    Signal::derive(move || answer.get())
}
