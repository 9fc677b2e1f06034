//! Runtime configuration loaded from `config.json` at start-up, so one build
//! serves every environment.

use serde::Deserialize;

/// The services the console talks to: AuthSec's (clientms, uflow, webauthn) and the
/// extension services (shared/extensions-api.md), each with its own base URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    ClientMs,
    Uflow,
    Webauthn,
    /// Extension: management applications.
    Apps,
    /// Extension: sessions (default: beside uflow).
    Sessions,
    /// Extension: API keys (default: beside uflow).
    ApiKeys,
    /// Extension: passkey list, rename, delete (default: beside webauthn).
    Passkeys,
    /// Upstream identity providers (AuthSec's oocmgr).
    Oocmgr,
}

impl Service {
    /// The default base's last segment, under `{api_base}/authsec/`.
    fn path(self) -> &'static str {
        match self {
            Service::ClientMs => "clientms",
            Service::Uflow | Service::Sessions | Service::ApiKeys => "uflow",
            Service::Webauthn | Service::Passkeys => "webauthn",
            Service::Apps => "apps",
            Service::Oocmgr => "oocmgr",
        }
    }
}

/// `services.<name>` in config.json: a full base URL for that service.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
struct ServiceOverrides {
    clientms: Option<String>,
    uflow: Option<String>,
    webauthn: Option<String>,
    apps: Option<String>,
    sessions: Option<String>,
    api_keys: Option<String>,
    passkeys: Option<String>,
}

#[derive(Deserialize)]
struct RawConfig {
    api_base: String,
    #[serde(default)]
    services: ServiceOverrides,
    tenant_domain: Option<String>,
    app_name: Option<String>,
    end_user_client_id: Option<String>,
    #[serde(default)]
    sandbox: bool,
    demo: Option<Demo>,
    #[serde(default)]
    crash_test: bool,
    idle_minutes: Option<f64>,
}

/// The sandbox's demo sign-ins (config.json's `demo`, written by the scripts from
/// the sandbox's facts file: the seed's one list of accounts).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Demo {
    pub password: String,
    pub accounts: Vec<DemoAccount>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct DemoAccount {
    pub email: String,
    /// Left out for the configured workspace.
    #[serde(default)]
    pub workspace: String,
    pub note: String,
}

/// The parsed configuration, with every default applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    api_base: String,
    services: ServiceOverrides,
    pub tenant_domain: String,
    pub app_name: String,
    /// The AuthSec client end users sign in through (`/uflow/user/login` needs one);
    /// `None`: the console signs in admins only.
    pub end_user_client_id: Option<String>,
    pub sandbox: bool,
    /// A sandbox's demo accounts, for the sign-in page (sandboxes only).
    pub demo: Option<Demo>,
    /// Test deployments only: opening `/crash-test` panics on purpose, to show the
    /// crash page (crate::crash). Off unless config.json says `"crash_test": true`.
    pub crash_test: bool,
    /// Seconds without input before the page locks (config.json's `idle_minutes`,
    /// default 15; 0 turns the lock off).
    pub idle_seconds: u32,
}

impl Config {
    /// Parses `config.json`. `page_host` is the page's host name, the default
    /// tenant domain.
    pub fn parse(json: &str, page_host: &str) -> Result<Config, String> {
        let raw: RawConfig =
            serde_json::from_str(json).map_err(|e| format!("config.json is not valid: {e}"))?;
        let api_base = raw.api_base.trim().trim_end_matches('/').to_string();
        if !(api_base.starts_with("https://") || api_base.starts_with("http://")) {
            return Err("config.json: api_base must be an http(s) URL".into());
        }
        let non_empty =
            |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(Config {
            api_base,
            services: raw.services,
            tenant_domain: non_empty(raw.tenant_domain).unwrap_or_else(|| page_host.to_string()),
            app_name: non_empty(raw.app_name).unwrap_or_else(|| "AuthSec Console".into()),
            end_user_client_id: non_empty(raw.end_user_client_id),
            sandbox: raw.sandbox,
            demo: raw.demo.filter(|_| raw.sandbox),
            crash_test: raw.crash_test,
            idle_seconds: idle_seconds(raw.idle_minutes),
        })
    }

    /// The base URL of a service, without a trailing slash.
    pub fn base(&self, service: Service) -> String {
        let over = match service {
            Service::ClientMs => &self.services.clientms,
            Service::Uflow => &self.services.uflow,
            Service::Webauthn => &self.services.webauthn,
            Service::Apps => &self.services.apps,
            Service::Sessions => &self.services.sessions,
            Service::ApiKeys => &self.services.api_keys,
            Service::Passkeys => &self.services.passkeys,
            // Always beside the others: AuthSec serves it through the same gateway.
            Service::Oocmgr => &None,
        };
        match over.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => format!("{}/authsec/{}", self.api_base, service.path()),
        }
    }
}

/// `idle_minutes` as whole seconds: 15 minutes when absent or not a number ≥ 0.
fn idle_seconds(minutes: Option<f64>) -> u32 {
    match minutes {
        Some(m) if m.is_finite() && m >= 0.0 => (m * 60.0).round().min(u32::MAX as f64) as u32,
        _ => 15 * 60,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_idle_lock_defaults_to_15_minutes() {
        let c = |json: &str| Config::parse(json, "h").unwrap().idle_seconds;
        assert_eq!(c(r#"{"api_base":"http://x"}"#), 900);
        assert_eq!(c(r#"{"api_base":"http://x","idle_minutes":5}"#), 300);
        assert_eq!(c(r#"{"api_base":"http://x","idle_minutes":0.2}"#), 12);
        assert_eq!(c(r#"{"api_base":"http://x","idle_minutes":0}"#), 0, "off");
        assert_eq!(c(r#"{"api_base":"http://x","idle_minutes":-1}"#), 900);
    }

    #[test]
    fn defaults_derive_from_api_base_and_host() {
        let c = Config::parse(
            r#"{"api_base":"https://api.example.com/"}"#,
            "console.example.com",
        )
        .unwrap();
        assert_eq!(
            c.base(Service::ClientMs),
            "https://api.example.com/authsec/clientms"
        );
        assert_eq!(
            c.base(Service::Webauthn),
            "https://api.example.com/authsec/webauthn"
        );
        assert_eq!(c.tenant_domain, "console.example.com");
        assert_eq!(c.app_name, "AuthSec Console");
        assert!(!c.sandbox);
        assert!(
            !c.crash_test,
            "the crash-test route is off unless asked for"
        );
    }

    #[test]
    fn demo_accounts_are_shown_for_a_sandbox_only() {
        let json = |sandbox: bool| {
            format!(
                r#"{{"api_base":"http://x","sandbox":{sandbox},"demo":{{"password":"pw",
                   "accounts":[{{"email":"a@acme.test","note":"admin"}},
                   {{"email":"b@globex.test","workspace":"globex","note":"admin"}}]}}}}"#
            )
        };
        let demo = Config::parse(&json(true), "h").unwrap().demo.unwrap();
        assert_eq!(demo.password, "pw");
        assert_eq!(demo.accounts[0].email, "a@acme.test");
        assert_eq!(
            demo.accounts[0].workspace, "",
            "the configured workspace is left out"
        );
        assert_eq!(demo.accounts[1].workspace, "globex");
        assert_eq!(Config::parse(&json(false), "h").unwrap().demo, None);
    }

    #[test]
    fn service_overrides_win() {
        let c = Config::parse(
            r#"{"api_base":"http://127.0.0.1:8787","services":{"clientms":"https://dev.api.authsec.dev/clientms/"},
                "tenant_domain":"acme","app_name":"Acme admin","sandbox":true,"crash_test":true}"#,
            "h",
        )
        .unwrap();
        assert_eq!(
            c.base(Service::ClientMs),
            "https://dev.api.authsec.dev/clientms"
        );
        assert_eq!(
            c.base(Service::Uflow),
            "http://127.0.0.1:8787/authsec/uflow"
        );
        assert_eq!(c.tenant_domain, "acme");
        assert_eq!(c.app_name, "Acme admin");
        assert_eq!(
            c.base(Service::Sessions),
            "http://127.0.0.1:8787/authsec/uflow",
            "extensions default to beside their AuthSec service"
        );
        assert!(c.sandbox);
        assert!(c.crash_test);
        assert_eq!(
            c.demo, None,
            "no demo accounts unless config.json lists them"
        );
        assert_eq!(c.end_user_client_id, None);
        let c = Config::parse(
            r#"{"api_base":"http://x","end_user_client_id":" 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d "}"#,
            "h",
        )
        .unwrap();
        assert_eq!(
            c.end_user_client_id.as_deref(),
            Some("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d")
        );
    }

    #[test]
    fn rejects_missing_or_bad_api_base() {
        assert!(Config::parse("{}", "h").unwrap_err().contains("api_base"));
        assert!(Config::parse(r#"{"api_base":"ftp://x"}"#, "h").is_err());
        assert!(Config::parse("not json", "h").is_err());
    }
}
