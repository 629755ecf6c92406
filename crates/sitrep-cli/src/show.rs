//! `sitrep show` (issue: relate and reconcile). Not built yet.

use crate::Outcome;

/// Arguments of `sitrep show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The event id.
    id: String,
    #[command(flatten)]
    db: crate::common::DbArg,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("show is not built yet")
}
