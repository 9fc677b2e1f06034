//! `/access/roles/new`: a role with its name, description and permissions.

use super::form::{RoleFields, RoleForm};
use crate::api::access::{self, RoleDraft};
use crate::api::Api;
use crate::components::Crumbs;
use crate::components::{ListBody, Toasts, UnsavedGuard};
use crate::hooks::use_form;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeSet;

#[component]
pub fn NewRolePage() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let navigate = use_navigate();
    let permissions = LocalResource::new(move || async move { access::permissions(&api).await });
    let fields = RoleFields::new("", "", BTreeSet::new());
    let created = RwSignal::new(false);
    let create = use_form(
        move |d: RoleDraft| async move { access::create_role(&api, &d).await },
        move |saved| {
            created.set(true);
            toasts.success(format!("The role {} was created.", saved.name));
            navigate(&Page::Role(&saved.id).path(), Default::default());
        },
        move |e| format!("The role was not created. {}", e.message),
    );
    let dirty = Memo::new(move |_| !created.get() && fields.differs_from("", "", &BTreeSet::new()));
    view! {
        <Crumbs up=Page::Roles up_label="Roles" here="New role" />
        <div class="narrow-form">
            <ListBody
                data=permissions
                loading="Loading permissions"
                what="The permissions"
                skeleton_rows=3
                rows=move |list| {
                    view! {
                        <RoleForm
                            fields=fields
                            permissions=list
                            send=create
                            submit_label="Create role"
                        />
                    }
                        .into_any()
                }
            />
        </div>
        <UnsavedGuard dirty=dirty />
    }
}
