//! URL building: pages hand over a path and typed query pairs, never a URL.

pub use crate::url::{segment, Query};

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
