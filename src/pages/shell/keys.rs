//! Keyboard shortcuts as plain logic: `g` then a letter goes to an area, `n` opens
//! the page's "New", `/` focuses its filter, `?` lists them all, Ctrl/Cmd-K opens the
//! command palette. Nothing but Ctrl/Cmd-K fires while the user types in a field.

use crate::routes::Page;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    Go(Page<'static>),
    New,
    Filter,
    Help,
    Palette,
}

/// `g` then one of these letters: the area it opens.
pub const GO: &[(&str, Page<'static>)] = &[
    ("h", Page::Home),
    ("c", Page::Clients),
    ("u", Page::Users),
    ("g", Page::Groups),
    ("r", Page::Roles),
    ("p", Page::Permissions),
    ("o", Page::Scopes),
    ("a", Page::Apps),
    ("s", Page::Sessions),
    ("k", Page::ApiKeys),
    ("t", Page::Settings),
    ("m", Page::Security),
];

/// How long the letter after `g` may wait.
pub const CHORD_MS: f64 = 1500.0;

/// One key press, as the page saw it.
pub struct Press<'a> {
    pub key: &'a str,
    /// Ctrl or Cmd.
    pub command: bool,
    pub alt: bool,
    /// The focus is in a text field, a select or an editable element.
    pub typing: bool,
    /// When (ms, any clock that only goes forward).
    pub at: f64,
}

/// The half-typed `g` chord.
#[derive(Clone, Copy, Debug, Default)]
pub struct Keys {
    g_at: Option<f64>,
}

impl Keys {
    pub fn press(&mut self, p: &Press) -> Option<Shortcut> {
        let g_at = self.g_at.take();
        if p.command && !p.alt && p.key.eq_ignore_ascii_case("k") {
            return Some(Shortcut::Palette);
        }
        if p.typing || p.command || p.alt {
            return None;
        }
        if g_at.is_some_and(|t| p.at - t <= CHORD_MS) {
            return GO
                .iter()
                .find(|(k, _)| *k == p.key)
                .map(|(_, page)| Shortcut::Go(*page));
        }
        match p.key {
            "g" => {
                self.g_at = Some(p.at);
                None
            }
            "n" => Some(Shortcut::New),
            "/" => Some(Shortcut::Filter),
            "?" => Some(Shortcut::Help),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(keys: &mut Keys, key: &str, at: f64) -> Option<Shortcut> {
        keys.press(&Press {
            key,
            command: false,
            alt: false,
            typing: false,
            at,
        })
    }

    #[test]
    fn g_then_a_letter_goes_to_its_area_while_the_chord_is_fresh() {
        let mut k = Keys::default();
        assert_eq!(press(&mut k, "g", 0.0), None);
        assert_eq!(press(&mut k, "u", 100.0), Some(Shortcut::Go(Page::Users)));
        // The chord is used up.
        assert_eq!(press(&mut k, "u", 200.0), None);
        press(&mut k, "g", 1000.0);
        assert_eq!(press(&mut k, "c", 1000.0 + CHORD_MS + 1.0), None);
        press(&mut k, "g", 5000.0);
        assert_eq!(press(&mut k, "x", 5001.0), None);
        assert_eq!(press(&mut k, "n", 5002.0), Some(Shortcut::New));
    }

    #[test]
    fn single_keys() {
        let mut k = Keys::default();
        assert_eq!(press(&mut k, "/", 0.0), Some(Shortcut::Filter));
        assert_eq!(press(&mut k, "?", 0.0), Some(Shortcut::Help));
        assert_eq!(press(&mut k, "n", 0.0), Some(Shortcut::New));
    }

    #[test]
    fn nothing_fires_while_typing_but_the_palette() {
        let mut k = Keys::default();
        let typed = |key, command| Press {
            key,
            command,
            alt: false,
            typing: true,
            at: 0.0,
        };
        for key in ["g", "n", "/", "?"] {
            assert_eq!(k.press(&typed(key, false)), None);
        }
        assert_eq!(k.press(&typed("K", true)), Some(Shortcut::Palette));
        // Ctrl+N is the browser's.
        let mut k = Keys::default();
        let ctrl_n = Press {
            key: "n",
            command: true,
            alt: false,
            typing: false,
            at: 0.0,
        };
        assert_eq!(k.press(&ctrl_n), None);
    }

    #[test]
    fn every_area_has_its_own_letter() {
        let mut letters: Vec<_> = GO.iter().map(|(k, _)| *k).collect();
        letters.sort();
        letters.dedup();
        assert_eq!(letters.len(), GO.len());
    }
}
