//! AuthSec sandbox: an in-memory implementation of the AuthSec HTTP contract
//! (`/work/shared/api-contract.md`) for developing and testing the console.

pub mod auth;
pub mod body;
pub mod config;
pub mod db;
pub mod dns;
pub mod error;
pub mod middleware;
pub mod routes;
pub mod seed;
pub mod state;
pub mod util;

use std::io::Write;
use std::net::SocketAddr;

use axum::Router;

pub use config::Args;
pub use state::AppState;

/// Builds the seeded state and the full router (CORS, faults and every route group).
pub fn build(args: Args) -> Result<(Router, AppState), String> {
    args.validate()?;
    let state = AppState::new(args)?;
    let router = routes::router(state.clone());
    Ok((router, state))
}

/// The demo facts as JSON: what a script or test needs to sign in to this sandbox.
pub fn facts_json(state: &AppState, url: &str) -> serde_json::Value {
    let facts = state.db().facts.clone();
    serde_json::json!({
        "sandbox_url": url,
        "password": seed::DEMO_PASSWORD,
        "accounts": seed::demo::DEMO_ACCOUNTS,
        "totp_secret": facts.totp_secret,
        "backup_code": facts.backup_codes.first(),
        "backup_code_of": facts.admin_email,
        "end_user_client_id": facts.default_client_id,
        "tenants": { "acme": facts.acme_tenant_id, "globex": facts.globex_tenant_id },
    })
}

/// Writes `json` to `path` whole (a temporary file renamed), so a reader never
/// sees half of it.
fn write_facts(path: &std::path::Path, json: &serde_json::Value) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, format!("{json:#}\n"))
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Binds the loopback address, prints the start-up lines (and writes the facts
/// file with `--facts`) and serves until Ctrl-C.
pub async fn run(args: Args) -> Result<(), String> {
    let addr = args.addr;
    let facts_path = args.facts.clone();
    let (router, state) = build(args)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot bind {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let facts = state.db().facts.clone();
    if let Some(path) = &facts_path {
        write_facts(path, &facts_json(&state, &format!("http://{local}")))?;
    }
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "AuthSec sandbox listening on http://{local}");
        let _ = writeln!(
            out,
            "TOTP secret for {}: {}",
            facts.admin_email, facts.totp_secret
        );
        let _ = writeln!(
            out,
            "Backup code for {}: {}",
            facts.admin_email, facts.backup_codes[0]
        );
        let _ = writeln!(out, "End-user client for acme: {}", facts.default_client_id);
        let _ = out.flush();
    }
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| e.to_string())
}
