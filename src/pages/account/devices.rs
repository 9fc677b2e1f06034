//! Authenticator apps: the list (make primary, delete with the last-factor
//! warning), the stepped setup, and new backup codes.

use super::codes::BackupCodes;
use super::delete_factor::DeleteFactor;
use super::totp_setup::TotpSetup;
use super::SecurityData;
use crate::api::mfa::{self, TotpDevice};
use crate::api::Api;
use crate::components::when;
use crate::components::LoadFailed;
use crate::components::{use_confirmed, ConfirmDialog, Toasts};
use leptos::prelude::*;

#[component]
pub fn AppsSection() -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let data = expect_context::<SecurityData>();
    let adding = RwSignal::new(false);
    let new_codes = RwSignal::new(None::<Vec<String>>);

    let primary = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move { mfa::make_primary(&api, &id).await }
    });
    Effect::new(move |_| match primary.value().get() {
        Some(Ok(())) => {
            primary.value().set(None);
            toasts.success("The primary device was changed.");
            data.refresh();
        }
        Some(Err(e)) => toasts.error(format!("The primary device was not changed. {}", e.message)),
        None => {}
    });
    let delete = use_confirmed(
        move |d: TotpDevice| async move { mfa::delete(&api, &d.id).await.map(|_| d) },
        move |d| {
            toasts.success(format!("{} was deleted.", d.device_name));
            data.refresh();
        },
    );
    let regenerate = use_confirmed(
        move |_: ()| async move {
            let c = mfa::regenerate(&api).await?;
            new_codes.set(Some(c.backup_codes));
            Ok(())
        },
        move |_| data.refresh(),
    );
    let is_last = Signal::derive(move || {
        let f = data.factors();
        let active = delete
            .item
            .with(|d| d.as_ref().is_some_and(|d| d.is_active));
        active && f.total() <= 1
    });
    let rows = move |list: Vec<TotpDevice>| {
        list.into_iter()
            .map(|d| {
                let (d1, d2, id) = (d.clone(), d.clone(), d.id.clone());
                view! {
                    <li class="device">
                        <div class="device__text">
                            <span class="device__name">
                                <strong class="truncate" title=d.device_name.clone()>{d.device_name.clone()}</strong>
                                {d.is_primary.then(|| view! { <span class="badge badge--ok">"Primary"</span> })}
                                {(!d.is_active).then(|| view! { <span class="badge badge--off">"Setup not finished"</span> })}
                            </span>
                            <span class="muted">"Added " {when(Some(d.created_at.as_str()))} " · last used " {when(d.last_used.as_deref())}</span>
                        </div>
                        <div class="row">
                            {(d1.is_active && !d1.is_primary).then(|| view! {
                                <button type="button" class="btn btn--small" disabled=move || primary.pending().get()
                                    on:click=move |_| { primary.dispatch(id.clone()); }>"Make primary"</button>
                            })}
                            <button type="button" class="btn btn--small btn--danger-ghost" aria-label=format!("Delete {}", d2.device_name)
                                on:click=move |_| delete.ask(d2.clone())>"Delete"</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card stack" aria-labelledby="apps-h">
            <h2 id="apps-h">"Authenticator apps"</h2>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.devices.await {
                        Ok(d) if d.devices.is_empty() => view! { <p class="muted">"No authenticator app yet."</p> }.into_any(),
                        Ok(d) => view! { <ul class="plain devices" aria-label="Authenticator apps">{rows(d.devices)}</ul> }.into_any(),
                        Err(e) => view! {
                            <LoadFailed what="Your devices" error=e on_retry=Callback::new(move |_| data.refresh()) />
                        }.into_any(),
                    }
                })}
            </Transition>
            <Show when=move || adding.get() fallback=move || view! {
                <div class="row">
                    <button type="button" class="btn btn--primary" on:click=move |_| adding.set(true)>"Add an authenticator app"</button>
                    <Show when=move || data.factors().apps != 0>
                        <button type="button" class="btn" on:click=move |_| regenerate.ask(())>"Make new backup codes"</button>
                    </Show>
                </div>
            }>
                <TotpSetup on_close=Callback::new(move |done: bool| { adding.set(false); if done { data.refresh(); } }) />
            </Show>
            {move || new_codes.get().map(|codes| view! {
                <section class="card stack" aria-labelledby="newcodes-h">
                    <h3 id="newcodes-h">"Your new backup codes"</h3>
                    <p class="alert alert--info" role="status">"Your old backup codes no longer work."</p>
                    <BackupCodes codes=codes on_done=Callback::new(move |_| new_codes.set(None)) />
                </section>
            })}
            <DeleteFactor
                open=delete.open()
                what=Signal::derive(move || delete.item.with(|d| d.as_ref().map(|d| format!("the authenticator app {}", d.device_name)).unwrap_or_default()))
                is_last=is_last
                pending=delete.pending()
                error=delete.error()
                on_confirm=delete.confirm()
                on_cancel=delete.cancel()
            />
            <ConfirmDialog
                open=regenerate.open()
                title="Make new backup codes"
                message="Make ten new backup codes? Your current codes stop working at once."
                confirm_label="Make new codes"
                pending=regenerate.pending()
                error=regenerate.error()
                on_confirm=regenerate.confirm()
                on_cancel=regenerate.cancel()
            />
        </section>
    }
}
