//! Draws the fields of one section from the table in `fields.rs`, each with
//! its label, its message and the right control for its kind.

use super::fields::{Field, Kind, Section, FIELDS, METHODS};
use super::model::{is_on, set_method, Form};
use crate::components::field::unique_id;
use leptos::prelude::*;
use std::collections::BTreeMap;

pub type Errors = RwSignal<BTreeMap<&'static str, String>>;

#[component]
pub fn SectionFields(section: Section, form: RwSignal<Form>, errors: Errors) -> impl IntoView {
    if section == Section::Login {
        return view! {
            <div class="methods">
                <LoginMethods form=form errors=errors />
            </div>
        }
        .into_any();
    }
    FIELDS
        .iter()
        .filter(|f| f.section == section)
        .map(|f| view! { <FieldControl f=*f form=form errors=errors /> })
        .collect_view()
        .into_any()
}

#[component]
fn LoginMethods(form: RwSignal<Form>, errors: Errors) -> impl IntoView {
    METHODS
        .iter()
        .map(|(group, label)| {
            let group: &'static str = group;
            let on = move || form.with(|f| is_on(f, group));
            view! {
                <fieldset class="method" class:method--on=on>
                    <legend>
                        <label class="check">
                            <input type="checkbox" prop:checked=on
                                on:change=move |ev| { let v = event_target_checked(&ev); form.update(|f| set_method(f, group, v)); } />
                            {*label}
                        </label>
                    </legend>
                    <Show when=on>
                        <div class="fields">
                            {FIELDS.iter().filter(|f| f.group == Some(group)).map(|f| view! { <FieldControl f=*f form=form errors=errors /> }).collect_view()}
                        </div>
                    </Show>
                </fieldset>
            }
        })
        .collect_view()
}

#[component]
fn FieldControl(f: Field, form: RwSignal<Form>, errors: Errors) -> impl IntoView {
    let id = unique_id("app");
    let err_id = format!("{id}-err");
    let key = f.key;
    let value = move || form.with(|m| m.get(key).cloned().unwrap_or_default());
    let set = move |v: String| {
        form.update(|m| {
            m.insert(key, v);
        })
    };
    let error = move || errors.with(|e| e.get(key).cloned());
    let initial = form.with_untracked(|m| m.get(key).cloned().unwrap_or_default());
    let invalid = move || error().is_some();
    let control = match f.kind {
        Kind::Bool => {
            return view! {
                <div class="field field--check">
                    <label class="check">
                        <input
                            type="checkbox"
                            id=id.clone()
                            prop:checked=move || value() == "true"
                            on:change=move |ev| set(event_target_checked(&ev).to_string())
                        />
                        {f.label}
                    </label>
                </div>
            }
            .into_any()
        }
        Kind::Choice(opts) => {
            let opts: Vec<(String, String)> = opts.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect();
            view! {
                <select
                    id=id.clone()
                    prop:value=value
                    on:change=move |ev| set(event_target_value(&ev))
                    aria-describedby=err_id.clone()
                >
                    {move || {
                        let cur = value();
                        let mut all = opts.clone();
                        if !cur.is_empty() && !all.iter().any(|(v, _)| *v == cur) {
                            all.push((cur.clone(), cur.clone()));
                        }
                        all.into_iter()
                            .map(|(v, l)| {
                                let sel = v == cur;
                                // A value this console does not know is kept and shown as is.
                                view! {
                                    <option value=v selected=sel>
                                        {l}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            }
            .into_any()
        }
        Kind::IntChoice(opts) => view! {
            <select id=id.clone() prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                {opts
                    .iter()
                    .map(|n| {
                        let sel = n.to_string() == initial;
                        view! {
                            <option value=n.to_string() selected=sel>
                                {n.to_string()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Kind::Multi(opts) => {
            return view! {
                <fieldset class="field" class:field--invalid=invalid>
                    <legend>{f.label}</legend>
                    <div class="row">
                        {opts.iter().map(|o| {
                            let o: &'static str = o;
                            let has = move || value().split(',').any(|x| x.trim() == o);
                            view! {
                                <label class="check"><input type="checkbox" prop:checked=has on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut list: Vec<String> = value().split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty() && x != o).collect();
                                    if on { list.push(o.to_string()); }
                                    set(list.join(", "));
                                } /><code>{o}</code></label>
                            }
                        }).collect_view()}
                    </div>
                    <p class="field__error" aria-live="polite">{error}</p>
                </fieldset>
            }
            .into_any()
        }
        Kind::Origins => view! {
            <textarea
                id=id.clone()
                rows="3"
                prop:value=value
                on:input=move |ev| set(event_target_value(&ev))
                aria-invalid=move || invalid().to_string()
                aria-describedby=err_id.clone()
            >
                {initial.clone()}
            </textarea>
        }
        .into_any(),
        // A secret never goes into the page: the field starts empty whatever is saved (a
        // `value` attribute would show it in the markup and offer it to password
        // managers); what is saved stays in the form's memory and is sent unchanged
        // unless something is typed here.
        Kind::Secret => view! {
            <input
                id=id.clone()
                type="password"
                autocomplete="new-password"
                spellcheck="false"
                placeholder=move || {
                    if value().is_empty() { "" } else { "Kept: type to replace" }
                }
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    set(if typed.is_empty() { initial.clone() } else { typed })
                }
                aria-invalid=move || invalid().to_string()
                aria-describedby=err_id.clone()
            />
        }
        .into_any(),
        kind => {
            let (ty, mode) = match kind {
                Kind::Int { .. } => ("text", Some("numeric")),
                Kind::Url => ("url", None),
                _ => ("text", None),
            };
            view! {
                <input
                    id=id.clone()
                    type=ty
                    inputmode=mode
                    autocomplete="off"
                    spellcheck="false"
                    value=initial
                    prop:value=value
                    on:input=move |ev| set(event_target_value(&ev))
                    aria-invalid=move || invalid().to_string()
                    aria-describedby=err_id.clone()
                />
            }
            .into_any()
        }
    };
    let hint = match f.kind {
        Kind::Int { min, max } => Some(format!("{min}–{max}")),
        _ => None,
    };
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id>{f.label}{hint.map(|h| view! { " " <span class="muted">"(" {h} ")"</span> })}</label>
            {control}
            <p class="field__error" id=err_id aria-live="polite">{error}</p>
        </div>
    }
    .into_any()
}
