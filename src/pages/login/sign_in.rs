//! The sign-in steps as one widget: the page uses it, and so does the
//! "Sign in again" dialog (with the email and workspace locked).

pub(crate) mod enrol;
pub(crate) mod second_factor;

use super::steps;
use crate::api::login::PasswordOk;
use crate::api::{login, Api};
use crate::auth::flow::{self, AskedFactors, StepError};
use crate::auth::start::Typed;
use crate::auth::{AuthContext, Session};
use crate::chunks::Lazy;
use crate::components::SubmitButton;
use crate::components::TextField;
use crate::validate;
use leptos::prelude::*;

/// What a step after the password is given: the password step's answer, the workspace,
/// and where it reports.
#[derive(Clone)]
pub struct FactorStep {
    pub ok: PasswordOk,
    pub tenant: String,
    pub on_signed_in: Callback<Session>,
    /// Told of a spent sign-in (`StepError::Restart`) so the caller restarts.
    pub on_error: Callback<StepError>,
    pub on_back: Callback<()>,
}

/// Field messages of the first step.
#[derive(Clone, Default, PartialEq)]
pub(crate) struct Errors {
    pub workspace: Option<String>,
    pub email: Option<String>,
    pub password: Option<String>,
}

pub(crate) fn check(workspace: &str, email: &str, password: &str) -> Errors {
    Errors {
        workspace: validate::required(workspace, "your workspace"),
        email: validate::email(email).map(str::to_string),
        password: validate::required(password, "your password"),
    }
}

#[component]
pub fn SignIn(
    /// The first step's heading; `None` inside a dialog that has its own.
    #[prop(optional)]
    title: Option<&'static str>,
    /// `(email, workspace)` to re-authenticate a known user.
    #[prop(optional)]
    locked: Option<(String, String)>,
    #[prop(into)] on_signed_in: Callback<Session>,
    /// What was typed into the first load's form (`crate::first_load`).
    #[prop(optional_no_strip)]
    typed: Option<Typed>,
    /// The first load's password step passed: start at the factor's step.
    #[prop(optional_no_strip)]
    after_password: Option<PasswordOk>,
) -> impl IntoView {
    let api = Api::expect();
    let auth = AuthContext::expect();
    let is_locked = locked.is_some();
    let (locked_email, locked_ws) = locked.unwrap_or_default();
    let (first_ws, first_email) = match (is_locked, typed) {
        (true, _) => (locked_ws, locked_email.clone()),
        (false, Some(t)) => (t.workspace, t.email),
        (false, None) => (api.config().tenant_domain, String::new()),
    };
    let workspace = RwSignal::new(first_ws);
    let email = RwSignal::new(first_email);
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Errors::default());
    let alert = RwSignal::new(None::<String>);
    // After the password: the factor to check, or (None) one to enrol first.
    let step = RwSignal::new(after_password.map(|ok| {
        let factors = AskedFactors::of(&ok);
        (ok, factors)
    }));

    let submit = Action::new_unsync(move |_: &()| async move {
        let (ws, em, pw) = (
            workspace.get_untracked(),
            email.get_untracked(),
            password.get_untracked(),
        );
        let (ws, em) = (ws.trim().to_string(), em.trim().to_string());
        match login::password(&api, &em, &pw, &ws).await {
            Err(e) => alert.set(Some(flow::password_error(&e))),
            Ok(ok) if ok.invited => match flow::invited(&api, &ok, &ws).await {
                Ok(session) => auth.accept(session, on_signed_in),
                Err(m) => alert.set(Some(m)),
            },
            Ok(ok) => {
                alert.set(None);
                let factors = AskedFactors::of(&ok);
                step.set(Some((ok, factors)));
            }
        }
    });
    let pending = submit.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let errs = check(
            &workspace.get_untracked(),
            &email.get_untracked(),
            &password.get_untracked(),
        );
        let valid = errs == Errors::default();
        errors.set(errs);
        if valid {
            alert.set(None);
            submit.dispatch(());
        }
    };
    // The second-factor step reports back: a session, or a spent ticket.
    let on_factor_error = Callback::new(move |e: StepError| {
        if let StepError::Restart(m) = e {
            step.set(None);
            password.set(String::new());
            alert.set(Some(m));
        }
    });
    let err = move |f: fn(&Errors) -> Option<String>| Signal::derive(move || errors.with(f));

    view! {
        <Show
            when=move || step.with(Option::is_none)
            fallback=move || {
                let (ok, factors) = step.get().expect("second-factor step");
                let next = FactorStep {
                    ok,
                    tenant: workspace.get_untracked(),
                    on_signed_in,
                    on_error: on_factor_error,
                    on_back: Callback::new(move |_| step.set(None)),
                };
                match factors {
                    Some(f) => {
                        view! { <Lazy load=move || steps::second_factor(next.clone(), f) /> }
                            .into_any()
                    }
                    None => view! { <Lazy load=move || steps::enrol(next.clone()) /> }.into_any(),
                }
            }
        >
            <form class="stack" novalidate on:submit=on_submit>
                {title.map(|t| view! { <h1>{t}</h1> })}
                {move || {
                    alert
                        .get()
                        .map(|m| {
                            view! {
                                <p class="alert" role="alert">
                                    {m}
                                </p>
                            }
                        })
                }}
                {if is_locked {
                    view! {
                        <p class="muted">"Signed in as " <strong>{locked_email.clone()}</strong></p>
                    }
                        .into_any()
                } else {
                    view! {
                        <TextField
                            label="Workspace"
                            value=workspace
                            error=err(|e| e.workspace.clone())
                            autocomplete="organization"
                            required=true
                        />
                        <TextField
                            label="Email"
                            value=email
                            error=err(|e| e.email.clone())
                            input_type="email"
                            autocomplete="username"
                            required=true
                        />
                    }
                        .into_any()
                }}
                <TextField
                    label="Password"
                    value=password
                    error=err(|e| e.password.clone())
                    input_type="password"
                    autocomplete="current-password"
                    required=true
                    autofocus=is_locked
                />
                <SubmitButton pending=pending label="Sign in" busy="Signing in…" />
            </form>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn first_step_checks_every_field() {
        let e = check("", "nope", "");
        assert!(e.workspace.is_some() && e.email.is_some() && e.password.is_some());
        assert!(check("acme", "admin@acme.test", "x").workspace.is_none());
    }
}
