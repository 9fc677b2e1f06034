//! The client form's values and the server's rules for them (§2), checked in
//! the browser before sending. Pure, so host tests reach it.

use crate::api::clients::{Client, ClientBody};
use crate::validate;
use std::collections::BTreeMap;

pub const CLIENT_TYPES: [(&str, &str); 4] = [
    ("application", "Application"),
    ("ai_agent", "AI agent"),
    ("confidential", "Confidential"),
    ("public", "Public"),
];

pub const GRANT_TYPES: [&str; 4] = [
    "authorization_code",
    "refresh_token",
    "client_credentials",
    "urn:ietf:params:oauth:grant-type:device_code",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub name: String,
    pub email: String,
    pub client_type: String,
    pub tags: Vec<String>,
    pub redirect_uris: Vec<String>,
    pub grant_types: Vec<String>,
    /// Space- or comma-separated, as people type them.
    pub scopes: String,
    pub logo_uri: String,
    pub oidc_enabled: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            name: String::new(),
            email: String::new(),
            client_type: "application".into(),
            tags: Vec::new(),
            redirect_uris: vec![String::new()],
            grant_types: vec!["authorization_code".into(), "refresh_token".into()],
            scopes: "openid profile email".into(),
            logo_uri: String::new(),
            oidc_enabled: false,
        }
    }
}

/// A message when a redirect URI breaks the server's rule: absolute
/// `https://`, or `http://` on localhost / 127.0.0.1, and no fragment.
pub fn redirect_uri(uri: &str) -> Option<String> {
    let u = uri.trim();
    if u.contains('#') {
        return Some("Remove the #fragment: redirect URIs cannot have one.".into());
    }
    let (scheme, rest) = u.split_once("://").unwrap_or(("", ""));
    let host_port = rest.split(['/', '?']).next().unwrap_or("");
    let host = host_port.rsplit_once('@').map_or(host_port, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("");
    let host_ok = !host.is_empty()
        && !host.chars().any(char::is_whitespace)
        && !u.chars().any(char::is_whitespace);
    match scheme.to_ascii_lowercase().as_str() {
        "https" if host_ok => None,
        "http" if host == "localhost" || host == "127.0.0.1" => None,
        "http" if host_ok => Some("Use https:// (http:// only for localhost or 127.0.0.1).".into()),
        _ => Some("Enter an absolute URL such as https://app.example.com/callback.".into()),
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
            redirect_uris: if c.redirect_uris.is_empty() {
                vec![String::new()]
            } else {
                c.redirect_uris.clone()
            },
            grant_types: c.grant_types.clone(),
            scopes: c.scopes.join(" "),
            logo_uri: c.logo_uri.clone().unwrap_or_default(),
            oidc_enabled: c.oidc_enabled,
        }
    }

    /// The redirect URIs that are filled in.
    fn uris(&self) -> Vec<String> {
        self.redirect_uris
            .iter()
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty())
            .collect()
    }

    pub fn scope_list(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in self
            .scopes
            .split([' ', ',', '\n', '\t'])
            .filter(|s| !s.is_empty())
        {
            if !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        }
        out
    }

    /// Field messages keyed like the server's (`redirect_uris.N` per row).
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
        if !CLIENT_TYPES.iter().any(|(k, _)| *k == self.client_type) {
            e.insert("client_type".into(), "Choose a client type.".into());
        }
        for (i, u) in self.redirect_uris.iter().enumerate() {
            if u.trim().is_empty() {
                continue;
            }
            if let Some(m) = redirect_uri(u) {
                e.insert(format!("redirect_uris.{i}"), m);
            }
        }
        if !self.logo_uri.trim().is_empty() && redirect_uri(&self.logo_uri).is_some() {
            e.insert(
                "logo_uri".into(),
                "Enter an https:// URL for the logo.".into(),
            );
        }
        e
    }

    /// The create body: everything the form holds.
    pub fn create_body(&self) -> ClientBody {
        ClientBody {
            name: Some(self.name.trim().to_string()),
            email: Some(self.email.trim().to_string()),
            client_type: Some(self.client_type.clone()),
            tags: Some(self.tags.clone()),
            redirect_uris: Some(self.uris()),
            grant_types: Some(self.grant_types.clone()),
            scopes: Some(self.scope_list()),
            logo_uri: Some(self.logo_uri.trim().to_string()).filter(|s| !s.is_empty()),
            oidc_enabled: Some(self.oidc_enabled),
        }
    }

    /// The update body: only what differs from `before`, so an edit never
    /// overwrites a field someone else changed meanwhile.
    pub fn update_body(&self, before: &Draft) -> ClientBody {
        let now = self.create_body();
        let was = before.create_body();
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
            client_type: diff(now.client_type, was.client_type),
            tags: diff(now.tags, was.tags),
            redirect_uris: diff(now.redirect_uris, was.redirect_uris),
            grant_types: diff(now.grant_types, was.grant_types),
            scopes: diff(now.scopes, was.scopes),
            logo_uri: if now.logo_uri == was.logo_uri {
                None
            } else {
                Some(now.logo_uri.unwrap_or_default())
            },
            oidc_enabled: diff(now.oidc_enabled, was.oidc_enabled),
        }
    }
}

/// Maps the server's field keys onto the form's: its single `redirect_uris`
/// message lands on the row whose URI it quotes (else the first row).
pub fn server_fields(fields: &BTreeMap<String, String>, draft: &Draft) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (k, v) in fields {
        if k == "redirect_uris" {
            let row = draft
                .redirect_uris
                .iter()
                .position(|u| !u.trim().is_empty() && v.contains(u.trim()))
                .unwrap_or(0);
            out.insert(format!("redirect_uris.{row}"), v.clone());
        } else {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests;
