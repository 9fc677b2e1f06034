//! One module per routed area.

pub mod account;
pub mod clients;
pub mod login;
pub mod misc;
pub mod shell;
pub mod users;
