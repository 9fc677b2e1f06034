//! API scopes: OAuth scopes (`resource:action`) mapped to permissions. Add one, edit it
//! in the same form (its permissions loaded first), delete one.

use super::super::picker::PermissionPicker;
use super::rules::check_api_scope;
use crate::api::access::{self, Permission};
use crate::api::scopes::{self, ApiScope, ApiScopeDraft};
use crate::api::{Api, ApiError};
use crate::components::Card;
use crate::components::{when, ConfirmedDialog, EditDeleteCell, EditFormEnd, ListBody, TableList};
use crate::components::{TextField, Toasts};
use crate::hooks::{use_confirmed, use_form};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn ApiScopes() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let data = LocalResource::new(move || async move { scopes::api_scopes(&api).await });
    let permissions = LocalResource::new(move || async move { access::permissions(&api).await });
    // The scope being edited: its id and saved description.
    let editing = RwSignal::new(None::<(String, String)>);
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let errors = RwSignal::new((None::<String>, None::<String>, None::<String>));
    let reset = move || {
        editing.set(None);
        name.set(String::new());
        description.set(String::new());
        chosen.set(BTreeSet::new());
        errors.set((None, None, None));
    };
    let save = use_form(
        move |(id, d): (Option<String>, ApiScopeDraft)| async move {
            match &id {
                Some(id) => scopes::update_api_scope(&api, id, &d).await,
                None => scopes::create_api_scope(&api, &d).await,
            }
            .map(|s| (s.name, id.is_none()))
        },
        move |(n, added): (String, bool)| {
            reset();
            toasts.success(if added {
                format!("The API scope {n} was added.")
            } else {
                format!("The API scope {n} was saved.")
            });
            data.refetch();
        },
        move |e: ApiError| format!("The API scope was not saved. {}", e.message),
    );
    let cancel = move || {
        reset();
        save.error.set(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let was = editing.get_untracked();
        let found = check_api_scope(
            &name.get_untracked(),
            &description.get_untracked(),
            chosen.with_untracked(BTreeSet::len),
            was.as_ref().map(|(_, d)| d.as_str()),
        );
        let ok = found == (None, None, None);
        errors.set(found);
        if ok {
            let d = ApiScopeDraft {
                name: name.get_untracked().trim().into(),
                description: description.get_untracked().trim().into(),
                mapped_permission_ids: chosen.get_untracked().into_iter().collect(),
            };
            save.send((was.map(|(id, _)| id), d));
        }
    };
    // Edit: the list has no permission ids; one read fetches them.
    let load = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move { scopes::api_scope(&api, &id).await }
    });
    Effect::new(move |_| {
        let Some(r) = load.value().get() else {
            return;
        };
        load.value().set(None);
        match r {
            Ok(s) => {
                errors.set((None, None, None));
                save.error.set(None);
                name.set(s.name.clone());
                description.set(s.description.clone());
                chosen.set(s.permission_ids.iter().cloned().collect());
                editing.set(Some((s.id, s.description)));
            }
            Err(e) => save.error.set(Some(format!(
                "The API scope could not be loaded. {}",
                e.message
            ))),
        }
    });
    let delete = use_confirmed(
        move |s: ApiScope| async move { scopes::delete_api_scope(&api, &s.id).await.map(|_| s) },
        move |s| {
            if editing.with_untracked(|e| e.as_ref().is_some_and(|(id, _)| *id == s.id)) {
                cancel();
            }
            toasts.success(format!("The API scope {} was deleted.", s.name));
            data.refetch();
        },
    );
    let row = move |s: ApiScope| {
        let (id, d) = (s.id.clone(), s.clone());
        view! {
            <tr>
                <td>
                    <code>{s.name.clone()}</code>
                </td>
                <td class="truncate" title=s.description.clone()>
                    {s.description.clone()}
                </td>
                <td>{s.permissions_linked}</td>
                <td>{when(Some(s.created_at.as_str()))}</td>
                <EditDeleteCell
                    name=s.name.clone()
                    on_edit=move || {
                        load.dispatch(id.clone());
                    }
                    on_delete=move || delete.ask(d.clone())
                    edit_disabled=load.pending()
                />
            </tr>
        }
    };
    let picker = move |list: Vec<Permission>| {
        view! { <PermissionPicker permissions=list chosen error=Signal::derive(move || errors.get().2) /> }
    };
    view! {
        <Card
            title="API scopes"
            lead="An API scope is an OAuth scope a client can ask for; it grants the permissions mapped to it."
        >
            <form class="stack" on:submit=submit novalidate aria-labelledby="api-scope-form-h">
                <h3 id="api-scope-form-h">
                    {move || match editing.get() {
                        Some(_) => format!("Edit the API scope {}", name.get_untracked()),
                        None => "Add an API scope".to_string(),
                    }}
                </h3>
                <TextField
                    label="API scope name"
                    value=name
                    error=Signal::derive(move || errors.get().0)
                    hint="resource:action, e.g. files:read"
                    required=true
                />
                <TextField
                    label="Description"
                    value=description
                    error=Signal::derive(move || errors.get().1)
                    hint="Optional"
                />
                <ListBody
                    data=permissions
                    loading="Loading permissions"
                    what="The permissions"
                    skeleton_rows=2
                    rows=move |list| picker(list).into_any()
                />
                <EditFormEnd
                    of=save
                    label="Save API scope"
                    editing=Signal::derive(move || editing.with(Option::is_some))
                    on_cancel=cancel
                />
            </form>
            <TableList
                data
                noun=crate::noun!("API scope", "API scopes", "API scope", "API scopes")
                columns=&["API scope", "Description", "Permissions", "Created", ""]
                row
            />
        </Card>
        <ConfirmedDialog
            of=delete
            title="Delete API scope"
            confirm_label="Delete API scope"
            danger=true
            message=|s: ApiScope| {
                format!(
                    "Delete the API scope {}? Clients asking for it no longer get its permissions.",
                    s.name,
                )
            }
        />
    }
}
