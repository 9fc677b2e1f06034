//! The permission picker: the tenant's permissions grouped by resource, each group with
//! an "all" box (showing "some" as indeterminate), a filter, and a count of what is chosen.

pub mod model;

use crate::api::access::Permission;
use crate::components::field::unique_id;
use leptos::prelude::*;
use model::{coverage, grouped, toggle_group, Coverage, Group};
use std::collections::BTreeSet;

#[component]
pub fn PermissionPicker(
    /// Every permission of the tenant.
    permissions: Vec<Permission>,
    /// The chosen permission ids.
    chosen: RwSignal<BTreeSet<String>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let total = permissions.len();
    let all = StoredValue::new(permissions);
    let filter = RwSignal::new(String::new());
    let groups = Memo::new(move |_| all.with_value(|a| filter.with(|f| grouped(a, f))));
    let filter_id = unique_id("perm-filter");
    let err_id = unique_id("perm-err");
    let described = err_id.clone();
    let count = move || chosen.with(BTreeSet::len);
    view! {
        <fieldset class="method stack" aria-describedby=described>
            <legend>"Permissions"</legend>
            <div class="filters">
                <label for=filter_id.clone() class="visually-hidden">
                    "Filter permissions"
                </label>
                <input
                    id=filter_id
                    type="search"
                    placeholder="Filter permissions"
                    bind:value=filter
                />
                <span class="muted" aria-live="polite">
                    {move || format!("{} of {total} chosen", count())}
                </span>
            </div>
            <p class="field__error" id=err_id aria-live="polite">
                {move || error.get()}
            </p>
            {move || {
                if total == 0 {
                    return view! {
                        <p class="muted">
                            "This workspace has no permissions yet. Add them under Permissions first."
                        </p>
                    }
                        .into_any();
                }
                let list = groups.get();
                if list.is_empty() {
                    return view! { <p class="muted">"No permission matches this filter."</p> }
                        .into_any();
                }
                list.into_iter()
                    .map(|g| view! { <GroupBox group=g chosen disabled /> })
                    .collect_view()
                    .into_any()
            }}
        </fieldset>
    }
}

#[component]
fn GroupBox(
    group: Group,
    chosen: RwSignal<BTreeSet<String>>,
    disabled: Signal<bool>,
) -> impl IntoView {
    let items = StoredValue::new(group.items.clone());
    let state = move || items.with_value(|i| chosen.with(|c| coverage(i, c)));
    let label = format!("All of {} ({})", group.resource, group.items.len());
    let rows = group
        .items
        .into_iter()
        .map(|p| {
            let id = p.id.clone();
            let on = {
                let id = id.clone();
                move || chosen.with(|c| c.contains(&id))
            };
            let flip = move |_| {
                chosen.update(|c| {
                    if !c.remove(&id) {
                        c.insert(id.clone());
                    }
                })
            };
            view! {
                <li>
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=on
                            on:change=flip
                            disabled=move || disabled.get()
                        />
                        <code>{p.full_permission_string.clone()}</code>
                        <span class="muted">{p.description.clone()}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="picker__group" role="group" aria-label=group.resource.clone()>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || state() == Coverage::All
                    prop:indeterminate=move || state() == Coverage::Some
                    on:change=move |_| items.with_value(|i| chosen.update(|c| toggle_group(i, c)))
                    disabled=move || disabled.get()
                />
                <strong>{label}</strong>
            </label>
            <ul class="plain picker__items">{rows}</ul>
        </div>
    }
}
