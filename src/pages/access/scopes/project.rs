//! Scopes: the resources a project may reach (AuthSec's scope mappings). Add one, edit
//! its resources in the same form, delete one.

use super::rules::check_scope;
use crate::api::access;
use crate::api::scopes::{self, Scope, ALL};
use crate::api::{Api, ApiError};
use crate::components::Card;
use crate::components::{ConfirmedDialog, EditDeleteCell, EditFormEnd, TableList};
use crate::components::{TextField, Toasts};
use crate::hooks::{use_confirmed, use_form};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// What the form sends: (name, resources, adding).
type Draft = (String, Vec<String>, bool);

#[component]
pub fn ProjectScopes() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let data = LocalResource::new(move || async move { scopes::scopes(&api).await });
    // The resources to choose from: those the workspace's permissions name.
    let resources = LocalResource::new(move || async move {
        let mut r: Vec<String> = access::permissions(&api)
            .await?
            .into_iter()
            .map(|p| p.resource)
            .collect();
        r.sort();
        r.dedup();
        Ok::<_, ApiError>(r)
    });
    let editing = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let all = RwSignal::new(false);
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let errors = RwSignal::new((None::<String>, None::<String>));
    let reset = move || {
        editing.set(None);
        name.set(String::new());
        all.set(false);
        chosen.set(BTreeSet::new());
        errors.set((None, None));
    };
    let save = use_form(
        move |(n, r, adding): Draft| async move {
            if adding {
                scopes::create_scope(&api, &n, &r).await?;
            } else {
                scopes::update_scope(&api, &n, &r).await?;
            }
            Ok::<_, ApiError>((n, adding))
        },
        move |(n, adding): (String, bool)| {
            reset();
            toasts.success(if adding {
                format!("The scope {n} was added.")
            } else {
                format!("The scope {n} was saved.")
            });
            data.refetch();
        },
        move |e: ApiError| format!("The scope was not saved. {}", e.message),
    );
    let cancel = move || {
        reset();
        save.error.set(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let adding = editing.with_untracked(Option::is_none);
        let taken: Vec<String> = data
            .get_untracked()
            .and_then(Result::ok)
            .map(|l| l.into_iter().map(|s| s.scope_name).collect())
            .unwrap_or_default();
        let n = editing
            .get_untracked()
            .unwrap_or_else(|| name.get_untracked().trim().into());
        let found = check_scope(
            &n,
            all.get_untracked(),
            &chosen.get_untracked(),
            &taken,
            adding,
        );
        let ok = found == (None, None);
        errors.set(found);
        if ok {
            let r = if all.get_untracked() {
                vec![ALL.to_string()]
            } else {
                chosen.get_untracked().into_iter().collect()
            };
            save.send((n, r, adding));
        }
    };
    let edit = move |s: Scope| {
        errors.set((None, None));
        save.error.set(None);
        all.set(s.covers_all());
        chosen.set(s.resources.iter().filter(|r| *r != ALL).cloned().collect());
        name.set(s.scope_name.clone());
        editing.set(Some(s.scope_name));
    };
    let delete = use_confirmed(
        move |s: Scope| async move { scopes::delete_scope(&api, &s.scope_name).await.map(|_| s) },
        move |s| {
            if editing.with_untracked(|e| e.as_deref() == Some(s.scope_name.as_str())) {
                cancel();
            }
            toasts.success(format!("The scope {} was deleted.", s.scope_name));
            data.refetch();
        },
    );
    let row = move |s: Scope| {
        let (e, d) = (s.clone(), s.clone());
        let covers = if s.covers_all() {
            "All resources".to_string()
        } else {
            s.resources.join(", ")
        };
        view! {
            <tr>
                <td>
                    <code>{s.scope_name.clone()}</code>
                </td>
                <td>{covers}</td>
                <EditDeleteCell
                    name=s.scope_name.clone()
                    on_edit=move || edit(e.clone())
                    on_delete=move || delete.ask(d.clone())
                />
            </tr>
        }
    };
    let boxes = move || {
        resources.get().map(|r| match r {
            Err(e) => view! {
                <p class="alert" role="alert">
                    {format!("The resources could not be loaded. {}", e.message)}
                </p>
            }
            .into_any(),
            Ok(list) => list
                .into_iter()
                .map(|r| {
                    let (on, flip) = (r.clone(), r.clone());
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&on))
                                disabled=move || all.get()
                                on:change=move |_| {
                                    chosen
                                        .update(|c| {
                                            if !c.remove(&flip) {
                                                c.insert(flip.clone());
                                            }
                                        })
                                }
                            />
                            <code>{r}</code>
                        </label>
                    }
                })
                .collect_view()
                .into_any(),
        })
    };
    view! {
        <Card title="Scopes" lead="A scope names the resources a project may reach.">
            <form class="stack" on:submit=submit novalidate aria-labelledby="scope-form-h">
                <h3 id="scope-form-h">
                    {move || match editing.get() {
                        Some(n) => format!("Edit the scope {n}"),
                        None => "Add a scope".to_string(),
                    }}
                </h3>
                <TextField
                    label="Scope name"
                    value=name
                    error=Signal::derive(move || errors.get().0)
                    hint="e.g. billing"
                    required=true
                    disabled=Signal::derive(move || editing.with(Option::is_some))
                />
                <fieldset class="method stack">
                    <legend>"Resources"</legend>
                    <label class="check">
                        <input type="checkbox" bind:checked=all />
                        <strong>"All resources"</strong>
                    </label>
                    <div class="filters">{boxes}</div>
                    <p class="field__error" aria-live="polite">
                        {move || errors.get().1}
                    </p>
                </fieldset>
                <EditFormEnd
                    of=save
                    label="Save scope"
                    editing=Signal::derive(move || editing.with(Option::is_some))
                    on_cancel=cancel
                />
            </form>
            <TableList
                data
                noun=crate::noun!("scope", "scopes", "Scope", "Scopes")
                columns=&["Scope", "Resources", ""]
                row
            />
        </Card>
        <ConfirmedDialog
            of=delete
            title="Delete scope"
            confirm_label="Delete scope"
            danger=true
            message=|s: Scope| format!("Delete the scope {}? This cannot be undone.", s.scope_name)
        />
    }
}
