//! Sign-in flow and the in-memory session.

pub mod context;
pub mod flow;
pub mod session;
pub mod siblings;
pub mod start;
pub mod tabs;
pub mod webauthn;

pub use context::AuthContext;
pub use session::Session;
