//! The tenant sessions list's URL state: email filter, active, page, size.

use crate::hooks::list_url::Tri;
use crate::hooks::UrlState;
use crate::paging::{add_paging, parse_page, parse_size, DEFAULT_SIZE};
use crate::url::Query;

#[derive(Clone, Debug, PartialEq)]
pub struct SessionsState {
    pub email: String,
    pub active: Tri,
    pub page: u32,
    pub size: u32,
}

impl Default for SessionsState {
    fn default() -> Self {
        SessionsState {
            email: String::new(),
            active: Tri::Any,
            page: 1,
            size: DEFAULT_SIZE,
        }
    }
}

crate::paged_by_fields!(SessionsState);

impl UrlState for SessionsState {
    fn read(&mut self, key: &str, v: &str) {
        match key {
            "email" => self.email = v.to_string(),
            "active" => self.active = Tri::parse(v),
            "page" => self.page = parse_page(v),
            "size" => self.size = parse_size(v),
            _ => {}
        }
    }

    fn to_query(&self) -> String {
        let mut q = Query::new()
            .add("email", &self.email)
            .add("active", self.active.key());
        q = add_paging(q, self.page, self.size);
        q.encode()
    }
}

impl SessionsState {
    /// The `GET /admin/sessions` query.
    pub fn api_query(&self) -> Query {
        Query::new()
            .add("email", self.email.trim())
            .opt("active", self.active.as_bool())
            .add("page", self.page)
            .add("limit", self.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> SessionsState {
        SessionsState::from_query(q)
    }

    #[test]
    fn round_trips_through_the_url() {
        let s = SessionsState {
            email: "ada@x.io".into(),
            active: Tri::Yes,
            page: 3,
            size: 50,
        };
        assert_eq!(parse(&s.to_query()), s);
        assert_eq!(SessionsState::default().to_query(), "");
        assert_eq!(
            parse("active=maybe&page=-1&size=3"),
            SessionsState::default()
        );
        assert_eq!(
            s.api_query().encode(),
            "email=ada%40x.io&active=true&page=3&limit=50"
        );
    }
}
