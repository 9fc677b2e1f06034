//! A secret the console holds for a moment: a client secret or an API key shown once, a
//! temporary password, a TOTP secret, a password or code on its way to the server.
//!
//! Its `Debug` prints `[redacted]`, so a type that holds one derives `Debug` and a stray
//! `{:?}` (a log line, a panic message) cannot leak it. It reads and writes JSON as the
//! plain string. The page that shows it asks for it by name: [`Secret::expose`].
//!
//! ```
//! use authsec_console::secret::Secret;
//!
//! #[derive(Debug)]
//! struct Rotated {
//!     client_id: String,
//!     client_secret: Secret,
//! }
//! let r = Rotated { client_id: "c1".into(), client_secret: "s3cr3t".into() };
//! assert!(!format!("{r:?}").contains("s3cr3t"));
//! assert_eq!(r.client_secret.expose(), "s3cr3t");
//! ```
//!
//! Not the `secrecy` crate: its `SecretString` has no `PartialEq` or `Serialize` (the
//! console compares answers in tests and sends passwords in JSON bodies), and nothing
//! here outlives the page that shows it, so zeroizing buys nothing.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// The secret itself, for the one place that shows or sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The secret as a plain string, for the page that shows it.
    pub fn reveal(self) -> String {
        self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl PartialEq<&str> for Secret {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret(s)
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret(s.to_string())
    }
}
