//! Hooks: reactive helpers a component calls once and keeps (`use_*` returning a
//! small `Copy` struct, as leptos-use does). They own no markup; widgets live in
//! `components`.

pub mod cell_labels;
pub mod confirmed;
pub mod debounce;
pub mod form;
pub mod keyed_fetch;
pub mod list_url;
pub mod may;
pub mod search_source;
pub mod selection;
pub mod submit;

pub use cell_labels::use_cell_labels;
pub use confirmed::{use_confirmed, Confirmed};
pub use debounce::{use_debounce, Debounce, DEBOUNCE_MS};
pub use form::{use_form, FormSend, FormStatus, Sender};
pub use keyed_fetch::{from_answer, keyed_fetch};
pub use list_url::{ListUrl, Search, UrlState};
pub use may::use_may;
pub use search_source::{use_search_source, SearchSource};
pub use selection::{Pick, Selection};
pub use submit::use_submit;
