//! The steps of signing in, apart from any view: the page and the
//! "Sign in again" dialog both drive these.

use super::session::Session;
use super::webauthn;
use crate::api::login::{self, PasswordOk, SecondFactor};
use crate::api::mfa;
use crate::api::{Api, ApiError, Public};

/// What the user must do after the password step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AskedFactors {
    pub totp: bool,
    pub passkey: bool,
}

impl AskedFactors {
    /// `None` when the account has no second factor to check. AuthSec names one
    /// method, the account's default (`mfa_method`, `methods`, `webauthn_required`).
    pub fn of(ok: &PasswordOk) -> Option<AskedFactors> {
        let named =
            |m: &str| ok.mfa_method.as_deref() == Some(m) || ok.methods.iter().any(|x| x == m);
        let totp = named("totp") || named("backup_code");
        let passkey = ok.webauthn_required || named("webauthn") || named("passkey");
        (ok.mfa_required || totp || passkey).then_some(AskedFactors {
            totp: totp || !passkey,
            passkey,
        })
    }
}

/// A failed step, as the form shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum StepError {
    /// Show at the form, stay on the step.
    Here(String),
    /// The sign-in can no longer finish: start again from the password.
    Restart(String),
}

impl StepError {
    pub fn message(&self) -> &str {
        match self {
            StepError::Here(m) | StepError::Restart(m) => m,
        }
    }
}

/// Sentences for the password step's errors (AuthSec's texts, authsec-api.md §a).
pub fn password_error(e: &ApiError) -> String {
    let text = e.message.to_ascii_lowercase();
    match e.status {
        401 if text.contains("tenant domain") => {
            "This account does not belong to that workspace. Check the workspace name.".into()
        }
        401 if text.contains("disabled") => {
            "This account is disabled. Ask an admin of your workspace to enable it.".into()
        }
        // The invited admins' route: a lockout, a required reset, an expired invitation.
        401 if ["locked", "reset", "expired"]
            .iter()
            .any(|w| text.contains(w)) =>
        {
            format!(
                "{}. Reset your password with AuthSec's \"Forgot password\".",
                e.message.trim_end_matches('.')
            )
        }
        // A password under AuthSec's 10 characters fails its binding: it cannot be right.
        400 if e.fields.contains_key("password") => {
            "The email or password is not right. Check both and try again.".into()
        }
        401 => "The email or password is not right. Check both and try again.".into(),
        403 => format!("{} Check the workspace name.", e.message),
        404 => "No such workspace. Check the workspace name.".into(),
        _ => e.message.clone(),
    }
}

const RESTART: &str = "That sign-in took too long. Enter your password again to restart.";

/// Sentences for the second-factor step's errors.
pub fn factor_error(e: &ApiError, backup: bool) -> StepError {
    let text = e.message.to_ascii_lowercase();
    match e.status {
        400 if text.contains("not enabled") => StepError::Here(
            "This account has no authenticator app. Use its passkey instead.".into(),
        ),
        400 | 401 if backup => {
            StepError::Here("That backup code is not valid or was already used.".into())
        }
        400 | 401 => StepError::Here(
            "That code is not right. Enter the current 6-digit code from your app.".into(),
        ),
        404 => StepError::Restart(RESTART.into()),
        _ => StepError::Here(e.message.clone()),
    }
}

/// Mints the token once every step passed, then asks the server whether the account is
/// an admin (the token does not say).
pub async fn finish<P: Public>(
    api: &P,
    ok: &PasswordOk,
    tenant_domain: &str,
) -> Result<Session, StepError> {
    let token = login::mint_token(api, ok).await.map_err(|e| {
        if e.status == 401 {
            StepError::Restart(RESTART.into())
        } else {
            StepError::Here(e.message.clone())
        }
    })?;
    open_session(api, &token.access_token, tenant_domain)
        .await
        .map_err(StepError::Here)
}

/// What an invited admin's sign-in leads to: the token AuthSec gave for an account
/// without a factor, or (with a factor) the sentence for the case AuthSec cannot serve.
pub async fn invited<P: Public>(
    api: &P,
    ok: &PasswordOk,
    tenant_domain: &str,
) -> Result<Session, String> {
    match &ok.token {
        Some(token) => open_session(api, token.expose(), tenant_domain)
            .await
            .map(Session::invited),
        None => Err(INVITED_WITH_FACTOR.into()),
    }
}

/// AuthSec checks an invited admin's factor nowhere that would give them a token.
pub const INVITED_WITH_FACTOR: &str = "This account is an invited admin with two-factor sign-in turned on, and this AuthSec server has no route that signs such accounts in. The workspace owner can still sign in and manage the workspace.";

/// A session for a token the server minted or the user pasted: its claims, and the
/// admin probe's answer.
pub async fn open_session<P: Public>(
    api: &P,
    token: &str,
    tenant_domain: &str,
) -> Result<Session, String> {
    let token = token.trim();
    // Claims first: a pasted string that is no token never reaches the server.
    Session::from_token(token, tenant_domain, false)?;
    let admin = login::is_admin(api, token)
        .await
        .map_err(|e| match e.status {
            401 => "The server did not accept this sign-in. Sign in again.".to_string(),
            _ => e.message,
        })?;
    Session::from_token(token, tenant_domain, admin)
}

pub async fn with_code(
    api: &Api,
    ok: &PasswordOk,
    tenant: &str,
    factor: SecondFactor,
) -> Result<Session, StepError> {
    let backup = matches!(factor, SecondFactor::BackupCode(_));
    login::verify_code(api, ok, &factor)
        .await
        .map_err(|e| factor_error(&e, backup))?;
    finish(api, ok, tenant).await
}

/// AuthSec's passkey rows refuse origins other than its own domains (authsec-api.md §1.12).
fn passkey_error(e: &ApiError, fallback: &str) -> StepError {
    match e.status {
        400 if e.message.contains("origin") => StepError::Here(
            "Passkeys do not work from this address: the server accepts them only on its own domains."
                .into(),
        ),
        404 | 500 => StepError::Here(fallback.into()),
        _ => StepError::Here(e.message.clone()),
    }
}

pub async fn with_passkey(api: &Api, ok: &PasswordOk, tenant: &str) -> Result<Session, StepError> {
    let options = login::begin_passkey(api, ok)
        .await
        .map_err(|e| passkey_error(&e, "This account has no passkey. Use another factor."))?;
    let credential = webauthn::get(&options)
        .await
        .map_err(|e| StepError::Here(e.message()))?;
    login::finish_passkey(api, ok, credential)
        .await
        .map_err(|_| {
            StepError::Here(
                "The passkey was not accepted. Try again, or use another factor.".into(),
            )
        })?;
    finish(api, ok, tenant).await
}

/// A first sign-in (or one with no factor yet) with a new passkey: register it in the
/// account's realm; the caller then signs in with it ([`with_passkey`]), as AuthSec's own
/// console does.
pub async fn register_passkey(api: &Api, ok: &PasswordOk) -> Result<(), StepError> {
    let who = ok.account();
    let options = mfa::passkey_registration(api, &who, None)
        .await
        .map_err(|e| passkey_error(&e, "A passkey cannot be added for this account."))?;
    let credential = webauthn::create(&options)
        .await
        .map_err(|e| StepError::Here(e.message()))?;
    mfa::passkey_registration(api, &who, Some(credential))
        .await
        .map(|_| ())
        .map_err(|e| StepError::Here(format!("The passkey was not saved. {}", e.message)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::decode_error;

    fn ok(methods: &[&str], mfa: bool) -> PasswordOk {
        PasswordOk {
            realm: Default::default(),
            tenant_id: "t".into(),
            tenant_domain: "acme".into(),
            email: "a@acme.test".into(),
            first_login: false,
            otp_required: !mfa,
            webauthn_required: methods.contains(&"webauthn"),
            mfa_required: mfa,
            mfa_method: methods.first().map(|m| m.to_string()),
            methods: methods.iter().map(|s| s.to_string()).collect(),
            token: None,
            password_change_required: false,
            invited: false,
        }
    }

    #[test]
    fn factors_follow_methods() {
        assert_eq!(AskedFactors::of(&ok(&[], false)), None);
        assert_eq!(
            AskedFactors::of(&ok(&["totp"], true)),
            Some(AskedFactors {
                totp: true,
                passkey: false
            })
        );
        assert_eq!(
            AskedFactors::of(&ok(&["webauthn"], true)),
            Some(AskedFactors {
                totp: false,
                passkey: true
            })
        );
        assert_eq!(
            AskedFactors::of(&ok(&["totp", "webauthn"], true)),
            Some(AskedFactors {
                totp: true,
                passkey: true
            })
        );
    }

    #[test]
    fn error_sentences() {
        let wrong = decode_error(400, r#"{"error":"invalid TOTP code"}"#, None);
        assert!(matches!(factor_error(&wrong, false), StepError::Here(m) if m.contains("6-digit")));
        assert!(
            matches!(factor_error(&wrong, true), StepError::Here(m) if m.contains("backup code"))
        );
        let gone = decode_error(404, r#"{"error":"client not found"}"#, None);
        assert!(matches!(factor_error(&gone, false), StepError::Restart(_)));
        let bad = decode_error(401, r#"{"error":"Invalid credentials"}"#, None);
        assert!(password_error(&bad).contains("email or password"));
        let domain = decode_error(401, r#"{"error":"Invalid tenant domain"}"#, None);
        assert!(password_error(&domain).contains("workspace"));
        let off = decode_error(401, r#"{"error":"Account is disabled"}"#, None);
        assert!(password_error(&off).contains("disabled"));
        let short = decode_error(
            400,
            r#"{"error":"Key: 'LoginInput.Password' Error:Field validation for 'Password' failed on the 'min' tag"}"#,
            None,
        );
        assert!(password_error(&short).contains("email or password"));
    }
}
