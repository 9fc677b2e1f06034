//! Adding or editing a SAML provider. The provider's metadata file fills the entity ID,
//! the addresses and the certificate (read here, in the browser); a template sets the
//! name and the name-ID format and says where to find those. AuthSec never sends a
//! certificate back, and ignores empty fields on an edit: an empty certificate keeps the
//! stored one, and a field cannot be cleared (the form says so).

use super::field::{err, ActiveSwitch, NameFields, ProviderFormEnd, TemplatePicker};
use super::metadata::read_metadata;
use super::rules::{check_saml, key_of};
use super::save::use_provider_save;
use crate::api::idp::{self, SamlDraft, SamlProvider, SamlTemplate, NAME_ID_EMAIL};
use crate::api::Api;
use crate::components::TextField;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[component]
pub fn SamlForm(
    /// The provider to edit; none: a new one.
    #[prop(optional)]
    existing: Option<SamlProvider>,
    /// The keys the workspace's providers already use.
    keys: Signal<Vec<String>>,
    /// Closes the form: with what to announce after a save, or none after Cancel.
    on_done: Callback<Option<String>>,
) -> impl IntoView {
    let api = Api::expect();
    let adding = existing.is_none();
    let p = existing.clone().unwrap_or_default();
    let id = p.id.clone();
    let key = RwSignal::new(p.provider_name.clone());
    let name = RwSignal::new(p.display_name.clone());
    let entity_id = RwSignal::new(p.entity_id.clone());
    let sso_url = RwSignal::new(p.sso_url.clone());
    let slo_url = RwSignal::new(p.slo_url.clone());
    let metadata_url = RwSignal::new(p.metadata_url.clone());
    let certificate = RwSignal::new(String::new());
    let name_id = RwSignal::new(if adding {
        NAME_ID_EMAIL.to_string()
    } else {
        p.name_id_format.clone()
    });
    let active = RwSignal::new(existing.as_ref().is_none_or(|p| p.is_active));
    let file_note = RwSignal::new(None::<String>);
    let help = RwSignal::new(None::<(String, String)>);
    let mapping = RwSignal::new(None::<serde_json::Value>);
    let pick = move |t: SamlTemplate| {
        key.set(key_of(&t.provider_name));
        name.set(t.display_name);
        name_id.set(t.name_id_format);
        mapping.set(t.attribute_mapping);
        help.set(Some((t.instructions, t.documentation_url)));
    };
    let read_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            match read_metadata(&text.unwrap_or_default()) {
                Ok(m) => {
                    entity_id.set(m.entity_id);
                    sso_url.set(m.sso_url);
                    if !m.slo_url.is_empty() {
                        slo_url.set(m.slo_url);
                    }
                    if !m.certificate.is_empty() {
                        certificate.set(m.certificate);
                    }
                    file_note.set(Some(format!("Read from {}.", file.name())));
                }
                Err(why) => file_note.set(Some(why)),
            }
        });
    };
    let save = use_provider_save(
        adding,
        keys,
        on_done,
        check_saml,
        |d: &SamlDraft| &d.provider_name,
        move |d: SamlDraft| {
            let id = id.clone();
            async move {
                match adding {
                    true => idp::saml_add(&api, &d).await,
                    false => idp::saml_update(&api, &id, &d).await,
                }
                .map(|_| Ok(d.display_name))
            }
        },
    );
    let errors = save.errors;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = SamlDraft {
            provider_name: key_of(&key.get_untracked()),
            display_name: name.get_untracked().trim().into(),
            entity_id: entity_id.get_untracked().trim().into(),
            sso_url: sso_url.get_untracked().trim().into(),
            slo_url: slo_url.get_untracked().trim().into(),
            metadata_url: metadata_url.get_untracked().trim().into(),
            certificate: certificate.get_untracked().trim().into(),
            name_id_format: name_id.get_untracked().trim().into(),
            is_active: active.get_untracked(),
            attribute_mapping: mapping.get_untracked(),
        };
        save.submit(d);
    };
    view! {
        <form class="stack" novalidate on:submit=submit>
            {adding
                .then(|| {
                    view! {
                        <TemplatePicker
                            load=move || async move { idp::saml_templates(&api).await }
                            on_pick=pick
                        />
                    }
                })}
            {move || {
                help.get()
                    .map(|(how, doc)| {
                        view! {
                            <div class="alert alert--info">
                                <p class="pre-line">{how}</p>
                                <a href=doc target="_blank" rel="noopener noreferrer">
                                    "The provider's guide"
                                </a>
                            </div>
                        }
                    })
            }}
            <div class="field">
                <label class="btn">
                    "Read the provider's metadata file"
                    <input
                        type="file"
                        accept=".xml,application/xml,text/xml"
                        class="visually-hidden"
                        on:change=read_file
                    />
                </label>
                <p class="field__hint" aria-live="polite">
                    {move || file_note.get()}
                </p>
            </div>
            <NameFields key name errors adding key_hint="Lower case; it cannot be changed later." />
            <TextField
                label="Entity ID (issuer)"
                value=entity_id
                error=err(errors, "entity_id")
                required=true
            />
            <TextField
                label="Sign-in (SSO) URL"
                value=sso_url
                error=err(errors, "sso_url")
                input_type="url"
                required=true
            />
            <TextField
                label="Sign-out (SLO) URL"
                value=slo_url
                error=err(errors, "slo_url")
                input_type="url"
                hint="Optional"
            />
            <TextField
                label="Metadata URL"
                value=metadata_url
                error=err(errors, "metadata_url")
                input_type="url"
                hint="Optional; AuthSec stores it and does not fetch it."
            />
            <CertificateField value=certificate error=err(errors, "certificate") adding />
            <TextField label="Name ID format" value=name_id />
            {(!adding)
                .then(|| {
                    view! {
                        <p class="muted">
                            "AuthSec keeps a field's stored value when it is sent empty: a field cannot be cleared here."
                        </p>
                    }
                })}
            <ActiveSwitch on=active />
            <ProviderFormEnd of=save.send adding on_cancel=on_done />
        </form>
    }
}

/// The signing certificate, pasted (PEM or base64) or read from the metadata file.
#[component]
fn CertificateField(
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    adding: bool,
) -> impl IntoView {
    let id = crate::components::field::unique_id("cert");
    let err_id = format!("{id}-err");
    let hint = if adding {
        "PEM or base64, as the provider gives it."
    } else {
        "A certificate is stored and never shown. Paste one only to replace it."
    };
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>"Signing certificate"</label>
            <textarea
                id=id
                rows="4"
                class="mono"
                spellcheck="false"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=err_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <p class="field__hint">{hint}</p>
            <p class="field__error" id=err_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}
