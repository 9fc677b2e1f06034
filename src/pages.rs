//! One module per routed area.

pub mod access;
pub mod account;
pub mod api_keys;
pub mod apps;
pub mod clients;
pub mod groups;
pub mod login;
pub mod misc;
pub mod overview;
pub mod sessions;
pub mod settings;
pub mod shell;
pub mod users;
