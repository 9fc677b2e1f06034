//! The admins tab's pending invitations: who, since when, until when (an expired one
//! says so and offers a resend), resend, cancel (which deletes the invited account).

use crate::api::users::{self, PendingInvite};
use crate::api::Api;
use crate::components::Card;
use crate::components::{when, ConfirmedDialog, TableList, Toasts};
use crate::hooks::use_confirmed;
use crate::time::absolute;
use leptos::prelude::*;

/// What a resend did, in a sentence.
pub fn resent_text(i: &crate::api::users::Invited) -> String {
    let exp = absolute(&i.expires_at);
    if i.email_sent {
        format!(
            "The invitation was sent again to {}. It expires {exp}.",
            i.email
        )
    } else {
        format!(
            "The invitation for {} was renewed until {exp}, but the e-mail could not be sent.",
            i.email
        )
    }
}

/// The expiry column: "Expired" or "Expires <date>".
pub fn expiry_text(i: &PendingInvite) -> String {
    match (&i.expires_at, i.is_expired) {
        (_, true) => "Expired".into(),
        (Some(t), false) => format!("Expires {}", absolute(t)),
        (None, false) => "No expiry".into(),
    }
}

#[component]
pub fn PendingInvites(
    /// The invitations (the tab refetches them after a new invite).
    data: LocalResource<Result<Vec<PendingInvite>, crate::api::ApiError>>,
    #[prop(into)] on_change: Callback<()>,
) -> impl IntoView {
    let api = Api::expect();
    let toasts = Toasts::expect();
    let error = RwSignal::new(None::<String>);
    let resend = Action::new_local(move |i: &PendingInvite| {
        let i = i.clone();
        async move { users::resend_invite(&api, &i.user_id).await }
    });
    Effect::new(move |_| {
        let Some(r) = resend.value().get() else {
            return;
        };
        resend.value().set(None);
        match r {
            Ok(sent) => {
                error.set(None);
                toasts.success(resent_text(&sent));
                data.refetch();
            }
            Err(e) => error.set(Some(format!(
                "The invitation was not sent again. {}",
                e.message
            ))),
        }
    });
    let cancel = use_confirmed(
        move |i: PendingInvite| async move { users::cancel_invite(&api, &i.user_id).await.map(|_| i) },
        move |i| {
            toasts.success(format!("The invitation for {} was cancelled.", i.email));
            data.refetch();
            on_change.run(());
        },
    );
    let row = move |i: PendingInvite| {
        let expired = i.is_expired;
        let (a, b) = (i.clone(), i.clone());
        let resend_label = format!("Resend the invitation to {}", i.email);
        let cancel_label = format!("Cancel the invitation of {}", i.email);
        view! {
            <tr>
                <td>{i.email.clone()} <span class="muted">{format!(" {}", i.name)}</span></td>
                <td>{when(Some(&i.created_at))}</td>
                <td>
                    <span class="badge" class:badge--off=expired>{expiry_text(&i)}</span>
                </td>
                <td class="actions-cell">
                    <button type="button" class="btn btn--small" aria-label=resend_label
                        disabled=move || resend.pending().get()
                        on:click=move |_| { resend.dispatch(a.clone()); }>"Resend"</button>
                    <button type="button" class="btn btn--small btn--danger-ghost" aria-label=cancel_label
                        on:click=move |_| cancel.ask(b.clone())>"Cancel"</button>
                </td>
            </tr>
        }
    };
    view! {
        <Card title="Pending invitations">
            <p class="alert" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
            <TableList
                data
                noun=crate::noun!(
                    "pending invitation", "pending invitations", "Pending invitation", "Pending invitations"
                )
                skeleton_rows=2
                none="No invitation is waiting."
                columns=&["Invited admin", "Invited", "Expiry", ""]
                row
            />
        </Card>
        <ConfirmedDialog
            of=cancel
            title="Cancel invitation"
            confirm_label="Cancel invitation"
            danger=true
            message=|i: PendingInvite| {
                format!(
                    "Cancel the invitation of {}? AuthSec deletes the invited account; invite them again to undo.",
                    i.email,
                )
            }
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expired_invitation_says_so() {
        let mut i = PendingInvite {
            expires_at: Some("2026-12-01T10:00:00Z".into()),
            ..PendingInvite::default()
        };
        assert!(expiry_text(&i).starts_with("Expires "));
        i.is_expired = true;
        assert_eq!(expiry_text(&i), "Expired");
    }
}
