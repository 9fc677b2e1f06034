//! A timestamp as people read it: "3 hours ago", the exact time on hover.

use crate::time::{absolute, epoch_secs, now_secs, relative};
use leptos::prelude::*;

/// "3 hours ago" with the exact time on hover; "Never" when absent.
pub fn when(ts: Option<&str>) -> impl IntoView {
    match ts.and_then(|t| epoch_secs(t).map(|s| (t, s))) {
        Some((t, s)) => view! {
            <time datetime=t.to_string() title=absolute(t)>
                {relative(s, now_secs())}
            </time>
        }
        .into_any(),
        None => view! { <span class="muted">"Never"</span> }.into_any(),
    }
}
