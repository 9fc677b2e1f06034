//! A tenant's domains (AuthSec's `tenant_domains`, authsec-api.md §f.2): a name proven
//! by a DNS TXT record, one of them primary.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::util::Time;

#[derive(Debug, Clone)]
pub struct Domain {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub domain: String,
    pub is_primary: bool,
    pub is_verified: bool,
    /// 64 lower-case hex digits (`tenant_domains_repository.go:48-54`).
    pub token: String,
    pub verified_at: Option<Time>,
    pub created_at: Time,
    pub updated_at: Time,
}

impl Domain {
    pub fn txt_name(&self) -> String {
        format!("_authsec-challenge.{}", self.domain)
    }

    pub fn txt_value(&self) -> String {
        format!("authsec-domain-verification={}", self.token)
    }

    /// `domain_controller.go:33-47`: times in Go's `time.Time.String()` form.
    pub fn view(&self) -> Value {
        let mut v = json!({
            "id": self.id, "tenant_id": self.tenant_id, "domain": self.domain,
            "kind": "custom", "is_primary": self.is_primary, "is_verified": self.is_verified,
            "verification_method": "dns_txt", "verification_token": self.token,
            "verification_txt_name": self.txt_name(), "verification_txt_value": self.txt_value(),
            "created_at": go_time(self.created_at), "updated_at": go_time(self.updated_at),
        });
        if let Some(at) = self.verified_at {
            v["verified_at"] = json!(go_time(at));
        }
        v
    }
}

/// Go's `time.Time.String()` of a UTC time: `2026-04-20 09:12:44.318274 +0000 UTC`,
/// the fraction without trailing zeros (none when zero).
pub fn go_time(t: Time) -> String {
    let frac = format!("{:09}", t.timestamp_subsec_nanos());
    let frac = frac.trim_end_matches('0');
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{}{dot}{frac} +0000 UTC", t.format("%Y-%m-%d %H:%M:%S"))
}

/// AuthSec's normalisation (`tenant_domains_repository.go:57-70`): trimmed, lower-cased,
/// one trailing dot dropped; `Err` with its text when empty or holding `/`, `\` or `*`.
pub fn normalize(raw: &str) -> Result<String, &'static str> {
    let d = raw.trim().to_lowercase();
    let d = d.strip_suffix('.').unwrap_or(&d).to_string();
    if d.is_empty() {
        return Err("domain cannot be empty");
    }
    if d.contains(['/', '\\', '*']) {
        return Err("invalid domain format");
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn go_time_trims_the_fraction() {
        let t = chrono::Utc
            .with_ymd_and_hms(2026, 4, 20, 9, 12, 44)
            .unwrap();
        assert_eq!(go_time(t), "2026-04-20 09:12:44 +0000 UTC");
        let t = t + chrono::Duration::microseconds(318_274);
        assert_eq!(go_time(t), "2026-04-20 09:12:44.318274 +0000 UTC");
    }

    #[test]
    fn normalizes_as_authsec() {
        assert_eq!(
            normalize(" Login.ACME.example. "),
            Ok("login.acme.example".into())
        );
        assert_eq!(normalize("   "), Err("domain cannot be empty"));
        assert_eq!(normalize("*.acme.example"), Err("invalid domain format"));
        assert_eq!(normalize("acme.example/x"), Err("invalid domain format"));
        // AuthSec lets these through.
        assert_eq!(normalize("localhost"), Ok("localhost".into()));
    }
}
