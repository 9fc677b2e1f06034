//! Step-up (extension, extensions-api.md "Step-up"): the signed-in user proves who they
//! are again, and the server answers a token for the same session with a fresh
//! `auth_time`. The routes that mint lasting credentials or remove a factor answer 401
//! `step_up_required` without one (`http` hands that to the "Confirm it's you" dialog).

use super::http::Api;
use super::retry::Method;
use super::ApiError;
use crate::config::Service;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// How old a proof may be for the routes that want a recent one (five minutes).
pub const RECENT_SECS: i64 = 300;

/// Whether a proof made at `auth_time` is too old at `now` (epoch seconds).
pub fn stale(auth_time: i64, now: i64) -> bool {
    now - auth_time > RECENT_SECS
}

/// The failure of a call the user did not confirm.
pub fn not_confirmed() -> ApiError {
    ApiError::new(
        super::error::ErrorKind::Http,
        401,
        "Nothing was done: this needs you to confirm it's you first.",
    )
}

/// What the user confirms with.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Proof {
    /// The authenticator app's current code.
    Code(Secret),
    /// One of the backup codes (spent by the server).
    BackupCode(Secret),
    /// The password, for an account without a second factor.
    Password(Secret),
}

#[derive(Deserialize)]
struct Renewed {
    access_token: String,
}

/// Sends the proof; the answer is the renewed token.
pub async fn confirm(api: &Api, proof: &Proof) -> Result<String, ApiError> {
    api.send::<_, Renewed>(Method::Post, Service::Uflow, "/step-up", Some(proof))
        .await
        .map(|r| r.access_token)
        .map_err(|mut e| {
            if e.status == 400 {
                e.message = match proof {
                    Proof::Password(_) => {
                        "That password is not right, or this account has a second factor: then confirm with it."
                    }
                    _ => "That code is not right (or was already used).",
                }
                .into();
            } else if e.is_missing_feature() {
                e.message = "This server does not offer a way to confirm it's you.".into();
            }
            e
        })
}

/// The challenge for the user's passkeys (the `publicKey` options for the browser).
pub async fn passkey_challenge(api: &Api) -> Result<serde_json::Value, ApiError> {
    let begin = "/step-up/webauthn/begin";
    let opts: serde_json::Value = api
        .send(
            Method::Post,
            Service::Uflow,
            begin,
            Some(&serde_json::json!({})),
        )
        .await?;
    opts.get("publicKey")
        .cloned()
        .ok_or_else(|| ApiError::decode("publicKey missing"))
}

/// Sends the browser's assertion for that challenge; the answer is the renewed token.
pub async fn passkey_confirm(api: &Api, credential: serde_json::Value) -> Result<String, ApiError> {
    let body = serde_json::json!({ "credential": credential });
    api.send::<_, Renewed>(
        Method::Post,
        Service::Uflow,
        "/step-up/webauthn/finish",
        Some(&body),
    )
    .await
    .map(|r| r.access_token)
    .map_err(|mut e| {
        if e.status == 400 {
            e.message = "The passkey was not accepted. Try again, or use another way.".into();
        }
        e
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proof_older_than_five_minutes_is_stale() {
        assert!(!stale(1_000, 1_000 + 300), "five minutes is still recent");
        assert!(stale(1_000, 1_000 + 301));
    }

    #[test]
    fn a_proof_is_one_field_of_the_step_up_body_and_never_printed() {
        let body = |p: &Proof| serde_json::to_value(p).unwrap();
        assert_eq!(
            body(&Proof::Code("123456".into())),
            serde_json::json!({ "code": "123456" })
        );
        assert_eq!(
            body(&Proof::BackupCode("ABCD-EFGH".into())),
            serde_json::json!({ "backup_code": "ABCD-EFGH" })
        );
        assert_eq!(
            body(&Proof::Password("hunter2".into())),
            serde_json::json!({ "password": "hunter2" })
        );
        let printed = format!("{:?}", Proof::Password("hunter2".into()));
        assert!(!printed.contains("hunter2"), "{printed}");
    }
}
