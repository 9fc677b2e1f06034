//! A list's state as it lives in the URL query, and the one way to change it.
//! Every list page (clients, users, sessions…) keeps its filters, page and
//! size here, so Back/Forward and shared links reopen the same view.

use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// A list state that reads from and writes to the URL query.
pub trait UrlState: Clone + Default + PartialEq + Send + Sync + 'static {
    /// Reads one pair of the query into the state. A key it does not know, or a
    /// malformed value, leaves the default, so a hand-edited link still opens.
    fn read(&mut self, key: &str, value: &str);
    /// The query without `?`; defaults left out so links stay short.
    fn to_query(&self) -> String;

    /// The state the query's pairs give: each read in turn over the default.
    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = Self::default();
        for (k, v) in pairs {
            s.read(k, v);
        }
        s
    }

    /// The state of a query string without `?`, as a link carries it.
    fn from_query(query: &str) -> Self {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        Self::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

/// The state of a list that is searched (`?q=`) and paged (`?page=&size=`) in the
/// browser: one fetch of everything, then this. Lists short enough for one page ignore
/// the paging.
#[derive(Clone, Debug, PartialEq)]
pub struct Search {
    pub q: String,
    pub page: u32,
    pub size: u32,
}

impl Search {
    pub const SIZE: u32 = 50;

    pub fn q(q: String) -> Self {
        Search {
            q,
            ..Search::default()
        }
    }

    /// The rows of `all` on this page.
    pub fn page_of<'a, T>(&self, all: &'a [T]) -> &'a [T] {
        let size = self.size.max(1) as usize;
        let start = ((self.page.max(1) - 1) as usize * size).min(all.len());
        &all[start..(start + size).min(all.len())]
    }
}

impl Default for Search {
    fn default() -> Self {
        Search {
            q: String::new(),
            page: 1,
            size: Self::SIZE,
        }
    }
}

impl UrlState for Search {
    fn read(&mut self, key: &str, v: &str) {
        match key {
            "q" => self.q = v.to_string(),
            "page" => self.page = crate::paging::parse_page(v),
            "size" => {
                self.size = v
                    .parse()
                    .ok()
                    .filter(|n| (1..=500).contains(n))
                    .unwrap_or(Self::SIZE)
            }
            _ => {}
        }
    }
    fn to_query(&self) -> String {
        crate::url::Query::new()
            .add("q", &self.q)
            .opt("page", (self.page > 1).then_some(self.page))
            .opt("size", (self.size != Self::SIZE).then_some(self.size))
            .encode()
    }
}
crate::paged_by_fields!(Search);

/// A list state with pages: what the pager reads and writes.
pub trait Paged: UrlState {
    fn page(&self) -> u32;
    fn size(&self) -> u32;
    fn set_size(&mut self, size: u32);
    /// Sets the page (filter changes go back to page 1).
    fn set_page(&mut self, page: u32);
}

/// `impl Paged` for a state with `page` and `size` fields.
#[macro_export]
macro_rules! paged_by_fields {
    ($t:ty) => {
        impl $crate::hooks::list_url::Paged for $t {
            fn page(&self) -> u32 {
                self.page
            }
            fn size(&self) -> u32 {
                self.size
            }
            fn set_size(&mut self, size: u32) {
                self.size = size;
            }
            fn set_page(&mut self, page: u32) {
                self.page = page;
            }
        }
    };
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

pub struct ListUrl<S: UrlState> {
    pub state: Memo<S>,
    path: StoredValue<String>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl ListUrl<Search> {
    /// The search alone: a list cut from it is filtered again on a new search, not on a
    /// page change.
    pub fn search(&self) -> Memo<String> {
        let state = self.state;
        Memo::new(move |_| state.with(|s| s.q.clone()))
    }
}

impl<S: UrlState> Clone for ListUrl<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S: UrlState> Copy for ListUrl<S> {}

impl<S: Paged> ListUrl<S> {
    /// The state of the current URL; `page` is the list's own.
    pub fn new(page: Page<'_>) -> Self {
        let query = use_query_map();
        let state = Memo::new(move |_| {
            query.with(|q| S::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v))))
        });
        let nav = use_navigate();
        ListUrl {
            state,
            path: StoredValue::new(page.path()),
            navigate: StoredValue::new_local(Box::new(nav)),
        }
    }

    /// Moves to `next`; `replace` while typing so history is not flooded.
    pub fn go(&self, next: S, replace: bool) {
        let q = next.to_query();
        let url = if q.is_empty() {
            self.path.get_value()
        } else {
            format!("{}?{q}", self.path.get_value())
        };
        let opts = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        // try_: a late timer or answer may come after the list page is gone.
        self.navigate.try_with_value(|n| n(&url, opts));
    }

    /// Applies a filter change: back to page 1.
    pub fn filter(&self, f: impl FnOnce(&mut S), replace: bool) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        s.set_page(1);
        self.go(s, replace);
    }

    /// The `on:change` of a filter's `<select>`: `set` writes its value, back to page 1.
    pub fn select(self, set: fn(&mut S, &str)) -> impl Fn(leptos::ev::Event) + Clone + 'static {
        move |ev| {
            let v = event_target_value(&ev);
            self.filter(|s| set(s, &v), false);
        }
    }

    /// Moves to another page (and size) of the same view.
    pub fn page(&self, page: u32, f: impl FnOnce(&mut S)) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        s.set_page(page);
        self.go(s, false);
    }
}

/// Three-way filter on a yes/no field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tri {
    #[default]
    Any,
    Yes,
    No,
}

impl Tri {
    pub fn key(self) -> &'static str {
        match self {
            Tri::Any => "",
            Tri::Yes => "true",
            Tri::No => "false",
        }
    }
    pub fn parse(s: &str) -> Tri {
        match s {
            "true" => Tri::Yes,
            "false" => Tri::No,
            _ => Tri::Any,
        }
    }
    pub fn as_bool(self) -> Option<bool> {
        match self {
            Tri::Any => None,
            Tri::Yes => Some(true),
            Tri::No => Some(false),
        }
    }
}
