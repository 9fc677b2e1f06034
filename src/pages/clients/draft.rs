//! The client form's values and the server's rules for them (§2), checked in
//! the browser before sending. Pure, so host tests reach it.

use crate::api::clients::{Client, ClientBody};
use crate::validate;
use std::collections::BTreeMap;

/// The kinds AuthSec's create takes in `client_type` (its console offers these three).
pub const CLIENT_TYPES: [(&str, &str); 3] = [
    ("application", "Application"),
    ("ai_agent", "AI agent"),
    ("m2m_service", "Machine-to-machine service"),
];

#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub name: String,
    pub email: String,
    pub client_type: String,
    pub tags: Vec<String>,
    pub oidc_enabled: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            name: String::new(),
            email: String::new(),
            client_type: "application".into(),
            tags: Vec::new(),
            oidc_enabled: false,
        }
    }
}

impl Draft {
    pub fn from_client(c: &Client) -> Self {
        Draft {
            name: c.name.clone(),
            email: c.email.clone(),
            client_type: if c.client_type.is_empty() {
                "application".into()
            } else {
                c.client_type.clone()
            },
            tags: c.tags.clone(),
            oidc_enabled: c.oidc_enabled,
        }
    }

    /// Field messages keyed like the server's.
    pub fn validate(&self) -> BTreeMap<String, String> {
        let mut e = BTreeMap::new();
        let name = self.name.trim();
        if name.is_empty() {
            e.insert("name".into(), "Enter a name.".into());
        } else if name.chars().count() > 256 {
            e.insert("name".into(), "Use at most 256 characters.".into());
        }
        if let Some(m) = validate::email(&self.email) {
            e.insert("email".into(), m.into());
        }
        // AuthSec takes any type of up to 100 characters (an existing client may have one
        // the list does not name).
        let t = self.client_type.trim();
        if t.is_empty() || t.chars().count() > 100 {
            e.insert("client_type".into(), "Choose a client type.".into());
        }
        e
    }

    /// The whole form as an update body (create sends [`ClientBody::for_create`] of it:
    /// AuthSec's create takes only name, e-mail and type, and the console sets tags and
    /// OIDC with an update right after).
    pub fn body(&self) -> ClientBody {
        ClientBody {
            name: Some(self.name.trim().to_string()),
            email: Some(self.email.trim().to_string()),
            client_type: Some(self.client_type.clone()),
            tags: Some(self.tags.clone()),
            oidc_enabled: Some(self.oidc_enabled),
        }
    }

    /// The update body: only what differs from `before`, so an edit never
    /// overwrites a field someone else changed meanwhile. AuthSec's update does not
    /// take the type, so it is never sent here.
    pub fn update_body(&self, before: &Draft) -> ClientBody {
        let now = self.body();
        let was = before.body();
        fn diff<T: PartialEq>(a: Option<T>, b: Option<T>) -> Option<T> {
            if a == b {
                None
            } else {
                a
            }
        }
        ClientBody {
            name: diff(now.name, was.name),
            email: diff(now.email, was.email),
            client_type: None,
            tags: diff(now.tags, was.tags),
            oidc_enabled: diff(now.oidc_enabled, was.oidc_enabled),
        }
    }
}

/// The server's field keys are the form's.
pub fn server_fields(
    fields: &BTreeMap<String, String>,
    _draft: &Draft,
) -> BTreeMap<String, String> {
    fields.clone()
}

#[cfg(test)]
mod tests;
