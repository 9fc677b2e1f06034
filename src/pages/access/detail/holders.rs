//! Who holds a role: the admins bound to it (AuthSec binds roles to admins only), and a
//! way to give it to one more. AuthSec has no route to take a role from one admin: the
//! section says so where a Remove button would be.

use crate::api::access::{self, Binding};
use crate::api::users::{self, AdminUser};
use crate::api::Api;
use crate::components::field::unique_id;
use crate::components::Card;
use crate::components::{when, DataTable, ListBody, SubmitEnd, Toasts};
use crate::hooks::use_form;
use leptos::prelude::*;

/// "Whole workspace", or the scope a binding is narrowed to.
pub fn scope_text(b: &Binding) -> String {
    match (&b.scope_type, &b.scope_id) {
        (_, None) => "Whole workspace".into(),
        (Some(t), Some(id)) => format!("{t} {id}"),
        (None, Some(id)) => id.clone(),
    }
}

/// The admins who do not hold the role yet, by name.
pub fn candidates(admins: &[AdminUser], holders: &[Binding]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = admins
        .iter()
        .filter(|a| holders.iter().all(|b| b.user_id != a.id))
        .map(|a| (a.id.clone(), format!("{} ({})", a.full_name(), a.email)))
        .collect();
    out.sort_by_key(|(_, label)| label.to_lowercase());
    out
}

#[component]
pub fn Holders(
    role_id: String,
    role_name: String,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let role = StoredValue::new((role_id, role_name));
    let data = LocalResource::new(move || async move {
        let id = role.with_value(|r| r.0.clone());
        let (held, admins) = futures::join!(access::holders(&api, &id), users::admins(&api));
        Ok::<_, crate::api::ApiError>((held?, admins?))
    });
    let picked = RwSignal::new(String::new());
    let add = use_form(
        move |user: String| async move {
            let id = role.with_value(|r| r.0.clone());
            access::bind(&api, &user, &id).await
        },
        move |_| {
            picked.set(String::new());
            toasts.success(format!(
                "The admin now holds {}.",
                role.with_value(|r| r.1.clone())
            ));
            data.refetch();
            on_change.run(());
        },
        move |e| format!("The role was not given. {}", e.message),
    );
    let select_id = unique_id("holder");
    view! {
        <Card
            title="Admins with this role"
            lead="AuthSec gives roles to admins only (not to end users or groups), and has no way to take one back from a single admin: deleting the role takes it from everyone."
        >
            <ListBody
                data
                loading="Loading who holds this role"
                what="The role's admins"
                skeleton_rows=2
                rows=move |(held, admins)| {
                    let options = candidates(&admins, &held);
                    let none_left = options.is_empty();
                    view! {
                        {if held.is_empty() {
                            view! { <p>"No admin holds this role."</p> }.into_any()
                        } else {
                            view! {
                                <DataTable
                                    label="Admins with this role"
                                    columns=&["Admin", "Scope", "Since"]
                                >
                                    {held
                                        .iter()
                                        .map(|b| {
                                            view! {
                                                <tr>
                                                    <td>
                                                        {b.username.clone()}
                                                        <span class="muted">{format!(" {}", b.email)}</span>
                                                    </td>
                                                    <td>{scope_text(b)}</td>
                                                    <td>{when(Some(&b.created_at))}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </DataTable>
                            }
                                .into_any()
                        }}
                        <form
                            class="filters"
                            on:submit=move |ev| {
                                ev.prevent_default();
                                let user = picked.get_untracked();
                                if user.is_empty() {
                                    add.refuse("Choose an admin first.");
                                } else {
                                    add.send(user);
                                }
                            }
                        >
                            <div class="field">
                                <label for=select_id.clone()>"Give this role to"</label>
                                <select id=select_id.clone() bind:value=picked disabled=none_left>
                                    <option value="">
                                        {if none_left {
                                            "Every admin holds it"
                                        } else {
                                            "Choose an admin"
                                        }}
                                    </option>
                                    {options
                                        .into_iter()
                                        .map(|(id, label)| {
                                            view! { <option value=id>{label}</option> }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <SubmitEnd of=add label="Give role" busy="Giving…" />
                        </form>
                    }
                        .into_any()
                }
            />
        </Card>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binding_without_a_scope_covers_the_whole_workspace() {
        let mut b = Binding::default();
        assert_eq!(scope_text(&b), "Whole workspace");
        b.scope_type = Some("project".into());
        b.scope_id = Some("p-1".into());
        assert_eq!(scope_text(&b), "project p-1");
    }

    #[test]
    fn only_admins_without_the_role_are_offered() {
        let admin = |id: &str, email: &str| AdminUser {
            id: id.into(),
            email: email.into(),
            username: email.into(),
            ..AdminUser::default()
        };
        let held = vec![Binding {
            user_id: "a".into(),
            ..Binding::default()
        }];
        let offered = candidates(&[admin("a", "a@x"), admin("b", "b@x")], &held);
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].0, "b");
    }
}
