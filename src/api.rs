//! The typed AuthSec client: one module per service area; `http` owns base
//! URLs, the bearer token, error decoding and retries.

pub mod access;
pub mod anon;
pub mod apikeys;
pub mod apps;
pub mod claims;
pub mod clients;
pub mod credentials;
pub mod domains;
pub mod error;
pub mod extensions;
#[cfg(test)]
mod fixtures;
pub mod groups;
pub mod http;
pub mod idp;
pub mod login;
pub mod mfa;
pub mod nullable;
pub mod passkeys;
pub mod retry;
pub mod scopes;
pub mod sessions;
pub mod step_up;
pub mod tenant;
pub mod transport;
pub mod unsure;
pub mod url;
pub mod users;

pub use anon::{Anon, Public};
pub use credentials::{Credentials, Reauth};
pub use error::ApiError;
pub use http::Api;
