//! The save cycle both provider forms share: check the draft here (and that its key is
//! free), mark the fields and focus the first one, send once, then close with what to
//! announce, or say in a sentence why not with everything typed kept.

use super::field::failure;
use super::rules::Errors;
use crate::api::ApiError;
use crate::components::focus_first_invalid;
use crate::hooks::use_submit;
use leptos::prelude::*;
use std::future::Future;

/// What a send ends in: the provider's name, or a sentence saying why the form stays open.
pub type Sent = Result<String, String>;

pub struct ProviderSave<D: 'static> {
    pub errors: RwSignal<Errors>,
    pub form_error: RwSignal<Option<String>>,
    action: Action<D, Result<Sent, ApiError>>,
    adding: bool,
    keys: Signal<Vec<String>>,
    check: fn(&D, bool) -> Errors,
    key: fn(&D) -> &str,
}

impl<D> Clone for ProviderSave<D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D> Copy for ProviderSave<D> {}

/// `send` adds or saves the draft; `check` and `key` read it.
pub fn use_provider_save<D, Fut>(
    adding: bool,
    keys: Signal<Vec<String>>,
    on_done: Callback<Option<String>>,
    check: fn(&D, bool) -> Errors,
    key: fn(&D) -> &str,
    send: impl Fn(&D) -> Fut + 'static,
) -> ProviderSave<D>
where
    Fut: Future<Output = Result<Sent, ApiError>> + 'static,
{
    let errors = RwSignal::new(Errors::new());
    let form_error = RwSignal::new(None::<String>);
    let action = use_submit(
        send,
        move |sent: Sent| match sent {
            Ok(n) if adding => on_done.run(Some(format!("The provider {n} was added."))),
            Ok(n) => on_done.run(Some(format!("The provider {n} was saved."))),
            Err(why) => form_error.set(Some(why)),
        },
        move |e: ApiError| {
            let lead = if adding {
                "The provider was not added"
            } else {
                "The provider was not saved"
            };
            form_error.set(Some(failure(lead, &e)));
        },
    );
    ProviderSave {
        errors,
        form_error,
        action,
        adding,
        keys,
        check,
        key,
    }
}

impl<D: Send + Sync + 'static> ProviderSave<D> {
    pub fn pending(&self) -> Memo<bool> {
        self.action.pending()
    }

    /// Checks `d` and sends it unless something is wrong or a send is under way.
    pub fn submit(&self, d: D) {
        let mut e = (self.check)(&d, self.adding);
        let key = (self.key)(&d).to_string();
        if self.adding && self.keys.with_untracked(|k| k.contains(&key)) {
            e.insert(
                "provider_name",
                "This workspace already has a provider with this key.".into(),
            );
        }
        let ok = e.is_empty();
        self.errors.set(e);
        if !ok {
            focus_first_invalid();
        } else if !self.action.pending().get_untracked() {
            self.form_error.set(None);
            self.action.dispatch(d);
        }
    }
}
