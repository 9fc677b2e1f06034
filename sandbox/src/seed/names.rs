//! Vocabularies for seed data, and the hostile strings of `--seed-profile hostile`.

use std::sync::LazyLock;

pub const FIRST_NAMES: [&str; 32] = [
    "Amara", "Bjorn", "Chen", "Dalia", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kwame",
    "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera",
    "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Dmitri", "Esther", "Fatima",
];

pub const LAST_NAMES: [&str; 32] = [
    "Okafor",
    "Lindqvist",
    "Wang",
    "Haddad",
    "Yilmaz",
    "Rahimi",
    "Schultz",
    "Tanaka",
    "Moreau",
    "Berg",
    "Mensah",
    "Novak",
    "Garcia",
    "Petrova",
    "Nielsen",
    "Iyer",
    "Murphy",
    "Costa",
    "Larsen",
    "Aziz",
    "Patel",
    "Horvat",
    "Li",
    "Ruiz",
    "Demir",
    "Kowalski",
    "Sato",
    "Ferreira",
    "Alvarez",
    "Volkov",
    "Cohen",
    "Benali",
];

pub const EMAIL_DOMAINS: [&str; 4] = ["acme.test", "mail.acme.test", "example.com", "example.org"];

pub const CLIENT_ADJ: [&str; 16] = [
    "Orbital",
    "Crimson",
    "Quiet",
    "Rapid",
    "Northern",
    "Silver",
    "Atlas",
    "Blue",
    "Copper",
    "Delta",
    "Evergreen",
    "Harbor",
    "Lunar",
    "Summit",
    "Vector",
    "Willow",
];

pub const CLIENT_NOUN: [&str; 16] = [
    "Billing",
    "Payments",
    "Analytics",
    "Support",
    "Inventory",
    "Checkout",
    "Identity",
    "Reporting",
    "Search",
    "Shipping",
    "Onboarding",
    "Ledger",
    "Catalog",
    "Notifications",
    "Scheduler",
    "Insights",
];

pub const CLIENT_KIND: [&str; 8] = [
    "Portal",
    "API",
    "Agent",
    "Dashboard",
    "Mobile App",
    "Worker",
    "Gateway",
    "CLI",
];

pub const TAGS: [&str; 6] = ["prod", "staging", "internal", "partner", "mobile", "legacy"];

pub const CLIENT_ROLES: [&str; 4] = ["viewer", "editor", "billing", "support"];

/// The hostile strings every free-text field cycles through in the hostile profile.
pub static HOSTILE: LazyLock<Vec<String>> = LazyLock::new(|| {
    let long: String = "Overflow-".repeat(556)[..5000].to_string();
    vec![
        "<script>window.__pwned=1</script>".to_string(),
        "<img src=x onerror=\"window.__pwned=1\">".to_string(),
        "javascript:alert(1)".to_string(),
        "{{7*7}} ${7*7}".to_string(),
        long,
        "\u{202E}gnp.exe\u{202C} admin\u{200B}\u{200D}\u{FEFF}name".to_string(),
        "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} \u{1F3F3}\u{FE0F}\u{200D}\u{1F308} \u{1F9D1}\u{1F3FD}\u{200D}\u{1F4BB}".to_string(),
        "null".to_string(),
        "undefined".to_string(),
        " \t\u{00A0}\u{3000}\u{2003} ".to_string(),
    ]
});

/// Source of free-text values: the normal value, or the next hostile string.
pub struct Texts {
    hostile: bool,
    next: usize,
}

impl Texts {
    pub fn new(hostile: bool) -> Self {
        Texts { hostile, next: 0 }
    }

    pub fn pick(&mut self, normal: impl Into<String>) -> String {
        if self.hostile {
            let s = HOSTILE[self.next % HOSTILE.len()].clone();
            self.next += 1;
            s
        } else {
            normal.into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::HOSTILE;

    #[test]
    fn long_string_is_5000_chars() {
        assert!(HOSTILE.iter().any(|s| s.chars().count() == 5000));
    }
}
