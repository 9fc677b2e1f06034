//! Shared widgets.

pub mod chip_input;
pub mod confirm;
pub mod copy_button;
pub mod field;
pub mod modal;
pub mod pager;
pub mod secret_dialog;
pub mod sign_in;
pub mod toast;

pub use chip_input::ChipInput;
pub use confirm::ConfirmDialog;
pub use copy_button::CopyButton;
pub use field::TextField;
pub use modal::Modal;
pub use pager::Pager;
pub use secret_dialog::SecretDialog;
pub use sign_in::SignIn;
pub use toast::{ToastRegion, Toasts};
