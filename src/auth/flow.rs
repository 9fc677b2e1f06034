//! The steps of signing in, apart from any view: the page and the
//! "Sign in again" dialog both drive these.

use super::session::Session;
use super::webauthn;
use crate::api::login::{self, PasswordOk, SecondFactor};
use crate::api::{Api, ApiError};

/// What the user must do after the password step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Factors {
    pub totp: bool,
    pub passkey: bool,
}

impl Factors {
    /// `None` when no second factor is needed.
    pub fn of(ok: &PasswordOk) -> Option<Factors> {
        let totp = ok.methods.iter().any(|m| m == "totp" || m == "backup_code");
        let passkey = ok.methods.iter().any(|m| m == "webauthn" || m == "passkey");
        (ok.mfa_required || totp || passkey).then_some(Factors { totp, passkey })
    }
}

/// A failed step, as the form shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum StepError {
    /// Show at the form, stay on the step.
    Here(String),
    /// The login ticket is spent or expired: start again from the password.
    Restart(String),
}

impl StepError {
    pub fn message(&self) -> &str {
        match self {
            StepError::Here(m) | StepError::Restart(m) => m,
        }
    }
}

/// Sentences for the password step's errors.
pub fn password_error(e: &ApiError) -> String {
    match e.status {
        401 => "The email or password is not right. Check both and try again.".into(),
        403 => format!("{} Check the workspace name.", e.message),
        404 => "No such workspace. Check the workspace name.".into(),
        _ => e.message.clone(),
    }
}

fn ticket_problem(e: &ApiError) -> bool {
    let m = e.message.to_ascii_lowercase();
    m.contains("ticket") || m.contains("expired") || e.status == 410
}

/// Sentences for the second-factor step's errors.
pub fn factor_error(e: &ApiError, backup: bool) -> StepError {
    if ticket_problem(e) {
        return StepError::Restart(
            "That sign-in took too long. Enter your password again to restart.".into(),
        );
    }
    match e.status {
        400 | 401 if backup => {
            StepError::Here("That backup code is not valid or was already used.".into())
        }
        400 | 401 => StepError::Here(
            "That code is not right. Enter the current 6-digit code from your app.".into(),
        ),
        _ => StepError::Here(e.message.clone()),
    }
}

/// Mints the token once every step passed.
pub async fn finish(api: &Api, ok: &PasswordOk, tenant_domain: &str) -> Result<Session, StepError> {
    let token = login::mint_token(api, ok).await.map_err(|e| {
        if ticket_problem(&e) || e.status == 401 {
            StepError::Restart(
                "That sign-in took too long. Enter your password again to restart.".into(),
            )
        } else {
            StepError::Here(e.message.clone())
        }
    })?;
    Session::from_token(&token.access_token, tenant_domain).map_err(StepError::Here)
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

pub async fn with_passkey(api: &Api, ok: &PasswordOk, tenant: &str) -> Result<Session, StepError> {
    let (admin, options) = login::begin_passkey(api, ok)
        .await
        .map_err(|e| factor_error(&e, false))?;
    let credential = webauthn::get(&options)
        .await
        .map_err(|e| StepError::Here(e.message()))?;
    login::finish_passkey(api, ok, admin, credential)
        .await
        .map_err(|e| {
            if ticket_problem(&e) {
                factor_error(&e, false)
            } else {
                StepError::Here(
                    "The passkey was not accepted. Try again, or use another factor.".into(),
                )
            }
        })?;
    finish(api, ok, tenant).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::decode_error;

    fn ok(methods: &[&str], mfa: bool) -> PasswordOk {
        PasswordOk {
            tenant_id: "t".into(),
            tenant_domain: "acme".into(),
            email: "a@acme.test".into(),
            first_login: false,
            mfa_required: mfa,
            methods: methods.iter().map(|s| s.to_string()).collect(),
            login_ticket: "lt".into(),
        }
    }

    #[test]
    fn factors_follow_methods() {
        assert_eq!(Factors::of(&ok(&[], false)), None);
        assert_eq!(
            Factors::of(&ok(&["totp"], true)),
            Some(Factors {
                totp: true,
                passkey: false
            })
        );
        assert_eq!(
            Factors::of(&ok(&["webauthn"], true)),
            Some(Factors {
                totp: false,
                passkey: true
            })
        );
        assert_eq!(
            Factors::of(&ok(&["totp", "webauthn"], true)),
            Some(Factors {
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
        let spent = decode_error(
            400,
            r#"{"error":"login ticket expired or already used"}"#,
            None,
        );
        assert!(matches!(factor_error(&spent, false), StepError::Restart(_)));
        let bad = decode_error(401, r#"{"error":"Invalid credentials"}"#, None);
        assert!(password_error(&bad).contains("email or password"));
    }
}
