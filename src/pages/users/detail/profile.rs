//! The profile form: names, email and phone, checked before sending; only
//! changed fields are sent, and a failure keeps what was typed.

use crate::api::users::{self, EndUser, ProfileBody};
use crate::api::{Api, ApiError};
use crate::auth::AuthContext;
use crate::components::{TextField, Toasts, UnsavedGuard};
use crate::validate;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
}

impl Profile {
    pub fn of(u: &EndUser) -> Self {
        Profile {
            first_name: u.first_name.clone(),
            last_name: u.last_name.clone(),
            email: u.email.clone(),
            phone: u.phone.clone().unwrap_or_default(),
        }
    }

    /// Field messages; empty when the profile can be sent.
    pub fn check(&self) -> BTreeMap<&'static str, String> {
        let mut e = BTreeMap::new();
        if let Some(m) = validate::email(&self.email) {
            e.insert("email", m.to_string());
        }
        if let Some(m) = validate::phone(&self.phone) {
            e.insert("phone", m.to_string());
        }
        for (k, v) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
        ] {
            if let Some(m) = validate::name(v) {
                e.insert(k, m.to_string());
            }
        }
        e
    }

    /// The update body: only what differs from `before`, trimmed.
    pub fn changes(&self, before: &Profile) -> ProfileBody {
        let diff =
            |now: &str, was: &str| (now.trim() != was.trim()).then(|| now.trim().to_string());
        ProfileBody {
            first_name: diff(&self.first_name, &before.first_name),
            last_name: diff(&self.last_name, &before.last_name),
            email: diff(&self.email, &before.email),
            phone: diff(&self.phone, &before.phone),
        }
    }
}

#[component]
pub fn ProfileForm(user: EndUser, on_saved: Callback<EndUser>) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let tenant = AuthContext::expect().tenant_id();
    let before = StoredValue::new(Profile::of(&user));
    let id = StoredValue::new(user.id.clone());
    let p = before.get_value();
    let (first, last, email, phone) = (
        RwSignal::new(p.first_name),
        RwSignal::new(p.last_name),
        RwSignal::new(p.email),
        RwSignal::new(p.phone),
    );
    let typed = move || Profile {
        first_name: first.get_untracked(),
        last_name: last.get_untracked(),
        email: email.get_untracked(),
        phone: phone.get_untracked(),
    };
    let errors = RwSignal::new(BTreeMap::<&'static str, String>::new());
    let form_error = RwSignal::new(None::<String>);
    let save = Action::new_local(move |b: &ProfileBody| {
        let (b, t, id) = (b.clone(), tenant.get_untracked(), id.get_value());
        async move { users::update(&api, &t, &id, &b).await }
    });
    // What was last saved (or loaded): the form is dirty while it differs.
    let saved = RwSignal::new(before.get_value());
    let dirty = Memo::new(move |_| {
        let now = Profile {
            first_name: first.get(),
            last_name: last.get(),
            email: email.get(),
            phone: phone.get(),
        };
        saved.with(|s| now.changes(s) != ProfileBody::default())
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(u)) => {
            save.value().set(None);
            before.set_value(Profile::of(&u));
            saved.set(Profile::of(&u));
            toasts.success("The profile was saved.");
            on_saved.try_run(u);
        }
        Some(Err(e)) => show_error(&e, errors, form_error),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        let now = typed();
        let problems = now.check();
        form_error.set(None);
        let ok = problems.is_empty();
        errors.set(problems);
        if !ok {
            return;
        }
        let body = now.changes(&before.get_value());
        if body == ProfileBody::default() {
            form_error.set(Some("Nothing has changed.".into()));
            return;
        }
        save.dispatch(body);
    };
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    view! {
        <UnsavedGuard dirty=dirty />
        <form class="stack" on:submit=submit novalidate aria-label="Profile">
            <div class="fields">
                <TextField label="First name" value=first autocomplete="off" error=err("first_name") />
                <TextField label="Last name" value=last autocomplete="off" error=err("last_name") />
                <TextField label="Email" value=email input_type="email" autocomplete="off" error=err("email") />
                <TextField label="Phone" value=phone input_type="tel" autocomplete="off" error=err("phone") />
            </div>
            <p class="alert" role="alert" hidden=move || form_error.with(Option::is_none)>{move || form_error.get()}</p>
            <div class="actions">
                <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { "Saving…" } else { "Save profile" }}
                </button>
            </div>
        </form>
    }
}

fn show_error(
    e: &ApiError,
    errors: RwSignal<BTreeMap<&'static str, String>>,
    form_error: RwSignal<Option<String>>,
) {
    let mut f = BTreeMap::new();
    if e.status == 409 {
        f.insert("email", "Another user already has this email.".to_string());
    }
    for k in ["first_name", "last_name", "email", "phone"] {
        if let Some(m) = e.field(k) {
            f.insert(k, m.to_string());
        }
    }
    errors.set(f);
    form_error.set(Some(format!("The changes were not saved. {}", e.message)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_fields_are_sent() {
        let before = Profile {
            first_name: "Ada".into(),
            last_name: "L".into(),
            email: "ada@x.io".into(),
            phone: String::new(),
        };
        let mut now = before.clone();
        now.last_name = " Lovelace ".into();
        now.phone = "+44 20 7946 0958".into();
        let b = now.changes(&before);
        assert_eq!(b.last_name.as_deref(), Some("Lovelace"));
        assert_eq!(b.phone.as_deref(), Some("+44 20 7946 0958"));
        assert_eq!((b.first_name, b.email), (None, None));
        assert_eq!(before.changes(&before), ProfileBody::default());
    }

    #[test]
    fn checks_email_phone_and_names() {
        let p = Profile {
            email: "bad".into(),
            phone: "12".into(),
            first_name: "x".repeat(257),
            ..Default::default()
        };
        assert_eq!(
            p.check().keys().copied().collect::<Vec<_>>(),
            vec!["email", "first_name", "phone"]
        );
    }
}
