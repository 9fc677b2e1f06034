//! The users page's state as it lives in the URL query: the tab, the search,
//! the filters, the sort and the page. Pure, so host tests reach it.

use crate::api::users::{AdminQuery, EndUserQuery};
use crate::hooks::UrlState;
use crate::paging::{add_paging, parse_page, parse_size, DEFAULT_SIZE};
use crate::url::Query;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    EndUsers,
    Admins,
}

/// The sorts AuthSec's list rows allow (they carry no last sign-in).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Created,
    Email,
}

impl Sort {
    pub fn key(self) -> &'static str {
        match self {
            Sort::Created => "created_at",
            Sort::Email => "email",
        }
    }
    fn parse(s: &str) -> Option<Sort> {
        [Sort::Created, Sort::Email]
            .into_iter()
            .find(|x| x.key() == s)
    }
    /// The direction a first click on the column sorts in: newest first for
    /// dates, A–Z for the email.
    pub fn natural_asc(self) -> bool {
        self == Sort::Email
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct UsersState {
    pub tab: Tab,
    pub search: String,
    /// `active`, `inactive` or empty for any (end users only).
    pub status: String,
    pub sort: Sort,
    pub asc: bool,
    pub page: u32,
    pub size: u32,
}

impl Default for UsersState {
    fn default() -> Self {
        UsersState {
            tab: Tab::EndUsers,
            search: String::new(),
            status: String::new(),
            sort: Sort::Created,
            asc: false,
            page: 1,
            size: DEFAULT_SIZE,
        }
    }
}

crate::paged_by_fields!(UsersState);

impl UrlState for UsersState {
    /// `dir` is read by [`UsersState::from_pairs`]: without it, the sort's own direction.
    fn read(&mut self, key: &str, v: &str) {
        match key {
            "tab" if v == "admins" => self.tab = Tab::Admins,
            "q" => self.search = v.to_string(),
            "status" if v == "active" || v == "inactive" => self.status = v.to_string(),
            "sort" => self.sort = Sort::parse(v).unwrap_or_default(),
            "page" => self.page = parse_page(v),
            "size" => self.size = parse_size(v),
            _ => {}
        }
    }

    fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = UsersState::default();
        let mut dir = None;
        for (k, v) in pairs {
            match k {
                "dir" if v == "asc" || v == "desc" => dir = Some(v == "asc"),
                _ => s.read(k, v),
            }
        }
        s.asc = dir.unwrap_or(s.sort.natural_asc());
        s
    }

    fn to_query(&self) -> String {
        let mut q = Query::new();
        if self.tab == Tab::Admins {
            q = q.add("tab", "admins");
        }
        q = q.add("q", &self.search).add("status", &self.status);
        if self.sort != Sort::Created {
            q = q.add("sort", self.sort.key());
        }
        if self.asc != self.sort.natural_asc() {
            q = q.add("dir", if self.asc { "asc" } else { "desc" });
        }
        q = add_paging(q, self.page, self.size);
        q.encode()
    }
}

impl UsersState {
    /// The end-user list request for this view.
    pub fn end_user_query(&self, tenant_id: &str) -> EndUserQuery {
        let search = self.search.trim();
        EndUserQuery {
            tenant_id: tenant_id.to_string(),
            page: self.page,
            limit: self.size,
            search: (!search.is_empty()).then(|| search.to_string()),
            status: (!self.status.is_empty()).then(|| self.status.clone()),
            sort_by: Some(self.sort.key().to_string()),
            sort_direction: Some(if self.asc { "asc" } else { "desc" }.to_string()),
        }
    }

    pub fn admin_query(&self) -> AdminQuery {
        let search = self.search.trim();
        AdminQuery {
            page: self.page,
            limit: self.size,
            search: (!search.is_empty()).then(|| search.to_string()),
        }
    }

    /// True when a filter narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.search.trim().is_empty() || !self.status.is_empty()
    }

    /// Same tab, size and sort; no filters, page 1.
    pub fn cleared(&self) -> Self {
        UsersState {
            tab: self.tab,
            sort: self.sort,
            asc: self.asc,
            size: self.size,
            ..UsersState::default()
        }
    }

    /// The other tab starts afresh (its own filters differ).
    pub fn on_tab(&self, tab: Tab) -> Self {
        UsersState {
            tab,
            size: self.size,
            ..UsersState::default()
        }
    }

    /// A click on a sortable column: the same column flips the direction,
    /// another starts in its natural one.
    pub fn sorted_by(&self, sort: Sort) -> Self {
        let asc = if self.sort == sort {
            !self.asc
        } else {
            sort.natural_asc()
        };
        UsersState {
            sort,
            asc,
            page: 1,
            ..self.clone()
        }
    }

    /// True when `other` asks for the same set of rows (paging aside).
    pub fn same_filter(&self, other: &UsersState) -> bool {
        self.tab == other.tab
            && self.search.trim() == other.search.trim()
            && self.status == other.status
    }
}

#[cfg(test)]
mod tests;
