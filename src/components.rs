//! Shared widgets.

pub mod field;
pub mod modal;
pub mod sign_in;
pub mod toast;

pub use field::TextField;
pub use modal::Modal;
pub use sign_in::SignIn;
pub use toast::{ToastRegion, Toasts};
