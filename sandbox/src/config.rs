//! Command-line options (clap derive). The parsed [`Args`] is the server's configuration.

use std::net::SocketAddr;

use clap::{Parser, ValueEnum};
use url::Url;

/// Origins admitted when no `--allow-origin` is given (Trunk's default dev server).
pub const DEFAULT_ORIGINS: [&str; 2] = ["http://localhost:8080", "http://127.0.0.1:8080"];

#[derive(Parser, Debug, Clone)]
#[command(
    name = "authsec-sandbox",
    version,
    about = "Local AuthSec API sandbox for the AuthSec Console (in-memory; every start reseeds the same data)"
)]
pub struct Args {
    /// Address to listen on; only loopback addresses are accepted (port 0 picks a free port)
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: SocketAddr,
    /// Number of clients seeded for tenant acme
    #[arg(long, value_name = "N", default_value_t = 250,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub clients: u32,
    /// Number of end users seeded for tenant acme (user@acme.test and new-user@acme.test included)
    #[arg(long, value_name = "N", default_value_t = 1200,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub users: u32,
    /// Roles and groups seeded for tenant acme beyond the usual few, and the members of
    /// one more group, "Everyone (benchmark)" (as many end users as there are; the
    /// access benchmark, bench/access.mjs)
    #[arg(long, value_name = "N", default_value_t = 0,
          value_parser = clap::value_parser!(u32).range(0..=100_000))]
    pub access_rows: u32,
    /// Origin admitted by CORS and WebAuthn (repeatable) [default: http://localhost:8080, http://127.0.0.1:8080]
    #[arg(long = "allow-origin", value_name = "URL", value_parser = parse_origin)]
    pub allow_origin: Vec<String>,
    /// WebAuthn relying party id
    #[arg(long, value_name = "DOMAIN", default_value = "localhost")]
    pub rp_id: String,
    /// Random latency added to API requests, in milliseconds ("A-B" or "A")
    #[arg(long, value_name = "A-B", value_parser = parse_latency)]
    pub latency_ms: Option<LatencyRange>,
    /// Fraction (0..1) of API requests answered 503
    #[arg(long = "fail-5xx", value_name = "F", default_value_t = 0.0, value_parser = parse_fraction)]
    pub fail_5xx: f64,
    /// Fraction (0..1) of API requests answered 429 with Retry-After: 1
    #[arg(long = "fail-429", value_name = "F", default_value_t = 0.0, value_parser = parse_fraction)]
    pub fail_429: f64,
    /// Fraction (0..1) of signed-in writes (a bearer token, not GET) that the server
    /// carries out and then answers 503, as if the answer were lost on the way back
    /// (reads sent as POST, such as the user list, are left alone)
    #[arg(long = "fail-after-commit", value_name = "F", default_value_t = 0.0, value_parser = parse_fraction)]
    pub fail_after_commit: f64,
    /// Lifetime of minted access tokens (and their sessions), in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 3600,
          value_parser = clap::value_parser!(u64).range(1..=31_536_000))]
    pub token_ttl: u64,
    /// How old a sign-in or step-up may be for the step-up routes (extended profile)
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub step_up_seconds: u64,
    /// Stamp each sign-in `auth_time` this long ago, as if the admin signed in a while
    /// back, so the step-up routes ask at once (extended profile)
    #[arg(long, value_name = "SECONDS", default_value_t = 0)]
    pub signed_in_ago: u64,
    /// Seed data profile: realistic data, or hostile strings in every free-text field
    #[arg(long, value_enum, default_value_t = SeedProfile::Default)]
    pub seed_profile: SeedProfile,
    /// Which server to be: `authsec` is exactly the AuthSec backend (authsec-ai/authsec-ai@ea80426:
    /// its routes, shapes and texts, every extension route answering 404); `extended` adds the
    /// extension services of shared/extensions-api.md
    #[arg(long, value_enum, default_value_t = Profile::Extended)]
    pub profile: Profile,
    /// Remove an extension route group so it answers 404 (repeatable)
    #[arg(long = "disable", value_enum, value_name = "FEATURE")]
    pub disable: Vec<Feature>,
    /// Write the demo facts (URL, password, accounts, TOTP secret, a backup code, the
    /// end-user client) to this JSON file once listening, for scripts and tests
    #[arg(long, value_name = "FILE")]
    pub facts: Option<std::path::PathBuf>,
    /// A JSON file of DNS names to their TXT strings, read at each domain verification
    /// (the sandbox's DNS: no file, or a name not in it, means the name does not exist)
    #[arg(long, value_name = "FILE")]
    pub dns_zone: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Profile {
    Authsec,
    Extended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeedProfile {
    Default,
    Hostile,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Feature {
    RotateSecret,
    PasskeyCredentials,
    Sessions,
    Apps,
    ApiKeys,
    UserBatch,
    /// Backup-code regeneration for console sign-in (`/webauthn/totp/backup/regenerate`).
    BackupRegenerate,
    /// Step-up (`/uflow/step-up`); without it no route asks for one.
    StepUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatencyRange {
    pub min: u64,
    pub max: u64,
}

impl Args {
    /// Parses an argument list (the program name first), for tests and embedding.
    pub fn from_list<I: IntoIterator<Item = &'static str>>(list: I) -> Args {
        Args::parse_from(std::iter::once("authsec-sandbox").chain(list))
    }

    pub fn validate(&self) -> Result<(), String> {
        if !self.addr.ip().is_loopback() {
            return Err(format!(
                "refusing to listen on non-loopback address {} (use 127.0.0.1 or [::1])",
                self.addr
            ));
        }
        Ok(())
    }

    /// Whether an extension is served: on the `extended` profile, unless `--disable`d.
    pub fn enabled(&self, feature: Feature) -> bool {
        self.extended() && !self.disable.contains(&feature)
    }

    pub fn extended(&self) -> bool {
        self.profile == Profile::Extended
    }

    /// The allowed origins (serialised without a trailing slash).
    pub fn origins(&self) -> Vec<String> {
        if self.allow_origin.is_empty() {
            DEFAULT_ORIGINS.iter().map(|s| s.to_string()).collect()
        } else {
            self.allow_origin.clone()
        }
    }

    pub fn hostile(&self) -> bool {
        self.seed_profile == SeedProfile::Hostile
    }
}

fn parse_origin(s: &str) -> Result<String, String> {
    let url = Url::parse(s).map_err(|e| format!("invalid origin URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err("origin must be an http(s) URL with a host".into());
    }
    Ok(url.origin().ascii_serialization())
}

fn parse_latency(s: &str) -> Result<LatencyRange, String> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let min: u64 = a.trim().parse().map_err(|_| format!("bad latency {s:?}"))?;
    let max: u64 = b.trim().parse().map_err(|_| format!("bad latency {s:?}"))?;
    if min > max || max > 60_000 {
        return Err("latency must be A-B with A <= B <= 60000".into());
    }
    Ok(LatencyRange { min, max })
}

fn parse_fraction(s: &str) -> Result<f64, String> {
    let f: f64 = s.parse().map_err(|_| format!("not a number: {s:?}"))?;
    if !(0.0..=1.0).contains(&f) {
        return Err("fraction must be between 0 and 1".into());
    }
    Ok(f)
}
