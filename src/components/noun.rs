//! What a list or a detail page holds, named once: the page's sentences are made
//! from the name, so every list says "Loading roles", "The roles could not be
//! loaded", "No roles yet." and "No role matches this search." the same way.
//!
//! ```ignore
//! const ROLES: Noun = noun!("role", "roles", "Role", "Roles");
//! view! { <SearchList url data noun=ROLES placeholder="Role name" columns row /> }
//! ```

/// The sentences of one kind of item. Made with [`noun!`](crate::noun).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Noun {
    /// "Role": a detail page's breadcrumb.
    pub one: &'static str,
    /// "Roles": a table's accessible name, a breadcrumb back to the list.
    pub many: &'static str,
    /// "Loading roles": a list's skeleton.
    pub loading: &'static str,
    /// "Loading role": a detail page's skeleton.
    pub loading_one: &'static str,
    /// "The roles": the subject of a list's failure sentence.
    pub what: &'static str,
    /// "The role": the subject of a detail page's failure sentence.
    pub what_one: &'static str,
    /// "No roles yet."
    pub none_yet: &'static str,
    /// "No role matches this search."
    pub none_match: &'static str,
    /// "Filter roles": a list's filter form.
    pub filter: &'static str,
    /// "Role pages": a list's pager.
    pub pages: &'static str,
    /// "This role does not exist in this workspace. …": a detail page's 404.
    pub not_found: &'static str,
}

/// A [`Noun`] from its four spellings: `noun!("role", "roles", "Role", "Roles")`.
#[macro_export]
macro_rules! noun {
    ($one:literal, $many:literal, $One:literal, $Many:literal) => {
        $crate::components::Noun {
            one: $One,
            many: $Many,
            loading: concat!("Loading ", $many),
            loading_one: concat!("Loading ", $one),
            what: concat!("The ", $many),
            what_one: concat!("The ", $one),
            none_yet: concat!("No ", $many, " yet."),
            none_match: concat!("No ", $one, " matches this search."),
            filter: concat!("Filter ", $many),
            pages: concat!($One, " pages"),
            not_found: concat!(
                "This ",
                $one,
                " does not exist in this workspace. It may have been deleted."
            ),
        }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sentences_come_from_the_name() {
        let n = crate::noun!("API key", "API keys", "API key", "API keys");
        assert_eq!(n.loading, "Loading API keys");
        assert_eq!(n.what_one, "The API key");
        assert_eq!(n.none_yet, "No API keys yet.");
        assert_eq!(n.none_match, "No API key matches this search.");
        assert_eq!(
            n.not_found,
            "This API key does not exist in this workspace. It may have been deleted."
        );
    }
}
