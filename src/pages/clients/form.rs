//! The client form, shared by create and edit. Rules are checked in the
//! browser (the server's own); server field errors land on the same fields;
//! nothing typed is lost on any failure.

use super::draft::{server_fields, Draft, CLIENT_TYPES, GRANT_TYPES};
use crate::api::ApiError;
use crate::components::field::unique_id;
use crate::components::{ChipInput, TextField};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// One signal per field, so the form keeps what was typed across failures.
#[derive(Clone, Copy)]
pub struct FormFields {
    pub name: RwSignal<String>,
    pub email: RwSignal<String>,
    pub client_type: RwSignal<String>,
    pub tags: RwSignal<Vec<String>>,
    /// (row key, value): keys keep rows stable while others are removed.
    pub uris: RwSignal<Vec<(u32, RwSignal<String>)>>,
    next_key: StoredValue<u32>,
    pub grants: RwSignal<Vec<String>>,
    pub scopes: RwSignal<String>,
    pub logo: RwSignal<String>,
    pub oidc: RwSignal<bool>,
}

impl FormFields {
    pub fn new(d: &Draft) -> Self {
        let uris: Vec<(u32, RwSignal<String>)> = d
            .redirect_uris
            .iter()
            .enumerate()
            .map(|(i, u)| (i as u32, RwSignal::new(u.clone())))
            .collect();
        FormFields {
            name: RwSignal::new(d.name.clone()),
            email: RwSignal::new(d.email.clone()),
            client_type: RwSignal::new(d.client_type.clone()),
            tags: RwSignal::new(d.tags.clone()),
            next_key: StoredValue::new(uris.len() as u32),
            uris: RwSignal::new(uris),
            grants: RwSignal::new(d.grant_types.clone()),
            scopes: RwSignal::new(d.scopes.clone()),
            logo: RwSignal::new(d.logo_uri.clone()),
            oidc: RwSignal::new(d.oidc_enabled),
        }
    }

    pub fn draft(&self) -> Draft {
        Draft {
            name: self.name.get_untracked(),
            email: self.email.get_untracked(),
            client_type: self.client_type.get_untracked(),
            tags: self.tags.get_untracked(),
            redirect_uris: self
                .uris
                .with_untracked(|u| u.iter().map(|(_, v)| v.get_untracked()).collect()),
            grant_types: self.grants.get_untracked(),
            scopes: self.scopes.get_untracked(),
            logo_uri: self.logo.get_untracked(),
            oidc_enabled: self.oidc.get_untracked(),
        }
    }

    /// Subscribes the running effect or memo to every field (for an unsaved-changes
    /// memo comparing [`FormFields::draft`] with what was loaded).
    pub fn track(&self) {
        self.name.track();
        self.email.track();
        self.client_type.track();
        self.tags.track();
        self.uris.with(|u| u.iter().for_each(|(_, v)| v.track()));
        self.grants.track();
        self.scopes.track();
        self.logo.track();
        self.oidc.track();
    }

    /// True when the form differs from `base` (tracked: use it in a memo).
    pub fn differs_from(&self, base: &Draft) -> bool {
        self.track();
        self.draft() != *base
    }

    fn add_uri(&self) {
        let k = self.next_key.get_value();
        self.next_key.set_value(k + 1);
        self.uris
            .update(|u| u.push((k, RwSignal::new(String::new()))));
    }
}

/// Moves focus to the first field marked invalid, so keyboard and screen
/// reader users land on what needs fixing.
fn focus_first_invalid() {
    use wasm_bindgen::JsCast;
    if let Ok(Some(el)) = document().query_selector("form [aria-invalid='true']") {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Shows a refused submit: the server's field messages on their fields, one
/// sentence above the form, focus on the first bad field. What was typed stays.
pub fn show_failure(
    errors: RwSignal<BTreeMap<String, String>>,
    form_error: RwSignal<Option<String>>,
    e: &ApiError,
    sent: &Draft,
    lead: &str,
) {
    errors.set(server_fields(&e.fields, sent));
    form_error.set(Some(if e.fields.is_empty() {
        format!("{lead}. {}", e.message)
    } else {
        format!("{lead}: fix the fields marked below.")
    }));
    request_animation_frame(focus_first_invalid);
}

#[component]
pub fn ClientForm(
    fields: FormFields,
    errors: RwSignal<BTreeMap<String, String>>,
    /// A failure that is not about one field.
    #[prop(into)]
    form_error: Signal<Option<String>>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] submit_label: String,
    on_submit: Callback<Draft>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let err = move |k: &'static str| Signal::derive(move || errors.with(|e| e.get(k).cloned()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let d = fields.draft();
        let e = d.validate();
        let ok = e.is_empty();
        errors.set(e);
        if ok {
            on_submit.try_run(d);
        } else {
            request_animation_frame(focus_first_invalid);
        }
    };
    let type_id = unique_id("ctype");
    let scopes_id = unique_id("scopes");
    let logo_err = err("logo_uri");
    view! {
        <form class="form stack" novalidate on:submit=submit>
            <p class="alert" role="alert" hidden=move || form_error.with(Option::is_none)>{move || form_error.get()}</p>
            <TextField label="Name" value=fields.name error=err("name") required=true autofocus=true />
            <TextField label="Email" value=fields.email error=err("email") input_type="email" autocomplete="off" required=true />
            <div class="field" class:field--invalid=move || err("client_type").with(Option::is_some)>
                <label for=type_id.clone()>"Client type"</label>
                <select id=type_id prop:value=move || fields.client_type.get() on:change=move |ev| fields.client_type.set(event_target_value(&ev))>
                    {CLIENT_TYPES.iter().map(|(k, l)| view! { <option value=*k>{*l}</option> }).collect_view()}
                </select>
                <p class="field__error" aria-live="polite">{move || err("client_type").get()}</p>
            </div>
            <ChipInput label="Tags" values=fields.tags hint="Press Enter or comma after each tag." error=err("tags") />
            <fieldset class="field">
                <legend>"Redirect URIs"</legend>
                <p class="field__hint">"https:// addresses; http:// only for localhost or 127.0.0.1; no #fragment."</p>
                <For each=move || fields.uris.get() key=|(k, _)| *k let:row>
                    {
                        let (key, value) = row;
                        let index = move || fields.uris.with(|u| u.iter().position(|(k, _)| *k == key).unwrap_or(0));
                        let e = Signal::derive(move || errors.with(|e| e.get(&format!("redirect_uris.{}", index())).cloned()));
                        let id = unique_id("uri");
                        view! {
                            <div class="uri-row" class:field--invalid=move || e.with(Option::is_some)>
                                <label for=id.clone() class="visually-hidden">{move || format!("Redirect URI {}", index() + 1)}</label>
                                <input
                                    id=id.clone()
                                    type="url"
                                    bind:value=value
                                    placeholder="https://app.example.com/callback"
                                    aria-invalid=move || e.with(Option::is_some).to_string()
                                    aria-describedby=format!("{id}-err")
                                />
                                <button
                                    type="button"
                                    class="btn btn--small btn--ghost"
                                    aria-label=move || format!("Remove redirect URI {}", index() + 1)
                                    on:click=move |_| {
                                        fields.uris.update(|u| u.retain(|(k, _)| *k != key));
                                        errors.update(|e| e.retain(|k, _| !k.starts_with("redirect_uris")));
                                    }
                                >"Remove"</button>
                                <p class="field__error" id=format!("{id}-err") aria-live="polite">{move || e.get()}</p>
                            </div>
                        }
                    }
                </For>
                <button type="button" class="btn btn--small" on:click=move |_| fields.add_uri()>"Add redirect URI"</button>
            </fieldset>
            <fieldset class="field">
                <legend>"Grant types"</legend>
                {GRANT_TYPES.iter().map(|g| {
                    let g = g.to_string();
                    let on = { let g = g.clone(); move || fields.grants.with(|v| v.contains(&g)) };
                    let label = g.rsplit(':').next().unwrap_or(&g).to_string();
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=on on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                fields.grants.update(|v| {
                                    v.retain(|x| *x != g);
                                    if checked { v.push(g.clone()); }
                                });
                            } />
                            {label}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for=scopes_id.clone()>"Scopes"</label>
                <input id=scopes_id type="text" bind:value=fields.scopes autocomplete="off" spellcheck="false" />
                <p class="field__hint">"Separated by spaces, e.g. openid profile email."</p>
            </div>
            <TextField label="Logo URL" value=fields.logo error=logo_err input_type="url" autocomplete="off" />
            <label class="check">
                <input type="checkbox" bind:checked=fields.oidc />
                "OIDC enabled"
            </label>
            <div class="actions">
                {on_cancel.map(|cb| view! { <button type="button" class="btn" on:click=move |_| { cb.try_run(()); }>"Cancel"</button> })}
                <button type="submit" class="btn btn--primary" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                    {submit_label}
                </button>
            </div>
        </form>
    }
}
