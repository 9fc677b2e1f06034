//! Query strings and path segments, for the API's URLs and the browser's alike (a leaf:
//! it knows no service, no page).

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
