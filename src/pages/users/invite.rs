//! Invite an admin: email, username and names. The result says whether the
//! email went out and when the invitation expires.

use crate::api::users::{self, Invite, Invited};
use crate::api::{Api, ApiError};
use crate::auth::AuthContext;
use crate::components::Button;
use crate::components::{FormEnd, SubmitButton};
use crate::components::{Modal, TextField};
use crate::hooks::use_form;
use crate::time::absolute;
use crate::validate;
use leptos::prelude::*;

/// A message when `s` is not a usable username (3–64 of a-z 0-9 . _ -).
pub fn username_error(s: &str) -> Option<&'static str> {
    let s = s.trim();
    let ok = (3..=64).contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    (!ok).then_some("Use 3 to 64 letters, digits, dots, dashes or underscores.")
}

/// What the admin is told once the invitation exists.
pub fn outcome(i: &Invited) -> String {
    let exp = absolute(&i.expires_at);
    if i.email_sent {
        format!("Invitation sent to {}. It expires {exp}.", i.email)
    } else {
        format!(
            "The invitation for {} was created, but the email could not be sent. Tell them to sign up with this address before {exp}.",
            i.email
        )
    }
}

#[component]
pub fn InviteButton(#[prop(into)] on_invited: Callback<()>) -> impl IntoView {
    let api = Api::expect();
    let tenant = AuthContext::expect().tenant_id();
    let open = RwSignal::new(false);
    let (email, username, first, last) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let errors = RwSignal::new((None::<String>, None::<String>));
    let done = RwSignal::new(None::<String>);
    let send = use_form(
        move |i: Invite| async move { users::invite(&api, &i).await },
        move |i| {
            done.set(Some(outcome(&i)));
            for s in [email, username, first, last] {
                s.set(String::new());
            }
            on_invited.run(());
        },
        move |e| show_error(&e, errors),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let e = validate::email(&email.get_untracked()).map(String::from);
        let u = username_error(&username.get_untracked()).map(String::from);
        errors.set((e.clone(), u.clone()));
        send.error.set(None);
        if e.is_none() && u.is_none() {
            send.send(Invite {
                email: email.get_untracked().trim().to_string(),
                username: username.get_untracked().trim().to_string(),
                first_name: first.get_untracked().trim().to_string(),
                last_name: last.get_untracked().trim().to_string(),
                tenant_id: tenant.get_untracked(),
            });
        }
    };
    let close = Callback::new(move |_| {
        open.set(false);
        done.set(None);
    });
    view! {
        <Button
            class="btn btn--primary"
            keys="n"
            on_click=move || {
                send.error.set(None);
                open.set(true)
            }
        >
            "Invite admin"
        </Button>
        <Modal open=open title="Invite an admin" on_cancel=close>
            <Show
                when=move || done.with(Option::is_none)
                fallback=move || {
                    view! {
                        <p role="status">{move || done.get()}</p>
                        <div class="actions">
                            <button type="button" class="btn" on:click=move |_| done.set(None)>
                                "Invite another"
                            </button>
                            <Button class="btn btn--primary" on_click=move || close.run(())>
                                "Done"
                            </Button>
                        </div>
                    }
                }
            >
                <form class="stack" on:submit=submit novalidate>
                    <TextField
                        label="Email"
                        value=email
                        input_type="email"
                        autocomplete="off"
                        required=true
                        error=Signal::derive(move || errors.with(|e| e.0.clone()))
                    />
                    <TextField
                        label="Username"
                        value=username
                        autocomplete="off"
                        required=true
                        error=Signal::derive(move || errors.with(|e| e.1.clone()))
                    />
                    <TextField label="First name" value=first autocomplete="off" />
                    <TextField label="Last name" value=last autocomplete="off" />
                    <FormEnd error=send.error>
                        <button type="button" class="btn" on:click=move |_| close.run(())>
                            "Cancel"
                        </button>
                        <SubmitButton
                            pending=send.pending()
                            label="Send invitation"
                            busy="Sending…"
                        />
                    </FormEnd>
                </form>
            </Show>
        </Modal>
    }
}

type FieldErrors = RwSignal<(Option<String>, Option<String>)>;

/// Marks the fields the server named; the sentence, unless the email field says it all.
fn show_error(e: &ApiError, errors: FieldErrors) -> Option<String> {
    if e.status == 409 {
        errors.set((
            Some("An admin or user with this email or username already exists.".into()),
            None,
        ));
        return None;
    }
    errors.set((
        e.field("email").map(String::from),
        e.field("username").map(String::from),
    ));
    Some(format!("The invitation was not sent. {}", e.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(username_error("ops.lead-2"), None);
        assert!(username_error("ab").is_some());
        assert!(username_error("has space").is_some());
        assert!(username_error(&"a".repeat(65)).is_some());
    }

    #[test]
    fn the_outcome_says_whether_the_email_went_out() {
        let mut i = Invited {
            email: "new@acme.test".into(),
            expires_at: "2026-12-01T10:00:00Z".into(),
            email_sent: true,
            ..Default::default()
        };
        assert!(outcome(&i).starts_with("Invitation sent to new@acme.test. It expires"));
        i.email_sent = false;
        assert!(outcome(&i).contains("could not be sent"));
    }
}
