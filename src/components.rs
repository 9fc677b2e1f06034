//! Shared widgets.

pub mod avatar;
pub mod chip_input;
pub mod confirm;
pub mod confirmed;
pub mod copy_button;
pub mod download;
pub mod field;
pub mod keyed_fetch;
pub mod list_url;
pub mod modal;
pub mod pager;
pub mod qr;
pub mod search_input;
pub mod secret_dialog;
pub mod sign_in;
pub mod skeleton;
pub mod toast;
pub mod when;

pub use avatar::Avatar;
pub use chip_input::ChipInput;
pub use confirm::ConfirmDialog;
pub use confirmed::{use_confirmed, Confirmed};
pub use copy_button::CopyButton;
pub use download::download_csv;
pub use field::TextField;
pub use keyed_fetch::keyed_fetch;
pub use list_url::{ListUrl, UrlState};
pub use modal::Modal;
pub use pager::Pager;
pub use qr::Qr;
pub use search_input::SearchInput;
pub use secret_dialog::SecretDialog;
pub use sign_in::SignIn;
pub use skeleton::TableSkeleton;
pub use toast::{ToastRegion, Toasts};
pub use when::when;
