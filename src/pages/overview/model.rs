//! The overview's figures from the lists AuthSec answers, as plain data (host-tested):
//! how many end users have a second factor, a share in words,
//! the invitations about to expire, the clients that ask for no second factor.

use crate::api::clients::Client;
use crate::api::users::{EndUser, PendingInvite};
use crate::time;

/// How far ahead an invitation counts as expiring soon: 48 hours.
pub const SOON_SECS: i64 = 48 * 3600;

/// How many pages of end users (100 each, newest first) the overview reads per state
/// (active, inactive) for the second-factor share: AuthSec counts no factors, and a
/// tenant of 100,000 is not read whole for one bar. Three keep the overview's first
/// visit at 18 requests (bench/RESULTS.md); 600 users are sample enough for a bar.
pub const MFA_PAGES: u32 = 3;

/// The end users read for the second-factor share, and how many exist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MfaSample {
    pub with_mfa: usize,
    pub read: usize,
    pub total: u64,
}

impl MfaSample {
    /// Adds a page of users, with the total its answer names.
    pub fn add(&mut self, users: &[EndUser]) {
        self.read += users.len();
        self.with_mfa += users.iter().filter(|u| has_mfa(u)).count();
    }

    /// Both samples together (the active end users and the inactive ones).
    pub fn and(self, o: MfaSample) -> MfaSample {
        MfaSample {
            with_mfa: self.with_mfa + o.with_mfa,
            read: self.read + o.read,
            total: self.total + o.total,
        }
    }

    /// "3 of 8 (37%)", or, when only the newest of each state were read (their
    /// numbers can differ), the share among them and how many they are.
    pub fn words(&self) -> String {
        let said = share(self.with_mfa, self.read);
        if self.read as u64 >= self.total {
            said
        } else {
            format!(
                "{said}: the newest active and inactive ones, {} of {}",
                self.read, self.total
            )
        }
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

/// How many clients without MFA the overview names one by one.
pub const NAMED: usize = 5;

/// The clients that ask for no second factor: the first [`NAMED`] of them, and how many
/// more there are.
pub fn without_mfa(clients: &[Client]) -> (Vec<Client>, usize) {
    let all: Vec<&Client> = clients.iter().filter(|c| !c.mfa_enabled).collect();
    let named = all.iter().take(NAMED).map(|c| (*c).clone()).collect();
    (named, all.len().saturating_sub(NAMED))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clients_without_mfa_are_named_up_to_five_then_counted() {
        let client = |name: &str, mfa: bool| Client {
            name: name.into(),
            mfa_enabled: mfa,
            ..Default::default()
        };
        let mut list = vec![client("safe", true)];
        list.extend((0..7).map(|i| client(&format!("open {i}"), false)));
        let (named, more) = without_mfa(&list);
        let names: Vec<&str> = named.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["open 0", "open 1", "open 2", "open 3", "open 4"]);
        assert_eq!(more, 2);
        assert_eq!(
            without_mfa(&list[..1]),
            (vec![], 0),
            "one with MFA: nothing to say"
        );
    }

    #[test]
    fn the_mfa_share_says_when_only_the_newest_were_read() {
        let user = |mfa: bool, methods: &[&str]| EndUser {
            mfa_enabled: mfa,
            mfa_methods: methods.iter().map(|m| m.to_string()).collect(),
            ..EndUser::default()
        };
        let mut s = MfaSample {
            total: 4,
            ..Default::default()
        };
        s.add(&[user(true, &["totp"]), user(false, &[])]);
        s.add(&[user(false, &["webauthn"]), user(false, &[])]);
        assert_eq!((s.with_mfa, s.read), (2, 4));
        assert_eq!(s.words(), "2 of 4 (50%)");
        s.total = 1000;
        assert_eq!(
            s.words(),
            "2 of 4 (50%): the newest active and inactive ones, 4 of 1000"
        );
        let both = s.and(s);
        assert_eq!((both.with_mfa, both.read, both.total), (4, 8, 2000));
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
