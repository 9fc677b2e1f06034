//! The overview's figures from the lists AuthSec answers, as plain data (host-tested):
//! end users active and inactive and how many have a second factor, a share in words,
//! the invitations about to expire.

use crate::api::users::{EndUser, PendingInvite};
use crate::time;

/// How far ahead an invitation counts as expiring soon: 48 hours.
pub const SOON_SECS: i64 = 48 * 3600;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EndUserFigures {
    pub total: usize,
    pub active: usize,
    /// With at least one second factor.
    pub with_mfa: usize,
}

impl EndUserFigures {
    pub fn of(users: &[EndUser]) -> Self {
        EndUserFigures {
            total: users.len(),
            active: users.iter().filter(|u| u.is_active()).count(),
            with_mfa: users.iter().filter(|u| has_mfa(u)).count(),
        }
    }

    pub fn inactive(&self) -> usize {
        self.total - self.active
    }
}

/// Whether an end user has a second factor (AuthSec's flag or a method on record).
pub fn has_mfa(u: &EndUser) -> bool {
    u.mfa_enabled || !u.mfa_methods.is_empty()
}

/// "3 of 8 (37%)"; a whole of 0 says so instead of a share.
pub fn share(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "none yet".into();
    }
    format!("{part} of {whole} ({}%)", part * 100 / whole)
}

/// The invitations not yet expired that expire within [`SOON_SECS`] of `now`, soonest first.
pub fn expiring_soon(invites: &[PendingInvite], now: i64) -> Vec<PendingInvite> {
    let mut soon: Vec<(i64, &PendingInvite)> = invites
        .iter()
        .filter(|i| !i.is_expired)
        .filter_map(|i| Some((time::epoch_secs(i.expires_at.as_deref()?)?, i)))
        .filter(|(at, _)| *at > now && *at - now <= SOON_SECS)
        .collect();
    soon.sort_by_key(|(at, _)| *at);
    soon.into_iter().map(|(_, i)| i.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(status: &str, methods: &[&str]) -> EndUser {
        EndUser {
            status: status.into(),
            mfa_methods: methods.iter().map(|m| m.to_string()).collect(),
            ..EndUser::default()
        }
    }

    #[test]
    fn end_users_are_counted_by_status_and_second_factor() {
        let list = [
            user("active", &["totp"]),
            user("inactive", &[]),
            user("active", &[]),
        ];
        let f = EndUserFigures::of(&list);
        assert_eq!((f.total, f.active, f.inactive(), f.with_mfa), (3, 2, 1, 1));
        assert_eq!(EndUserFigures::of(&[]), EndUserFigures::default());
    }

    #[test]
    fn a_share_is_said_in_words() {
        assert_eq!(share(3, 8), "3 of 8 (37%)");
        assert_eq!(share(0, 0), "none yet");
    }

    #[test]
    fn only_live_invitations_within_48_hours_are_expiring_soon() {
        let now = time::epoch_secs("2026-12-03T12:00:00Z").unwrap();
        let invite = |email: &str, at: &str, expired: bool| PendingInvite {
            email: email.into(),
            expires_at: Some(at.into()),
            is_expired: expired,
            ..PendingInvite::default()
        };
        let list = [
            invite("late@x.test", "2026-12-05T11:00:00Z", false),
            invite("soon@x.test", "2026-12-03T13:00:00Z", false),
            invite("far@x.test", "2026-12-06T12:00:00Z", false),
            invite("gone@x.test", "2026-12-03T11:00:00Z", true),
        ];
        let emails: Vec<_> = expiring_soon(&list, now)
            .into_iter()
            .map(|i| i.email)
            .collect();
        assert_eq!(emails, ["soon@x.test", "late@x.test"]);
    }
}
