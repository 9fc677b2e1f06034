//! The role form, shared by create and edit: name, description and the whole permission
//! set (AuthSec replaces all three on every save and keeps no role without a permission).
//! What was typed and ticked survives every failure.

use super::picker::PermissionPicker;
use crate::api::access::{Permission, RoleDraft};
use crate::components::{SubmitEnd, TextField};
use crate::hooks::Sender;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// One signal per field.
#[derive(Clone, Copy)]
pub struct RoleFields {
    pub name: RwSignal<String>,
    pub description: RwSignal<String>,
    pub chosen: RwSignal<BTreeSet<String>>,
}

/// What blocks a save, per field: (name, permissions).
pub fn check(name: &str, chosen: usize) -> (Option<String>, Option<String>) {
    let name = name
        .trim()
        .is_empty()
        .then(|| "Give the role a name.".to_string());
    let perms = (chosen == 0)
        .then(|| "Pick at least one permission: AuthSec keeps no role without one.".to_string());
    (name, perms)
}

impl RoleFields {
    pub fn new(name: &str, description: &str, chosen: BTreeSet<String>) -> Self {
        RoleFields {
            name: RwSignal::new(name.into()),
            description: RwSignal::new(description.into()),
            chosen: RwSignal::new(chosen),
        }
    }

    pub fn draft(&self) -> RoleDraft {
        RoleDraft {
            name: self.name.get_untracked().trim().to_string(),
            description: self.description.get_untracked().trim().to_string(),
            permission_ids: self.chosen.get_untracked().into_iter().collect(),
        }
    }

    /// Differs from a saved role (name, description, permission ids).
    pub fn differs_from(&self, name: &str, description: &str, ids: &BTreeSet<String>) -> bool {
        self.name.with(|n| n.trim() != name)
            || self.description.with(|d| d.trim() != description)
            || self.chosen.with(|c| c != ids)
    }
}

#[component]
pub fn RoleForm(
    fields: RoleFields,
    permissions: Vec<Permission>,
    submit_label: &'static str,
    /// The form's send (`hooks::use_form`): sent once the draft is valid.
    #[prop(into)]
    send: Sender<RoleDraft>,
) -> impl IntoView {
    let name_error = RwSignal::new(None::<String>);
    let perm_error = RwSignal::new(None::<String>);
    // A fixed problem stops being reported as soon as it is fixed.
    Effect::new(move |_| {
        let (n, p) = check(&fields.name.get(), fields.chosen.with(BTreeSet::len));
        if n.is_none() {
            name_error.set(None);
        }
        if p.is_none() {
            perm_error.set(None);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending.get_untracked() {
            return;
        }
        let (n, p) = check(
            &fields.name.get_untracked(),
            fields.chosen.with_untracked(BTreeSet::len),
        );
        let ok = n.is_none() && p.is_none();
        name_error.set(n);
        perm_error.set(p);
        if ok {
            send.run(fields.draft());
        }
    };
    view! {
        <form class="stack" on:submit=submit novalidate>
            <TextField label="Name" value=fields.name error=name_error required=true />
            <TextField
                label="Description"
                value=fields.description
                hint="Optional. Saved as typed; leaving it empty clears it."
            />
            <PermissionPicker
                permissions=permissions
                chosen=fields.chosen
                error=perm_error
                disabled=send.pending
            />
            <SubmitEnd of=send label=submit_label busy="Saving…" />
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn a_role_needs_a_name_and_a_permission() {
        assert_eq!(check("  ", 1).0.as_deref(), Some("Give the role a name."));
        assert!(check("ops", 0)
            .1
            .unwrap()
            .contains("at least one permission"));
        assert_eq!(check("ops", 2), (None, None));
    }
}
