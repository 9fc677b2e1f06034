//! Shared widgets.

pub mod avatar;
pub mod backup_codes;
pub mod chip_input;
pub mod confirm;
pub mod copy_button;
pub mod download;
pub mod field;
pub mod load_failed;
pub mod modal;
pub mod pager;
pub mod qr;
pub mod search_input;
pub mod secret_dialog;
pub mod skeleton;
pub mod toast;
pub mod totp_setup;
pub mod unsaved;
pub mod when;

pub use avatar::Avatar;
pub use chip_input::ChipInput;
pub use confirm::ConfirmDialog;
pub use copy_button::CopyButton;
pub use download::download_csv;
pub use field::TextField;
pub use load_failed::LoadFailed;
pub use modal::Modal;
pub use pager::Pager;
pub use qr::Qr;
pub use search_input::SearchInput;
pub use secret_dialog::SecretDialog;
pub use skeleton::TableSkeleton;
pub use toast::{ToastRegion, Toasts};
pub use totp_setup::TotpSetup;
pub use unsaved::UnsavedGuard;
pub use when::when;
