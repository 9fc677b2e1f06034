//! The profile form: the name and email AuthSec keeps for an end user (its update
//! applies nothing else), checked before sending; only changed fields are sent, and a
//! failure keeps what was typed.

use crate::api::users::{self, EndUser, ProfileBody};
use crate::api::{Api, ApiError};
use crate::auth::AuthContext;
use crate::components::SubmitEnd;
use crate::components::{TextField, Toasts, UnsavedGuard};
use crate::hooks::use_form;
use crate::validate;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub name: String,
    pub email: String,
}

impl Profile {
    pub fn of(u: &EndUser) -> Self {
        Profile {
            name: u.full_name(),
            email: u.email.clone(),
        }
    }

    /// Field messages; empty when the profile can be sent.
    pub fn check(&self) -> BTreeMap<&'static str, String> {
        let mut e = BTreeMap::new();
        if let Some(m) = validate::email(&self.email) {
            e.insert("email", m.to_string());
        }
        if let Some(m) = validate::name(&self.name) {
            e.insert("name", m.to_string());
        }
        e
    }

    /// The update body: only what differs from `before`, trimmed.
    pub fn changes(&self, before: &Profile) -> ProfileBody {
        let diff =
            |now: &str, was: &str| (now.trim() != was.trim()).then(|| now.trim().to_string());
        ProfileBody {
            name: diff(&self.name, &before.name),
            email: diff(&self.email, &before.email),
        }
    }
}

#[component]
pub fn ProfileForm(user: EndUser, #[prop(into)] on_saved: Callback<EndUser>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let before = StoredValue::new(Profile::of(&user));
    let id = StoredValue::new(user.id.clone());
    let p = before.get_value();
    let (name, email) = (RwSignal::new(p.name), RwSignal::new(p.email));
    let typed = move || Profile {
        name: name.get_untracked(),
        email: email.get_untracked(),
    };
    let errors = RwSignal::new(BTreeMap::<&'static str, String>::new());
    // What was last saved (or loaded): the form is dirty while it differs.
    let saved = RwSignal::new(before.get_value());
    let dirty = Memo::new(move |_| {
        let now = Profile {
            name: name.get(),
            email: email.get(),
        };
        saved.with(|s| now.changes(s) != ProfileBody::default())
    });
    let save = use_form(
        move |b: ProfileBody| {
            let (t, id) = (tenant.get_untracked(), id.get_value());
            async move { users::update(&api, &t, &id, &b).await }
        },
        move |u| {
            before.set_value(Profile::of(&u));
            saved.set(Profile::of(&u));
            toasts.success("The profile was saved.");
            on_saved.run(u);
        },
        move |e| show_error(&e, errors),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        let now = typed();
        let problems = now.check();
        save.error.set(None);
        let ok = problems.is_empty();
        errors.set(problems);
        if !ok {
            return;
        }
        let body = now.changes(&before.get_value());
        if body == ProfileBody::default() {
            save.refuse("Nothing has changed.");
            return;
        }
        save.send(body);
    };
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    view! {
        <UnsavedGuard dirty=dirty />
        <form class="stack" on:submit=submit novalidate aria-label="Profile">
            <div class="fields">
                <TextField label="Name" value=name autocomplete="off" error=err("name") />
                <TextField
                    label="Email"
                    value=email
                    input_type="email"
                    autocomplete="off"
                    error=err("email")
                />
            </div>
            <SubmitEnd of=save label="Save profile" busy="Saving…" />
        </form>
    }
}

/// Marks the fields the server named and says why the changes were not saved.
fn show_error(e: &ApiError, errors: RwSignal<BTreeMap<&'static str, String>>) -> String {
    let mut f = BTreeMap::new();
    if e.status == 409 {
        f.insert("email", "Another user already has this email.".to_string());
    }
    for k in ["name", "email"] {
        if let Some(m) = e.field(k) {
            f.insert(k, m.to_string());
        }
    }
    errors.set(f);
    format!("The changes were not saved. {}", e.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_fields_are_sent() {
        let before = Profile {
            name: "Ada L".into(),
            email: "ada@x.io".into(),
        };
        let mut now = before.clone();
        now.name = " Ada Lovelace ".into();
        let b = now.changes(&before);
        assert_eq!(b.name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(b.email, None);
        assert_eq!(before.changes(&before), ProfileBody::default());
        assert_eq!(
            serde_json::to_value(&b).unwrap(),
            serde_json::json!({"name": "Ada Lovelace"}),
            "one name, as AuthSec's update takes it"
        );
    }

    #[test]
    fn checks_email_and_name() {
        let p = Profile {
            email: "bad".into(),
            name: "x".repeat(257),
        };
        assert_eq!(
            p.check().keys().copied().collect::<Vec<_>>(),
            vec!["email", "name"]
        );
    }
}
