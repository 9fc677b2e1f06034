//! URL building: pages hand over a path and typed query pairs, never a URL.

/// Query pairs; `None` values and empty strings are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn new() -> Self {
        Query(Vec::new())
    }
    /// Adds a pair; an empty or whitespace-only value is dropped.
    pub fn add(mut self, key: &str, value: impl ToString) -> Self {
        let value = value.to_string();
        if !value.trim().is_empty() {
            self.0.push((key.to_string(), value));
        }
        self
    }
    /// Adds a pair when `value` is present.
    pub fn opt(self, key: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.add(key, v),
            None => self,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The encoded query string, without the leading `?`.
    pub fn encode(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.0 {
            s.append_pair(k, v);
        }
        s.finish()
    }
}

/// Encodes one path segment (ids typed by people or seeded by servers).
pub fn segment(s: &str) -> String {
    // form_urlencoded turns spaces into '+', which is wrong in a path.
    form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// Joins a service base, a path (with a leading `/`) and a query.
pub fn join(base: &str, path: &str, query: &Query) -> String {
    let mut url = String::with_capacity(base.len() + path.len() + 32);
    url.push_str(base.trim_end_matches('/'));
    if !path.is_empty() && !path.starts_with('/') {
        url.push('/');
    }
    url.push_str(path);
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query.encode());
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_base_path_and_query() {
        let q = Query::new()
            .add("name", "Acme app")
            .add("tags", "prod,mobile")
            .add("page", 2)
            .add("email", "  ");
        assert_eq!(
            join("http://127.0.0.1:8787/authsec/clientms/", "/tenants/t1/clients/getClients", &q),
            "http://127.0.0.1:8787/authsec/clientms/tenants/t1/clients/getClients?name=Acme+app&tags=prod%2Cmobile&page=2"
        );
    }

    #[test]
    fn no_query_no_question_mark() {
        assert_eq!(
            join("https://x/authsec/uflow", "login", &Query::new()),
            "https://x/authsec/uflow/login"
        );
    }

    #[test]
    fn optional_values() {
        let q = Query::new()
            .opt("active", Some(true))
            .opt("deleted", None::<bool>);
        assert_eq!(q.encode(), "active=true");
    }

    #[test]
    fn segments_are_escaped() {
        assert_eq!(segment("a b/c?d"), "a%20b%2Fc%3Fd");
        assert_eq!(segment("5f0c-11"), "5f0c-11");
    }
}
