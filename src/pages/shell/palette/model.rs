//! What the command palette lists, as plain data: the areas and actions the signed-in
//! user may use, recent picks, and the server's hits; how a query filters them and how
//! the arrow keys move. No DOM here (host-tested).

/// Where an item leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A console path (built by `routes::Page`).
    Go(String),
    SignOut,
}

/// The group an item is listed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Area,
    Action,
    Client,
    User,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Area => "Go to",
            Kind::Action => "Action",
            Kind::Client => "Client",
            Kind::User => "User",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub label: String,
    /// A second line: a client id, a user's name.
    pub detail: String,
    pub target: Target,
}

impl Item {
    pub fn new(kind: Kind, label: impl Into<String>, target: Target) -> Self {
        Item {
            kind,
            label: label.into(),
            detail: String::new(),
            target,
        }
    }

    /// Every word of the query stands in the label or the detail (any case).
    pub fn matches(&self, query: &str) -> bool {
        let hay = format!("{} {}", self.label, self.detail).to_lowercase();
        query
            .to_lowercase()
            .split_whitespace()
            .all(|w| hay.contains(w))
    }
}

/// At most this many hits of each kind from the server.
pub const HITS: usize = 8;
/// How many recent picks are kept (in memory, for this page's life).
pub const RECENT: usize = 5;
/// A search shorter than this asks the server nothing.
pub const MIN_SEARCH: usize = 2;

/// The list for `query`: matching recent picks first, then matching areas and actions,
/// then the server's hits that still match (they may answer a shorter query typed
/// before); an item that stands twice is listed once, first.
pub fn ranked(query: &str, recent: &[Item], fixed: &[Item], hits: &[Item]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let searched = hits.iter().filter(|_| !query.trim().is_empty());
    let all = recent.iter().chain(fixed).chain(searched);
    for item in all.filter(|i| i.matches(query)) {
        if !out.iter().any(|o| o.target == item.target) {
            out.push(item.clone());
        }
    }
    out
}

/// The highlighted row after an arrow key; it wraps at both ends.
pub fn step(current: usize, len: usize, down: bool) -> usize {
    match (len, down) {
        (0, _) => 0,
        (_, true) => (current + 1) % len,
        (_, false) => (current + len - 1) % len.max(1),
    }
}

/// After a pick: it leads the recent list, once, which keeps at most [`RECENT`].
pub fn remember(recent: &mut Vec<Item>, item: Item) {
    recent.retain(|i| i.target != item.target);
    recent.insert(0, item);
    recent.truncate(RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go(kind: Kind, label: &str, path: &str) -> Item {
        Item::new(kind, label, Target::Go(path.into()))
    }

    #[test]
    fn every_word_of_the_query_must_match_label_or_detail() {
        let mut u = go(Kind::User, "ada@example.com", "/users/1");
        u.detail = "Ada Lovelace".into();
        assert!(u.matches("ADA love"));
        assert!(u.matches(""));
        assert!(!u.matches("ada grace"));
    }

    #[test]
    fn recent_picks_come_first_then_areas_then_hits_each_once() {
        let clients = go(Kind::Area, "Clients", "/clients");
        let users = go(Kind::Area, "Users", "/users");
        let ada = go(Kind::User, "ada@example.com", "/users/1");
        let bob = go(Kind::User, "bob@example.com", "/users/2");
        let recent = vec![ada.clone()];
        let fixed = [clients.clone(), users.clone()];
        let list = ranked("", &recent, &fixed, std::slice::from_ref(&bob));
        // No query: the server's hits are not shown (they answered an older one).
        assert_eq!(list, vec![ada.clone(), clients, users.clone()]);
        let list = ranked("us", &recent, &fixed, std::slice::from_ref(&ada));
        assert_eq!(list, vec![users]);
        let list = ranked("ada", &[], &[], &[ada.clone(), ada.clone()]);
        assert_eq!(list, vec![ada.clone()]);
        // Hits for "ad" while "adb" is typed: not listed.
        assert!(ranked("adb", &[], &[], &[ada]).is_empty());
    }

    #[test]
    fn arrows_wrap_around() {
        assert_eq!(step(0, 3, true), 1);
        assert_eq!(step(2, 3, true), 0);
        assert_eq!(step(0, 3, false), 2);
        assert_eq!(step(0, 0, false), 0);
    }

    #[test]
    fn a_pick_leads_the_recent_list_once_and_the_list_is_bounded() {
        let mut recent = Vec::new();
        for i in 0..7 {
            remember(
                &mut recent,
                go(Kind::Client, &format!("c{i}"), &format!("/clients/{i}")),
            );
        }
        remember(&mut recent, go(Kind::Client, "c4", "/clients/4"));
        let labels: Vec<_> = recent.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["c4", "c6", "c5", "c3", "c2"]);
    }
}
