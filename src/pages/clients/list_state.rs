//! The client list's state (filters, page, size, columns) as it lives in the
//! URL query, and the API query it asks for. Pure, so host tests reach it.

pub use crate::hooks::list_url::Tri;
use crate::hooks::UrlState;
use crate::paging::{add_paging, parse_page, parse_size, DEFAULT_SIZE};
use crate::url::Query;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    ClientId,
    Status,
    Type,
    Tags,
    Oidc,
    Mfa,
    Users,
    Created,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Name,
        Column::ClientId,
        Column::Status,
        Column::Type,
        Column::Tags,
        Column::Oidc,
        Column::Mfa,
        Column::Users,
        Column::Created,
    ];

    /// The columns a list shows until the admin picks others: the ones that fit a
    /// 1280-px window beside the actions (OIDC and Users are one click away).
    pub const DEFAULT: [Column; 7] = [
        Column::Name,
        Column::ClientId,
        Column::Status,
        Column::Type,
        Column::Tags,
        Column::Mfa,
        Column::Created,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::ClientId => "client_id",
            Column::Status => "status",
            Column::Type => "type",
            Column::Tags => "tags",
            Column::Oidc => "oidc",
            Column::Mfa => "mfa",
            Column::Users => "users",
            Column::Created => "created",
        }
    }

    /// The class every cell of this column carries (`c-client_id` …): the table
    /// hides a column with one class of its own (see [`table_class`]), so a
    /// column change restyles the table instead of touching every cell.
    pub fn cell_class(self) -> &'static str {
        match self {
            Column::Name => "c-name",
            Column::ClientId => "c-client_id",
            Column::Status => "c-status",
            Column::Type => "c-type",
            Column::Tags => "c-tags",
            Column::Oidc => "c-oidc",
            Column::Mfa => "c-mfa",
            Column::Users => "c-users",
            Column::Created => "c-created",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::ClientId => "Client ID",
            Column::Status => "Status",
            Column::Type => "Type",
            Column::Tags => "Tags",
            Column::Oidc => "OIDC",
            Column::Mfa => "MFA",
            Column::Users => "Users",
            Column::Created => "Created",
        }
    }
}

/// The table's classes for these visible columns: `table` plus `hide-<key>` for
/// each hidden one (style/main.css hides that column's cells).
pub fn table_class(visible: &[Column]) -> String {
    let mut class = String::from("table");
    for c in Column::ALL.into_iter().filter(|c| !visible.contains(c)) {
        class.push_str(" hide-");
        class.push_str(c.key());
    }
    class
}

#[derive(Clone, Debug, PartialEq)]
pub struct ListState {
    pub name: String,
    pub email: String,
    pub tags: Vec<String>,
    /// `Active`, `Inactive` or empty for any.
    pub status: String,
    pub active: Tri,
    /// Show the deleted clients instead of the current ones.
    pub deleted: bool,
    pub page: u32,
    pub size: u32,
    /// Visible columns, in table order.
    pub columns: Vec<Column>,
}

impl Default for ListState {
    fn default() -> Self {
        ListState {
            name: String::new(),
            email: String::new(),
            tags: Vec::new(),
            status: String::new(),
            active: Tri::Any,
            deleted: false,
            page: 1,
            size: DEFAULT_SIZE,
            columns: Column::DEFAULT.to_vec(),
        }
    }
}

/// Splits a comma list into trimmed, non-empty, de-duplicated items.
pub fn split_list(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in s.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    }
    out
}

impl ListState {
    fn column_keys(&self) -> String {
        self.columns
            .iter()
            .map(|c| c.key())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The `getClients` query for `page` (the list's own page unless walking). AuthSec
    /// matches `status` exactly, and a deactivated client's status is `Development`.
    pub fn api_query(&self, page: u32, limit: u32) -> Query {
        let status = match self.status.as_str() {
            "Inactive" => "Development",
            s => s,
        };
        Query::new()
            .add("name", self.name.trim())
            .add("email", self.email.trim())
            .add("tags", self.tags.join(","))
            .add("status", status)
            .opt("active", self.active.as_bool())
            .add("deleted", self.deleted)
            .add("page", page)
            .add("limit", limit)
    }

    /// True when any filter narrows the list (paging and columns aside).
    pub fn is_filtered(&self) -> bool {
        !self.name.trim().is_empty()
            || !self.email.trim().is_empty()
            || !self.tags.is_empty()
            || !self.status.is_empty()
            || self.active != Tri::Any
            || self.deleted
    }

    /// The same view with the filters cleared (size and columns kept).
    pub fn cleared(&self) -> Self {
        ListState {
            size: self.size,
            columns: self.columns.clone(),
            ..ListState::default()
        }
    }

    /// True when `other` asks the server for a different set of rows than
    /// `self` (so page 1 and a new selection are due).
    pub fn same_filter(&self, other: &ListState) -> bool {
        self.name.trim() == other.name.trim()
            && self.email.trim() == other.email.trim()
            && self.tags == other.tags
            && self.status == other.status
            && self.active == other.active
            && self.deleted == other.deleted
    }

    pub fn shows(&self, c: Column) -> bool {
        self.columns.contains(&c)
    }

    pub fn toggle_column(&mut self, c: Column) {
        if self.shows(c) {
            if self.columns.len() > 1 {
                self.columns.retain(|x| *x != c);
            }
        } else {
            self.columns.push(c);
            self.columns
                .sort_by_key(|x| Column::ALL.iter().position(|a| a == x));
        }
    }
}

crate::paged_by_fields!(ListState);

impl UrlState for ListState {
    fn read(&mut self, key: &str, v: &str) {
        match key {
            "name" => self.name = v.to_string(),
            "email" => self.email = v.to_string(),
            "tags" => self.tags = split_list(v),
            "status" if v == "Active" || v == "Inactive" => self.status = v.to_string(),
            "active" => self.active = Tri::parse(v),
            "deleted" => self.deleted = v == "true",
            "page" => self.page = parse_page(v),
            "size" => self.size = parse_size(v),
            "cols" => {
                let set: Vec<&str> = v.split(',').collect();
                self.columns = Column::ALL
                    .into_iter()
                    .filter(|c| set.contains(&c.key()))
                    .collect();
                if self.columns.is_empty() {
                    self.columns = vec![Column::Name];
                }
            }
            _ => {}
        }
    }

    fn to_query(&self) -> String {
        let cols = if self.columns == Column::DEFAULT {
            String::new()
        } else {
            self.column_keys()
        };
        let mut q = Query::new()
            .add("name", &self.name)
            .add("email", &self.email)
            .add("tags", self.tags.join(","))
            .add("status", &self.status)
            .add("active", self.active.key());
        if self.deleted {
            q = q.add("deleted", "true");
        }
        q = add_paging(q, self.page, self.size);
        q.add("cols", cols).encode()
    }
}

#[cfg(test)]
mod tests;
