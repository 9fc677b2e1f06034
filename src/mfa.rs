//! Pure pieces of the MFA self-service: the `otpauth://` URI, the secret shown
//! in groups of four, the backup codes as a text file, and the TOTP setup's
//! steps as a state machine. Host tests reach all of it.

use crate::secret::Secret;

/// What an `otpauth://totp/…` URI says (RFC 6238 key URI format).
#[derive(Clone, Debug, PartialEq)]
pub struct OtpAuth {
    pub issuer: String,
    pub account: String,
    pub secret: Secret,
    pub algorithm: String,
    pub digits: u32,
    pub period: u32,
}

/// Reads an `otpauth://totp/Issuer:account?secret=…` URI.
pub fn parse_otpauth(uri: &str) -> Result<OtpAuth, String> {
    let rest = uri
        .strip_prefix("otpauth://totp/")
        .ok_or_else(|| "not an otpauth://totp/ URI".to_string())?;
    let (label, query) = rest.split_once('?').unwrap_or((rest, ""));
    let label: String = form_urlencoded::parse(format!("l={label}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let (label_issuer, account) = match label.split_once(':') {
        Some((i, a)) => (i.trim().to_string(), a.trim().to_string()),
        None => (String::new(), label.trim().to_string()),
    };
    let mut o = OtpAuth {
        issuer: label_issuer,
        account,
        secret: Secret::default(),
        algorithm: "SHA1".into(),
        digits: 6,
        period: 30,
    };
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        match k.as_ref() {
            "secret" => o.secret = v.replace(' ', "").to_uppercase().into(),
            "issuer" => o.issuer = v.into_owned(),
            "algorithm" => o.algorithm = v.to_uppercase(),
            "digits" => o.digits = v.parse().map_err(|_| "bad digits".to_string())?,
            "period" => o.period = v.parse().map_err(|_| "bad period".to_string())?,
            _ => {}
        }
    }
    let base32 = |c: char| c.is_ascii_uppercase() || ('2'..='7').contains(&c) || c == '=';
    if o.secret.is_empty() || !o.secret.expose().chars().all(base32) {
        return Err("the URI has no valid base32 secret".into());
    }
    Ok(o)
}

/// "JBSW Y3DP EHPK 3PXP": easier to read and type than one long run.
pub fn group_secret(secret: &str) -> String {
    let clean: Vec<char> = secret
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    clean
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The backup codes as a `.txt` file the user keeps.
pub fn backup_codes_text(app: &str, account: &str, codes: &[String]) -> String {
    let mut out = format!(
        "{app} backup codes for {account}\r\n\
         Each code signs you in once when your authenticator app is not at hand.\r\n\
         Keep them somewhere safe; anyone with a code and your password can sign in.\r\n\r\n"
    );
    for (i, c) in codes.iter().enumerate() {
        out.push_str(&format!("{:>2}. {c}\r\n", i + 1));
    }
    out
}

/// The TOTP setup's steps. Cancel is possible at each one before the codes.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// 1. Asking the server for a new secret (or, after a failure, offering to ask again).
    Begin,
    /// 2. Scan the QR code (or type the secret).
    Scan,
    /// 3. Type the 6-digit code (the confirm call while `confirming`).
    Verify,
    /// 4. The backup codes, until "I have saved them".
    Codes,
    Done,
    Cancelled,
}

/// The setup's state: the step and the message for the current step.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    pub step: Step,
    pub error: Option<String>,
    pub confirming: bool,
    /// The setup cannot be finished (e.g. the server forgot the account): only Restart.
    pub expired: bool,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            step: Step::Begin,
            error: None,
            confirming: false,
            expired: false,
        }
    }
}

impl Setup {
    /// The begin call answered.
    pub fn begun(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.error = None;
                self.step = Step::Scan;
            }
            Err(m) => {
                self.error = Some(m);
                self.step = Step::Begin;
            }
        }
    }

    /// Step 2 → 3.
    pub fn scanned(&mut self) {
        if self.step == Step::Scan {
            self.error = None;
            self.step = Step::Verify;
        }
    }

    /// Step 3 → 2.
    pub fn back(&mut self) {
        if self.step == Step::Verify && !self.confirming {
            self.error = None;
            self.step = Step::Scan;
        }
    }

    /// A typed code: `Some(code)` when it should be sent now (six digits and
    /// nothing in flight). Spaces and dashes from a paste are ignored.
    pub fn code_typed(&mut self, typed: &str) -> Option<String> {
        if self.step != Step::Verify || self.confirming || self.expired {
            return None;
        }
        let code = crate::validate::totp_code(typed)?;
        self.confirming = true;
        self.error = None;
        Some(code)
    }

    /// The confirm call answered: `status` is the HTTP status of a failure.
    pub fn confirmed(&mut self, result: Result<(), (u16, String)>) {
        self.confirming = false;
        match result {
            Ok(()) => {
                self.error = None;
                self.step = Step::Codes;
            }
            Err((404, _)) => {
                self.expired = true;
                self.error = Some("This setup cannot be finished. Start again to get a new QR code.".into());
            }
            Err((400, _)) => {
                self.error = Some(
                    "That code is not right. Check the app shows this account and type the current code."
                        .into(),
                )
            }
            Err((_, m)) => self.error = Some(m),
        }
    }

    /// Step 4 → done.
    pub fn acknowledged(&mut self) {
        if self.step == Step::Codes {
            self.step = Step::Done;
        }
    }

    /// Cancel at any step before the codes (after confirm, the app is on:
    /// the codes must be seen, so there is no cancelling then).
    pub fn cancel(&mut self) -> bool {
        if matches!(self.step, Step::Codes | Step::Done) || self.confirming {
            return false;
        }
        self.step = Step::Cancelled;
        true
    }

    /// The step number shown to the user ("Step 2 of 3").
    pub fn shown_step(&self) -> u8 {
        match self.step {
            Step::Begin | Step::Scan | Step::Cancelled => 1,
            Step::Verify => 2,
            Step::Codes | Step::Done => 3,
        }
    }
}

#[cfg(test)]
mod tests;
