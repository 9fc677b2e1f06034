//! What a page shows when its data could not be loaded: a sentence naming
//! what failed and why, and a Retry button.

use crate::api::ApiError;
use leptos::prelude::*;

/// "The users could not be loaded. <reason>", or `not_found` for a 404.
pub fn load_failed_text(what: &str, e: &ApiError, not_found: Option<&str>) -> String {
    match not_found {
        Some(m) if e.status == 404 => m.to_string(),
        _ => format!("{what} could not be loaded. {}", e.message),
    }
}

#[component]
pub fn LoadFailed(
    /// What failed, as the sentence's subject: "The users".
    what: &'static str,
    error: ApiError,
    #[prop(into)] on_retry: Callback<()>,
    /// The sentence for a 404 (a detail page's missing item).
    #[prop(optional)]
    not_found: Option<&'static str>,
    /// A load is running (this one again, or the next page's): Retry waits for it
    /// instead of queueing another.
    #[prop(optional, into)]
    busy: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <p>{load_failed_text(what, &error, not_found)}</p>
            <button
                type="button"
                class="btn"
                disabled=move || busy.get()
                aria-busy=move || busy.get().to_string()
                on:click=move |_| on_retry.run(())
            >
                "Retry"
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_failed_and_why() {
        let e = crate::api::error::decode_error(503, r#"{"error":"Service unavailable"}"#, None);
        assert!(
            load_failed_text("The users", &e, None).starts_with("The users could not be loaded. ")
        );
        let nf = crate::api::error::decode_error(404, r#"{"error":"User not found"}"#, None);
        assert_eq!(
            load_failed_text("The user", &nf, Some("This user does not exist.")),
            "This user does not exist."
        );
    }
}
