//! Which rows of a list are selected, across pages: picked rows, or (where the
//! list offers it) every row that matches the filter. One type for every list;
//! the page says what a bulk action needs to know about a row.
//!
//! ```ignore
//! #[derive(Clone, Debug, PartialEq)]
//! pub struct PickedUser { pub id: String, pub email: String }
//! impl Pick for PickedUser {
//!     fn key(&self) -> &str { &self.id }
//!     fn label(&self) -> &str { &self.email }
//! }
//! let selection = Selection::<PickedUser>::new();
//! view! { <input type="checkbox" prop:checked=move || selection.has(&u.id)
//!     on:change=move |ev| selection.set(&pick, event_target_checked(&ev)) /> }
//! ```

use leptos::prelude::*;
use std::collections::BTreeMap;

/// What a bulk action needs to know about one row.
pub trait Pick: Clone + Send + Sync + 'static {
    /// The row's id (the selection's key).
    fn key(&self) -> &str;
    /// How results name the row: an email, a client's name.
    fn label(&self) -> &str;
}

pub struct Selection<P: Pick> {
    picked: RwSignal<BTreeMap<String, P>>,
    /// Every row matching the filter, across pages.
    pub all_matching: RwSignal<bool>,
}

impl<P: Pick> Clone for Selection<P> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P: Pick> Copy for Selection<P> {}

impl<P: Pick> Selection<P> {
    pub fn new() -> Self {
        Selection {
            picked: RwSignal::new(BTreeMap::new()),
            all_matching: RwSignal::new(false),
        }
    }

    /// A new selection, also given to the page's descendants.
    pub fn provide() -> Self {
        let s = Self::new();
        provide_context(s);
        s
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    pub fn has(&self, id: &str) -> bool {
        self.all_matching.get() || self.picked.with(|p| p.contains_key(id))
    }

    /// Whether every one of `ps` is selected (the header's checkbox).
    pub fn has_all(&self, ps: &[P]) -> bool {
        !ps.is_empty() && ps.iter().all(|p| self.has(p.key()))
    }

    pub fn set(&self, p: &P, on: bool) {
        self.set_many(std::slice::from_ref(p), on);
    }

    pub fn set_many(&self, ps: &[P], on: bool) {
        if !on {
            self.all_matching.set(false);
        }
        self.picked.update(|m| {
            for p in ps {
                if on {
                    m.insert(p.key().to_string(), p.clone());
                } else {
                    m.remove(p.key());
                }
            }
        });
    }

    pub fn count(&self) -> usize {
        self.picked.with(BTreeMap::len)
    }

    pub fn picked(&self) -> Vec<P> {
        self.picked
            .with_untracked(|m| m.values().cloned().collect())
    }

    pub fn clear(&self) {
        self.all_matching.set(false);
        self.picked.update(BTreeMap::clear);
    }

    /// After a bulk run: only these stay selected, so a retry is one click.
    pub fn keep_only(&self, ps: &[P]) {
        self.clear();
        self.set_many(ps, true);
    }
}

impl<P: Pick> Default for Selection<P> {
    fn default() -> Self {
        Self::new()
    }
}
