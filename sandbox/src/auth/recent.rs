//! Step-up (extended profile, extensions-api.md "Step-up"): the routes that mint lasting
//! credentials or remove a factor take a [`Recent`] caller, one whose sign-in or last
//! step-up is at most `--step-up-seconds` old. Anyone else (an older token, an API key)
//! gets 401 `{"error": "step_up_required"}` and proves who they are at `POST /step-up`.

use std::ops::Deref;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde_json::json;

use super::Caller;
use crate::config::{Args, Feature};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::util::now;

/// A caller who proved who they are recently enough for a step-up route.
pub struct Recent(pub Caller);

impl Deref for Recent {
    type Target = Caller;
    fn deref(&self) -> &Caller {
        &self.0
    }
}

/// The refusal that asks the console for its "Confirm it's you" dialog.
pub fn step_up_required() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        json!({ "error": "step_up_required" }),
    )
}

/// Whether `auth_time` is within `window_s` seconds of `now_s`.
fn is_recent(auth_time: Option<i64>, window_s: u64, now_s: i64) -> bool {
    auth_time.is_some_and(|t| now_s - t <= window_s as i64)
}

impl Caller {
    /// Refuses unless this caller proved who they are within `--step-up-seconds` (an API
    /// key never has), where the server offers step-up.
    pub fn require_recent(&self, cfg: &Args) -> ApiResult<()> {
        let recent = || is_recent(self.auth_time, cfg.step_up_seconds, now().timestamp());
        if !cfg.enabled(Feature::StepUp) || (self.api_key.is_none() && recent()) {
            Ok(())
        } else {
            Err(step_up_required())
        }
    }
}

impl FromRequestParts<AppState> for Recent {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        caller.require_recent(&state.cfg)?;
        Ok(Recent(caller))
    }
}

#[cfg(test)]
mod tests {
    use super::is_recent;

    #[test]
    fn a_proof_counts_for_the_window_and_no_longer() {
        assert!(is_recent(Some(1_000), 300, 1_300));
        assert!(!is_recent(Some(1_000), 300, 1_301));
        assert!(
            !is_recent(None, 300, 1_000),
            "a token without auth_time never counts"
        );
    }
}
