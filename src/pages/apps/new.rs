//! `/apps/new`: the stepped create form (basics, first client, login
//! preferences, domains, then a review). Back and forward keep every value;
//! each step is checked before the next; the client secret is shown once.

use super::fields::{Kind, Section, FIELDS, METHODS};
use super::form_view::SectionFields;
use super::model::{create_body, is_on, read, template, validate, Form};
use crate::api::unsure::{Made, Once};
use crate::api::{apps, Api, ApiError};
use crate::components::Button;
use crate::components::Crumbs;
use crate::components::FormEnd;
use crate::components::{SecretDialog, Toasts, UnsavedGuard};
use crate::hooks::use_form;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;

/// The review step comes after the four sections.
const REVIEW: usize = 4;

/// The messages of the fields in `section` only.
pub fn section_errors(form: &Form, section: Section) -> BTreeMap<&'static str, String> {
    validate(form)
        .into_iter()
        .filter(|(k, _)| FIELDS.iter().any(|f| f.key == *k && f.section == section))
        .collect()
}

/// "Label: value" lines of a section for the review (secrets masked).
pub fn summary(form: &Form, section: Section) -> Vec<String> {
    let mut out = Vec::new();
    if section == Section::Login {
        let on: Vec<&str> = METHODS
            .iter()
            .filter(|(g, _)| is_on(form, g))
            .map(|(_, l)| *l)
            .collect();
        out.push(format!(
            "Sign-in methods: {}",
            if on.is_empty() {
                "none".to_string()
            } else {
                on.join(", ")
            }
        ));
    }
    for f in FIELDS
        .iter()
        .filter(|f| f.section == section && f.kind != Kind::Toggle)
    {
        if f.group.is_some_and(|g| !is_on(form, g)) {
            continue;
        }
        let v = form.get(f.key).map(String::as_str).unwrap_or("").trim();
        if v.is_empty() {
            continue;
        }
        let shown = match f.kind {
            Kind::Secret => "••••••••".to_string(),
            Kind::Bool => if v == "true" { "yes" } else { "no" }.to_string(),
            _ => v.replace('\n', ", "),
        };
        out.push(format!("{}: {shown}", f.label));
    }
    out
}

#[component]
pub fn NewAppPage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let navigate = use_navigate();
    let step = RwSignal::new(0usize);
    let form = RwSignal::new(read(&template()));
    let errors = RwSignal::new(BTreeMap::new());
    let secret = RwSignal::new(None::<String>);
    let created = RwSignal::new(None::<(String, String)>);
    let once = Once::default();
    let go_to = navigate.clone();
    let create = use_form(
        move |body: serde_json::Value| {
            let once = once.clone();
            async move { Ok((apps::create(&api, &body, &once).await?, body)) }
        },
        move |(made, body)| {
            let name = apps::text(&body, "app_name").to_string();
            match made {
                Made::Answered(app) => {
                    created.set(Some((apps::text(&app, "app_id").to_string(), name)));
                    secret.set(Some(apps::text(&app, "client_secret").to_string()));
                }
                Made::Found(id) => {
                    created.set(Some((id.clone(), name.clone())));
                    toasts.error(format!(
                        "{name} was created, but the answer, with its client secret, was lost on the way, and the secret cannot be shown again. If you need it, delete the application and create it anew."
                    ));
                    go_to(&Page::App(&id).path(), Default::default());
                }
            }
        },
        move |e: ApiError| e.sentence("The application was not created"),
    );
    let go = move |to: usize| {
        let from = step.get_untracked();
        if to > from && from < REVIEW {
            // Forward only past a valid step; back is always allowed.
            let e = form.with_untracked(|f| section_errors(f, Section::ALL[from]));
            let ok = e.is_empty();
            errors.set(e);
            if !ok {
                return;
            }
        }
        create.error.set(None);
        step.set(to);
    };
    let submit = move |_| {
        let e = form.with_untracked(validate);
        if let Some(first) = Section::ALL.iter().position(|s| {
            e.keys()
                .any(|k| FIELDS.iter().any(|f| f.key == *k && f.section == *s))
        }) {
            errors.set(e);
            step.set(first);
            return;
        }
        create.send(form.with_untracked(create_body));
    };
    let blank = read(&template());
    let dirty = Memo::new(move |_| created.with(Option::is_none) && form.with(|f| *f != blank));
    let on_stored = Callback::new(move |_| {
        if let Some((id, name)) = created.get_untracked() {
            toasts.success(format!("{name} was created."));
            navigate(&Page::App(&id).path(), Default::default());
        }
    });
    view! {
        <UnsavedGuard dirty=dirty />
        <Crumbs up=Page::Apps up_label="Applications" here="New application" />
        <ol class="steps steps--nav" aria-label="Steps">
            {Section::ALL
                .iter()
                .map(|s| s.label())
                .chain(["Review"])
                .enumerate()
                .map(|(i, label)| {
                    view! {
                        <li aria-current=move || (step.get() == i).then_some("step")>
                            <Button
                                class="btn btn--link"
                                disabled=move || { i > step.get() + 1 }
                                on_click=move || go(i)
                            >
                                {label}
                            </Button>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <section class="card stack" aria-live="polite">
            {move || {
                let s = step.get();
                if s < REVIEW {
                    let section = Section::ALL[s];
                    view! {
                        <h2>{format!("Step {} of 5: {}", s + 1, section.label())}</h2>
                        <div class="fields">
                            <SectionFields section=section form=form errors=errors />
                        </div>
                    }
                        .into_any()
                } else {
                    view! {
                        <h2>"Step 5 of 5: Review"</h2>
                        {Section::ALL
                            .iter()
                            .enumerate()
                            .map(|(i, sec)| {
                                view! {
                                    <div class="review">
                                        <h3>
                                            {sec.label()}" "
                                            <Button
                                                class="btn btn--link btn--small"
                                                on_click=move || step.set(i)
                                            >
                                                {format!("Edit {}", sec.label().to_lowercase())}
                                            </Button>
                                        </h3>
                                        <ul class="plain">
                                            {form
                                                .with(|f| summary(f, *sec))
                                                .into_iter()
                                                .map(|l| view! { <li>{l}</li> })
                                                .collect_view()}
                                        </ul>
                                    </div>
                                }
                            })
                            .collect_view()}
                    }
                        .into_any()
                }
            }}
            <FormEnd error=create.error>
                <A href=Page::Apps.path() attr:class="btn">
                    "Cancel"
                </A>
                <button
                    type="button"
                    class="btn"
                    disabled=move || step.get() == 0
                    on:click=move |_| go(step.get_untracked().saturating_sub(1))
                >
                    "Back"
                </button>
                <Show
                    when=move || { step.get() < REVIEW }
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="btn btn--primary"
                                disabled=move || create.pending().get()
                                on:click=submit
                            >
                                {move || {
                                    if create.pending().get() {
                                        "Creating…"
                                    } else {
                                        "Create application"
                                    }
                                }}
                            </button>
                        }
                    }
                >
                    <Button class="btn btn--primary" on_click=move || go(step.get_untracked() + 1)>
                        "Next"
                    </Button>
                </Show>
            </FormEnd>
        </section>
        <SecretDialog
            secret=secret
            title="Client secret"
            subject=Signal::derive(move || {
                created
                    .with(|c| {
                        c.as_ref().map(|(_, n)| format!("the application {n}")).unwrap_or_default()
                    })
            })
            on_stored=on_stored
        />
    }
}
