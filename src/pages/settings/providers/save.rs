//! The save cycle both provider forms share: check the draft here (and that its key is
//! free), mark the fields and focus the first one, send once, then close with what to
//! announce, or say in a sentence why not with everything typed kept.

use super::field::failure;
use super::rules::Errors;
use crate::api::ApiError;
use crate::components::focus_first_invalid;
use crate::hooks::{use_form, FormSend};
use leptos::prelude::*;
use std::future::Future;

/// What a send ends in: the provider's name, or a sentence saying why the form stays open.
pub type Sent = Result<String, String>;

/// Why a send did not end in a saved provider: AuthSec refused it, or it saved it where
/// the form cannot show it (the sentence says where).
#[derive(Clone)]
pub enum Refused {
    Api(ApiError),
    Said(String),
}

pub struct ProviderSave<D: 'static> {
    pub errors: RwSignal<Errors>,
    pub send: FormSend<D>,
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
    send: impl Fn(D) -> Fut + 'static,
) -> ProviderSave<D>
where
    D: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<Sent, ApiError>> + 'static,
{
    let errors = RwSignal::new(Errors::new());
    let send = use_form(
        move |d: D| {
            let sent = send(d);
            async move {
                match sent.await {
                    Ok(Ok(name)) => Ok(name),
                    Ok(Err(why)) => Err(Refused::Said(why)),
                    Err(e) => Err(Refused::Api(e)),
                }
            }
        },
        move |n: String| {
            on_done.run(Some(if adding {
                format!("The provider {n} was added.")
            } else {
                format!("The provider {n} was saved.")
            }))
        },
        move |r: Refused| match r {
            Refused::Said(why) => why,
            Refused::Api(e) if adding => failure("The provider was not added", &e),
            Refused::Api(e) => failure("The provider was not saved", &e),
        },
    );
    ProviderSave {
        errors,
        send,
        adding,
        keys,
        check,
        key,
    }
}

impl<D: Clone + Send + Sync + 'static> ProviderSave<D> {
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
        if ok {
            self.send.send(d);
        } else {
            focus_first_invalid();
        }
    }
}
