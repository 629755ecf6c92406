//! `sitrep serve` (issue: serve). Not built yet.

use crate::Outcome;

/// Arguments of `sitrep serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: crate::common::DbArg,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("serve is not built yet")
}
