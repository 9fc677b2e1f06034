//! An initials avatar: decoration beside a name that is always written out.

use leptos::prelude::*;

/// Up to two initials from the name, else from the email's local part.
pub fn initials(name: &str, email: &str) -> String {
    let from_name: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .flat_map(char::to_uppercase)
        .collect();
    if !from_name.is_empty() {
        return from_name;
    }
    email
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_else(|| "?".into())
}

/// One of eight tints, stable for a given email.
pub fn tint(email: &str) -> u8 {
    (email
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32))
        % 8) as u8
}

#[component]
pub fn Avatar(#[prop(into)] name: String, #[prop(into)] email: String) -> impl IntoView {
    let class = format!("avatar avatar--{}", tint(&email));
    view! {
        <span class=class aria-hidden="true">
            {initials(&name, &email)}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_prefer_the_name() {
        assert_eq!(initials("ada lovelace", "x@y.z"), "AL");
        assert_eq!(initials("  Émile  Zola Jr ", ""), "ÉZ");
        assert_eq!(initials("", "bob@acme.test"), "B");
        assert_eq!(initials("<script>", "!!"), "S");
        assert_eq!(initials("", ""), "?");
        assert_eq!(tint("a@b.c"), tint("a@b.c"));
        assert!(tint("whatever@x.io") < 8);
    }
}
