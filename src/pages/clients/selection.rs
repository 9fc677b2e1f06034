//! Which clients are selected: picked rows (any page), or every client that
//! matches the filter.

use crate::api::clients::Client;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What a bulk action needs to know about a client.
#[derive(Clone, Debug, PartialEq)]
pub struct Picked {
    pub id: String,
    pub client_id: String,
    pub name: String,
}

impl Picked {
    pub fn of(c: &Client) -> Self {
        Picked {
            id: c.id.clone(),
            client_id: c.client_id.clone(),
            name: c.name.clone(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Selection {
    picked: RwSignal<BTreeMap<String, Picked>>,
    /// Every client matching the filter, across pages.
    pub all_matching: RwSignal<bool>,
}

impl Selection {
    pub fn provide() -> Self {
        let s = Selection {
            picked: RwSignal::new(BTreeMap::new()),
            all_matching: RwSignal::new(false),
        };
        provide_context(s);
        s
    }

    pub fn expect() -> Self {
        expect_context::<Selection>()
    }

    pub fn has(&self, id: &str) -> bool {
        self.all_matching.get() || self.picked.with(|p| p.contains_key(id))
    }

    pub fn set(&self, p: &Picked, on: bool) {
        if !on {
            self.all_matching.set(false);
        }
        self.picked.update(|m| {
            if on {
                m.insert(p.id.clone(), p.clone());
            } else {
                m.remove(&p.id);
            }
        });
    }

    pub fn set_many(&self, ps: &[Picked], on: bool) {
        if !on {
            self.all_matching.set(false);
        }
        self.picked.update(|m| {
            for p in ps {
                if on {
                    m.insert(p.id.clone(), p.clone());
                } else {
                    m.remove(&p.id);
                }
            }
        });
    }

    pub fn count(&self) -> usize {
        self.picked.with(BTreeMap::len)
    }

    pub fn picked(&self) -> Vec<Picked> {
        self.picked
            .with_untracked(|m| m.values().cloned().collect())
    }

    pub fn clear(&self) {
        self.all_matching.set(false);
        self.picked.update(BTreeMap::clear);
    }
}
