//! `authsec-sandbox` binary: parses the command line and runs the server.

use clap::Parser;

#[tokio::main]
async fn main() {
    let args = authsec_sandbox::config::Args::parse();
    if let Err(err) = authsec_sandbox::run(args).await {
        eprintln!("authsec-sandbox: {err}");
        std::process::exit(2);
    }
}
